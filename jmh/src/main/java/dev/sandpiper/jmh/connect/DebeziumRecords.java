package dev.sandpiper.jmh.connect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records of the connect benchmarks: {@value #SIZE} change events of table {@code public.users} as Debezium
 * 3.6's PostgreSQL connector hands them to a transform (topic prefix {@code pg}, the table with
 * {@code REPLICA IDENTITY FULL}, so updates and deletes carry the whole old row), generated deterministically.
 *
 * <ul>
 *   <li>Value: the full envelope {@code pg.public.users.Envelope} (version 2): {@code before}, {@code after} (the
 *       row, {@code pg.public.users.Value}: {@code id} int32, {@code name} string, {@code email}, {@code phone},
 *       {@code ssn} optional strings, {@code balance} optional {@code Decimal} scale 2, {@code active} boolean,
 *       {@code created_at} optional {@code io.debezium.time.MicroTimestamp}), {@code source} (the connector's
 *       block: version, connector, name, ts_ms, snapshot, db, sequence, ts_us, ts_ns, schema, table, txId, lsn,
 *       xmin), {@code transaction} (null: no transaction metadata), {@code op}, {@code ts_ms}, {@code ts_us},
 *       {@code ts_ns}.
 *   <li>Key: {@code pg.public.users.Key} ({@code id}); source partition {@code {server: pg}}, source offset
 *       {@code lsn}, {@code txId}, {@code ts_usec} (and {@code snapshot}, {@code last_snapshot_record} during the
 *       snapshot); no Kafka partition, timestamp or headers, as the connector leaves them.
 *   <li>Ops: 8 snapshot reads ({@code r}), then 32 streamed changes in the repeating pattern c, u, c, u, d, u, c, u:
 *       12 inserts, 16 updates (each changes the email or phone of a live row), 4 deletes. The 16 updates carry two
 *       rows to mask ({@code before} and {@code after}), the other 24 records one.
 *   <li>PII: every 5th user has no phone (null), every 7th no SSN (null); names include non-ASCII text, quotes
 *       and a backslash, emails non-ASCII letters. No tombstones, heartbeats or schema-change records: every
 *       record is a change event that reaches the guest.
 * </ul>
 */
public final class DebeziumRecords {

    public static final int SIZE = 40;

    public static final String TOPIC = "pg.public.users";

    public static final Schema KEY = SchemaBuilder.struct().name("pg.public.users.Key")
            .field("id", Schema.INT32_SCHEMA).build();

