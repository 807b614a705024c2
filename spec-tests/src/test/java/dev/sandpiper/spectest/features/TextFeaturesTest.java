package dev.sandpiper.spectest.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text rules: one 3.0 construct per case, and 2.0 constructs that look alike and need nothing. */
class TextFeaturesTest {

    private static Set<Feature> of(String command) {
        return TextFeatures.of(command);
    }

    private static void needs(String command, Feature... features) {
        assertEquals(features.length == 0 ? EnumSet.noneOf(Feature.class) : EnumSet.of(features[0], features),
                of(command), command);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(module (memory 1) (func (drop (i32.load offset=4 align=2 (i32.const 0)))))",
        "(module (memory $m 1) (data (memory $m) (i32.const 0) \"a\") (func (drop (memory.size))))",
        "(module (data $d \"\") (memory 1) (func (memory.init $d (i32.const 0) (i32.const 0) (i32.const 0))))",
        "(module (memory 1) (func (result v128) (v128.load8_lane 1 (i32.const 0) (v128.const i64x2 0 0))))",
        "(module (table 1 funcref) (elem (table 0) (i32.const 0) func) (func (ref.null func) drop))",
        "(module (import \"spectest\" \"global_i32\" (global $g i32)) (global i32 (global.get $g)))",
        "(module (global $a i32 (i32.const 0)) (global i32 (global.get 1)))",
        "(module (func (export \"struct.new\")) (func $array.len))",
        "(assert_return (invoke \"f\" (ref.null extern)) (ref.null func))",
        "(assert_trap (invoke \"try\") \"unreachable\")",
    })
    void twoPointZeroNeedsNothing(String command) {
        needs(command);
    }

    @Test
    void instructionsAndTypesNameTheirFeature() {
        needs("(module (func (return_call 0)))", Feature.TAIL_CALLS);
        needs("(module (type $t (func)) (func (return_call_ref $t (ref.null $t))))",
                Feature.TAIL_CALLS, Feature.FUNCTION_REFERENCES);
        needs("(module (tag $e) (func (try_table (catch $e 0) (throw $e))))", Feature.EXCEPTIONS);
        needs("(module (func try catch_all end))", Feature.LEGACY_EXCEPTIONS, Feature.EXCEPTIONS);
        needs("(module (func (param (ref null $t))))", Feature.FUNCTION_REFERENCES);
        needs("(module (func (drop (call_ref $t (local.get 0)))))", Feature.FUNCTION_REFERENCES);
        needs("(module (type $s (struct (field i32))))", Feature.GC);
        needs("(module (func (param anyref)))", Feature.GC);
        needs("(module (func (drop (i8x16.relaxed_swizzle (v128.const i64x2 0 0) (v128.const i64x2 0 0)))))",
                Feature.RELAXED_SIMD);
        needs("(module (memory 1 1 shared) (func (drop (i32.atomic.load (i32.const 0)))))", Feature.THREADS);
        needs("(module (@custom \"x\" \"y\") (func))", Feature.ANNOTATIONS);
        needs("(assert_return (invoke \"f\") (either (i32.const 1) (i32.const 2)))", Feature.SCRIPT_3_0);
        needs("(assert_return (invoke \"f\") (ref.null))"); // the runner reads it: any null
        needs("(module definition $M (func))", Feature.SCRIPT_3_0);
        needs("(assert_malformed_custom (module quote \"(@custom)\") \"x\")", Feature.ANNOTATIONS);
        needs("(assert_malformed_custom (module quote \"(module (@name \\\"a\\\") (@name \\\"b\\\"))\") \"x\")",
                Feature.ANNOTATIONS);
        needs("(assert_invalid_custom (module (func (@metadata.code.branch_hint \"\\01\") nop)) \"x\")",
                Feature.ANNOTATIONS);
    }

    @Test
    void memoryRules() {
        needs("(module (memory 1) (memory 1))", Feature.MULTI_MEMORY);
        needs("(module (import \"a\" \"m\" (memory 1)) (memory $n 1))", Feature.MULTI_MEMORY);
        needs("(module (memory $m 1) (func (drop (i32.load $m (i32.const 0)))))", Feature.MULTI_MEMORY);
        needs("(module (memory 1) (func (drop (memory.size 0))))", Feature.MULTI_MEMORY);
        needs("(module (memory 1) (func (memory.init 0 $d (i32.const 0) (i32.const 0) (i32.const 0))))",
                Feature.MULTI_MEMORY);
        needs("(module (memory i64 1))", Feature.MEMORY64);
        needs("(module (table $t i64 1 funcref))", Feature.MEMORY64);
        needs("(module (memory 0x1_0000_0000))", Feature.MEMORY64);
        needs("(module (memory 1) (func (drop (i32.load offset=4294967296 (i32.const 0)))))", Feature.MEMORY64);
    }

    @Test
    void constantExpressionRules() {
        needs("(module (global i32 (i32.add (i32.const 1) (i32.const 2))))", Feature.EXTENDED_CONST);
        needs("(module (memory 1) (data (offset i32.const 1 i32.const 2 i32.sub) \"\"))", Feature.EXTENDED_CONST);
        needs("(module (global $a i32 (i32.const 0)) (global i32 (global.get $a)))",
                Feature.DEFINED_GLOBALS_IN_CONSTANTS);
        needs("(module (memory 1) (global i32 (i32.const 0)) (data (global.get 0) \"a\"))",
                Feature.DEFINED_GLOBALS_IN_CONSTANTS);
        needs("(module (global $g (import \"m\" \"g\") i32) (memory 1) (data (global.get $g) \"a\"))");
        needs("(module (table 1 funcref (ref.null func)))", Feature.FUNCTION_REFERENCES);
    }

    @Test
    void quotedAndBinaryModulesAreReadFromTheirStrings() {
        needs("(assert_malformed (module quote \"(func return_call 0)\") \"x\")", Feature.TAIL_CALLS);
        needs("(module quote \"(func $\\\"a b\\\")\")", Feature.TEXT_3_0);
        needs("(module quote \"(func (result i32) (i32.const 1) ;; c\\0d (return (i32.const 2)))\")", Feature.TEXT_3_0);
        needs("(module quote \"(func (result i32) (i32.const 1) ;; c\\0d\\0a (return (i32.const 2)))\")");
        needs("(module binary \"\\00asm\\01\\00\\00\\00\" \"\\0d\\01\\00\")", Feature.EXCEPTIONS);
        needs("(module binary \"\\00asm\\01\\00\\00\\00\")");
    }
}
