package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.FunctionBody;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.validator.ValidatedModule;
import dev.sandpiper.validator.analysis.FunctionAnalysis;
import java.util.Arrays;

/**
 * Translates validated function bodies into {@link FunctionCode}. One translator serves a whole
 * module, reusing its buffers; it is not thread-safe.
 *
 * <p><b>Fuel.</b> An instruction costs 1 when executed, except the structure markers
 * {@code block}, {@code loop}, {@code else} and {@code end}, which cost nothing (they compile to no
 * code). Every basic block opens with {@code [FUEL n]}, {@code n} the sum of its instructions' costs.
 * A block starts at the function's entry, a loop header, a merge point after {@code end}, each arm of
 * an {@code if}, and the fall-through after a conditional branch. Branch targets are the {@code n}
 * word of the target block's FUEL: a branch (taken or falling through), a call (the callee's entry
 * block at words 0 and 1) and the interpreter's entry charge the block they enter and jump past its
 * FUEL, so the FUEL op itself only runs when code falls into a merge point. For every op that can
 * stop execution inside a block (a trap, or a call whose callee traps) the translator records how
 * many of the block's instructions come after it, so the exact count of executed instructions can be
 * restored ({@link FunctionCode#refundAt}).
 *
 * <p><b>Fused ops.</b> Within a block, an i32 comparison followed by {@code br_if} (or {@code if})
 * becomes one branch op; a {@code local.get} or {@code i32.const} followed by a frequent i32 binary
 * op becomes that op with a local or constant operand ({@code _L}, {@code _C}); a constant, a
 * comparison and {@code br_if} become one op. Each fused op still counts every instruction it
 * replaces.
 *
 * <p>Ops that can trap: {@code UNREACHABLE}, {@code CALL}, {@code CALL_INDIRECT}, loads, stores,
 * {@code MEMORY_GROW/FILL/COPY/INIT}, {@code TABLE_GET/SET/GROW/FILL/COPY/INIT}, integer division
 * and remainder, trapping float-to-integer truncations, and vector loads and stores (growth and
 * bulk operations poll the deadline).
 */
public final class CodeTranslator {
    private static final int BLOCK = 0;
    private static final int LOOP = 1;
    private static final int IF = 2;
    private static final int ELSE = 3;
    private static final int FUNC = 4;
    private static final int NO_FIXUP = -1;

    private final ValidatedModule validated;
    private final Module module;
    private final int[] typeIds;

    private int[] out = new int[256];
    private int pc;

    private FunctionAnalysis analysis;
    private int site;
    private int[] localSlots = new int[16];
    private ValType[] localTypes = new ValType[16];
    private int resultSlots;

    private int[] ctlKind = new int[16];
    private int[] ctlStart = new int[16];
    private int[] ctlFixups = new int[16];
    private int[] ctlElse = new int[16];
    private int depth;

    private boolean live;
    private int deadNesting;

    private int fuelPos;
    private int blockCost;
    /** The last op emitted in the current block and where, for fusing; -1 after a block starts. */
    private int lastOp = -1;
    private int lastOpPos;
    private int[] pendingPc = new int[16];
    private int[] pendingCost = new int[16];
    private int pendingCount;
    private int[] refundPc = new int[16];
    private int[] refund = new int[16];
    private int refundCount;

    /**
     * @param typeIds canonical type id of each of the module's type indices (for
     *     {@code call_indirect} checks across modules)
     */
    public CodeTranslator(ValidatedModule validated, int[] typeIds) {
        this.validated = validated;
        this.module = validated.module();
        this.typeIds = typeIds;
    }

