package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * Control instructions: blocks, branches, calls.
 *
 * <p>Spec: 2.0, Validation > Instructions > Control Instructions,
 * {@code valid/instructions.html#control-instructions}; the appendix algorithm's cases for them.
 */
final class ControlRules {
    private ControlRules() {}

    static void apply(FunctionValidator v, Opcode op, CodeReader code) {
        TypeStack s = v.stack;
        switch (op) {
            case UNREACHABLE -> s.unreachable();
            case BLOCK, LOOP -> {
                FuncType t = v.blockType(code);
                s.popOperands(t.params());
                s.pushControl(op, t, v.offset());
            }
            case IF -> {
                FuncType t = v.blockType(code);
                s.popOperand(ValType.I32);
                s.popOperands(t.params());
                s.pushControl(op, t, v.offset());
            }
            case ELSE -> {
                if (s.topOp() != Opcode.IF) {
                    throw v.invalid("else without if");
                }
                s.enterElse();
            }
            case END -> end(v, s);
            case BR -> {
                int f = v.label(code.index());
                v.recordBranch(f);
                s.popOperands(s.labelTypes(f));
                s.unreachable();
            }
            case BR_IF -> {
                int f = v.label(code.index());
                s.popOperand(ValType.I32);
                v.recordBranch(f);
                List<ValType> types = s.labelTypes(f);
                s.popOperands(types);
                s.pushOperands(types);
            }
            case BR_TABLE -> brTable(v, s, code);
            case RETURN -> {
                v.recordReturn();
                s.popOperands(v.functionType().results());
                s.unreachable();
            }
            case CALL -> {
                FuncType t = function(v, code.index());
                s.popOperands(t.params());
                s.pushOperands(t.results());
            }
            case CALL_INDIRECT -> {
                TableType table = TableRules.table(v, code.index2());
                if (table.elementType() != ValType.FUNCREF) {
                    throw v.invalid("type mismatch: call_indirect through a table of " + table.elementType());
                }
                int typeIndex = code.index();
                if (typeIndex < 0 || typeIndex >= v.context.types.size()) {
                    throw v.invalid("unknown type " + Integer.toUnsignedString(typeIndex));
                }
                FuncType t = v.context.types.get(typeIndex);
                s.popOperand(ValType.I32);
                s.popOperands(t.params());
                s.pushOperands(t.results());
            }
            default -> throw new AssertionError(op);
        }
    }

    /** The type of function {@code index}, or "unknown function". */
    static FuncType function(FunctionValidator v, int index) {
        if (index < 0 || index >= v.context.functionCount()) {
            throw v.invalid("unknown function " + Integer.toUnsignedString(index));
        }
        return v.context.functionType(index);
    }

    private static void end(FunctionValidator v, TypeStack s) {
        Opcode op = s.topOp();
        FuncType t = s.topType();
        int id = s.topId();
        // An if without else behaves as if its else passed the params through unchanged.
        if (op == Opcode.IF && !t.params().equals(t.results())) {
            throw v.invalid("type mismatch: if without else must not change the stack's types");
        }
        s.popControl();
        v.frameEnded(id);
        if (s.frameCount() > 0) {
            s.pushOperands(t.results());
        }
    }

    private static void brTable(FunctionValidator v, TypeStack s, CodeReader code) {
        s.popOperand(ValType.I32);
        int m = v.label(code.index());
        int arity = s.labelTypes(m).size();
        int[] popped = new int[arity];
        for (int i = 0; i < code.tableCount(); i++) {
            int f = v.label(code.tableTarget(i));
            List<ValType> types = s.labelTypes(f);
            if (types.size() != arity) {
                throw v.invalid("type mismatch: br_table labels have different arities");
            }
            v.recordBranch(f);
            for (int k = arity - 1; k >= 0; k--) {
                popped[k] = s.popOperand(TypeStack.code(types.get(k)));
            }
            for (int k = 0; k < arity; k++) {
                s.pushOperand(popped[k]);
            }
        }
        v.recordBranch(m);
        s.popOperands(s.labelTypes(m));
        s.unreachable();
    }
}
