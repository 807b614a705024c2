package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;

/**
 * Table instructions and {@code elem.drop}.
 *
 * <p>Spec: 2.0, Validation > Instructions > Table Instructions,
 * {@code valid/instructions.html#table-instructions}.
 */
final class TableRules {
    private TableRules() {}

    /** {@code table.get/set/grow/fill}, whose operand types depend on the table's element type. */
    static void apply(FunctionValidator v, Opcode op, CodeReader code) {
        TypeStack s = v.stack;
        ValType elem = table(v, code.index()).elementType();
        ValType at = v.context.tableAddress(code.index()); // 3.0: i64 for a 64-bit table
        switch (op) {
            case TABLE_GET -> {
                s.popOperand(at);
                s.pushOperand(elem);
            }
            case TABLE_SET -> {
                s.popOperand(elem);
                s.popOperand(at);
            }
            case TABLE_GROW -> {
                s.popOperand(at);
                s.popOperand(elem);
                s.pushOperand(at);
            }
            case TABLE_FILL -> {
                s.popOperand(at);
                s.popOperand(elem);
                s.popOperand(at);
            }
            default -> throw new AssertionError(op);
        }
    }

    /** Index checks of {@code table.size}, {@code table.init}, {@code table.copy}, {@code elem.drop}. */
    static void immediates(FunctionValidator v, Opcode op, CodeReader code) {
        switch (op) {
            case TABLE_SIZE -> table(v, code.index());
            case ELEM_DROP -> element(v, code.index());
            case TABLE_INIT -> {
                TableType t = table(v, code.index2());
                ValType seg = element(v, code.index());
                if (!v.context.matches(seg, t.elementType())) {
                    throw v.invalid("type mismatch: table.init of " + seg + " elements into a table of "
                            + t.elementType());
                }
            }
            case TABLE_COPY -> {
                TableType dst = table(v, code.index());
                TableType src = table(v, code.index2());
                if (!v.context.matches(src.elementType(), dst.elementType())) {
                    throw v.invalid("type mismatch: table.copy from " + src.elementType() + " to "
                            + dst.elementType());
                }
            }
            default -> throw new AssertionError(op);
        }
    }

    static TableType table(FunctionValidator v, int index) {
        if (index < 0 || index >= v.context.tables.size()) {
            throw v.invalid("unknown table " + Integer.toUnsignedString(index));
        }
        return v.context.tables.get(index);
    }

    private static ValType element(FunctionValidator v, int index) {
        if (index < 0 || index >= v.context.elementCount()) {
            throw v.invalid("unknown elem segment " + Integer.toUnsignedString(index));
        }
        return v.context.elementType(index);
    }
}
