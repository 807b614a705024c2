package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.CompositeType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;

/**
 * The operand and result types of the GC instructions that may appear in constant expressions
 * ({@code ref.i31}, the conversions, {@code struct.new(_default)}, {@code array.new(_default|_fixed)}),
 * for {@link ConstantExpressions}' small typing loop.
 *
 * <p>Spec: 3.0, Validation > Instructions > Constant Expressions; the instructions' rules as in {@link GcRules}.
 */
final class ConstantGcTypes {
    private ConstantGcTypes() {}

    /** What {@code op} pops, bottom first. */
    static ValType[] pops(ModuleContext c, Opcode op, CodeReader r, int at) {
        return switch (op) {
            case REF_I31 -> new ValType[] {ValType.I32};
            case ANY_CONVERT_EXTERN -> new ValType[] {ValType.ref(true, ValType.HEAP_EXTERN)};
            case EXTERN_CONVERT_ANY -> new ValType[] {ValType.ref(true, ValType.HEAP_ANY)};
            case STRUCT_NEW -> {
                StructType st = struct(c, r.index(), at);
                yield st.fields().stream().map(FieldType::type).toArray(ValType[]::new);
            }
            case STRUCT_NEW_DEFAULT -> {
                for (FieldType f : struct(c, r.index(), at).fields()) {
                    if (!f.type().isDefaultable()) {
                        throw InvalidModuleException.atModule("field type is not defaultable: " + f, at);
                    }
                }
                yield new ValType[0];
            }
            case ARRAY_NEW -> new ValType[] {array(c, r.index(), at).element().type(), ValType.I32};
            case ARRAY_NEW_DEFAULT -> {
                if (!array(c, r.index(), at).element().type().isDefaultable()) {
                    throw InvalidModuleException.atModule("field type is not defaultable", at);
                }
                yield new ValType[] {ValType.I32};
            }
            case ARRAY_NEW_FIXED -> {
                int n = r.index2();
                if (n < 0 || n > GcRules.MAX_FIXED) {
                    throw InvalidModuleException.atModule("array.new_fixed of too many operands", at);
                }
                ValType[] out = new ValType[n];
                Arrays.fill(out, array(c, r.index(), at).element().type());
                yield out;
            }
            default -> throw new AssertionError(op);
        };
    }

    /** What {@code op} pushes, once its operands are popped ({@code stack[size]} was the top one). */
    static ValType push(Opcode op, CodeReader r, ValType[] stack, int size) {
        return switch (op) {
            case REF_I31 -> ValType.ref(false, ValType.HEAP_I31);
            case ANY_CONVERT_EXTERN -> ValType.ref(stack[size].isNullable(), ValType.HEAP_ANY);
            case EXTERN_CONVERT_ANY -> ValType.ref(stack[size].isNullable(), ValType.HEAP_EXTERN);
            default -> ValType.ref(false, r.index());
        };
    }

    private static CompositeType composite(ModuleContext c, int x, int at) {
        if (x < 0 || x >= c.types.size()) {
            throw InvalidModuleException.atModule("unknown type " + Integer.toUnsignedString(x), at);
        }
        return c.module.recTypes().type(x).composite();
    }

    private static StructType struct(ModuleContext c, int x, int at) {
        if (composite(c, x, at) instanceof StructType st) {
            return st;
        }
        throw InvalidModuleException.atModule("type mismatch: type " + x + " is not a structure type", at);
    }

    private static ArrayType array(ModuleContext c, int x, int at) {
        if (composite(c, x, at) instanceof ArrayType a) {
            return a;
        }
        throw InvalidModuleException.atModule("type mismatch: type " + x + " is not an array type", at);
    }
}
