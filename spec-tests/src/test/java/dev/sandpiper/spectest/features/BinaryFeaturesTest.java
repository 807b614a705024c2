package dev.sandpiper.spectest.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The binary rules, on small hand-written modules. */
class BinaryFeaturesTest {
    private static final int[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    /** A type section with {@code (func)}, a function section with one function of it. */
    private static final int[] ONE_FUNC = {0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00};
    private static final int[] ONE_MEMORY = {0x05, 0x03, 0x01, 0x00, 0x01};

    private static byte[] module(int[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : HEADER) {
            out.write(b);
        }
        for (int[] part : parts) {
            for (int b : part) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** A code section with one body of {@code code} (no locals; {@code end} added). */
    private static int[] body(int... code) {
        int[] out = new int[code.length + 6];
        out[0] = 0x0a;
        out[1] = code.length + 4;
        out[2] = 0x01;
        out[3] = code.length + 2;
        out[4] = 0x00;
        System.arraycopy(code, 0, out, 5, code.length);
        out[out.length - 1] = 0x0b;
        return out;
    }

    private static void needs(byte[] module, Feature... features) {
        Set<Feature> expected = features.length == 0 ? EnumSet.noneOf(Feature.class) : EnumSet.of(features[0], features);
        assertEquals(expected, BinaryFeatures.of(module));
    }

    @Test
    void twoPointZeroModulesNeedNothing() {
        needs(module());
        needs(module(ONE_FUNC, ONE_MEMORY, body(0x41, 0x00, 0x28, 0x02, 0x04, 0x1a))); // i32.load align=4 offset=4
        needs(module(ONE_FUNC, body(0xfd, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1a))); // v128.const
        needs(module(ONE_FUNC, body(0xfc, 0x00, 0x1a))); // a saturating truncation (no operand: the walk is all that matters)
    }

    @Test
    void opcodesNameTheirFeature() {
        needs(module(ONE_FUNC, body(0x12, 0x00)), Feature.TAIL_CALLS);
        needs(module(ONE_FUNC, body(0x06, 0x40, 0x0b)), Feature.LEGACY_EXCEPTIONS);
        needs(module(ONE_FUNC, body(0x1f, 0x40, 0x00, 0x0b)), Feature.EXCEPTIONS);
        needs(module(ONE_FUNC, body(0xfb, 0x00, 0x00)), Feature.GC);
        needs(module(ONE_FUNC, body(0xd4)), Feature.FUNCTION_REFERENCES);
        needs(module(ONE_FUNC, body(0xfd, 0x80, 0x02)), Feature.RELAXED_SIMD); // 0x100 i8x16.relaxed_swizzle
        needs(module(ONE_FUNC, body(0xfe, 0x03, 0x00)), Feature.THREADS);
    }

    @Test
    void sectionsTypesAndFlags() {
        needs(module(new int[] {0x0d, 0x01, 0x00}), Feature.EXCEPTIONS); // tag section
        needs(module(new int[] {0x01, 0x04, 0x01, 0x5f, 0x00, 0x00}), Feature.GC); // struct type
        needs(module(new int[] {0x01, 0x05, 0x01, 0x60, 0x01, 0x6e, 0x00}), Feature.GC); // (func (param anyref))
        needs(module(new int[] {0x01, 0x06, 0x01, 0x60, 0x01, 0x63, 0x00, 0x00}), Feature.FUNCTION_REFERENCES);
        needs(module(new int[] {0x05, 0x05, 0x02, 0x00, 0x01, 0x00, 0x01}), Feature.MULTI_MEMORY);
        needs(module(new int[] {0x05, 0x03, 0x01, 0x04, 0x01}), Feature.MEMORY64);
        needs(module(new int[] {0x05, 0x04, 0x01, 0x03, 0x01, 0x01}), Feature.THREADS);
        needs(module(new int[] {0x05, 0x0c, 0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00}),
                Feature.MEMORY64); // a u64-wide minimum
        needs(module(ONE_FUNC, ONE_MEMORY, body(0x41, 0x00, 0x28, 0x42, 0x00, 0x00, 0x1a)), Feature.MULTI_MEMORY);
        needs(module(new int[] {0x06, 0x09, 0x01, 0x7f, 0x00, 0x41, 0x01, 0x41, 0x02, 0x6a, 0x0b}),
                Feature.EXTENDED_CONST); // (global i32 (i32.add (i32.const 1) (i32.const 2)))
    }

    @Test
    void garbageStopsTheWalkWithoutAFeature() {
        needs(new byte[] {0x00, 0x61});
        needs(module(new int[] {0x01, 0x7f, 0x01}));
        needs(module(ONE_FUNC, body(0xff)));
    }
}
