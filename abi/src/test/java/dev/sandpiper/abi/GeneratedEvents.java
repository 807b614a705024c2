package dev.sandpiper.abi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Varied CDC events for the stress tests, a pure function of their id: any thread can regenerate the input of an
 * output it holds. Each event carries its id twice, as {@code ts} and in {@code source.offset}
 * ({@code "gen/<id>"}), so an output can be matched to its input.
 *
 * <p>The events vary what a transform over JSON could get wrong: every op with its usual images (key-only and full
 * {@code before}s included), tables and schemas with escapes and non-ASCII text, strings with quotes, backslashes,
 * control characters, U+2028, emoji and text that looks like the mask, integers from -2^63 to beyond 2^64, decimals
 * whose scale must survive, nested objects and arrays (with an inner {@code email} that must stay), near-miss keys
 * ({@code Email}, {@code emails}), PII keys holding non-strings, snapshots, transactions and unavailable columns.
 */
final class GeneratedEvents {
    private static final long SEED = 0x5A4D_0001L;

    private static final String[] TABLES = {"users", "orders", "accounts", "user \"quoted\"", "таблица", "表_1",
        "back\\slash"};
    private static final String[] SCHEMAS = {"public", "sales", null};
    private static final String[] TEXT = {"", "plain ascii", "José Álvarez", "Ærøskøbing", "Иван Петров", "山田太郎",
        "👍🏽 thumbs", "🇫🇷", "quote \" inside", "back\\slash", "new\nline", "tab\there", "ctrl \u0001\u001f",
        "line sep \u2028 para \u2029", "***REDACTED***", "null", "{\"json\":\"in a string\"}", "</script>", "\u007f",
        "a".repeat(300)};
    private static final String[] EMAILS = {"a@example.com", "jose.alvarez@example.es", "таня@пример.рф",
        "quote\"d@example.com", "", "x".repeat(120) + "@example.org"};
    private static final Object[] NUMBERS = {0L, -1L, 42L, Long.MAX_VALUE, Long.MIN_VALUE, 9007199254740993L,
        new BigInteger("18446744073709551616"), new BigInteger("-123456789012345678901234567890"),
        new BigDecimal("100.50"), new BigDecimal("0.00"), new BigDecimal("-3.5"), new BigDecimal("19.990"),
        new BigDecimal("12345678901234567890.99"), new BigDecimal("1E+400"), new BigDecimal("-1.5E-7")};
    private static final Op[] OPS = Op.values();

    private GeneratedEvents() {
    }

    /** The id an event of this generator carries. */
    static int id(Event e) {
        return Integer.parseInt(e.source().offset().substring("gen/".length()));
    }

    static Event event(int id) {
        SplittableRandom rnd = new SplittableRandom(SEED * 1_000_003L + id);
        Op op = OPS[rnd.nextInt(OPS.length)];
        EventBuilder b = Event.builder()
                .op(op)
                .source(pick(rnd, new String[] {"postgres", "mysql", "ソース"}), "gen/" + id,
                        rnd.nextLong() & Long.MAX_VALUE)
                .ts(id)
                .schema(pick(rnd, SCHEMAS))
                .table(pick(rnd, TABLES))
                .primaryKey(rnd.nextInt(5) == 0 ? null : List.of("id"));
        switch (op) {
            case INSERT, READ -> b.after(row(rnd));
            case UPDATE -> {
                b.after(row(rnd));
                switch (rnd.nextInt(3)) {
                    case 0 -> b.before(row(rnd));
                    case 1 -> b.before(keyOnly(rnd)).beforeIsKeyOnly(true);
                    default -> b.before(null);
                }
            }
            case DELETE -> {
                if (rnd.nextBoolean()) {
                    b.before(keyOnly(rnd)).beforeIsKeyOnly(true);
                } else {
                    b.before(row(rnd));
                }
            }
            default -> {
                if (rnd.nextBoolean()) {
                    b.after(Map.of());
                }
            }
        }
        if (rnd.nextInt(6) == 0) {
            b.snapshot(new Snapshot("snap-" + rnd.nextInt(100), rnd.nextLong(1L << 32), rnd.nextBoolean()));
        }
        if (rnd.nextInt(4) == 0) {
            b.transaction(new Transaction(rnd.nextLong(), rnd.nextBoolean() ? null : rnd.nextLong(1L << 32),
                    rnd.nextLong(1L << 32)));
        }
        if (rnd.nextInt(8) == 0) {
            b.unavailableColumns(List.of("note"));
        }
        if (rnd.nextInt(8) == 0 && op == Op.UPDATE && rnd.nextBoolean()) {
            b.before(row(rnd)).beforeIsKeyOnly(false).beforeUnavailableColumns(List.of("note"));
        }
        return b.build();
    }

