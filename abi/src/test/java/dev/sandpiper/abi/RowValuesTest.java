package dev.sandpiper.abi;

import static dev.sandpiper.abi.Fixtures.assertRejectedStartingWith;
import static dev.sandpiper.abi.Fixtures.json;
import static dev.sandpiper.abi.Fixtures.parse;
import static dev.sandpiper.abi.Fixtures.row;
import static dev.sandpiper.abi.Fixtures.utf8;
import static dev.sandpiper.abi.Fixtures.withFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Row images: the JSON-to-Java mapping, exact numbers, key order, immutability, depth. */
class RowValuesTest {

    private static Object after(String valueJson) throws EventFormatException {
        return parse(withFields("'after':{'v':" + valueJson + "}")).after().get("v");
    }

    /** The value as read, its Java type, and how it is written back. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "0|Long|0",
        "-0|Long|0",
        "9223372036854775807|Long|9223372036854775807",
        "-9223372036854775808|Long|-9223372036854775808",
        "9223372036854775808|BigInteger|9223372036854775808",
        "12345678901234567890123|BigInteger|12345678901234567890123",
        "-12345678901234567890123|BigInteger|-12345678901234567890123",
        "18446744073709551615|BigInteger|18446744073709551615",
        "100.50|BigDecimal|100.50",
        "0.10|BigDecimal|0.10",
        "1.0|BigDecimal|1.0",
        "1e400|BigDecimal|1E+400",
        "1E400|BigDecimal|1E+400",
        "-2.50e-400|BigDecimal|-2.50E-400",
        "0.0000001|BigDecimal|1E-7",
        "123456789012345678901234567890.123456789012345678901234567890|BigDecimal|"
                + "123456789012345678901234567890.123456789012345678901234567890",
        "1.5e1|Long|15",
        "-0.0|BigDecimal|0.0",
        "true|Boolean|true",
        "`\"s\"`|String|`\"s\"`"})
    void numbersKeepValueAndScale(String json, String type, String written) throws Exception {
        Object v = after(json);
        assertEquals(type, v.getClass().getSimpleName());
        String out = json(parse(withFields("'after':{'v':" + json + "}")));
        assertTrue(out.contains("\"after\":{\"v\":" + written + "}"), out);
        assertEquals(v, after(written), "stable after one round trip");
    }

    @Test
    void decimalsAreExactNotDoubles() throws Exception {
        assertEquals(new BigDecimal("0.1"), after("0.1"));
        assertEquals(new BigDecimal("100.50"), after("100.50"));
        assertNotEquals(new BigDecimal("100.5"), after("100.50"));
        String beyondDouble = "9007199254740993.000000000000000001";
        assertEquals(new BigDecimal(beyondDouble), after(beyondDouble));
    }

    @Test
    void negativeZeroDecimalLosesOnlyItsSign() throws Exception {
        Object v = after("-0.0");
        assertEquals(new BigDecimal("0.0"), v);
        assertEquals(1, ((BigDecimal) v).scale());
    }

    @Test
    void containersAreListsAndOrderedMaps() throws Exception {
        Object v = after("[1,'a',null,{'z':1,'a':2,'m':[]},[[]]]".replace('\'', '"'));
        assertEquals(List.of(1L, "a"), ((List<?>) v).subList(0, 2));
        Map<?, ?> nested = (Map<?, ?>) ((List<?>) v).get(3);
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(nested.keySet()));
        assertEquals(List.of(), nested.get("m"));
    }

    @Test
    void keyOrderIsKept() throws Exception {
        String rowJson = "{\"zeta\":1,\"alpha\":2,\"mid\":{\"9\":0,\"1\":0,\"5\":0},\"beta\":3}";
        Event e = parse(withFields("'after':" + rowJson.replace('"', '\'')));
        assertEquals(List.of("zeta", "alpha", "mid", "beta"), new ArrayList<>(e.after().keySet()));
        assertTrue(json(e).contains("\"after\":" + rowJson + ","));
    }

    @Test
    void rowsAreImmutable() throws Exception {
        Event e = parse(withFields("'after':{'a':[1,{'b':2}]}"));
        Map<String, Object> after = e.after();
        assertThrows(UnsupportedOperationException.class, () -> after.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> after.remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> after.entrySet().iterator().next().setValue(1));
        List<?> a = (List<?>) after.get("a");
        assertThrows(UnsupportedOperationException.class, () -> a.remove(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> b = (Map<String, Object>) a.get(1);
        assertThrows(UnsupportedOperationException.class, () -> b.clear());
    }

    @Test
    void userMapsAreCopiedOnceAndNormalised() {
        Map<String, Object> nested = row("i", 7, "s", (short) 2, "b", (byte) 3);
        List<Object> list = new ArrayList<>(List.of(1.5, 2.5f));
        Map<String, Object> user = row("n", nested, "l", list, "bi", BigInteger.TEN,
                "bd0", new BigDecimal("42"), "bdneg", new BigDecimal("4.2E+3"), "d", 1e20);
        Event e = Fixtures.contractExample().toBuilder().after(user).build();
        nested.put("i", 8);
        list.add("late");
        user.put("late", true);
        assertEquals("{\"n\":{\"i\":7,\"s\":2,\"b\":3},\"l\":[1.5,2.5],\"bi\":10,\"bd0\":42,\"bdneg\":4.2E+3,"
                + "\"d\":1.0E+20}", json(e).replaceAll(".*\"after\":(\\{.*?\\}\\}?[^,]*),\"op\".*", "$1"));
        assertEquals(10L, e.after().get("bi"));
        assertEquals(42L, e.after().get("bd0"));
        assertSame(e.after(), e.toBuilder().build().after(), "rows of an event are shared, not copied");
        assertSame(e.after(), new Event(e.before(), e.after(), e.op(), e.source(), e.ts(), e.schema(), e.table(),
                e.primaryKey(), e.snapshot(), e.transaction(), 1, false, null, null).after());
    }

    @Test
    void userValuesThatJsonCannotHoldAreRejectedWithTheirPath() {
        EventBuilder b = Fixtures.contractExample().toBuilder();
        assertEquals("after.a[1].b: unsupported value type java.lang.Object (expected null, Boolean, String, a number,"
                + " List or Map)", assertThrows(IllegalArgumentException.class,
                        () -> b.after(row("a", List.of(1, row("b", new Object())))).build()).getMessage());
        assertEquals("before[\"x y\"]: JSON has no NaN, only finite numbers",
                assertThrows(IllegalArgumentException.class,
                        () -> b.before(row("x y", Double.NaN)).build()).getMessage());
        Map<Object, Object> intKey = new java.util.HashMap<>();
        intKey.put(1, "one");
        assertEquals("after.m: keys must be strings, got java.lang.Integer",
                assertThrows(IllegalArgumentException.class,
                        () -> b.after(row("m", intKey)).before(null).build()).getMessage());
        assertEquals("after.s: contains an unpaired surrogate U+D800 (not valid Unicode, cannot be UTF-8)",
                assertThrows(IllegalArgumentException.class,
                        () -> b.after(row("s", "\ud800")).build()).getMessage());
        IdentityHashMap<String, Object> twice = new IdentityHashMap<>();
        twice.put(new String("k"), 1);
        twice.put(new String("k"), 2);
        assertEquals("after.k: duplicate key", assertThrows(IllegalArgumentException.class,
                () -> b.after(twice).build()).getMessage());
    }

    @Test
    void rowsNestUpTo999Levels() throws Exception {
        String ok = "{\"a\":".repeat(998) + "1" + "}".repeat(998);
        Event e = parse(withFields("'after':" + ok.replace('"', '\'')));
        assertEquals(e, parse(json(e)));
        String tooDeep = "[".repeat(999) + "]".repeat(999);
        assertRejectedStartingWith(utf8(withFields("'after':{'x':" + tooDeep + "}")), "after.x");
        // Built in Java: the same limit, and cycles end there instead of overflowing the stack.
        Map<String, Object> cyclic = new java.util.HashMap<>();
        cyclic.put("self", cyclic);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Fixtures.contractExample().toBuilder().after(cyclic).build()).getMessage()
                .endsWith(": nested more than 999 levels deep"));
    }

    @Test
    void numbersUpToTheLengthLimitAreRead() throws Exception {
        String digits = "9".repeat(EventJson.MAX_NUMBER_LENGTH);
        assertEquals(new BigInteger(digits), after(digits));
        assertEquals(new BigDecimal("0." + digits.substring(2)), after("0." + digits.substring(2)));
        assertRejectedStartingWith(utf8(withFields("'after':{'v':" + digits + "9}")),
                "after.v: invalid JSON at line 1");
    }

    @Test
    void exponentsBeyondBigDecimalAreRejected() {
        Fixtures.assertRejected(withFields("'after':{'v':1e99999999999}"),
                "after.v: number 1e99999999999 is out of range (its exponent does not fit 32 bits)");
        Fixtures.assertRejected(withFields("'after':{'v':[1.5e-2147483648]}"),
                "after.v[0]: number 1.5e-2147483648 is out of range (its exponent does not fit 32 bits)");
    }

    @Test
    void wideRowsLookUpByKey() throws Exception {
        Map<String, Object> wide = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            wide.put("c" + i, (long) i);
        }
        Event built = Fixtures.contractExample().toBuilder().after(wide).build();
        Event parsed = parse(json(built));
        for (Event e : List.of(built, parsed)) {
            assertEquals(wide, e.after());
            assertEquals(63L, e.after().get("c63"));
            assertEquals(false, e.after().containsKey("c100"));
            assertEquals(wide.hashCode(), e.after().hashCode());
        }
    }
}
