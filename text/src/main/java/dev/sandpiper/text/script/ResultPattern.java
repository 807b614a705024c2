package dev.sandpiper.text.script;

import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.text.num.VectorShape;
import java.util.List;

/**
 * What an {@code assert_return} expects of one result.
 */
public sealed interface ResultPattern {

    /** Exactly this value (floats bit for bit, NaN payloads included). */
    record Exact(ScriptValue value) implements ResultPattern {}

    /**
     * {@code nan:canonical} (sign free, payload exactly the top mantissa bit) or {@code nan:arithmetic}
     * (sign free, top mantissa bit set), of type f32 or f64.
     */
    record Nan(ValType type, boolean canonical) implements ResultPattern {
        /** Whether float bits (f32 in the low 32 bits) match. */
        public boolean matches(long bits) {
            if (type == ValType.F32) {
                int b = (int) bits & 0x7FFF_FFFF;
                return canonical ? b == 0x7FC0_0000 : (b & 0x7FC0_0000) == 0x7FC0_0000;
            }
            long b = bits & Long.MAX_VALUE;
            return canonical ? b == 0x7FF8_0000_0000_0000L : (b & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
        }
    }

    /**
     * A float vector with a pattern per lane: each lane an {@link Exact} (an f32 or f64 value) or a
     * {@link Nan}.
     */
    record Lanes(VectorShape shape, List<ResultPattern> lanes) implements ResultPattern {
        public Lanes {
            lanes = List.copyOf(lanes);
        }

        /** Whether a v128 (low and high 64 bits) matches lane by lane. */
        public boolean matches(long low, long high) {
            int width = shape.laneBytes() * 8;
            for (int i = 0; i < lanes.size(); i++) {
                int bit = i * width;
                long word = bit < 64 ? low : high;
                long lane = word >>> (bit % 64);
                if (width < 64) {
                    lane &= (1L << width) - 1;
                }
                ResultPattern p = lanes.get(i);
                boolean ok = p instanceof Nan n ? n.matches(lane) : ((Exact) p).value().bits() == lane;
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * {@code (ref.func)} or {@code (ref.extern)} without an index, or GC's {@code (ref.i31)},
     * {@code (ref.struct)}, {@code (ref.array)}, {@code (ref.eq)}, {@code (ref.any)}: any non-null
     * reference of the type ({@code type}'s heap type says which).
     */
    record AnyRef(ValType type) implements ResultPattern {}

    /**
     * {@code (either result+)} (3.0 script): the value matches if it matches any alternative, as
     * the relaxed SIMD scripts use for their implementation-defined results.
     */
    record Either(List<ResultPattern> alternatives) implements ResultPattern {
        public Either {
            alternatives = List.copyOf(alternatives);
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("either needs at least one alternative");
            }
        }
    }
}