    private static Map<String, Object> keyOnly(SplittableRandom rnd) {
        return Map.of("id", rnd.nextLong());
    }

    /** A row image: the PII columns (mostly strings), near misses and noise, in a shuffled order. */
    private static Map<String, Object> row(SplittableRandom rnd) {
        List<Object[]> cols = new ArrayList<>();
        cols.add(new Object[] {"id", rnd.nextLong()});
        cols.add(new Object[] {"email", pii(rnd, pick(rnd, EMAILS))});
        if (rnd.nextInt(4) != 0) {
            cols.add(new Object[] {"phone", pii(rnd, "+1-202-555-" + rnd.nextInt(10_000))});
        }
        if (rnd.nextInt(3) != 0) {
            cols.add(new Object[] {"ssn", pii(rnd, rnd.nextInt(1000) + "-" + rnd.nextInt(100) + "-" + rnd.nextInt(10_000))});
        }
        if (rnd.nextInt(3) == 0) {
            cols.add(new Object[] {"Email", pick(rnd, EMAILS)}); // case-sensitive: stays
        }
        if (rnd.nextInt(4) == 0) {
            cols.add(new Object[] {"emails", List.of(pick(rnd, EMAILS))}); // another name: stays
        }
        cols.add(new Object[] {"name", pick(rnd, TEXT)});
        if (rnd.nextBoolean()) {
            cols.add(new Object[] {"amount", pick(rnd, NUMBERS)});
        }
        if (rnd.nextInt(3) == 0) {
            cols.add(new Object[] {"note", nested(rnd)});
        }
        if (rnd.nextInt(5) == 0) {
            cols.add(new Object[] {"flag", rnd.nextBoolean()});
        }
        if (rnd.nextInt(5) == 0) {
            cols.add(new Object[] {"missing", null});
        }
        if (rnd.nextInt(6) == 0) {
            cols.add(new Object[] {"_tag", "old tag"}); // enrich replaces it
        }
        if (rnd.nextInt(8) == 0) {
            cols.add(new Object[] {"ключ \"ü\" 🔑", pick(rnd, TEXT)});
        }
        Collections.shuffle(cols, new java.util.Random(rnd.nextLong()));
        Map<String, Object> row = new LinkedHashMap<>();
        for (Object[] c : cols) {
            row.put((String) c[0], c[1]);
        }
        return row;
    }

    /** Mostly the string; sometimes a value of another type under a PII name, which the mask leaves alone. */
    private static Object pii(SplittableRandom rnd, String value) {
        return switch (rnd.nextInt(12)) {
            case 0 -> null;
            case 1 -> pick(rnd, NUMBERS);
            case 2 -> Map.of("email", value);
            case 3 -> List.of(value, 1);
            case 4 -> rnd.nextBoolean();
            default -> value;
        };
    }

    private static Object nested(SplittableRandom rnd) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("email", pick(rnd, EMAILS)); // nested: never masked
        inner.put("tags", List.of(pick(rnd, TEXT), pick(rnd, NUMBERS), Map.of("ssn", "000-00-0000")));
        inner.put("deeper", Map.of("phone", "+0", "list", List.of(List.of(List.of("x")))));
        return rnd.nextBoolean() ? inner : List.of(inner, pick(rnd, NUMBERS));
    }

    private static <T> T pick(SplittableRandom rnd, T[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
