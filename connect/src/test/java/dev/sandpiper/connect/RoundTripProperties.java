package dev.sandpiper.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventJson;
import dev.sandpiper.connect.convert.RecordMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The conversion property (contract.md, "Kafka Connect and Debezium records ↔ Event"): for generated Debezium
 * envelopes over rows of every Connect type (int8..int64, float32/64 with NaN, infinities and -0.0, boolean, string,
 * bytes, Decimal, Date, Time, Timestamp, Debezium's temporal and Json types, optional fields and nulls, nested
 * structs, arrays, maps with string and non-string keys), record → Event → pass-through guest → record gives back an
 * equal record with the very same schema; schemaless Map values too.
 */
class RoundTripProperties {
    private static WasmTransform<SourceRecord> passThrough;

    @BeforeContainer
    static void open() {
        passThrough = Fixtures.transform(Fixtures.guest("pass-through"));
    }

    @AfterContainer
    static void close() {
        passThrough.close();
    }

    @Property(tries = 300)
    void debeziumEnvelopesRoundTripThroughTheGuest(@ForAll("changes") SourceRecord in) {
        SourceRecord out = passThrough.apply(in);
        assertEquals(ConnectValues.of(in), ConnectValues.of(out));
        assertSame(in.valueSchema(), out.valueSchema());
        assertEquals(in.sourceOffset(), out.sourceOffset());
    }

    @Property(tries = 300)
    void schemalessValuesRoundTripThroughTheGuest(@ForAll("schemalessChanges") SourceRecord in) {
        SourceRecord out = passThrough.apply(in);
        assertEquals(ConnectValues.of(in), ConnectValues.of(out));
    }

    @Property(tries = 500)
    void theEventsWireFormRoundTrips(@ForAll("changes") SourceRecord in) throws Exception {
        // Without the guest: the canonical JSON bytes themselves carry everything back.
        RecordMapper mapper = new RecordMapper();
        Event event = mapper.toEvent(in);
        Event parsed = EventJson.fromJson(EventJson.toJson(event));
        assertEquals(event, parsed);
        assertEquals(ConnectValues.of(in), ConnectValues.of(mapper.toRecord(in, parsed, null)));
    }

    // ---- Debezium envelopes with schemas ----

    @Provide
    Arbitrary<SourceRecord> changes() {
        Arbitrary<Schema> rowSchema = fieldList(2).map(fields -> {
            SchemaBuilder b = SchemaBuilder.struct().name("srv.public.t.Value").optional();
            fields.forEach(f -> b.field(f.name, f.schema));
            return b.build();
        });
        return rowSchema.flatMap(row -> {
            Schema envelope = Fixtures.envelope(row);
            Arbitrary<Struct> rows = value(row).map(v -> (Struct) v);
            return Combinators.combine(Arbitraries.of("c", "u", "d", "r", "t"), rows.injectNull(0.2),
                    rows.injectNull(0.2), Arbitraries.longs().greaterOrEqual(0)).as((op, before, after, lsn) -> {
                        Struct source = Fixtures.source().put("lsn", lsn);
                        Struct value = new Struct(envelope).put("op", op).put("before", before).put("after", after)
                                .put("source", source).put("ts_ms", 1_700_000_000_999L);
                        ConnectHeaders headers = new ConnectHeaders();
                        headers.addString("h", op);
                        return new SourceRecord(Map.of("server", "srv"), Map.of("lsn", lsn), "srv.public.t", 3,
                                Fixtures.KEY, new Struct(Fixtures.KEY).put("id", 1), envelope, value, 42L, headers);
                    });
        });
    }

    private record NamedSchema(String name, Schema schema) {}

    private Arbitrary<List<NamedSchema>> fieldList(int depth) {
        return schema(depth).list().ofMinSize(1).ofMaxSize(6).map(schemas -> {
            List<NamedSchema> fields = new ArrayList<>();
            for (int i = 0; i < schemas.size(); i++) {
                fields.add(new NamedSchema("f" + i, schemas.get(i)));
            }
            return fields;
        });
    }

