package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * Translates the GC instructions (spec 3.0, Execution > Instructions > Aggregate, Scalar and
 * External Reference Instructions, {@code ref.test}, {@code ref.cast}, {@code ref.eq}): each is one
 * static call, with its operands as they are on the JVM stack, the context and the immediates as
 * constants, into {@code runtime.Gc} (which runs the interpreter's own {@code TierGc}: same checks,
 * traps and allocation charges) or, for {@code ref.i31} and {@code i31.get_*}, into {@code TierGc}
 * directly. References stay opaque 64-bit handles here: nothing decodes an object handle inline.
 * Packed fields come back widened by the helper (sign or zero, as the interpreter's
 * {@code GcTypes.unpack}); i32 and f32 values are raw bits in an {@code int}, widened to the
 * interpreter's stack form by the helper, so NaN payloads pass through fields and elements
 * unchanged. The operands of {@code struct.new} and {@code array.new_fixed} are stored into the
 * context's reused value array first ({@code Gc.values}). Every instruction costs one unit of fuel
 * (charged by the caller, as the interpreter's {@code GcTranslation}); those that can trap are fuel
 * sites. {@code br_on_cast}'s test is {@link #castTest}; its branch is the caller's.
 */
final class GcInstructions {
    private static final String GC = "dev/sandpiper/compiler/runtime/Gc";
    private static final String TIER_GC = "dev/sandpiper/interpreter/TierGc";
    private static final String CTX = "L" + JvmTypes.CONTEXT + ";";

    private final FunctionTranslator t;
    private final Module module;
    private final int[] typeIds;
    private Code c;

    GcInstructions(FunctionTranslator t, Module module, int[] typeIds) {
        this.t = t;
        this.module = module;
        this.typeIds = typeIds;
    }

    /** Emits {@code op} (not {@code br_on_cast*}); its operands are on the stack and in {@code t.stack}. */
    void emit(Opcode op, CodeReader r) {
        c = t.code();
        OperandTypes s = t.stack;
        int x = r.index();
        switch (op) {
            case REF_EQ -> {
                // Spec: two references are equal when they are the same value (i31s by value, objects by identity).
                s.pop(2);
                c.invoke(INVOKESTATIC, GC, "refEq", "(JJ)Z");
                s.push('I');
            }
            case STRUCT_NEW -> structNew(x);
            case STRUCT_NEW_DEFAULT -> {
                t.loadContext();
                c.intConst(x);
                call("structNewDefault", "(" + CTX + "I)J");
                s.push('J');
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                char k = JvmTypes.kind(struct(x).fields().get(r.index2()).type());
                s.pop();
                t.loadContext();
                c.intConst(x);
                c.intConst(r.index2());
                String name = k == 'Q' ? "structGetV128" : op == Opcode.STRUCT_GET_S ? "structGetS" : "structGet";
                call(name, "(J" + CTX + "II)J");
                result(k);
            }
            case STRUCT_SET -> {
                char k = s.pop();
                s.pop();
                t.loadContext();
                c.intConst(x);
                c.intConst(r.index2());
                call("structSet", "(J" + JvmTypes.descriptor(k) + CTX + "II)V");
            }
            case ARRAY_NEW -> {
                s.pop();
                char k = s.pop();
                t.loadContext();
                c.intConst(x);
                call("arrayNew", "(" + JvmTypes.descriptor(k) + "I" + CTX + "I)J");
                s.push('J');
            }
            case ARRAY_NEW_DEFAULT -> {
                s.pop();
                t.loadContext();
                c.intConst(x);
                call("arrayNewDefault", "(I" + CTX + "I)J");
                s.push('J');
            }
            case ARRAY_NEW_FIXED -> arrayNewFixed(x, r.index2());
            case ARRAY_NEW_DATA, ARRAY_NEW_ELEM -> {
                s.pop(2);
                t.loadContext();
                c.intConst(x);
                c.intConst(r.index2());
                call(op == Opcode.ARRAY_NEW_DATA ? "arrayNewData" : "arrayNewElem", "(II" + CTX + "II)J");
                s.push('J');
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                char k = JvmTypes.kind(array(x).element().type());
                s.pop(2);
                t.loadContext();
                c.intConst(x);
                String name = k == 'Q' ? "arrayGetV128" : op == Opcode.ARRAY_GET_S ? "arrayGetS" : "arrayGet";
                call(name, "(JI" + CTX + "I)J");
                result(k);
            }
            case ARRAY_SET -> {
                char k = s.pop();
                s.pop(2);
                t.loadContext();
                c.intConst(x);
                call("arraySet", "(JI" + JvmTypes.descriptor(k) + CTX + "I)V");
            }
            case ARRAY_LEN -> {
                s.pop();
                t.loadContext();
                call("arrayLen", "(J" + CTX + ")I");
                s.push('I');
            }
            case ARRAY_FILL -> {
                s.pop();
                char k = s.pop();
                s.pop(2);
                t.loadContext();
                c.intConst(x);
                call("arrayFill", "(JI" + JvmTypes.descriptor(k) + "I" + CTX + "I)V");
            }
            case ARRAY_COPY -> {
                s.pop(5);
                t.loadContext();
                c.intConst(x);
                call("arrayCopy", "(JIJII" + CTX + "I)V");
            }
            case ARRAY_INIT_DATA -> {
                s.pop(4);
                t.loadContext();
                c.intConst(x);
                c.intConst(r.index2());
                call("arrayInitData", "(JIII" + CTX + "II)V");
            }
            case ARRAY_INIT_ELEM -> {
                s.pop(4);
                t.loadContext();
                c.intConst(r.index2());
                call("arrayInitElem", "(JIII" + CTX + "I)V");
            }
            case REF_TEST, REF_TEST_NULL -> {
                s.pop();
                cast(r.refType());
                call("refTest", "(J" + CTX + "ZIZ)Z");
                s.push('I');
            }
            case REF_CAST, REF_CAST_NULL -> {
                cast(r.refType());
                call("refCast", "(J" + CTX + "ZIZ)J");
            }
            case ANY_CONVERT_EXTERN -> {
                t.loadContext();
                call("anyConvertExtern", "(J" + CTX + ")J");
            }
            case EXTERN_CONVERT_ANY -> {
                t.loadContext();
                call("externConvertAny", "(J" + CTX + ")J");
            }
            case REF_I31 -> {
                s.pop();
                c.invoke(INVOKESTATIC, TIER_GC, "refI31", "(I)J");
                s.push('J');
            }
            case I31_GET_S, I31_GET_U -> {
                s.pop();
                c.intConst(op == Opcode.I31_GET_S ? 1 : 0);
                t.trapping(() -> c.invoke(INVOKESTATIC, TIER_GC, "i31Get", "(JZ)I"));
                s.push('I');
            }
            default -> throw new IllegalStateException("not a GC instruction: " + op);
        }
    }

    /**
     * {@code br_on_cast}'s test (spec 3.0, Execution > Instructions > {@code br_on_cast}): leaves
     * the reference where it is and pushes an {@code int}, 1 when it matches {@code target}, on the
     * JVM stack only (the caller branches on it).
     */
    void castTest(ValType target) {
        c = t.code();
        c.op(DUP2);
        cast(target);
        call("refTest", "(J" + CTX + "ZIZ)Z");
    }

    /**
     * {@code struct.new}: the field values, from the top, into the context's value array at their
     * field's first slot (a v128 two, high half above), then one call.
     */
    private void structNew(int x) {
        List<FieldType> fields = struct(x).fields();
        int[] offsets = new int[fields.size()];
        int slots = 0;
        for (int k = 0; k < fields.size(); k++) {
            offsets[k] = slots;
            slots += fields.get(k).type().slots();
        }
        int array = values(slots);
        for (int k = fields.size() - 1; k >= 0; k--) {
            storeValue(t.stack.pop(), array, offsets[k]);
        }
        t.loadContext();
        c.intConst(x);
        call("structNew", "(" + CTX + "I)J");
        t.stack.push('J');
    }

    /** {@code array.new_fixed $x n}: the {@code n} values into the context's value array, then one call. */
    private void arrayNewFixed(int x, int n) {
        ValType e = array(x).element().type();
        int w = e.slots();
        int array = values(n * w);
        for (int i = n - 1; i >= 0; i--) {
            storeValue(t.stack.pop(), array, i * w);
        }
        t.loadContext();
        c.intConst(x);
        c.intConst(n);
        call("arrayNewFixed", "(" + CTX + "II)J");
        t.stack.push('J');
    }

    /** The context's value array with room for {@code n} entries, in a scratch local (its slot). */
    private int values(int n) {
        int slot = t.scratch(1);
        t.loadContext();
        c.intConst(n);
        c.invoke(INVOKESTATIC, GC, "values", "(" + CTX + "I)[J");
        c.local(ASTORE, slot);
        return slot;
    }

    /** Pops a value of kind {@code k} into entries {@code at} (and {@code at + 1}, a v128's high half) of the array in {@code slot}. */
    private void storeValue(char k, int slot, int at) {
        if (k == 'Q') {
            storeEntry(slot, at + 1);
            storeEntry(slot, at);
            return;
        }
        if (k == 'I') {
            c.op(I2L); // the interpreter's stack form: sign-extended
        }
        storeEntry(slot, at);
    }

    /** [long] -> [] with the long at entry {@code at}: [v arr i] dup2_x2 [arr i v arr i] pop2 [arr i v] lastore. */
    private void storeEntry(int slot, int at) {
        c.local(ALOAD, slot);
        c.intConst(at);
        c.op(DUP2_X2);
        c.op(POP2);
        c.op(LASTORE);
    }

    /** After a read returning a long: narrowed for an {@code int} kind, the high half from the context for a v128. */
    private void result(char k) {
        if (k == 'I') {
            c.op(L2I);
        } else if (k == 'Q') {
            t.loadContext();
            c.field(GETFIELD, JvmTypes.CONTEXT, "high", "J");
        }
        t.stack.push(k);
    }

    /** Pushes the context and {@code (nullable, heap, concrete)} of a cast target, as the interpreter's {@code GcTranslation}. */
    private void cast(ValType target) {
        t.loadContext();
        c.intConst(target.isNullable() ? 1 : 0);
        c.intConst(target.isConcrete() ? typeIds[target.heapType()] : target.heapType());
        c.intConst(target.isConcrete() ? 1 : 0);
    }

    /** A call into {@code runtime.Gc} that may trap: a fuel site of this frame. */
    private void call(String name, String descriptor) {
        t.trapping(() -> c.invoke(INVOKESTATIC, GC, name, descriptor));
    }

    private StructType struct(int x) {
        return (StructType) module.recTypes().type(x).composite();
    }

    private ArrayType array(int x) {
        return (ArrayType) module.recTypes().type(x).composite();
    }
}