    /** Translates defined function {@code definedIndex} (imports not counted). */
    public FunctionCode translate(int definedIndex) {
        int funcIndex = module.importedFunctionCount() + definedIndex;
        FuncType type = module.functionType(funcIndex);
        FunctionBody body = module.codes().get(definedIndex);
        analysis = validated.analysis(definedIndex);
        site = 0;
        pc = 0;
        depth = 0;
        live = true;
        deadNesting = 0;
        fuelPos = -1;
        blockCost = 0;
        pendingCount = 0;
        refundCount = 0;
        resultSlots = type.resultSlots();
        int paramSlots = layoutLocals(type, body);
        int totalLocalSlots = localSlots[localCount(type, body)];

        pushControl(FUNC, 0);
        startBlock();
        CodeReader r = module.codeReader(definedIndex);
        while (depth > 0) {
            Opcode op = r.next();
            int at = r.opcodeOffset();
            if (live) {
                instruction(op, r, at);
            } else {
                skipDead(op, r);
            }
        }
        closeBlock();
        return new FunctionCode(funcIndex, module.names().functionName(funcIndex), Arrays.copyOf(out, pc),
                paramSlots, totalLocalSlots, analysis.maxStackSlots(), resultSlots,
                Arrays.copyOf(refundPc, refundCount), Arrays.copyOf(refund, refundCount));
    }

    private static int localCount(FuncType type, FunctionBody body) {
        return type.params().size() + body.locals().length;
    }

    /** Slot of each local (a v128 takes two); returns the parameters' slots. */
    private int layoutLocals(FuncType type, FunctionBody body) {
        int n = localCount(type, body);
        if (localSlots.length < n + 1) {
            localSlots = new int[n + 1];
            localTypes = new ValType[n + 1];
        }
        int slot = 0;
        int k = 0;
        for (ValType t : type.params()) {
            localTypes[k] = t;
            localSlots[k++] = slot;
            slot += t.slots();
        }
        int paramSlots = slot;
        for (ValType t : body.locals()) {
            localTypes[k] = t;
            localSlots[k++] = slot;
            slot += t.slots();
        }
        localSlots[n] = slot;
        return paramSlots;
    }

    // ---- one instruction in reachable code ----