    private Arbitrary<Schema> schema(int depth) {
        Arbitrary<Schema> leaf = Arbitraries.oneOf(List.of(
                Arbitraries.of(Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32, Schema.Type.INT64,
                        Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN, Schema.Type.STRING,
                        Schema.Type.BYTES).map(SchemaBuilder::type),
                Arbitraries.integers().between(0, 12).map(Decimal::builder),
                Arbitraries.of(Date.builder(), Time.builder(), Timestamp.builder()),
                Arbitraries.of("io.debezium.time.Date", "io.debezium.time.Time").map(n -> SchemaBuilder.int32().name(n)),
                Arbitraries.of("io.debezium.time.MicroTime", "io.debezium.time.NanoTime", "io.debezium.time.Timestamp",
                        "io.debezium.time.MicroTimestamp", "io.debezium.time.NanoTimestamp")
                        .map(n -> SchemaBuilder.int64().name(n).version(1)),
                Arbitraries.of("io.debezium.time.ZonedTimestamp", "io.debezium.time.ZonedTime",
                        "io.debezium.time.IsoDate", "io.debezium.data.Json", "io.debezium.data.Uuid")
                        .map(n -> SchemaBuilder.string().name(n).version(1))))
                .flatMap(b -> Arbitraries.of(true, false).map(opt -> opt ? b.optional().build() : b.build()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Schema> nested = Arbitraries.lazy(() -> schema(depth - 1));
        Arbitrary<Schema> array = nested.map(e -> SchemaBuilder.array(e));
        Arbitrary<Schema> stringMap = nested.map(v -> SchemaBuilder.map(Schema.STRING_SCHEMA, v));
        Arbitrary<Schema> otherMap = Combinators.combine(
                Arbitraries.of(Schema.INT32_SCHEMA, Schema.INT64_SCHEMA, Schema.INT8_SCHEMA), nested)
                .as((k, v) -> SchemaBuilder.map(k, v));
        Arbitrary<Schema> struct = fieldList(depth - 1).map(fields -> {
            SchemaBuilder b = SchemaBuilder.struct().name("srv.nested" + depth);
            fields.forEach(f -> b.field(f.name, f.schema));
            return b;
        });
        Arbitrary<Schema> composite = Arbitraries.oneOf(List.of(array, stringMap, otherMap, struct))
                .flatMap(b -> Arbitraries.of(true, false)
                        .map(opt -> opt ? ((SchemaBuilder) b).optional().build() : ((SchemaBuilder) b).build()));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf), net.jqwik.api.Tuple.of(1, composite));
    }

    private Arbitrary<Object> value(Schema schema) {
        Arbitrary<Object> present = present(schema);
        return schema.isOptional() ? present.injectNull(0.15) : present;
    }

