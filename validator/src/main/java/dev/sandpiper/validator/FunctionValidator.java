package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.FunctionBody;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.validator.analysis.FunctionAnalysis;
import java.util.Arrays;

/**
 * Validates function bodies one instruction at a time and records the facts execution needs
 * (branch sites, v128 operands of {@code drop}/{@code select}, the largest stack height). One
 * instance is reused for all functions of a module; it is not thread-safe.
 *
 * <p>Spec: 2.0, Validation > Modules > Functions, {@code valid/modules.html#functions};
 * Appendix > Validation Algorithm, {@code appendix/algorithm.html}.
 */
final class FunctionValidator implements TypeStack.InvalidSink {
    final ModuleContext context;
    final TypeStack stack = new TypeStack();

    private int functionIndex;
    private int offset;
    private ValType[] locals = new ValType[16];
    private int localCount;
    private FuncType functionType;

    private int[] sites = new int[64];
    private int siteInts;
    private int[] wide = new int[8];
    private int wideCount;
    private int[] frameEnds = new int[16];

    FunctionValidator(ModuleContext context) {
        this.context = context;
    }

    /** Validates the body of function {@code functionIndex} (index space of all functions). */
    FunctionAnalysis validate(int functionIndex, FuncType type, FunctionBody body, CodeReader code) {
        this.functionIndex = functionIndex;
        this.functionType = type;
        this.offset = body.codeStart();
        siteInts = 0;
        wideCount = 0;
        setLocals(type, body);
        stack.reset(this, context.typeIds, localCount);
        for (int i = 0; i < type.params().size(); i++) {
            stack.setLocal(i);
        }
        stack.pushControl(Opcode.BLOCK, new FuncType(java.util.List.of(), type.results()), offset);
        while (stack.frameCount() > 0) {
            if (!code.hasNext()) {
                throw invalid("unexpected end of function body");
            }
            Opcode op = code.next();
            offset = code.opcodeOffset();
            apply(op, code);
        }
        if (code.hasNext()) {
            offset = code.position();
            throw invalid("operators remaining after end of function");
        }
        resolveTargets();
        return new FunctionAnalysis(stack.maxSlots(), Arrays.copyOf(sites, siteInts),
                Arrays.copyOf(wide, wideCount));
    }

    private void setLocals(FuncType type, FunctionBody body) {
        int n = type.params().size() + body.locals().length;
        if (locals.length < n) {
            locals = new ValType[n];
        }
        int k = 0;
        for (ValType t : type.params()) {
            locals[k++] = t;
        }
        for (ValType t : body.locals()) {
            locals[k++] = checked(t);
        }
        localCount = n;
    }

    private void apply(Opcode op, CodeReader code) {
        if (op.hasFixedSignature()) {
            Immediates.check(this, op, code);
            if (context.any64 && AddressRules.apply(this, op, code)) {
                return;
            }
            for (int i = op.popCount() - 1; i >= 0; i--) {
                stack.popOperand(op.pop(i));
            }
            for (int i = 0; i < op.pushCount(); i++) {
                stack.pushOperand(op.push(i));
            }
            return;
        }
        if (op.feature() == dev.sandpiper.decoder.code.Feature.GC) {
            GcRules.apply(this, op, code);
            return;
        }
        switch (op.family()) {
            case CONTROL -> ControlRules.apply(this, op, code);
            case VARIABLE -> VariableRules.apply(this, op, code);
            case PARAMETRIC -> ParametricRules.apply(this, op, code);
            case REFERENCE -> ReferenceRules.apply(this, op, code);
            case TABLE -> TableRules.apply(this, op, code);
            default -> throw new AssertionError("no rule for " + op);
        }
    }

    // ---- context for the rules ----