    private void instruction(Opcode op, CodeReader r, int at) {
        switch (op) {
            case UNREACHABLE -> {
                emitCosted(Op.UNREACHABLE);
                trapSite();
                live = false;
            }
            case NOP -> cost();
            case BLOCK -> pushControl(BLOCK, 0);
            case LOOP -> {
                closeBlock();
                startBlock();
                pushControl(LOOP, fuelPos);
            }
            case IF -> {
                cost();
                conditionalBranch(false);
                int elseSlot = pc;
                emit(NO_FIXUP);
                closeBlock();
                startBlock();
                pushControl(IF, 0);
                ctlElse[depth - 1] = elseSlot;
            }
            case ELSE -> enterElse();
            case END -> end();
            case BR -> {
                cost();
                branch(r.index(), false, at);
                closeBlock();
                live = false;
            }
            case BR_IF -> {
                cost();
                branch(r.index(), true, at);
                closeBlock();
                startBlock();
            }
            case BR_TABLE -> {
                cost();
                brTable(r, at);
                closeBlock();
                live = false;
            }
            case RETURN -> {
                cost();
                consumeSite(at);
                emitOp(Op.RETURN);
                emit(resultSlots);
                closeBlock();
                live = false;
            }
            case CALL -> {
                emitCosted(Op.CALL, r.index());
                trapSite();
            }
            case CALL_INDIRECT -> {
                emitCosted(Op.CALL_INDIRECT, typeIds[r.index()], r.index2());
                trapSite();
            }
            case DROP -> {
                if (analysis.isWide(at)) {
                    emitCosted(Op.DROP_N, 2);
                } else {
                    emitCosted(Op.DROP);
                }
            }
            case SELECT -> emitCosted(analysis.isWide(at) ? Op.SELECT_WIDE : Op.SELECT);
            case SELECT_T -> emitCosted(r.selectType(0) == ValType.V128 ? Op.SELECT_WIDE : Op.SELECT);
            case LOCAL_GET -> local(Op.LOCAL_GET, Op.LOCAL_GET_WIDE, r.index());
            case LOCAL_SET -> local(Op.LOCAL_SET, Op.LOCAL_SET_WIDE, r.index());
            case LOCAL_TEE -> local(Op.LOCAL_TEE, Op.LOCAL_TEE_WIDE, r.index());
            case GLOBAL_GET -> global(Op.GLOBAL_GET, Op.GLOBAL_GET_WIDE, r.index());
            case GLOBAL_SET -> global(Op.GLOBAL_SET, Op.GLOBAL_SET_WIDE, r.index());
            case TABLE_GET -> trapping(Op.TABLE_GET, r.index());
            case TABLE_SET -> trapping(Op.TABLE_SET, r.index());
            case TABLE_SIZE -> emitCosted(Op.TABLE_SIZE, r.index());
            case TABLE_GROW -> trapping(Op.TABLE_GROW, r.index());
            case TABLE_FILL -> trapping(Op.TABLE_FILL, r.index());
            case TABLE_COPY -> trapping(Op.TABLE_COPY, r.index(), r.index2());
            case TABLE_INIT -> trapping(Op.TABLE_INIT, r.index(), r.index2());
            case ELEM_DROP -> emitCosted(Op.ELEM_DROP, r.index());
            case I32_LOAD, F32_LOAD, I64_LOAD32_S -> memory(Op.LOAD32, r);
            case I64_LOAD, F64_LOAD -> memory(Op.LOAD64, r);
            case I32_LOAD8_S, I64_LOAD8_S -> memory(Op.LOAD8_S, r);
            case I32_LOAD8_U, I64_LOAD8_U -> memory(Op.LOAD8_U, r);
            case I32_LOAD16_S, I64_LOAD16_S -> memory(Op.LOAD16_S, r);
            case I32_LOAD16_U, I64_LOAD16_U -> memory(Op.LOAD16_U, r);
            case I64_LOAD32_U -> memory(Op.LOAD32_U, r);
            case I32_STORE, F32_STORE, I64_STORE32 -> memory(Op.STORE32, r);
            case I64_STORE, F64_STORE -> memory(Op.STORE64, r);
            case I32_STORE8, I64_STORE8 -> memory(Op.STORE8, r);
            case I32_STORE16, I64_STORE16 -> memory(Op.STORE16, r);
            case MEMORY_SIZE -> emitCosted(Op.MEMORY_SIZE);
            case MEMORY_GROW -> trapping(Op.MEMORY_GROW);
            case MEMORY_FILL -> trapping(Op.MEMORY_FILL);
            case MEMORY_COPY -> trapping(Op.MEMORY_COPY);
            case MEMORY_INIT -> trapping(Op.MEMORY_INIT, r.index());
            case DATA_DROP -> emitCosted(Op.DATA_DROP, r.index());
            case I32_CONST -> emitCosted(Op.CONST32, (int) r.constValue());
            case F32_CONST -> emitCosted(Op.CONST32, (int) r.floatBits());
            case I64_CONST -> const64(r.constValue());
            case F64_CONST -> const64(r.floatBits());
            case REF_NULL -> emitCosted(Op.REF_NULL);
            case REF_IS_NULL -> emitCosted(Op.REF_IS_NULL);
            case REF_FUNC -> emitCosted(Op.REF_FUNC, r.index());
            // Same bits either way: nothing to do at run time.
            case I32_REINTERPRET_F32, I64_REINTERPRET_F64, F32_REINTERPRET_I32, F64_REINTERPRET_I64 -> cost();
            default -> numericOrVector(op, r);
        }
    }

