package dev.sandpiper.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code (@custom "name" place? "bytes"*)} (3.0, Appendix > Custom Annotations) becomes a custom
 * section at its place; misplaced or malformed ones are rejected with the spec's wording.
 */
class CustomAnnotationTest {
    /** The sections of a binary module: a standard one by id, a custom one as "name=content". */
    private static List<String> sections(byte[] wasm) {
        List<String> out = new ArrayList<>();
        int[] at = {8};
        while (at[0] < wasm.length) {
            int id = wasm[at[0]++];
            int size = leb(wasm, at);
            int end = at[0] + size;
            if (id == 0) {
                int n = leb(wasm, at);
                String name = new String(wasm, at[0], n, StandardCharsets.UTF_8);
                String content = new String(wasm, at[0] + n, end - at[0] - n, StandardCharsets.UTF_8);
                out.add(name + "=" + content);
            } else {
                out.add(Integer.toString(id));
            }
            at[0] = end;
        }
        return out;
    }

    private static int leb(byte[] b, int[] at) {
        int v = 0;
        int shift = 0;
        while (true) {
            int x = b[at[0]++] & 0xFF;
            v |= (x & 0x7F) << shift;
            if (x < 0x80) {
                return v;
            }
            shift += 7;
        }
    }

    @Test
    void customSectionsGoWhereTheirPlacementSays() {
        byte[] wasm = Wat.parseModule("""
                (module
                  (type $t (func))
                  (@custom "a" "1")
                  (@custom "b" (before global) "2")
                  (@custom "c" (after func) "3" "4")
                  (func)
                  (@custom "d" (before first) "5")
                  (global i32 (i32.const 0))
                  (@custom "e" (after last))
                  (@custom "f" (before code) "6"))
                """, "t.wat");
        assertEquals(List.of("d=5", "1", "3", "c=34", "b=2", "6", "f=6", "10", "a=1", "e="), sections(wasm));
        ModuleDecoder.decode(wasm);
    }

    @Test
    void aModuleOfFieldsAloneTakesCustomAnnotationsToo() {
        assertEquals(List.of("bla="), sections(Wat.parseModule("(@custom \"bla\")", "t.wat")));
        assertEquals(List.of("bla="), sections(Wat.parseModule("(module (@custom \"bla\"))", "t.wat")));
    }

    @Test
    void malformedOrMisplacedCustomAnnotationsAreRejected() {
        assertEquals("@custom annotation: missing section name", reason("(@custom 4)"));
        assertEquals("@custom annotation: malformed UTF-8 encoding", reason("(@custom \"\\df\")"));
        assertEquals("@custom annotation: unexpected token", reason("(@custom \"bla\" after)"));
        assertEquals("@custom annotation: malformed section kind", reason("(@custom \"bla\" (after))"));
        assertEquals("@custom annotation: malformed placement", reason("(@custom \"bla\" (aft type))"));
        assertEquals("@custom annotation: malformed section kind", reason("(@custom \"bla\" (before types))"));
        assertEquals("misplaced @custom annotation", reason("(func (block (@custom \"bla\")))"));
        assertEquals("misplaced @custom annotation", reason("(type (@custom \"bla\") $t (func))"));
    }

    @Test
    void nameAnnotationsStandRightAfterWhatTheyName() {
        Wat.parseModule("(module $m (@name \"Modül\") (func (@name \"λ\") (param $x (@name \"x\") i32))"
                + " (func $f (@name \"f\")))", "t.wat");
        assertEquals("@name annotation: multiple module", reason("(module (@name \"M1\") (@name \"M2\"))"));
        assertEquals("misplaced @name annotation", reason("(module (func) (@name \"M\"))"));
        assertEquals("misplaced @name annotation", reason("(module (start $f (@name \"M\")) (func $f))"));
    }

    @Test
    void branchHintsStandInAFunctionOncePerIfOrBrIf() {
        Wat.parseModule("(func (param i32) (local.get 0) (@metadata.code.branch_hint \"\\01\") if end"
                + " (@metadata.code.branch_hint \"\\00\") (if (local.get 0) (then))"
                + " (block (@metadata.code.branch_hint \"\\00\") (br_if 0 (local.get 0))))", "t.wat");
        assertEquals("@metadata.code.branch_hint annotation: not in a function",
                reason("(module (@metadata.code.branch_hint \"\\01\") (func))"));
        assertEquals("@metadata.code.branch_hint annotation: duplicate annotation",
                reason("(func (i32.const 0) (@metadata.code.branch_hint \"\\01\") (@metadata.code.branch_hint \"\\01\") if end)"));
        CustomAnnotationException invalid = assertThrows(CustomAnnotationException.class, () -> Wat.parseModule(
                "(func (i32.const 0) (@metadata.code.branch_hint \"\\01\") drop)", "t.wat"));
        assertEquals("@metadata.code.branch_hint annotation: invalid target", invalid.reason());
        assertTrue(invalid.invalid());
    }

    /** The reason of a custom annotation's error (malformed, not invalid) or of the text's. */
    private static String reason(String source) {
        Exception e = assertThrows(Exception.class, () -> Wat.parseModule(source, "t.wat"));
        if (e instanceof CustomAnnotationException c) {
            assertFalse(c.invalid(), c.getMessage());
            return c.reason();
        }
        return ((TextFormatException) e).reason();
    }
}
