package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.CompositeType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * The GC instructions: structures, arrays, i31, casts, conversions between the internal and
 * external hierarchies, {@code ref.eq}, and {@code br_on_cast}/{@code br_on_cast_fail}.
 *
 * <p>Spec: 3.0, Validation > Instructions > Reference Instructions (Aggregate Reference
 * Instructions, Scalar Reference Instructions, External Reference Instructions) and Control
 * Instructions ({@code br_on_cast}), {@code valid/instructions.html#aggregate-reference-instructions}.
 */
final class GcRules {
    /** Most operands {@code array.new_fixed} may take: an implementation limit, like the JS API's 10,000. */
    static final int MAX_FIXED = 10_000;

    private static final ValType I32 = ValType.I32;

    private GcRules() {}

    static void apply(FunctionValidator v, Opcode op, CodeReader code) {
        TypeStack s = v.stack;
        int x = code.index();
        switch (op) {
            case REF_EQ -> {
                s.popOperand(ValType.ref(true, ValType.HEAP_EQ));
                s.popOperand(ValType.ref(true, ValType.HEAP_EQ));
                s.pushOperand(I32);
            }
            case STRUCT_NEW -> {
                List<FieldType> fs = struct(v, x).fields();
                for (int i = fs.size() - 1; i >= 0; i--) {
                    s.popOperand(fs.get(i).type());
                }
                s.pushOperand(ValType.ref(false, x));
            }
            case STRUCT_NEW_DEFAULT -> {
                for (FieldType f : struct(v, x).fields()) {
                    defaultable(v, f);
                }
                s.pushOperand(ValType.ref(false, x));
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                FieldType f = field(v, struct(v, x), code.index2());
                packing(v, op, f, op != Opcode.STRUCT_GET);
                s.popOperand(ValType.ref(true, x));
                s.pushOperand(f.type());
            }
            case STRUCT_SET -> {
                FieldType f = field(v, struct(v, x), code.index2());
                if (!f.mutable()) {
                    throw v.invalid("immutable field " + code.index2() + " of type " + x);
                }
                s.popOperand(f.type());
                s.popOperand(ValType.ref(true, x));
            }
            case ARRAY_NEW -> {
                FieldType e = array(v, x).element();
                s.popOperand(I32);
                s.popOperand(e.type());
                s.pushOperand(ValType.ref(false, x));
            }
            case ARRAY_NEW_DEFAULT -> {
                defaultable(v, array(v, x).element());
                s.popOperand(I32);
                s.pushOperand(ValType.ref(false, x));
            }
            case ARRAY_NEW_FIXED -> {
                FieldType e = array(v, x).element();
                int n = code.index2();
                if (n < 0 || n > MAX_FIXED) {
                    throw v.invalid("array.new_fixed of " + Integer.toUnsignedString(n) + " operands exceeds the limit of "
                            + MAX_FIXED);
                }
                for (int i = 0; i < n; i++) {
                    s.popOperand(e.type());
                }
                s.pushOperand(ValType.ref(false, x));
            }
            case ARRAY_NEW_DATA -> {
                numeric(v, array(v, x).element());
                data(v, code.index2());
                s.popOperand(I32);
                s.popOperand(I32);
                s.pushOperand(ValType.ref(false, x));
            }
            case ARRAY_NEW_ELEM -> {
                elem(v, array(v, x).element(), code.index2());
                s.popOperand(I32);
                s.popOperand(I32);
                s.pushOperand(ValType.ref(false, x));
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                FieldType e = array(v, x).element();
                packing(v, op, e, op != Opcode.ARRAY_GET);
                s.popOperand(I32);
                s.popOperand(ValType.ref(true, x));
                s.pushOperand(e.type());
            }
            case ARRAY_SET -> {
                FieldType e = mutableArray(v, x);
                s.popOperand(e.type());
                s.popOperand(I32);
                s.popOperand(ValType.ref(true, x));
            }
            case ARRAY_LEN -> {
                s.popOperand(ValType.ref(true, ValType.HEAP_ARRAY));
                s.pushOperand(I32);
            }
            case ARRAY_FILL -> {
                FieldType e = mutableArray(v, x);
                s.popOperand(I32);
                s.popOperand(e.type());
                s.popOperand(I32);
                s.popOperand(ValType.ref(true, x));
            }
            case ARRAY_COPY -> {
                FieldType dst = mutableArray(v, x);
                FieldType src = array(v, code.index2()).element();
                if (dst.packedBits() != src.packedBits() || !v.context.matches(src.type(), dst.type())) {
                    throw v.invalid("array types do not match: array.copy from elements of " + src + " to " + dst);
                }
                s.popOperand(I32);
                s.popOperand(I32);
                s.popOperand(ValType.ref(true, code.index2()));
                s.popOperand(I32);
                s.popOperand(ValType.ref(true, x));
            }
            case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
                FieldType e = mutableArray(v, x);
                if (op == Opcode.ARRAY_INIT_DATA) {
                    numeric(v, e);
                    data(v, code.index2());
                } else {
                    elem(v, e, code.index2());
                }
                s.popOperand(I32);
                s.popOperand(I32);
                s.popOperand(I32);
                s.popOperand(ValType.ref(true, x));
            }
            case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
                ValType target = v.checked(code.refType());
                s.popOperand(ValType.ref(true, Subtyping.topOf(target.heapType(), v.context.typeIds)));
                s.pushOperand(op == Opcode.REF_TEST || op == Opcode.REF_TEST_NULL ? I32 : target);
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> brOnCast(v, s, op, code);
            case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {
                boolean toAny = op == Opcode.ANY_CONVERT_EXTERN;
                int t = s.popOperand(ValType.ref(true, toAny ? ValType.HEAP_EXTERN : ValType.HEAP_ANY));
                boolean nullable = t != TypeStack.UNKNOWN && TypeStack.type(t).isNullable();
                s.pushOperand(ValType.ref(nullable, toAny ? ValType.HEAP_ANY : ValType.HEAP_EXTERN));
            }
            case REF_I31 -> {
                s.popOperand(I32);
                s.pushOperand(ValType.ref(false, ValType.HEAP_I31));
            }
            case I31_GET_S, I31_GET_U -> {
                s.popOperand(ValType.ref(true, ValType.HEAP_I31));
                s.pushOperand(I32);
            }
            default -> throw new AssertionError(op);
        }
    }

    /**
     * {@code br_on_cast l rt1 rt2}: {@code [t* rt1] -> [t* (rt1 \ rt2)]}, branching with {@code rt2};
     * {@code br_on_cast_fail} the other way round. {@code rt2} must match {@code rt1}.
     */
    private static void brOnCast(FunctionValidator v, TypeStack s, Opcode op, CodeReader code) {
        ValType source = v.checked(code.castSource());
        ValType target = v.checked(code.refType());
        if (!v.context.matches(target, source)) {
            throw v.invalid("type mismatch: " + op + " to " + target + ", which does not match " + source);
        }
        ValType diff = source.withNullable(source.isNullable() && !target.isNullable());
        ValType branched = op == Opcode.BR_ON_CAST ? target : diff;
        ValType stays = op == Opcode.BR_ON_CAST ? diff : target;
        int f = v.label(code.index());
        List<ValType> types = s.labelTypes(f);
        if (types.isEmpty() || !v.context.matches(branched, types.get(types.size() - 1))) {
            throw v.invalid("type mismatch: " + op + " passes " + branched + " to a label of " + types);
        }
        s.popOperand(source);
        s.pushOperand(branched);
        v.recordBranch(f);
        s.popOperands(types);
        s.pushOperands(types.subList(0, types.size() - 1));
        s.pushOperand(stays);
    }

    private static CompositeType composite(FunctionValidator v, int x) {
        v.known(x);
        return v.context.module.recTypes().type(x).composite();
    }

    private static StructType struct(FunctionValidator v, int x) {
        if (composite(v, x) instanceof StructType st) {
            return st;
        }
        throw v.invalid("type mismatch: type " + x + " is not a structure type");
    }

    private static ArrayType array(FunctionValidator v, int x) {
        if (composite(v, x) instanceof ArrayType at) {
            return at;
        }
        throw v.invalid("type mismatch: type " + x + " is not an array type");
    }

    private static FieldType mutableArray(FunctionValidator v, int x) {
        FieldType e = array(v, x).element();
        if (!e.mutable()) {
            throw v.invalid("immutable array " + x);
        }
        return e;
    }

    private static FieldType field(FunctionValidator v, StructType st, int y) {
        if (y < 0 || y >= st.fields().size()) {
            throw v.invalid("unknown field " + Integer.toUnsignedString(y));
        }
        return st.fields().get(y);
    }

    /** {@code get} reads an unpacked field, {@code get_s}/{@code get_u} a packed one. */
    private static void packing(FunctionValidator v, Opcode op, FieldType f, boolean signed) {
        if (f.isPacked() != signed) {
            throw v.invalid("type mismatch: " + op + (signed ? " needs a packed field, not " : " of a packed field ") + f);
        }
    }

    private static void defaultable(FunctionValidator v, FieldType f) {
        if (!f.type().isDefaultable()) {
            throw v.invalid("field type is not defaultable: " + f);
        }
    }

    private static void numeric(FunctionValidator v, FieldType e) {
        if (e.type().isReference()) {
            throw v.invalid("array type is not numeric or vector: " + e);
        }
    }

    private static void data(FunctionValidator v, int d) {
        if (d < 0 || d >= v.context.dataCount) {
            throw v.invalid("unknown data segment " + Integer.toUnsignedString(d));
        }
    }

    private static void elem(FunctionValidator v, FieldType e, int segment) {
        if (segment < 0 || segment >= v.context.elementCount()) {
            throw v.invalid("unknown elem segment " + Integer.toUnsignedString(segment));
        }
        ValType t = v.context.elementType(segment);
        if (!v.context.matches(t, e.type())) {
            throw v.invalid("type mismatch: element segment of " + t + " for an array of " + e);
        }
    }
}