    private void numericOrVector(Opcode op, CodeReader r) {
        if (op.prefix() == 0 && op.code() >= 0x45 && op.code() <= 0xC4) {
            cost();
            binary(Op.NUMERIC_BASE + op.code() - 0x45);
            if (canTrap(op)) {
                trapSite();
            }
        } else if (op.prefix() == Opcode.PREFIX_FC && op.code() < 8) {
            emitCosted(Op.SAT_BASE + op.code());
        } else if (op.prefix() == Opcode.PREFIX_FD) {
            VectorTranslation.emit(this, op, r);
        } else {
            throw new IllegalStateException("no translation for " + op);
        }
    }

    private static boolean canTrap(Opcode op) {
        return switch (op) {
            case I32_DIV_S, I32_DIV_U, I32_REM_S, I32_REM_U, I64_DIV_S, I64_DIV_U, I64_REM_S, I64_REM_U,
                    I32_TRUNC_F32_S, I32_TRUNC_F32_U, I32_TRUNC_F64_S, I32_TRUNC_F64_U,
                    I64_TRUNC_F32_S, I64_TRUNC_F32_U, I64_TRUNC_F64_S, I64_TRUNC_F64_U -> true;
            default -> false;
        };
    }

    private void local(int narrow, int wide, int index) {
        emitCosted(localTypes[index] == ValType.V128 ? wide : narrow, localSlots[index]);
    }

    private void global(int narrow, int wide, int index) {
        boolean isWide = module.globalSpace().get(index).valType() == ValType.V128;
        emitCosted(isWide ? wide : narrow, index);
    }

    private void memory(int op, CodeReader r) {
        emitCosted(op, (int) r.offset());
        trapSite();
    }

    private void trapping(int op, int... immediates) {
        emitCosted(op, immediates);
        trapSite();
    }

    private void const64(long v) {
        emitCosted(Op.CONST64, (int) v, (int) (v >>> 32));
    }

    // ---- control ----

    private void pushControl(int kind, int start) {
        if (depth == ctlKind.length) {
            int n = depth * 2;
            ctlKind = Arrays.copyOf(ctlKind, n);
            ctlStart = Arrays.copyOf(ctlStart, n);
            ctlFixups = Arrays.copyOf(ctlFixups, n);
            ctlElse = Arrays.copyOf(ctlElse, n);
        }
        ctlKind[depth] = kind;
        ctlStart[depth] = start;
        ctlFixups[depth] = NO_FIXUP;
        ctlElse[depth] = NO_FIXUP;
        depth++;
    }

    /** The {@code else} of the innermost {@code if}: the then-arm jumps over the else-arm. */
    private void enterElse() {
        int c = depth - 1;
        if (live) {
            emitOp(Op.BR);
            emit(NO_FIXUP);
            addFixup(c);
        }
        closeBlock();
        startBlock();
        patch(ctlElse[c], fuelPos);
        ctlElse[c] = NO_FIXUP;
        ctlKind[c] = ELSE;
        live = true; // the if was reached, so its else-arm can be
    }

    private void end() {
        int c = depth - 1;
        int kind = ctlKind[c];
        boolean branchedTo = ctlFixups[c] != NO_FIXUP;
        // A merge point: reached by a branch, or by the false path of an if without else.
        boolean merge = branchedTo || kind == IF;
        boolean reachable = live || merge;
        if (merge) {
            closeBlock();
            startBlock();
            if (kind == IF) {
                patch(ctlElse[c], fuelPos);
            }
            for (int f = ctlFixups[c]; f != NO_FIXUP; ) {
                int next = out[f];
                out[f] = fuelPos;
                f = next;
            }
        }
        depth--;
        if (kind == FUNC) {
            if (reachable) {
                emitOp(Op.RETURN);
                emit(resultSlots);
            }
            closeBlock();
        }
        live = reachable;
    }

