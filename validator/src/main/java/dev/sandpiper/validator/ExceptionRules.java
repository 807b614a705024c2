package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Exception handling: tag types, {@code throw}, {@code throw_ref}, {@code try_table} and its catch
 * clauses; and the legacy {@code try}, {@code catch}, {@code catch_all}, {@code delegate},
 * {@code rethrow}.
 *
 * <p>Spec: 3.0, Validation > Types > Tag Types; Validation > Instructions > Control Instructions
 * ({@code throw}, {@code throw_ref}, {@code try_table}, catch clauses); 3.0 appendix, legacy
 * exception handling.
 */
final class ExceptionRules {
    private ExceptionRules() {}

    /** A tag's type: a function type index whose results are empty. Spec: 3.0, Validation > Types > Tag Types. */
    static void tagType(ModuleContext c, int typeIndex) {
        if (typeIndex < 0 || typeIndex >= c.types.size()) {
            throw InvalidModuleException.atModule("unknown type " + Integer.toUnsignedString(typeIndex), -1);
        }
        if (!c.types.get(typeIndex).results().isEmpty()) {
            throw InvalidModuleException.atModule("non-empty tag result type", -1);
        }
    }

    static void apply(FunctionValidator v, Opcode op, CodeReader code) {
        TypeStack s = v.stack;
        switch (op) {
            case THROW -> {
                List<ValType> params = tag(v, code.index()).params();
                if (!s.topMatches(params)) {
                    throw v.invalid("type mismatch: instruction requires " + TypeStack.list(params)
                            + " but stack has " + s.describeTop(params.size()));
                }
                s.popOperands(params);
                s.unreachable();
            }
            case THROW_REF -> {
                s.popOperand(ValType.EXNREF);
                s.unreachable();
            }
            case TRY_TABLE -> {
                FuncType t = v.blockType(code);
                for (int i = 0; i < code.catchCount(); i++) {
                    catchClause(v, s, code, i);
                }
                s.popOperands(t.params());
                s.pushControl(op, t, v.offset());
            }
            case TRY -> {
                FuncType t = v.blockType(code);
                s.popOperands(t.params());
                s.pushControl(op, t, v.offset());
            }
            case CATCH, CATCH_ALL -> {
                Opcode top = s.topOp();
                if (top != Opcode.TRY && top != Opcode.CATCH) {
                    throw v.invalid(op + " without try");
                }
                s.enterCatch(op, op == Opcode.CATCH ? tag(v, code.index()).params() : List.of());
            }
            case DELEGATE -> {
                if (s.topOp() != Opcode.TRY) {
                    throw v.invalid("delegate without try");
                }
                FuncType t = s.topType();
                int id = s.topId();
                s.popControl();
                v.frameEnded(id);
                if (s.frameCount() == 0) {
                    throw v.invalid("unknown label " + Integer.toUnsignedString(code.index()));
                }
                // Labels count from the context around the try; the function's own label is allowed.
                if (Integer.toUnsignedLong(code.index()) >= s.frameCount()) {
                    throw v.invalid("unknown label " + Integer.toUnsignedString(code.index()));
                }
                s.pushOperands(t.results());
            }
            case RETHROW -> {
                int f = v.label(code.index());
                Opcode target = s.frameOp(f);
                if (target != Opcode.CATCH && target != Opcode.CATCH_ALL) {
                    throw v.invalid("invalid rethrow label");
                }
                s.unreachable();
            }
            default -> throw new AssertionError(op);
        }
    }

    /**
     * A catch clause of {@code try_table}, in the context outside it: the values it hands its
     * label (the tag's parameters, then a {@code (ref exn)} for the _ref forms) must match the
     * label's types. Spec: 3.0, Validation > Instructions > Control Instructions, Catch Clauses.
     */
    private static void catchClause(FunctionValidator v, TypeStack s, CodeReader code, int i) {
        int kind = code.catchKind(i);
        List<ValType> given = new ArrayList<>();
        if (kind == CodeReader.CATCH || kind == CodeReader.CATCH_REF) {
            given.addAll(tag(v, code.catchTag(i)).params());
        }
        if (kind == CodeReader.CATCH_REF || kind == CodeReader.CATCH_ALL_REF) {
            given.add(ValType.REF_EXN);
        }
        int f = v.label(code.catchLabel(i));
        List<ValType> expected = s.labelTypes(f);
        if (!Subtyping.allMatch(given, expected, v.context.typeIds)) {
            throw v.invalid("type mismatch: catch clause gives " + given + " to a label of " + expected);
        }
    }

    /** The type of tag {@code index}, or "unknown tag". */
    static FuncType tag(FunctionValidator v, int index) {
        if (index < 0 || index >= v.context.module.tagCount()) {
            throw v.invalid("unknown tag " + Integer.toUnsignedString(index));
        }
        return v.context.types.get(v.context.module.tagTypeIndex(index));
    }
}
