package dev.sandpiper.connect;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/** Example guests, plugin settings and Debezium-shaped records (PostgreSQL connector, table public.users). */
final class Fixtures {
    static final Path EXAMPLES = Paths.get("..", "examples", "transforms");

    private Fixtures() {
    }

    /** {@code examples/transforms/NAME/NAME.wasm}. */
    static String guest(String name) {
        Path p = EXAMPLES.resolve(name).resolve(name + ".wasm");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("example guest missing: " + p.toAbsolutePath());
        }
        return p.toString();
    }

    /** A test guest from src/test/resources/guests. */
    static String testGuest(String name) {
        try {
            return Paths.get(Fixtures.class.getResource("/guests/" + name + ".wasm").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Settings for {@code module}: the interpreter (no background compiler thread), a generous timeout, and then {@code kv}. */
    static Map<String, String> props(String module, String... kv) {
        Map<String, String> p = new HashMap<>();
        p.put("module", module);
        p.put("engine", "interpreter");
        p.put("timeout.ms", "20000");
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return p;
    }

    static WasmTransform<SourceRecord> transform(String module, String... kv) {
        WasmTransform<SourceRecord> t = new WasmTransform<>();
        t.configure(props(module, kv));
        return t;
    }

    // ---- Debezium's PostgreSQL change events for public.users ----

    static final Schema KEY = SchemaBuilder.struct().name("cdc.public.users.Key")
            .field("id", Schema.INT32_SCHEMA).build();

    static final Schema ROW = SchemaBuilder.struct().name("cdc.public.users.Value").optional()
            .field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("phone", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ssn", Schema.OPTIONAL_STRING_SCHEMA)
            .field("balance", org.apache.kafka.connect.data.Decimal.builder(2).optional().build())
            .field("created_at", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").version(1).optional().build())
            .build();

    static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", SchemaBuilder.string().optional().defaultValue("false").build())
            .field("db", Schema.STRING_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    static final Schema TRANSACTION = SchemaBuilder.struct().name("event.block").optional()
            .field("id", Schema.STRING_SCHEMA)
            .field("total_order", Schema.INT64_SCHEMA)
            .field("data_collection_order", Schema.INT64_SCHEMA)
            .build();

    static final Schema ENVELOPE = envelope(ROW);

    static Schema envelope(Schema row) {
        return SchemaBuilder.struct().name("cdc.public.users.Envelope").version(2)
                .field("before", row)
                .field("after", row)
                .field("source", SOURCE)
                .field("transaction", TRANSACTION)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }

    static Struct user(int id, String name, String email) {
        return new Struct(ROW).put("id", id).put("name", name).put("email", email).put("phone", "+1 555 0100")
                .put("ssn", "123-45-6789").put("balance", new java.math.BigDecimal("100.50"))
                .put("created_at", 1_700_000_000_123_456L);
    }

    static Struct source() {
        return new Struct(SOURCE).put("version", "3.6.1.Final").put("connector", "postgresql").put("name", "cdc")
                .put("ts_ms", 1_700_000_000_000L).put("snapshot", "false").put("db", "app").put("schema", "public")
                .put("table", "users").put("txId", 771L).put("lsn", 0x16B6A70L);
    }

    /** A change record: op c, u, d, r or t. */
    static SourceRecord change(String op, Struct before, Struct after) {
        Struct value = new Struct(ENVELOPE).put("before", before).put("after", after).put("source", source())
                .put("op", op).put("ts_ms", 1_700_000_000_999L)
                .put("transaction", new Struct(TRANSACTION).put("id", "771").put("total_order", 3L)
                        .put("data_collection_order", 1L));
        int id = after != null ? after.getInt32("id") : before != null ? before.getInt32("id") : 0;
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("trace", "abc");
        return new SourceRecord(Map.of("server", "cdc"), Map.of("lsn", 0x16B6A70L), "cdc.public.users", 0, KEY,
                new Struct(KEY).put("id", id), ENVELOPE, value, 1_700_000_001_000L, headers);
    }

    /** The same change without schemas, as JsonConverter with schemas.enable=false hands it over. */
    static SourceRecord schemaless(String op, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("connector", "postgresql");
        source.put("ts_ms", 1_700_000_000_000L);
        source.put("schema", "public");
        source.put("table", "users");
        source.put("lsn", 0x16B6A70L);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("before", before);
        value.put("after", after);
        value.put("source", source);
        value.put("op", op);
        value.put("ts_ms", 1_700_000_000_999L);
        value.put("transaction", null);
        return new SourceRecord(Map.of(), Map.of(), "cdc.public.users", null, null, Map.of("id", 1), null, value,
                1_700_000_001_000L);
    }

    static Map<String, Object> userMap(long id, String email) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", "Alice");
        m.put("email", email);
        m.put("ssn", "123-45-6789");
        m.put("balance", new java.math.BigDecimal("100.50"));
        return m;
    }
}
