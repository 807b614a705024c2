package dev.sandpiper.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.text.print.WatPrinter;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Exception handling in text (3.0, Text Format > Modules > Tags; Instructions > Control
 * Instructions; the appendix's legacy instructions): tags with imports and exports, try_table's
 * catch clauses with labels resolved outside it, the legacy try forms plain and folded, and the
 * printer's output parsing back to the same binary.
 */
class ExceptionTextTest {
    private static final String WAT = """
            (module
              (tag $imp (import "m" "t") (param i32))
              (tag $e (export "e") (param i32 i64))
              (tag $none)
              (func (export "f") (param i32) (result i32)
                (local $x exnref)
                (block $h (result i32 exnref)
                  (try_table (result i32 exnref) (catch_ref $imp $h) (catch_all_ref 1)
                    (throw $imp (local.get 0))))
                (local.set $x)
                (drop)
                (block $outer
                  (try_table (catch_all $outer) (throw_ref (local.get $x))))
                (try $t (result i32)
                  (do (i32.const 1))
                  (catch $imp)
                  (catch_all (rethrow $t)))
                try
                  throw $none
                delegate 0
                try
                  nop
                catch $none
                catch_all
                end)
              (global (mut exnref) (ref.null exn))
              (global nullexnref (ref.null noexn)))
            """;

    @Test
    void tagsAndExceptionInstructionsParse() {
        Module m = ModuleDecoder.decode(Wat.parseModule(WAT, "exceptions.wat"));
        assertEquals(3, m.tagCount());
        assertEquals(2, m.definedTagCount());
        assertEquals(ExternKind.TAG, m.exports().get(0).kind());
    }

    @Test
    void printedTextParsesBackToTheSameBinary() {
        byte[] binary = Wat.parseModule(WAT, "exceptions.wat");
        String text = WatPrinter.print(binary);
        assertTrue(text.contains("(catch_ref 0 0) (catch_all_ref 1)"), text);
        assertTrue(text.contains("delegate 0"), text);
        assertTrue(text.contains("(tag (;1;) (type"), text);
        assertEquals(HexFormat.of().formatHex(binary), HexFormat.of().formatHex(Wat.parseModule(text, "printed.wat")));
    }

    @Test
    void catchOutsideATryIsAnUnexpectedToken() {
        TextFormatException e = assertThrows(TextFormatException.class,
                () -> Wat.parseModule("(module (func (catch_all)))", "bad.wat"));
        assertTrue(e.getMessage().contains("unexpected token"), e.getMessage());
    }
}
