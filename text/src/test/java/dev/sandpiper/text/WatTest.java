package dev.sandpiper.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public entry points, abbreviations and error reporting, on small hand-written modules. */
class WatTest {

    private static Module decode(String wat) {
        return ModuleDecoder.decode(Wat.parseModule(wat, "test.wat"));
    }

    private static TextFormatException error(String wat) {
        return assertThrows(TextFormatException.class, () -> Wat.parseModule(wat, "test.wat"));
    }

    @Test
    void emptyModuleIsJustTheHeader() {
        assertEquals("0061736d01000000", HexFormat.of().formatHex(Wat.parseModule("(module)", "m.wat")));
        assertEquals("0061736d01000000", HexFormat.of().formatHex(Wat.parseModule("", "m.wat")));
    }

    @Test
    void functionWithNamedParamsFoldedAndFlatCode() {
        Module m = decode("""
                (module $m
                  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
                    (i32.add (local.get $a) (local.get $b)))
                  (func (param i32 i32) (result i32) local.get 0 local.get 1 call $add))
                """);
        assertEquals(1, m.types().size(), "the second function's type is the first's");
        assertEquals(List.of(ValType.I32, ValType.I32), m.types().get(0).params());
        assertEquals("add", m.exports().get(0).name());
    }

    @Test
    void implicitTypesComeAfterExplicitOnesInUseOrder() {
        Module m = decode("""
                (module
                  (func (param i64))
                  (type $t (func (param i32)))
                  (func (type $t))
                  (func (result f32) (f32.const 0)))
                """);
        assertEquals(List.of(ValType.I32), m.types().get(0).params());
        assertEquals(List.of(ValType.I64), m.types().get(1).params());
        assertEquals(List.of(ValType.F32), m.types().get(2).results());
        assertEquals(1, m.definedFunctionTypeIndex(0));
        assertEquals(0, m.definedFunctionTypeIndex(1));
    }

    @Test
    void inlineImportsExportsElemsAndData() {
        Module m = decode("""
                (module
                  (func $f (import "env" "f") (param i32))
                  (table $t (export "t") funcref (elem $f $g))
                  (memory (data "hello" "\\u{1F600}"))
                  (global $g0 (mut i32) (i32.const -1))
                  (elem declare func $g)
                  (func $g (result i32) (global.get $g0)))
                """);
        assertEquals(1, m.imports().size());
        assertEquals(2, m.tables().get(0).limits().min());
        assertEquals(2, m.elements().size());
        assertEquals(1, m.memories().get(0).limits().min());
        assertEquals(9, m.data().get(0).length());
    }

    @Test
    void binaryAndQuoteModules() {
        WatModule b = Wat.parse("(module $b binary \"\\00asm\" \"\\01\\00\\00\\00\")", "b.wat");
        assertEquals("$b", b.id());
        assertEquals(WatModule.Form.BINARY, b.form());
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, b.binary());
        WatModule q = Wat.parse("(module quote \"(func (export \\\"f\\\"))\")", "q.wat");
        assertEquals(WatModule.Form.QUOTE, q.form());
        assertEquals("f", ModuleDecoder.decode(q.binary()).exports().get(0).name());
    }

    @Test
    void errorsCarryPositionAndSuiteWording() {
        TextFormatException e = error("(module\n  (func (i32.const 0x1_0000_0000) drop))");
        assertEquals("constant out of range", e.reason());
        assertEquals(2, e.line());
        assertEquals(20, e.column());
        assertEquals("test.wat:2:20: constant out of range", e.getMessage());
        assertEquals("unknown operator i32.frobnicate", error("(func (i32.frobnicate))").reason());
        assertEquals("alignment must be a power of two", error("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))").reason());
        assertEquals("mismatching label", error("(func block $a end $b)").reason());
        assertEquals("unknown label $x", error("(func (br $x))").reason());
        assertEquals("duplicate func $f", error("(func $f) (func $f)").reason());
        assertEquals("duplicate local $x", error("(func (param $x i32) (local $x i32))").reason());
        assertEquals("unknown function $nope", error("(func call $nope)").reason());
        assertEquals("inline function type", error("(type $t (func)) (func (type $t) (param i32))").reason());
        assertEquals("malformed UTF-8 encoding", error("(func (export \"\\ff\"))").reason());
        assertEquals("unexpected end", error("(module (func").reason());
        assertEquals("unclosed comment", error("(module (; never closed").reason());
        assertEquals("import after function", error("(func) (import \"m\" \"f\" (func))").reason());
        assertEquals("multiple start sections", error("(func) (start 0) (start 0)").reason());
        assertEquals("wrong number of lane literals", error("(func (v128.const i32x4 1 2 3) drop)").reason());
    }

    @Test
    void commentsNestAndTokensMustBeSeparated() {
        decode("(module (; a (; nested ;) comment ;) ;; line\n (func))");
        assertEquals("unknown operator", error("(data\"a\")").reason());
    }
}