    @SuppressWarnings("unchecked")
    private Arbitrary<Object> present(Schema schema) {
        String name = schema.name() == null ? "" : schema.name();
        switch (name) {
            case Decimal.LOGICAL_NAME: {
                int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
                return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
                        .edgeCases(c -> c.add(BigInteger.ZERO))
                        .map(u -> (Object) new BigDecimal(u, scale));
            }
            case Date.LOGICAL_NAME:
                return Arbitraries.integers().between(-1_000_000, 1_000_000).map(d -> Date.toLogical(schema, d));
            case Time.LOGICAL_NAME:
                return Arbitraries.integers().between(0, 86_399_999).map(ms -> Time.toLogical(schema, ms));
            case Timestamp.LOGICAL_NAME:
                return Arbitraries.longs().map(ms -> (Object) new java.util.Date(ms));
            case "io.debezium.data.Json":
                return Arbitraries.of("{}", "{\"a\":[1,2.50,null]}", "[\"x\"]", "3").map(s -> s);
            default:
                break;
        }
        switch (schema.type()) {
            case INT8:
                return Arbitraries.bytes().map(v -> v);
            case INT16:
                return Arbitraries.shorts().map(v -> v);
            case INT32:
                return Arbitraries.integers().map(v -> v);
            case INT64:
                return Arbitraries.longs().map(v -> v);
            case FLOAT32:
                return Arbitraries.oneOf(Arbitraries.floats(),
                        Arbitraries.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f,
                                Float.MIN_VALUE, Float.MAX_VALUE, 1.2345678E7f, 1e-10f)).map(v -> v);
            case FLOAT64:
                return Arbitraries.oneOf(Arbitraries.doubles(),
                        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                                Double.MIN_VALUE, Double.MAX_VALUE, 1.2345678E7, 0.1 + 0.2)).map(v -> v);
            case BOOLEAN:
                return Arbitraries.of(true, false).map(v -> v);
            case STRING:
                return strings().map(v -> v);
            case BYTES:
                return Arbitraries.bytes().array(byte[].class).ofMaxSize(12).map(v -> v);
            case ARRAY:
                return value(schema.valueSchema()).list().ofMaxSize(3).map(l -> (Object) l);
            case MAP:
                return Combinators.combine(present(schema.keySchema()), value(schema.valueSchema()))
                        .as((k, v) -> Map.entry(k, v == null ? NULL : v)).list().ofMaxSize(3).map(entries -> {
                            Map<Object, Object> m = new HashMap<>();
                            entries.forEach(e -> m.put(e.getKey(), e.getValue() == NULL ? null : e.getValue()));
                            return (Object) m;
                        });
            case STRUCT: {
                List<Arbitrary<Object>> fields = new ArrayList<>();
                for (Field f : schema.fields()) {
                    fields.add(value(f.schema()).map(v -> v == null ? NULL : v));
                }
                return Combinators.combine(fields).as(values -> {
                    Struct s = new Struct(schema);
                    for (int i = 0; i < values.size(); i++) {
                        Object v = values.get(i);
                        s.put(schema.fields().get(i), v == NULL ? null : v);
                    }
                    return (Object) s;
                });
            }
            default:
                throw new IllegalStateException(schema.type().toString());
        }
    }

    /** Combinators drop nothing, but a null inside an entry needs a stand-in. */
    private static final Object NULL = new Object();

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').withCharRange('\u0400', '\u04ff')
                        .withCharRange('\u4e00', '\u4e20').ofMaxLength(10),
                Arbitraries.of("", "NaN", "-0.0", "QUJD", "a\"b\\c\nd\te", "😀👍🏽", "\u2028\u007f"));
    }

    // ---- schemaless ----

    @Provide
    Arbitrary<SourceRecord> schemalessChanges() {
        Arbitrary<Map<String, Object>> rows = plainMap(2);
        return Combinators.combine(Arbitraries.of("c", "u", "d", "r"), rows.injectNull(0.2), rows.injectNull(0.2))
                .as((op, before, after) -> Fixtures.schemaless(op, before, after));
    }

    private Arbitrary<Map<String, Object>> plainMap(int depth) {
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                plain(depth).map(v -> v == null ? NULL : v)).as(Map::entry).list().ofMaxSize(5).map(entries -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    entries.forEach(e -> m.put(e.getKey(), e.getValue() == NULL ? null : e.getValue()));
                    return m;
                });
    }

    private Arbitrary<Object> plain(int depth) {
        List<Arbitrary<Object>> choices = new ArrayList<>(List.of(
                Arbitraries.longs().map(v -> v), Arbitraries.integers().map(v -> v),
                Arbitraries.shorts().map(v -> v), Arbitraries.bytes().map(v -> v),
                Arbitraries.doubles().map(v -> v), Arbitraries.floats().map(v -> v),
                Arbitraries.of(Double.NaN, -0.0, Float.NEGATIVE_INFINITY).map(v -> v),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)).map(v -> v),
                Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000L),
                        BigInteger.valueOf(1_000_000_000L)), Arbitraries.integers().between(-3, 8))
                        .as((u, s) -> (Object) new BigDecimal(u, s)),
                Arbitraries.of(true, false).map(v -> v),
                strings().map(v -> v),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(v -> v),
                Arbitraries.just(null)));
        if (depth > 0) {
            choices.add(Arbitraries.lazy(() -> plain(depth - 1)).list().ofMaxSize(3).map(l -> l));
            choices.add(Arbitraries.lazy(() -> plainMap(depth - 1)).map(m -> m));
        }
        return Arbitraries.oneOf(choices);
    }
}
