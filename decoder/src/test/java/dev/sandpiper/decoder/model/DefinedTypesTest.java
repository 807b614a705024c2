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

    private static StructType struct(ValType... fields) {
        java.util.ArrayList<FieldType> fs = new java.util.ArrayList<>();
        for (ValType v : fields) {
            fs.add(new FieldType(v, 0, false));
        }
        return new StructType(fs);
    }

    @Test
    void recursionGroupsOfTheSameShapeGiveTheSameTypes() {
        // (rec (struct (ref 1)) (struct (ref 0))) at indices 0-1 and, after an unrelated type, at 1-2
        RecTypes a = new RecTypes(List.of(SubType.plain(struct(ref(1))), SubType.plain(struct(ref(0)))),
                new int[] {0, 0});
        RecTypes b = new RecTypes(List.of(SubType.plain(params()), SubType.plain(struct(ref(2))),
                SubType.plain(struct(ref(1)))), new int[] {0, 1, 1});
        int[] ia = DefinedTypes.ids(a);
        int[] ib = DefinedTypes.ids(b);
        assertEquals(ia[0], ib[1]);
        assertEquals(ia[1], ib[2]);
        // the two members are distinct types although their shapes are symmetric
        assertNotEquals(ia[0], ia[1]);
        // the same definitions, each its own group, are other types (iso-recursion: groups matter)
        RecTypes c = new RecTypes(List.of(SubType.plain(struct(ref(1))), SubType.plain(struct(ref(0)))),
                new int[] {0, 1});
        assertNotEquals(ia[0], DefinedTypes.ids(c)[0]);
    }

    @Test
    void declaredSupertypesChainAndKindsAreKept() {
        RecTypes t = new RecTypes(List.of(new SubType(false, List.of(), struct()),
                new SubType(false, List.of(0), struct(I32)), new SubType(true, List.of(1), struct(I32, F32)),
                SubType.plain(new ArrayType(new FieldType(I32, 8, true)))), new int[] {0, 1, 2, 3});
        int[] ids = DefinedTypes.ids(t);
        assertEquals(true, DefinedTypes.isSubtype(ids[2], ids[0]));
        assertEquals(false, DefinedTypes.isSubtype(ids[0], ids[2]));
        assertEquals(DefinedTypes.STRUCT, DefinedTypes.kind(ids[1]));
        assertEquals(DefinedTypes.ARRAY, DefinedTypes.kind(ids[3]));
        // final or not, and the supertype, are part of the type
        RecTypes open = new RecTypes(List.of(new SubType(false, List.of(), struct())), new int[] {0});
        RecTypes closed = new RecTypes(List.of(SubType.plain(struct())), new int[] {0});
        assertNotEquals(DefinedTypes.ids(open)[0], DefinedTypes.ids(closed)[0]);
        assertEquals(ids[0], DefinedTypes.ids(open)[0]);
    }
}