    public static final Schema ROW = SchemaBuilder.struct().name("pg.public.users.Value").optional()
            .field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("phone", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ssn", Schema.OPTIONAL_STRING_SCHEMA)
            .field("balance", Decimal.builder(2).optional().parameter("connect.decimal.precision", "12").build())
            .field("active", Schema.BOOLEAN_SCHEMA)
            .field("created_at", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").version(1).optional()
                    .build())
            .build();

    public static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", SchemaBuilder.string().name("io.debezium.data.Enum").version(1)
                    .parameter("allowed", "true,first,first_in_data_collection,last_in_data_collection,last,false,"
                            + "incremental")
                    .defaultValue("false").optional().build())
            .field("db", Schema.STRING_SCHEMA)
            .field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("xmin", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    public static final Schema TRANSACTION = SchemaBuilder.struct().name("event.block").version(1).optional()
            .field("id", Schema.STRING_SCHEMA)
            .field("total_order", Schema.INT64_SCHEMA)
            .field("data_collection_order", Schema.INT64_SCHEMA)
            .build();

    public static final Schema ENVELOPE = SchemaBuilder.struct().name("pg.public.users.Envelope").version(2)
            .field("before", ROW)
            .field("after", ROW)
            .field("source", SOURCE)
            .field("transaction", TRANSACTION)
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private static final String[] NAMES = {"Alice Martin", "José Álvarez", "山田太郎", "Zoë Ørsted", "Ана Петрова",
        "Quote \"Q\" O'Brien", "Émilie Dupré", "Nguyễn Văn A", "Back\\slash Smith", "Ingrid Bergström",
        "Mohammed Al-Farsi", "Chloé Lefèvre", "Priya Raghunathan", "Łukasz Wiśniewski", "Sean Ó Briain", "Kim Min-jun"};

    private static final String[] OPS = {"c", "u", "c", "u", "d", "u", "c", "u"};

    private static final long T0_MS = 1_700_000_000_000L;

    private static final List<SourceRecord> RECORDS = generate();

    private DebeziumRecords() {}

    /** The records, in order (immutable list; records and Structs must not be modified). */
    public static List<SourceRecord> all() {
        return RECORDS;
    }

    private static List<SourceRecord> generate() {
        List<SourceRecord> out = new ArrayList<>(SIZE);
        Map<Integer, Struct> live = new LinkedHashMap<>();
        int nextId = 1;
        long lsn = 0x16B_6A70L;
        for (int i = 0; i < SIZE; i++) {
            lsn += 0x58 + 8 * i;
            long tx = 770 + i;
            long ms = T0_MS + 1_000L * i;
            if (i < 8) {
                Struct row = user(nextId++, 0);
                live.put(row.getInt32("id"), row);
                out.add(change("r", null, row, i == 7 ? "last" : "true", ms, lsn, tx));
                continue;
            }
            String op = OPS[(i - 8) % OPS.length];
            List<Integer> ids = new ArrayList<>(live.keySet());
            switch (op) {
                case "c" -> {
                    Struct row = user(nextId++, 0);
                    live.put(row.getInt32("id"), row);
                    out.add(change("c", null, row, "false", ms, lsn, tx));
                }
                case "u" -> {
                    Struct before = live.get(ids.get((i * 5) % ids.size()));
                    Struct after = user(before.getInt32("id"), i);
                    live.put(after.getInt32("id"), after);
                    out.add(change("u", before, after, "false", ms, lsn, tx));
                }
                default -> {
                    Struct before = live.remove(ids.get((i * 3) % ids.size()));
                    out.add(change("d", before, null, "false", ms, lsn, tx));
                }
            }
        }
        return List.copyOf(out);
    }

    /** User {@code id}'s row; {@code version} &gt; 0 changes the email (odd) or phone (even). */
    private static Struct user(int id, int version) {
        String name = NAMES[(id - 1) % NAMES.length];
        String local = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", ".");
        String email = version % 2 == 1 ? local + "+" + version + "@example.org" : local + "@example.com";
        int line = (id * 37 + (version % 2 == 0 ? version : 0)) % 10_000;
        String phone = id % 5 == 0 ? null : "+1-202-555-" + String.format(java.util.Locale.ROOT, "%04d", line);
        String ssn = id % 7 == 0 ? null : String.format(java.util.Locale.ROOT, "%03d-%02d-%04d", 100 + id * 13 % 800,
                10 + id % 89, 1000 + id * 271 % 9000);
        return new Struct(ROW).put("id", id).put("name", name).put("email", email).put("phone", phone).put("ssn", ssn)
                .put("balance", BigDecimal.valueOf(1_000L * id + 17L * version, 2)).put("active", id % 4 != 0)
                .put("created_at", (T0_MS - 86_400_000L * (100 - id)) * 1_000L + id);
    }

    private static SourceRecord change(String op, Struct before, Struct after, String snapshot, long ms, long lsn,
            long tx) {
        long us = ms * 1_000L + 123;
        Struct source = new Struct(SOURCE).put("version", "3.6.1.Final").put("connector", "postgresql")
                .put("name", "pg").put("ts_ms", ms).put("snapshot", snapshot).put("db", "shop")
                .put("sequence", "[\"" + (lsn - 0x58) + "\",\"" + lsn + "\"]").put("ts_us", ms * 1_000L)
                .put("ts_ns", ms * 1_000_000L).put("schema", "public").put("table", "users").put("txId", tx)
                .put("lsn", lsn);
        Struct value = new Struct(ENVELOPE).put("before", before).put("after", after).put("source", source)
                .put("op", op).put("ts_ms", ms + 7).put("ts_us", us + 7_000).put("ts_ns", us * 1_000L + 7_000_000);
        Struct row = after != null ? after : before;
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("lsn", lsn);
        offset.put("txId", tx);
        offset.put("ts_usec", ms * 1_000L);
        if (!snapshot.equals("false")) {
            offset.put("snapshot", "INITIAL");
            offset.put("last_snapshot_record", snapshot.equals("last"));
        }
        return new SourceRecord(Map.of("server", "pg"), offset, TOPIC, null, KEY,
                new Struct(KEY).put("id", row.getInt32("id")), ENVELOPE, value);
    }
}
