package dev.sandpiper.abi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of random events for the properties: every optional part present or not, any JSON in rows. */
final class EventArbitraries {
    private EventArbitraries() {
    }

    /** Well-formed strings mixing ASCII, control characters, the rest of the BMP and astral characters. */
    static Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0, 0x1F)),
                Tuple.of(1, Arbitraries.of(0x7F, (int) '"', (int) '\\', (int) '/', 0x2028, 0xFEFF)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xFFFD)
                        .filter(c -> !Character.isSurrogate((char) (int) c))),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(12).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    static Arbitrary<Object> number() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(new BigInteger("-1" + "0".repeat(40)), new BigInteger("1" + "0".repeat(40)));
        return Arbitraries.oneOf(
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE).map(l -> (Object) l),
                unscaled.map(b -> b.multiply(BigInteger.TEN.pow(20)).add(BigInteger.valueOf(Long.MAX_VALUE)))
                        .map(b -> (Object) b),
                Combinators.combine(unscaled, Arbitraries.integers().between(-450, 450))
                        .as((u, scale) -> (Object) new BigDecimal(u, scale)),
                Arbitraries.of("100.50", "1e400", "-0.0", "0.0", "12345678901234567890123", "1E-7", "-2.50e-300")
                        .map(s -> (Object) new BigDecimal(s)));
    }

    static Arbitrary<Object> leaf() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, text().map(s -> (Object) s)),
                Tuple.of(3, number()),
                Tuple.of(1, Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just(null)));
    }

    /** Arbitrary JSON, containers nested at most {@code depth} levels, up to 4 elements each. */
    static Arbitrary<Object> value(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Object> inner = Arbitraries.lazy(() -> value(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(5, leaf()),
                Tuple.of(1, inner.list().ofMaxSize(4).map(l -> (Object) l)),
                Tuple.of(1, object(inner, 4).map(m -> (Object) m)));
    }

    /** A chain of up to {@code maxDepth} single-element objects and arrays around a leaf. */
    static Arbitrary<Object> deep(int maxDepth) {
        return Combinators.combine(leaf(), Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(maxDepth), text())
                .as((leaf, kinds, key) -> {
                    Object v = leaf;
                    for (boolean isObject : kinds) {
                        v = isObject ? Fixtures.row(key, v) : new ArrayList<>(List.of(v == null ? "null" : v));
                    }
                    return v;
                });
    }

    /** An ordered object with unique keys. */
    static Arbitrary<Map<String, Object>> object(Arbitrary<Object> values, int maxSize) {
        return Combinators.combine(text().list().uniqueElements().ofMaxSize(maxSize), values.list().ofSize(maxSize))
                .as((keys, vals) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        m.put(keys.get(i), vals.get(i));
                    }
                    return m;
                });
    }

    static Arbitrary<Map<String, Object>> row() {
        Arbitrary<Object> values = Arbitraries.frequencyOf(Tuple.of(8, value(3)), Tuple.of(1, deep(50)));
        return object(values, 8);
    }

    static Arbitrary<Event> events() {
        Arbitrary<Map<String, Object>> maybeRow = row().injectNull(0.25);
        Arbitrary<Long> u64 = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(0L, -1L, Long.MIN_VALUE));
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        Arbitrary<List<String>> names = text().list().ofMaxSize(3);
        Arbitrary<Source> source = Combinators.combine(text(), text(), u64).as(Source::new);
        Arbitrary<Snapshot> snapshot = Combinators.combine(text(), u32, Arbitraries.of(true, false))
                .as(Snapshot::new).injectNull(0.5);
        Arbitrary<Transaction> tx = Combinators.combine(u64, u32.injectNull(0.3), u32)
                .as(Transaction::new).injectNull(0.5);
        Arbitrary<Event> head = Combinators.combine(maybeRow, maybeRow, Arbitraries.of(Op.class), source, u64,
                        text().injectNull(0.3), text(), names.injectNull(0.3))
                .as((before, after, op, src, ts, schema, table, pk) -> Event.builder().before(before).after(after)
                        .op(op).source(src).ts(ts).schema(schema).table(table).primaryKey(pk).build());
        return Combinators.combine(head, snapshot, tx, Arbitraries.integers().between(0, 65535),
                        Arbitraries.of(true, false), names, names)
                .as((e, snap, t, version, keyOnly, unavailable, beforeUnavailable) -> {
                    boolean only = keyOnly && e.before() != null;
                    return e.toBuilder().snapshot(snap).transaction(t).envelopeVersion(version)
                            .beforeIsKeyOnly(only).unavailableColumns(unavailable)
                            .beforeUnavailableColumns(only ? List.of() : beforeUnavailable).build();
                });
    }

    /** Canonical event JSON with a few bytes at a random place deleted and one of {@code insertions} put there. */
    static Arbitrary<byte[]> damaged(Arbitrary<byte[]> insertions) {
        return Combinators.combine(events().map(EventJson::toJson), Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 4), insertions)
                .as((bytes, where, deleted, insert) -> {
                    int at = (int) (where * bytes.length);
                    int end = Math.min(bytes.length, at + deleted);
                    byte[] out = java.util.Arrays.copyOf(bytes, at + insert.length + bytes.length - end);
                    System.arraycopy(insert, 0, out, at, insert.length);
                    System.arraycopy(bytes, end, out, at + insert.length, bytes.length - end);
                    return out;
                });
    }
}
