package dev.sandpiper.text.num;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Numeric literals: every lexical form, rounding, NaN payloads and ranges (spec 6.3.1, 6.3.2). */
class LiteralsTest {

    @Test
    void integers() {
        assertEquals(-1, IntLiterals.i32("0xffff_ffff"));
        assertEquals(-1, IntLiterals.i32("-1"));
        assertEquals(Integer.MIN_VALUE, IntLiterals.i32("-0x8000_0000"));
        assertEquals(-1L, IntLiterals.i64("18_446_744_073_709_551_615"));
        assertEquals(Long.MIN_VALUE, IntLiterals.i64("-9223372036854775808"));
        assertEquals(0xFFL, IntLiterals.iN("-1", 8));
        assertThrows(LiteralException.class, () -> IntLiterals.i32("4294967296"));
        assertThrows(LiteralException.class, () -> IntLiterals.i32("-2147483649"));
        assertThrows(LiteralException.class, () -> IntLiterals.i64("18446744073709551616"));
        assertThrows(LiteralException.class, () -> IntLiterals.i32("1__0"));
        assertThrows(LiteralException.class, () -> IntLiterals.u32("+1"));
    }

    @Test
    void floats() {
        assertEquals(Float.floatToRawIntBits(12.0f), FloatLiterals.f32("0x1.8p3"));
        assertEquals(Double.doubleToRawLongBits(-0.0), FloatLiterals.f64("-0x0p0"));
        assertEquals(0x7F800000, FloatLiterals.f32("inf"));
        assertEquals(0xFFC00000, FloatLiterals.f32("-nan"));
        assertEquals(0x7F800001, FloatLiterals.f32("nan:0x1"));
        assertEquals(0x7FF0_0000_0000_0001L, FloatLiterals.f64("+nan:0x1"));
        assertEquals(0x7F7FFFFF, FloatLiterals.f32("0x1.fffffefffffffffffp127"), "rounds down to the largest");
        assertEquals(1, FloatLiterals.f32("0x1p-149"), "smallest subnormal");
        assertEquals(0, FloatLiterals.f32("0x1p-150"), "tie to even: zero");
        assertEquals(2, FloatLiterals.f32("0x1.8p-149"), "tie to even: up");
        assertEquals(Float.floatToRawIntBits(1e10f), FloatLiterals.f32("1_0e+9"));
        assertThrows(LiteralException.class, () -> FloatLiterals.f32("0x1p128"));
        assertThrows(LiteralException.class, () -> FloatLiterals.f32("1e39"));
        assertThrows(LiteralException.class, () -> FloatLiterals.f32("nan:0x80_0000"));
        assertThrows(LiteralException.class, () -> FloatLiterals.f64("nan:0x0"));
    }

    @Test
    void hexFloatTiesRoundToEvenAcrossTheSubnormalBoundary() {
        // (2^53 - 1) * 2^-1075 is halfway between the largest subnormal and the smallest normal
        assertEquals(0x0010_0000_0000_0000L, FloatLiterals.f64("0x1.fffffffffffffp-1023"));
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble("0x1.fffffffffffffp-1023")),
                FloatLiterals.f64("0x1.fffffffffffffp-1023"));
    }

    @Property
    void hexFloatsRoundTripEveryFiniteDouble(@ForAll double d) {
        if (Double.isFinite(d)) {
            assertEquals(Double.doubleToRawLongBits(d), FloatLiterals.f64(Double.toHexString(d)));
        }
    }

    @Property
    void hexFloatsRoundTripEveryFiniteFloat(@ForAll float f) {
        if (Float.isFinite(f)) {
            String hex = Double.toHexString(f);
            assertEquals(Float.floatToRawIntBits(f), FloatLiterals.f32(hex));
        }
    }

    @Property
    void decimalAndHexIntegersAgree(@ForAll long v) {
        assertEquals(v, IntLiterals.i64(Long.toString(v)));
        assertEquals(v, IntLiterals.i64("0x" + Long.toHexString(v)));
        assertEquals(v, IntLiterals.i64(Long.toUnsignedString(v)));
    }

    @Test
    void vectors() {
        byte[] b = VectorShape.I16X8.encode(new String[] {"1", "-1", "0", "0", "0", "0", "0", "0xffff"});
        assertEquals(1, b[0]);
        assertEquals(-1, b[2]);
        assertEquals(-1, b[15]);
        assertThrows(LiteralException.class, () -> VectorShape.I8X16.laneBits("256"));
        assertEquals(0xFFL, VectorShape.I8X16.laneBits("-1"));
    }

    @Test
    void names() {
        assertEquals("é", Names.decode(new byte[] {(byte) 0xC3, (byte) 0xA9}));
        assertThrows(LiteralException.class, () -> Names.decode(new byte[] {(byte) 0xC0, (byte) 0x80}));
        assertThrows(LiteralException.class, () -> Names.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        assertThrows(LiteralException.class, () -> Names.decode(new byte[] {(byte) 0xE2, (byte) 0x82}));
    }
}