    @Override
    public InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(reason, functionIndex, offset);
    }

    int offset() {
        return offset;
    }

    FuncType functionType() {
        return functionType;
    }

    /** Type of local {@code index}, or "unknown local". */
    ValType local(int index) {
        if (index < 0 || index >= localCount) {
            throw invalid("unknown local " + Integer.toUnsignedString(index));
        }
        return locals[index];
    }

    /** The control frame a label refers to, or "unknown label". */
    int label(int depth) {
        int f = stack.frameOfLabel(Integer.toUnsignedLong(depth));
        if (f < 0) {
            throw invalid("unknown label " + Integer.toUnsignedString(depth));
        }
        return f;
    }

    /**
     * Type of local {@code index} for {@code local.get}: a local without a default value must have
     * been set first. Spec: 3.0, Validation > Instructions > Local Instructions ("uninitialized local").
     */
    ValType readLocal(int index) {
        ValType t = local(index);
        if (!t.isDefaultable() && !stack.isLocalSet(index)) {
            throw invalid("uninitialized local " + index);
        }
        return t;
    }

    /** The function type index {@code index} names, or "unknown type" (3.0: or not a function type). */
    FuncType type(int index) {
        known(index);
        if (!context.module.recTypes().isFunction(index)) {
            throw invalid("type mismatch: type " + index + " is not a function type");
        }
        return context.types.get(index);
    }

    /** A type index must name a defined type: "unknown type". */
    void known(int index) {
        if (index < 0 || index >= context.types.size()) {
            throw invalid("unknown type " + Integer.toUnsignedString(index));
        }
    }

    /** A value type read from the code: a concrete reference must name a defined type. */
    ValType checked(ValType t) {
        if (t.isConcrete()) {
            known(t.heapType());
        }
        return t;
    }

    /** Resolves a block type immediate. */
    FuncType blockType(CodeReader code) {
        long bt = code.blockType();
        if (bt == CodeReader.BLOCK_EMPTY) {
            return ModuleContext.EMPTY_BLOCK;
        }
        if (code.blockValType() != null) {
            return ModuleContext.singleResult(checked(code.blockValType()));
        }
        if (bt < 0 || bt >= context.types.size()) {
            throw invalid("unknown type " + bt);
        }
        return type((int) bt);
    }

    // ---- facts for execution ----

    /** Records a branch from here to frame {@code f}; call before popping the label's values. */
    void recordBranch(int f) {
        int keep = FuncType.slots(stack.labelTypes(f));
        int drop = stack.slotHeight() - stack.frameBaseSlots(f) - keep;
        int target = stack.isLoop(f) ? stack.frameStart(f) : -2 - stack.frameId(f);
        addSite(target, keep, stack.isUnreachable() || drop < 0 ? 0 : drop);
    }

    /** Records a {@code return}; call before popping the results. */
    void recordReturn() {
        int keep = functionType.resultSlots();
        int drop = stack.slotHeight() - keep;
        addSite(FunctionAnalysis.RETURN, keep, stack.isUnreachable() || drop < 0 ? 0 : drop);
    }

    private void addSite(int target, int keep, int drop) {
        if (siteInts + 4 > sites.length) {
            sites = Arrays.copyOf(sites, sites.length * 2);
        }
        sites[siteInts++] = offset;
        sites[siteInts++] = target;
        sites[siteInts++] = keep;
        sites[siteInts++] = drop;
    }

    /** Notes that the frame with id {@code id} closes at the current {@code end}. */
    void frameEnded(int id) {
        if (id >= frameEnds.length) {
            frameEnds = Arrays.copyOf(frameEnds, Math.max(id + 1, frameEnds.length * 2));
        }
        frameEnds[id] = offset;
    }

    /** Marks the current {@code drop}/{@code select} as moving a v128. */
    void markWide() {
        if (wideCount == wide.length) {
            wide = Arrays.copyOf(wide, wide.length * 2);
        }
        wide[wideCount++] = offset;
    }

    private void resolveTargets() {
        for (int i = 1; i < siteInts; i += 4) {
            if (sites[i] <= -2) {
                sites[i] = frameEnds[-2 - sites[i]];
            }
        }
    }
}
