package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.ValType;

/**
 * Translates the GC instructions into {@link Op#GC} ops in stack form: {@code [GC words top op
 * immediates...]}, {@code op} the {@link Opcode} ordinal. They run out of the interpreter's loop
 * (in {@code GcOps}), so the loop grows by one case only. Casts carry {@code nullable, heap,
 * concrete}, {@code heap} being an abstract heap type's code or a defined type's closed id.
 *
 * <p>Spec: 3.0, Execution > Instructions > Reference Instructions.
 */
final class GcTranslation {
    /** {@code GcOps.BRANCH_TEST}: br_on_cast's test, whose result goes above the reference. */
    static final int BRANCH_TEST = -1;

    private GcTranslation() {}

    static void emit(CodeTranslator t, Opcode op, CodeReader r) {
        int sub = op.ordinal();
        int x = r.index();
        switch (op) {
            case REF_EQ -> t.gc(2, 1, sub, 0);
            case STRUCT_NEW -> t.gc(struct(t, x).fields().size(), 1, sub, x);
            case STRUCT_NEW_DEFAULT -> t.gc(0, 1, sub, x);
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U ->
                    t.gc(1, width(struct(t, x).fields().get(r.index2())), sub, x, r.index2());
            case STRUCT_SET -> t.gc(2, 0, sub, x, r.index2());
            case ARRAY_NEW -> t.gc(2, 1, sub, x);
            case ARRAY_NEW_DEFAULT -> t.gc(1, 1, sub, x);
            case ARRAY_NEW_FIXED -> t.gc(r.index2(), 1, sub, x, r.index2());
            case ARRAY_NEW_DATA, ARRAY_NEW_ELEM -> t.gc(2, 1, sub, x, r.index2());
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> t.gc(2, width(array(t, x).element()), sub, x);
            case ARRAY_SET -> t.gc(3, 0, sub, x);
            case ARRAY_LEN -> t.gc(1, 1, sub, 0);
            case ARRAY_FILL -> t.gc(4, 0, sub, x);
            case ARRAY_COPY -> t.gc(5, 0, sub, x, r.index2());
            case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> t.gc(4, 0, sub, x, r.index2());
            case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
                ValType target = r.refType();
                t.gc(1, 1, sub, target.isNullable() ? 1 : 0, heap(t, target), target.isConcrete() ? 1 : 0);
            }
            case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY, REF_I31, I31_GET_S, I31_GET_U -> t.gc(1, 1, sub, 0);
            default -> throw new IllegalStateException("no translation for " + op);
        }
    }

    /** The three cast words of {@code target} (after {@link #BRANCH_TEST}). */
    static void emitCast(CodeTranslator t, ValType target) {
        t.emit(target.isNullable() ? 1 : 0);
        t.emit(heap(t, target));
        t.emit(target.isConcrete() ? 1 : 0);
    }

    private static int heap(CodeTranslator t, ValType target) {
        return target.isConcrete() ? t.typeId(target.heapType()) : target.heapType();
    }

    private static int width(FieldType f) {
        return f.type() == ValType.V128 ? 2 : 1;
    }

    private static StructType struct(CodeTranslator t, int x) {
        return (StructType) t.module().recTypes().type(x).composite();
    }

    private static ArrayType array(CodeTranslator t, int x) {
        return (ArrayType) t.module().recTypes().type(x).composite();
    }
}
