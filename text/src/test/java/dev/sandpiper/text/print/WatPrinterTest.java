package dev.sandpiper.text.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.text.Wat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The printer on hand-made modules: names from the name section, exact floats, SIMD, segments. */
class WatPrinterTest {
    private static String roundTrip(String wat) {
        String printed = WatPrinter.print(Wat.parseModule(wat, "t.wat"));
        String again = WatPrinter.print(Wat.parseModule(printed, "printed.wat"));
        assertEquals(printed, again, "printing is a fixpoint");
        return printed;
    }

    @Test
    void namesFromTheNameSectionBecomeIdentifiers() {
        byte[] wasm = Wat.parseModule("(module (func (param i32) (result i32) (local i64) local.get 0 call 1)"
                + " (func (param i32) (result i32) local.get 0) (export \"f\" (func 0)))", "t.wat");
        // a name section: function 0 "first", function 1 "bad name" (not idchars: 3.0's $"..."); locals of 0: "x", "y"
        byte[] names = nameSection(new byte[] {1, 18, 2, 0, 5, 'f', 'i', 'r', 's', 't', 1, 8, 'b', 'a', 'd', ' ', 'n', 'a', 'm', 'e'},
                new byte[] {2, 9, 1, 0, 2, 0, 1, 'x', 1, 1, 'y'});
        byte[] named = concat(wasm, names);
        String text = WatPrinter.print(named);
        assertTrue(text.contains("(func $first (;0;) (type 0) (param $x i32) (result i32)\n    (local $y i64)\n"
                + "    local.get $x\n    call $\"bad name\"\n"), text);
        assertTrue(text.contains("(func $\"bad name\" (;1;)"), text);
        assertTrue(text.contains("(export \"f\" (func $first))"), text);
        assertEquals(ModuleDecoder.decode(wasm).codes().size(),
                ModuleDecoder.decode(Wat.parseModule(text, "p.wat")).codes().size());
    }

    /** 3.0's relaxed vector instructions: two-byte sub-opcodes after 0xFD, in both directions. */
    @Test
    void relaxedVectorInstructionsPrintAndParseBack() {
        String[] ops = {"i8x16.relaxed_swizzle", "f32x4.relaxed_min", "f32x4.relaxed_max", "f64x2.relaxed_min",
            "f64x2.relaxed_max", "i16x8.relaxed_q15mulr_s", "i16x8.relaxed_dot_i8x16_i7x16_s"};
        String[] unary = {"i32x4.relaxed_trunc_f32x4_s", "i32x4.relaxed_trunc_f32x4_u",
            "i32x4.relaxed_trunc_f64x2_s_zero", "i32x4.relaxed_trunc_f64x2_u_zero"};
        String[] ternary = {"f32x4.relaxed_madd", "f32x4.relaxed_nmadd", "f64x2.relaxed_madd", "f64x2.relaxed_nmadd",
            "i8x16.relaxed_laneselect", "i16x8.relaxed_laneselect", "i32x4.relaxed_laneselect",
            "i64x2.relaxed_laneselect", "i32x4.relaxed_dot_i8x16_i7x16_add_s"};
        StringBuilder body = new StringBuilder();
        for (String op : unary) {
            body.append("local.get 0 ").append(op).append(" drop ");
        }
        for (String op : ops) {
            body.append("local.get 0 local.get 0 ").append(op).append(" drop ");
        }
        for (String op : ternary) {
            body.append("local.get 0 local.get 0 local.get 0 ").append(op).append(" drop ");
        }
        String text = roundTrip("(module (func (param v128) " + body + "))");
        for (String[] group : new String[][] {ops, unary, ternary}) {
            for (String op : group) {
                assertTrue(text.contains("\n    " + op + "\n"), op + " in\n" + text);
            }
        }
        byte[] wasm = Wat.parseModule("(module (func (param v128) (result v128) (i8x16.relaxed_swizzle"
                + " (local.get 0) (local.get 0))))", "t.wat");
        String hex = java.util.HexFormat.of().formatHex(wasm);
        assertTrue(hex.contains("fd8002"), "0xFD then LEB128 0x100: " + hex);
    }

    @Test
    void everyConstructPrintsAndParsesBack() {
        String text = roundTrip("""
                (module
                  (type $t (func (param i32) (result i32)))
                  (import "m" "f" (func $imp (param i64)))
                  (import "m" "t" (table 1 externref))
                  (import "m" "g" (global (mut f32)))
                  (memory 1 2)
                  (table $tab 2 10 funcref)
                  (global $g (mut v128) (v128.const f32x4 1 -0 nan:0x1 -inf))
                  (func $f (type $t) (local f64)
                    (block $b (result i32) (loop (br_table 0 1 (local.get 0))) (i32.const 7))
                    (if (param i32) (result i32) (then) (else (i32.const 1) (i32.add)))
                    (f64.const -nan:0x8000000000001) (local.set 1)
                    (f32.const 0x1p-149) drop
                    (select (result i32) (i32.const 1) (i32.const 2) (i32.const 3)) drop
                    (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const i64x2 -1 1) (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16))
                    (v128.load16_lane offset=4 align=1 3 (i32.const 0)) (i8x16.extract_lane_u 2) drop
                    (i64.load32_u offset=8 align=2 (i32.const 0)) drop
                    (call_indirect $tab (type $t) (i32.const 0) (i32.const 0)) drop
                    (table.init $tab 1 (i32.const 0) (i32.const 0) (i32.const 0))
                    (table.copy $tab $tab (i32.const 0) (i32.const 0) (i32.const 0))
                    (memory.init 1 (i32.const 0) (i32.const 0) (i32.const 0)) (data.drop 0)
                    (ref.is_null (ref.null extern)) drop (ref.func $f) drop
                    (i64.const -9223372036854775808) drop)
                  (export "f" (func $f))
                  (start $s)
                  (func $s)
                  (elem (table $tab) (offset (i32.const 0)) func $f $s)
                  (elem funcref (ref.null func) (item ref.func $f))
                  (elem declare func $s)
                  (data (memory 0) (i32.const 8) "a\\00\\ff\\"")
                  (data "passive"))
                """);
        assertTrue(text.contains("f64.const -nan:0x8000000000001"), text);
        assertTrue(text.contains("f32.const 0x0.000002p-126"), text);
        assertTrue(text.contains("(data (;0;) (memory 0) (offset i32.const 8) \"a\\00\\ff\\22\")"), text);
        assertTrue(text.contains("(global (;1;) (mut v128) v128.const i32x4 0x3f800000 0x80000000 0x7f800001 0xff800000)"), text);
    }

    /** Every f32 bit pattern, NaNs and subnormals included, prints as a literal that parses to the same bits. */
    @Property(tries = 2000)
    void f32ConstantsRoundTripExactly(@ForAll int bits) {
        assertEquals(bits, (int) constBits("f32", FloatText.f32(bits)));
    }

    @Property(tries = 2000)
    void f64ConstantsRoundTripExactly(@ForAll long bits) {
        assertEquals(bits, constBits("f64", FloatText.f64(bits)));
    }

    private static long constBits(String type, String literal) {
        byte[] wasm = Wat.parseModule("(module (func (result " + type + ") " + type + ".const " + literal + "))", "t.wat");
        CodeReader r = ModuleDecoder.decode(wasm).codeReader(0);
        r.next();
        return r.floatBits();
    }

    private static byte[] nameSection(byte[]... subsections) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(4);
        content.writeBytes("name".getBytes(StandardCharsets.US_ASCII));
        for (byte[] s : subsections) {
            content.writeBytes(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(content.size());
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