    /** Emits a branch to label {@code labelDepth}; {@code conditional} for {@code br_if}. */
    private void branch(int labelDepth, boolean conditional, int at) {
        int s = consumeSite(at);
        int c = depth - 1 - labelDepth;
        int drop = analysis.drop(s);
        // To the function's end no adjustment is needed: its RETURN takes the top results.
        boolean adjust = drop != 0 && ctlKind[c] != FUNC;
        if (!conditional) {
            emitOp(adjust ? Op.BR_ADJ : Op.BR);
        } else if (adjust) {
            emitOp(Op.BR_IF_ADJ);
        } else {
            conditionalBranch(true);
        }
        target(c);
        if (adjust) {
            emit(drop);
            emit(analysis.keep(s));
        }
    }

    /**
     * Emits the op of a conditional branch taken when the top value is non-zero
     * ({@code whenTrue}, br_if) or zero (if), fusing the comparison just emitted when there is one.
     */
    private void conditionalBranch(boolean whenTrue) {
        int prev = lastOpPos == pc - 1 ? lastOp : lastOpPos == pc - 2 ? lastOp : -1;
        int cmp = compareIndex(prev);
        if (cmp >= 0 && lastOpPos == pc - 1) {
            pc = lastOpPos;
            emitOp(Op.BR_IF_EQ + (whenTrue ? cmp : INVERSE[cmp]));
        } else if (prev >= Op.I32_EQ_C && prev <= Op.I32_GE_U_C && lastOpPos == pc - 2) {
            int constant = out[pc - 1];
            pc = lastOpPos;
            int k = prev - Op.I32_EQ_C;
            emitOp(Op.BR_IF_EQ_C + (whenTrue ? k : INVERSE[k]));
            emit(constant);
        } else if (prev == Op.I32_EQZ && lastOpPos == pc - 1) {
            pc = lastOpPos;
            emitOp(whenTrue ? Op.BR_IF_EQZ : Op.BR_IF);
        } else {
            emitOp(whenTrue ? Op.BR_IF : Op.BR_UNLESS);
        }
        lastOp = -1;
    }

    /** Comparisons in the order of Op.BR_IF_EQ..BR_IF_GE_U, and the index of each one's negation. */
    private static final int[] INVERSE = {1, 0, 8, 9, 6, 7, 4, 5, 2, 3};

    /** 0..9 for the i32 comparison ops eq..ge_u, else -1. */
    private static int compareIndex(int op) {
        return op >= Op.I32_EQ && op <= Op.I32_GE_U ? op - Op.I32_EQ : -1;
    }

    /** The i32 binary ops that have constant and local right-operand forms, in Op.I32_ADD_C order. */
    private static final int[] FOLDABLE = {Op.I32_ADD, Op.I32_SUB, Op.I32_MUL, Op.I32_AND, Op.I32_OR, Op.I32_XOR,
        Op.I32_SHL, Op.I32_SHR_S, Op.I32_SHR_U, Op.I32_EQ, Op.I32_NE, Op.I32_LT_S, Op.I32_LT_U, Op.I32_GT_S,
        Op.I32_GT_U, Op.I32_LE_S, Op.I32_LE_U, Op.I32_GE_S, Op.I32_GE_U};

    /**
     * Emits i32 binary op {@code op}, folding a right operand just pushed by {@code i32.const} or
     * {@code local.get} into it.
     */
    private void binary(int op) {
        int k = -1;
        for (int i = 0; i < FOLDABLE.length; i++) {
            if (FOLDABLE[i] == op) {
                k = i;
                break;
            }
        }
        if (k >= 0 && lastOpPos == pc - 2 && (lastOp == Op.CONST32 || lastOp == Op.LOCAL_GET)) {
            int operand = out[pc - 1];
            int fused = (lastOp == Op.CONST32 ? Op.I32_ADD_C : Op.I32_ADD_L) + k;
            pc = lastOpPos;
            emitOp(fused);
            emit(operand);
        } else {
            emitOp(op);
        }
    }

    private void brTable(CodeReader r, int at) {
        int n = r.tableCount();
        emitOp(Op.BR_TABLE);
        emit(n);
        for (int i = 0; i <= n; i++) {
            int labelDepth = i < n ? r.tableTarget(i) : r.index();
            int s = consumeSite(at);
            int c = depth - 1 - labelDepth;
            target(c);
            boolean toFunction = ctlKind[c] == FUNC;
            emit(toFunction ? 0 : analysis.drop(s));
            emit(analysis.keep(s));
        }
    }

