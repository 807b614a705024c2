package dev.sandpiper.spectest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.GcReferences;
import dev.sandpiper.interpreter.Table;
import dev.sandpiper.text.num.VectorShape;
import dev.sandpiper.text.script.ResultPattern;
import dev.sandpiper.text.script.ScriptValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Script values and result patterns ({@link ScriptValue}, {@link ResultPattern}, whichever form
 * the script came in) converted to and matched against the raw slots the engine uses; and
 * wast2json's values ({@code {"type": "i32", "value": "4294967295"}}) read into that model.
 */
final class WastValues {
    private WastValues() {}

    // ---- the model against slots ----

    /** The arguments of an action, as slots (a v128 takes two: low, high). */
    static long[] arguments(List<ScriptValue> args) {
        int n = 0;
        for (ScriptValue a : args) {
            n += a.type() == ValType.V128 ? 2 : 1;
        }
        long[] out = new long[n];
        int at = 0;
        for (ScriptValue a : args) {
            switch (a.type().kind()) {
                case I32, F32 -> out[at++] = (int) a.bits();
                case I64, F64 -> out[at++] = a.bits();
                case V128 -> {
                    out[at++] = a.bits();
                    out[at++] = a.high();
                }
                case EXTERNREF, ANYREF -> out[at++] = a.isNull() ? Table.NULL : a.bits();
                case FUNCREF -> {
                    if (!a.isNull()) {
                        throw new IllegalArgumentException("a non-null funcref argument cannot be given from a script");
                    }
                    out[at++] = Table.NULL;
                }
                default -> throw new IllegalArgumentException("unsupported argument type " + a.type());
            }
        }
        return out;
    }

    private static int slots(ResultPattern p) {
        if (p instanceof ResultPattern.Either e) {
            return slots(e.alternatives().get(0));
        }
        if (p instanceof ResultPattern.Lanes) {
            return 2;
        }
        return p instanceof ResultPattern.Exact e && e.value().type() == ValType.V128 ? 2 : 1;
    }

    /**
     * Whether {@code actual} (slots) matches the expected patterns; null when it does, else a
     * description of the first difference.
     */
    static String mismatch(List<ResultPattern> expected, long[] actual) {
        int at = 0;
        int i = 0;
        for (ResultPattern p : expected) {
            int n = slots(p);
            if (at + n > actual.length) {
                return "expected " + expected.size() + " results, got " + actual.length + " slots";
            }
            if (!matches(p, actual, at)) {
                return "result " + i + ": expected " + describe(p) + ", got " + render(p, actual, at);
            }
            at += n;
            i++;
        }
        return at == actual.length ? null : "expected " + at + " result slots, got " + actual.length;
    }

    private static boolean matches(ResultPattern p, long[] actual, int at) {
        if (p instanceof ResultPattern.Either e) {
            // 3.0 script: any alternative will do
            return e.alternatives().stream().anyMatch(alt -> matches(alt, actual, at));
        }
        if (p instanceof ResultPattern.Nan n) {
            return n.matches(actual[at]);
        }
        if (p instanceof ResultPattern.Lanes l) {
            return l.matches(actual[at], actual[at + 1]);
        }
        if (p instanceof ResultPattern.AnyRef r) {
            // GC: (ref.i31) is an unboxed i31, (ref.struct)/(ref.array)/(ref.eq) an i31 or object handle
            return actual[at] != Table.NULL && switch (r.type().heapType()) {
                case ValType.HEAP_I31 -> GcReferences.isI31(actual[at]);
                case ValType.HEAP_STRUCT, ValType.HEAP_ARRAY -> GcReferences.isObject(actual[at]);
                case ValType.HEAP_EQ -> GcReferences.isI31(actual[at]) || GcReferences.isObject(actual[at]);
                default -> true;
            };
        }
        ScriptValue v = ((ResultPattern.Exact) p).value();
        return switch (v.type().kind()) {
            case I32, F32 -> (actual[at] & 0xFFFF_FFFFL) == (v.bits() & 0xFFFF_FFFFL);
            case I64, F64 -> actual[at] == v.bits();
            case V128 -> actual[at] == v.bits() && actual[at + 1] == v.high();
            case EXTERNREF, ANYREF -> actual[at] == (v.isNull() ? Table.NULL : v.bits());
            // a function reference's identity is the engine's; a script can only ask for non-null
            case FUNCREF, EXNREF -> v.isNull() ? actual[at] == Table.NULL : actual[at] != Table.NULL;
            default -> false;
        };
    }

