package dev.sandpiper.text.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.text.Wat;
import dev.sandpiper.text.WatModule;
import dev.sandpiper.text.lex.TokenCursor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 3.0 script forms the text module reads: {@code (either ...)} results, {@code (module definition ...)}. */
class ScriptForms30Test {
    @Test
    void eitherHoldsItsAlternativesInOrder() {
        TokenCursor c = TokenCursor.of("(either (i32.const 1) (f32.const nan:canonical)) (i64.const 2)", "t.wast");
        List<ResultPattern> results = ScriptLiterals.results(c);
        assertEquals(2, results.size());
        ResultPattern.Either e = (ResultPattern.Either) results.get(0);
        assertEquals(new ResultPattern.Exact(ScriptValue.number(ValType.I32, 1)), e.alternatives().get(0));
        assertEquals(new ResultPattern.Nan(ValType.F32, true), e.alternatives().get(1));
        assertTrue(results.get(1) instanceof ResultPattern.Exact);
        assertTrue(c.atEnd());
    }

    @Test
    void eitherNeedsAnAlternative() {
        assertThrows(TextFormatException.class, () -> ScriptLiterals.results(TokenCursor.of("(either)", "t.wast")));
    }

    @Test
    void aModuleDefinitionReadsAsItsModule() {
        TokenCursor c = TokenCursor.of("(module definition $M (func (export \"f\")))", "t.wast");
        WatModule m = Wat.parseModule(c);
        assertEquals("$M", m.id());
        assertArrayEquals(Wat.parseModule("(module (func (export \"f\")))", "t.wat"), m.binary());
    }
}
