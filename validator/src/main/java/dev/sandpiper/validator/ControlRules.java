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
 * {@code valid/instructions.html#control-instructions}; the appendix algorithm's cases for them;
 * 3.0, the same section, for the tail calls, {@code call_ref}, {@code return_call_ref},
 * {@code br_on_null} and {@code br_on_non_null}.
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
                FuncType t = indirectType(v, op, code);
                s.popOperand(v.context.tableAddress(code.index2()));
                s.popOperands(t.params());
                s.pushOperands(t.results());
            }
            case RETURN_CALL -> tailCall(v, s, function(v, code.index()), null);
            case RETURN_CALL_INDIRECT -> tailCall(v, s, indirectType(v, op, code), v.context.tableAddress(code.index2()));
            case CALL_REF -> {
                FuncType t = v.type(code.index());
                s.popOperand(ValType.ref(true, code.index()));
                s.popOperands(t.params());
                s.pushOperands(t.results());
            }
            case RETURN_CALL_REF -> {
                FuncType t = v.type(code.index());
                s.popOperand(ValType.ref(true, code.index()));
                tailCall(v, s, t, null);
            }
            case BR_ON_NULL -> brOnNull(v, s, code);
            case BR_ON_NON_NULL -> brOnNonNull(v, s, code);
            case THROW, THROW_REF, TRY_TABLE, TRY, CATCH, CATCH_ALL, DELEGATE, RETHROW -> ExceptionRules.apply(v, op, code);
            default -> throw new AssertionError(op);
        }
    }

    /** The type a {@code call_indirect} or {@code return_call_indirect} names, through a funcref table. */
    private static FuncType indirectType(FunctionValidator v, Opcode op, CodeReader code) {
        TableType table = TableRules.table(v, code.index2());
        if (!v.context.matches(table.elementType(), ValType.FUNCREF)) {
            throw v.invalid("type mismatch: " + op + " through a table of " + table.elementType());
        }
        return v.type(code.index());
    }

    /**
     * {@code return_call} and {@code return_call_indirect}: the callee's results must be the
     * caller's, since they are returned as they are; then, as after {@code return}, the stack is
     * polymorphic. Spec: 3.0, Validation > Instructions > Control Instructions, {@code return_call}.
     */
    private static void tailCall(FunctionValidator v, TypeStack s, FuncType callee, ValType indexType) {
        List<ValType> results = v.functionType().results();
        if (!Subtyping.allMatch(callee.results(), results, v.context.typeIds)) {
            throw v.invalid("type mismatch: tail call to a function returning " + callee.results()
                    + " from one returning " + results);
        }
        if (indexType != null) {
            s.popOperand(indexType); // the table's address type (3.0)
        }
        s.popOperands(callee.params());
        s.unreachable();
    }

    /**
     * {@code br_on_null l}: {@code [t* (ref null ht)] -> [t* (ref ht)]}, branching with {@code t*}
     * when the reference is null. Spec: 3.0, Validation > Instructions > Control Instructions.
     */
    private static void brOnNull(FunctionValidator v, TypeStack s, CodeReader code) {
        int f = v.label(code.index());
        int ref = popReference(v, s);
        v.recordBranch(f);
        List<ValType> types = s.labelTypes(f);
        s.popOperands(types);
        s.pushOperands(types);
        s.pushOperand(ref == TypeStack.UNKNOWN ? ref : TypeStack.code(TypeStack.type(ref).withNullable(false)));
    }

    /**
     * {@code br_on_non_null l}: {@code [t* (ref null ht)] -> [t*]} where {@code l} carries
     * {@code [t* (ref ht)]}: the non-null reference goes to the label with {@code t*}.
     * Spec: 3.0, Validation > Instructions > Control Instructions.
     */
    private static void brOnNonNull(FunctionValidator v, TypeStack s, CodeReader code) {
        int f = v.label(code.index());
        List<ValType> types = s.labelTypes(f);
        if (types.isEmpty() || !types.get(types.size() - 1).isReference()) {
            throw v.invalid("type mismatch: br_on_non_null needs a label whose last type is a reference, not "
                    + types);
        }
        ValType last = types.get(types.size() - 1);
        int ref = popReference(v, s);
        if (ref != TypeStack.UNKNOWN && !v.context.matches(TypeStack.type(ref).withNullable(false), last)) {
            throw v.invalid("type mismatch: br_on_non_null of " + TypeStack.name(ref) + " to a label of " + last);
        }
        s.pushOperand(TypeStack.code(last));
        v.recordBranch(f);
        s.popOperand(last);
        List<ValType> rest = types.subList(0, types.size() - 1);
        s.popOperands(rest);
        s.pushOperands(rest);
    }

    /** Pops an operand that must be a reference (or of unknown type). */
    static int popReference(FunctionValidator v, TypeStack s) {
        int t = s.popOperand();
        if (!TypeStack.isReference(t)) {
            throw v.invalid("type mismatch: expected a reference, found " + TypeStack.name(t));
        }
        return t;
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
        if (op == Opcode.CATCH || op == Opcode.CATCH_ALL) {
            s.popOperand(); // the legacy catch's hidden exception (TypeStack.enterCatch)
        }
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
