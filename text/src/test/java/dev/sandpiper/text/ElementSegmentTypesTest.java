package dev.sandpiper.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.ElementSegment;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.SegmentMode;
import dev.sandpiper.decoder.model.ValType;
import org.junit.jupiter.api.Test;

/**
 * The type an element segment written in text gets, as 3.0 decodes it (Text Format > Modules >
 * Element Segments and Tables; Binary Format > Modules > Element Section): {@code func x*} and bare
 * indices are {@code (ref func)}, written as indices; {@code funcref (ref.func x)} stays funcref,
 * written as expressions; {@code (ref ...)} element types; a table's inline {@code (elem x*)} has
 * the table's type; and type definitions may name later types (validation rejects those).
 */
class ElementSegmentTypesTest {
    private static Module module(String wat) {
        return ModuleDecoder.decode(Wat.parseModule(wat, "elem.wat"));
    }

    @Test
    void funcrefExpressionsStayFuncref() {
        ElementSegment e = module("(module (func) (table 1 funcref) (elem (i32.const 0) funcref (ref.func 0)))")
                .elements().get(0);
        assertEquals(ValType.FUNCREF, e.type());
        assertNull(e.functionIndices());
        assertEquals(1, e.exprs().size());
    }

    @Test
    void functionIndicesAreRefFunc() {
        Module m = module("(module (func) (table 1 funcref) (elem (i32.const 0) 0) (elem declare func 0)"
                + " (elem (ref func) (ref.func 0)))");
        for (ElementSegment e : m.elements()) {
            assertEquals(ValType.REF_FUNC, e.type());
            assertArrayEquals(new int[] {0}, e.functionIndices());
        }
        assertEquals(SegmentMode.PASSIVE, m.elements().get(2).mode());
    }

    @Test
    void aTablesInlineSegmentHasTheTablesType() {
        Module m = module("(module (type $t (func)) (func $f) (table $tb (ref null $t) (elem $f)))");
        assertEquals(ValType.ref(true, 0), m.elements().get(0).type());
        assertEquals(SegmentMode.ACTIVE, m.elements().get(0).mode());
    }

    @Test
    void aTypeMayNameALaterTypeInText() {
        Module m = module("(module (type $a (func (param (ref $b)))) (type $b (func)))");
        assertEquals(ValType.ref(false, 1), m.types().get(0).params().get(0));
    }
}