    /** Emits the target word of a branch to control frame {@code c}: the n word of its block's FUEL. */
    private void target(int c) {
        if (ctlKind[c] == LOOP) {
            emit(ctlStart[c]);
        } else {
            emit(NO_FIXUP);
            addFixup(c);
        }
    }

    /** Chains the word just emitted into frame {@code c}'s list of branches to its end. */
    private void addFixup(int c) {
        out[pc - 1] = ctlFixups[c];
        ctlFixups[c] = pc - 1;
    }

    private void patch(int slot, int target) {
        if (slot != NO_FIXUP) {
            out[slot] = target;
        }
    }

    private int consumeSite(int at) {
        if (site >= analysis.branchSiteCount() || analysis.instruction(site) != at) {
            throw new IllegalStateException("branch analysis out of step at offset " + at);
        }
        return site++;
    }

    /** Unreachable code: only its structure and its branch sites matter. */
    private void skipDead(Opcode op, CodeReader r) {
        switch (op) {
            case BLOCK, LOOP, IF -> deadNesting++;
            case ELSE -> {
                if (deadNesting == 0) {
                    enterElse();
                }
            }
            case END -> {
                if (deadNesting > 0) {
                    deadNesting--;
                } else {
                    end();
                }
            }
            case BR, BR_IF, RETURN -> site++;
            case BR_TABLE -> site += r.tableCount() + 1;
            default -> { }
        }
    }

    // ---- fuel ----

    /** Opens a basic block: its {@code FUEL} op, whose charge {@link #closeBlock()} fills in. */
    private void startBlock() {
        emit(Op.FUEL);
        emit(0);
        fuelPos = pc - 1;
        blockCost = 0;
        lastOp = -1;
    }

    /** Counts one executed instruction of the current block. */
    void cost() {
        blockCost++;
    }

    /** Notes that the op just emitted may stop execution. */
    void trapSite() {
        if (pendingCount == pendingPc.length) {
            pendingPc = Arrays.copyOf(pendingPc, pendingCount * 2);
            pendingCost = Arrays.copyOf(pendingCost, pendingCount * 2);
        }
        pendingPc[pendingCount] = pc;
        pendingCost[pendingCount] = blockCost;
        pendingCount++;
    }

    /** Ends the current basic block: fixes its FUEL charge and its trap sites' refunds. */
    private void closeBlock() {
        if (fuelPos >= 0) {
            out[fuelPos] = blockCost;
        }
        for (int i = 0; i < pendingCount; i++) {
            int remaining = blockCost - pendingCost[i];
            if (remaining > 0) {
                if (refundCount == refundPc.length) {
                    refundPc = Arrays.copyOf(refundPc, refundCount * 2);
                    refund = Arrays.copyOf(refund, refundCount * 2);
                }
                refundPc[refundCount] = pendingPc[i];
                refund[refundCount] = remaining;
                refundCount++;
            }
        }
        fuelPos = -1;
        blockCost = 0;
        pendingCount = 0;
        lastOp = -1;
    }

    // ---- emission ----

    /** Emits a costed instruction: counts it, then emits the op and its immediates. */
    void emitCosted(int op, int... immediates) {
        cost();
        emitOp(op);
        for (int w : immediates) {
            emit(w);
        }
    }

    void emitCosted(int op) {
        cost();
        emitOp(op);
    }

    /** Emits an op word, remembering it for fusing with the next one. */
    private void emitOp(int op) {
        lastOp = op;
        lastOpPos = pc;
        emit(op);
    }

    void emit(int word) {
        if (pc == out.length) {
            out = Arrays.copyOf(out, pc * 2);
        }
        out[pc++] = word;
    }
}
