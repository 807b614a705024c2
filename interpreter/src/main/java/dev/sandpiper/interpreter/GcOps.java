package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FieldType;

/**
 * The GC instructions in stack form: {@code [GC words top op immediates...]}, the operands in the
 * slots below {@code top} and the result written where the first operand was. {@code op} is the
 * {@link Opcode} ordinal; the immediates are the type index and a field, count or segment; casts
 * carry {@code nullable, heap, concrete} where {@code heap} is an abstract heap type's code or, when
 * {@code concrete}, the closed id of a defined type. Values are raw bits as everywhere: references
 * as {@link GcHeap} describes.
 *
 * <p>Spec: 3.0, Execution > Instructions > Reference Instructions (aggregate, scalar and external)
 * and Control Instructions ({@code br_on_cast}), {@code exec/instructions.html#aggregate-reference-instructions}.
 */
final class GcOps {
    private static final Opcode[] OPS = Opcode.values();
    /** Sub-op of the test {@code br_on_cast} makes: like {@code ref.test}, but the result goes above the reference, which stays. */
    static final int BRANCH_TEST = -1;

    private GcOps() {}

    static void execute(int[] code, int p, long[] stack, int top, Instance inst) {
        int sub = code[p];
        if (sub == BRANCH_TEST) {
            stack[top] = GcCasts.test(stack[top - 1], code[p + 1] != 0, code[p + 2], code[p + 3] != 0, inst) ? 1 : 0;
            return;
        }
        GcTypes types = inst.gcTypes();
        int x = code[p + 1];
        switch (OPS[sub]) {
            case REF_EQ -> stack[top - 2] = stack[top - 2] == stack[top - 1] ? 1 : 0;
            case STRUCT_NEW -> {
                int base = top - types.slots(x);
                stack[base] = newStruct(inst, x, stack, base);
            }
            case STRUCT_NEW_DEFAULT -> stack[top] = newStruct(inst, x, null, 0);
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                GcObjects.Struct s = struct(stack[top - 1], inst);
                FieldType f = types.fields(x)[code[p + 2]];
                int o = types.offset(x, code[p + 2]);
                stack[top - 1] = GcTypes.unpack(f, s.slots[o], OPS[sub] == Opcode.STRUCT_GET_S);
                if (GcTypes.width(f) == 2) {
                    stack[top] = s.slots[o + 1];
                }
            }
            case STRUCT_SET -> {
                FieldType f = types.fields(x)[code[p + 2]];
                int w = GcTypes.width(f);
                GcObjects.Struct s = struct(stack[top - 1 - w], inst);
                int o = types.offset(x, code[p + 2]);
                s.slots[o] = GcTypes.wrap(f, stack[top - w]);
                if (w == 2) {
                    s.slots[o + 1] = stack[top - 1];
                }
            }
            default -> GcArrays.execute(OPS[sub], code, p, stack, top, inst);
        }
    }

    /**
     * {@code struct.new} of type {@code x} with the field values in {@code values} from {@code from}
     * (each at its field's first slot), or {@code struct.new_default} when {@code values} is null:
     * charges the store and returns the new structure's reference. Both tiers allocate here.
     */
    static long newStruct(Instance inst, int x, long[] values, int from) {
        GcTypes types = inst.gcTypes();
        FieldType[] fs = types.fields(x);
        int n = types.slots(x);
        GcHeap heap = inst.store().gcHeap();
        heap.charge(8L * n);
        long[] slots = new long[n];
        for (int k = 0; k < fs.length; k++) {
            int o = types.offset(x, k);
            if (values == null) {
                slots[o] = GcTypes.defaultValue(fs[k]);
            } else {
                slots[o] = GcTypes.wrap(fs[k], values[from + o]);
                if (GcTypes.width(fs[k]) == 2) {
                    slots[o + 1] = values[from + o + 1];
                }
            }
        }
        return heap.add(new GcObjects.Struct(types.typeId(x), slots));
    }

    /** The structure {@code ref} designates; traps on null. */
    static GcObjects.Struct struct(long ref, Instance inst) {
        if (ref == Table.NULL) {
            throw new TrapException(TrapKind.NULL_STRUCTURE_REFERENCE);
        }
        if (inst.store().gcHeap().object(ref) instanceof GcObjects.Struct s) {
            return s;
        }
        // Only a host can pass such a value (validation types everything the guest makes).
        throw new TrapException(TrapKind.CAST_FAILURE, "not a structure of this store: " + Long.toHexString(ref));
    }
}