    private static String describe(ResultPattern p) {
        if (p instanceof ResultPattern.Either e) {
            return "either " + e.alternatives().stream().map(WastValues::describe).toList();
        }
        if (p instanceof ResultPattern.Nan n) {
            return n.type().toString().toLowerCase() + ":nan:" + (n.canonical() ? "canonical" : "arithmetic");
        }
        if (p instanceof ResultPattern.AnyRef r) {
            return r.type().toString().toLowerCase() + ":non-null";
        }
        if (p instanceof ResultPattern.Lanes l) {
            return "v128 " + l.shape() + " " + l.lanes().stream().map(WastValues::describe).toList();
        }
        ScriptValue v = ((ResultPattern.Exact) p).value();
        if (v.isNull()) {
            return v.type().toString().toLowerCase() + ":null";
        }
        return v.type() == ValType.V128 ? String.format("v128:%016x%016x", v.high(), v.bits())
                : v.type().toString().toLowerCase() + ":" + Long.toUnsignedString(v.bits());
    }

    private static String render(ResultPattern p, long[] actual, int at) {
        if (p instanceof ResultPattern.Either e) {
            return render(e.alternatives().get(0), actual, at);
        }
        if (slots(p) == 2) {
            return String.format("v128:%016x%016x", actual[at + 1], actual[at]);
        }
        long v = actual[at];
        boolean narrow = (p instanceof ResultPattern.Exact e && (e.value().type() == ValType.I32 || e.value().type() == ValType.F32))
                || (p instanceof ResultPattern.Nan n && n.type() == ValType.F32);
        return Long.toUnsignedString(narrow ? v & 0xFFFF_FFFFL : v);
    }

    // ---- wast2json's values into the model ----

    /** The values of an action's {@code args}. */
    static List<ScriptValue> values(JsonNode args) {
        List<ScriptValue> out = new ArrayList<>();
        for (JsonNode a : args) {
            out.add(value(a));
        }
        return out;
    }

    /** The patterns of an {@code expected} list. */
    static List<ResultPattern> patterns(JsonNode expected) {
        List<ResultPattern> out = new ArrayList<>();
        for (JsonNode e : expected) {
            out.add(pattern(e));
        }
        return out;
    }

    static ScriptValue value(JsonNode value) {
        String type = value.path("type").asText();
        JsonNode v = value.get("value");
        return switch (type) {
            case "i32" -> ScriptValue.number(ValType.I32, Long.parseUnsignedLong(v.asText()) & 0xFFFF_FFFFL);
            case "f32" -> ScriptValue.number(ValType.F32, Long.parseUnsignedLong(v.asText()) & 0xFFFF_FFFFL);
            case "i64" -> ScriptValue.number(ValType.I64, Long.parseUnsignedLong(v.asText()));
            case "f64" -> ScriptValue.number(ValType.F64, Long.parseUnsignedLong(v.asText()));
            case "externref" -> "null".equals(v.asText()) ? ScriptValue.nullRef(ValType.EXTERNREF)
                    : ScriptValue.externRef(Long.parseLong(v.asText()));
            case "funcref" -> "null".equals(v.asText()) ? ScriptValue.nullRef(ValType.FUNCREF)
                    : ScriptValue.funcRef(Long.parseLong(v.asText()));
            case "v128" -> {
                long[] halves = v128(value.path("lane_type").asText(), v);
                yield ScriptValue.v128(halves[0], halves[1]);
            }
            default -> throw new IllegalArgumentException("unsupported value type " + type);
        };
    }

    static ResultPattern pattern(JsonNode e) {
        String type = e.path("type").asText();
        JsonNode v = e.get("value");
        switch (type) {
            case "f32", "f64" -> {
                ResultPattern nan = nan(type, v.asText());
                if (nan != null) {
                    return nan;
                }
            }
            case "funcref" -> {
                if (!"null".equals(v.asText())) {
                    return new ResultPattern.AnyRef(ValType.FUNCREF);
                }
            }
            case "v128" -> {
                String laneType = e.path("lane_type").asText();
                boolean anyNan = false;
                for (JsonNode lane : v) {
                    anyNan |= lane.asText().startsWith("nan:");
                }
                if (anyNan) {
                    VectorShape shape = laneType.equals("f32") ? VectorShape.F32X4 : VectorShape.F64X2;
                    ValType lt = laneType.equals("f32") ? ValType.F32 : ValType.F64;
                    List<ResultPattern> lanes = new ArrayList<>();
                    for (JsonNode lane : v) {
                        ResultPattern n = nan(laneType, lane.asText());
                        lanes.add(n != null ? n : new ResultPattern.Exact(ScriptValue.number(lt, Long.parseUnsignedLong(lane.asText()))));
                    }
                    return new ResultPattern.Lanes(shape, lanes);
                }
            }
            default -> { }
        }
        return new ResultPattern.Exact(value(e));
    }

    private static ResultPattern nan(String type, String text) {
        ValType t = type.equals("f32") ? ValType.F32 : ValType.F64;
        return switch (text) {
            case "nan:canonical" -> new ResultPattern.Nan(t, true);
            case "nan:arithmetic" -> new ResultPattern.Nan(t, false);
            default -> null;
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

    private static int laneBits(String laneType) {
        return switch (laneType) {
            case "i8" -> 8;
            case "i16" -> 16;
            case "i32", "f32" -> 32;
            case "i64", "f64" -> 64;
            default -> throw new IllegalArgumentException("unknown lane type " + laneType);
        };
    }
}
