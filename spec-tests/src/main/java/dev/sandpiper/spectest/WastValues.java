package dev.sandpiper.spectest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandpiper.interpreter.Table;

/**
 * Values as wast2json writes them ({@code {"type": "i32", "value": "4294967295"}}), converted to the
 * raw slots the interpreter uses, and expected results matched against actual slots, with the
 * {@code nan:canonical} and {@code nan:arithmetic} patterns.
 */
final class WastValues {
    private WastValues() {}

    /** Slots a value of this type takes. */
    static int slots(JsonNode value) {
        return "v128".equals(value.path("type").asText()) ? 2 : 1;
    }

    /** Writes the argument's slots at {@code out[at]}; returns the next index. */
    static int argument(JsonNode value, long[] out, int at) {
        String type = value.path("type").asText();
        JsonNode v = value.get("value");
        switch (type) {
            case "i32", "f32" -> out[at] = (int) Long.parseUnsignedLong(v.asText());
            case "i64", "f64" -> out[at] = Long.parseUnsignedLong(v.asText());
            case "funcref", "externref" -> out[at] = "null".equals(v.asText()) ? Table.NULL : Long.parseLong(v.asText());
            case "v128" -> {
                long[] halves = v128(value.path("lane_type").asText(), v);
                out[at] = halves[0];
                out[at + 1] = halves[1];
                return at + 2;
            }
            default -> throw new IllegalArgumentException("unsupported value type " + type);
        }
        return at + 1;
    }

    /** The arguments of an action, as slots. */
    static long[] arguments(JsonNode args) {
        int n = 0;
        for (JsonNode a : args) {
            n += slots(a);
        }
        long[] out = new long[n];
        int at = 0;
        for (JsonNode a : args) {
            at = argument(a, out, at);
        }
        return out;
    }

    /**
     * Whether {@code actual} (slots) equals the expected values; returns null when it does, else a
     * description of the first difference.
     */
    static String mismatch(JsonNode expected, long[] actual) {
        int at = 0;
        int i = 0;
        for (JsonNode e : expected) {
            int n = slots(e);
            if (at + n > actual.length) {
                return "expected " + expected.size() + " results, got " + actual.length + " slots";
            }
            if (!matches(e, actual, at)) {
                return "result " + i + ": expected " + describe(e) + ", got " + render(e, actual, at);
            }
            at += n;
            i++;
        }
        return at == actual.length ? null : "expected " + at + " result slots, got " + actual.length;
    }

    private static boolean matches(JsonNode e, long[] actual, int at) {
        String type = e.path("type").asText();
        JsonNode v = e.get("value");
        return switch (type) {
            case "i32" -> (int) actual[at] == (int) Long.parseUnsignedLong(v.asText());
            case "i64" -> actual[at] == Long.parseUnsignedLong(v.asText());
            case "f32" -> f32Matches(v.asText(), (int) actual[at]);
            case "f64" -> f64Matches(v.asText(), actual[at]);
            case "funcref" -> "null".equals(v.asText()) ? actual[at] == Table.NULL : actual[at] != Table.NULL;
            case "externref" -> actual[at] == ("null".equals(v.asText()) ? Table.NULL : Long.parseLong(v.asText()));
            case "v128" -> v128Matches(e.path("lane_type").asText(), v, actual[at], actual[at + 1]);
            default -> false;
        };
    }

    static boolean f32Matches(String expected, int bits) {
        return switch (expected) {
            case "nan:canonical" -> (bits & 0x7FFFFFFF) == 0x7FC00000;
            case "nan:arithmetic" -> (bits & 0x7FC00000) == 0x7FC00000;
            default -> bits == (int) Long.parseUnsignedLong(expected);
        };
    }

    static boolean f64Matches(String expected, long bits) {
        return switch (expected) {
            case "nan:canonical" -> (bits & 0x7FFFFFFFFFFFFFFFL) == 0x7FF8000000000000L;
            case "nan:arithmetic" -> (bits & 0x7FF8000000000000L) == 0x7FF8000000000000L;
            default -> bits == Long.parseUnsignedLong(expected);
        };
    }

    /** The two halves (low, high) of a v128 given lane by lane. */
    static long[] v128(String laneType, JsonNode lanes) {
        int width = laneBits(laneType);
        long lo = 0;
        long hi = 0;
        int bit = 0;
        for (JsonNode lane : lanes) {
            long bits = Long.parseUnsignedLong(lane.asText());
            long masked = width == 64 ? bits : bits & ((1L << width) - 1);
            if (bit < 64) {
                lo |= masked << bit;
            } else {
                hi |= masked << (bit - 64);
            }
            bit += width;
        }
        return new long[] {lo, hi};
    }

    private static boolean v128Matches(String laneType, JsonNode lanes, long lo, long hi) {
        int width = laneBits(laneType);
        int bit = 0;
        for (JsonNode lane : lanes) {
            long word = bit < 64 ? lo : hi;
            int shift = bit & 63;
            long actual = width == 64 ? word : (word >>> shift) & ((1L << width) - 1);
            String text = lane.asText();
            boolean ok = switch (laneType) {
                case "f32" -> f32Matches(text, (int) actual);
                case "f64" -> f64Matches(text, actual);
                default -> actual == (width == 64 ? Long.parseUnsignedLong(text)
                        : Long.parseUnsignedLong(text) & ((1L << width) - 1));
            };
            if (!ok) {
                return false;
            }
            bit += width;
        }
        return true;
    }

    private static int laneBits(String laneType) {
        return switch (laneType) {
            case "i8" -> 8;
            case "i16" -> 16;
            case "i32", "f32" -> 32;
            case "i64", "f64" -> 64;
            default -> throw new IllegalArgumentException("unknown lane type " + laneType);
        };
    }

    private static String describe(JsonNode e) {
        return e.path("type").asText() + ":" + e.get("value");
    }

    private static String render(JsonNode e, long[] actual, int at) {
        if ("v128".equals(e.path("type").asText())) {
            return String.format("v128:%016x%016x", actual[at + 1], actual[at]);
        }
        return e.path("type").asText() + ":" + Long.toUnsignedString(
                e.path("type").asText().matches("i32|f32") ? actual[at] & 0xFFFFFFFFL : actual[at]);
    }
}
