package dev.sandpiper.decoder.model;

import static dev.sandpiper.decoder.model.ValType.F32;
import static dev.sandpiper.decoder.model.ValType.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Closed type ids (spec 3.0, Matching > Defined Types): the same type in any module, by what indices name. */
class DefinedTypesTest {
    private static FuncType params(ValType... ps) {
        return new FuncType(List.of(ps), List.of());
    }

    private static ValType ref(int index) {
        return ValType.ref(false, index);
    }

    @Test
    void indicesCompareByTheTypesTheyName() {
        // types 1 and 2 are both [(ref 0)]; 3 = [(ref 1)] and 4 = [(ref 2)] are then the same type
        int[] ids = DefinedTypes.ids(List.of(params(I32), params(ref(0)), params(ref(0)), params(ref(1)),
                params(ref(2))));
        assertEquals(ids[1], ids[2]);
        assertEquals(ids[3], ids[4]);
        assertNotEquals(ids[0], ids[1]);
    }

    @Test
    void theSameIndexOfTwoModulesMayNameDifferentTypes() {
        int[] a = DefinedTypes.ids(List.of(params(), params(ref(0))));
        int[] b = DefinedTypes.ids(List.of(params(I32), params(ref(0))));
        assertNotEquals(a[1], b[1]);
        int[] c = DefinedTypes.ids(List.of(params(F32), params(), params(ref(1))));
        assertEquals(a[1], c[2]);
    }

    @Test
    void aSelfReferenceIsTheSameWhereverTheTypeStands() {
        int[] a = DefinedTypes.ids(List.of(params(I32, ref(0))));
        int[] b = DefinedTypes.ids(List.of(params(F32), params(I32, ref(1))));
        assertEquals(a[0], b[1]);
        assertNotEquals(a[0], DefinedTypes.ids(List.of(params(I32, ValType.ref(true, 0))))[0]);
    }

    @Test
    void aHostTypeWithoutIndicesIsTheModuleType() {
        FuncType t = new FuncType(List.of(I32, ValType.FUNCREF), List.of(F32));
        assertEquals(DefinedTypes.id(t), DefinedTypes.ids(List.of(params(), t))[1]);
    }
}
