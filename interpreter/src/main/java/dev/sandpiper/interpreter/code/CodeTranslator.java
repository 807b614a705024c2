package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Family;
import dev.sandpiper.decoder.code.ImmediateKind;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.FunctionBody;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.validator.ValidatedModule;
import dev.sandpiper.validator.analysis.FunctionAnalysis;
import java.util.Arrays;
import java.util.List;

/**
 * Translates validated function bodies into register-form {@link FunctionCode} ({@link Op}). One
 * translator serves a whole module, reusing its buffers; it is not thread-safe.
 *
 * <p><b>Operands.</b> The translator follows the Wasm operand stack with a stack of descriptors
 * ({@link Operands}): a value already in its canonical slot, a local, or a constant. {@code local.get}
 * and constants emit nothing; an op names its operands where they are (a local's slot, a canonical
 * slot, or a constant immediate in the {@code _C} forms) and writes its result to the canonical slot
 * of the position it pushes, or straight into a local when a {@code local.set}/{@code local.tee}
 * follows. A descriptor is written to its canonical slot ("materialised") only where the code after
 * needs it there: at block boundaries, branches, calls and the stack-form ops; and before a local
 * that a pending {@code local.get} refers to is overwritten. Branches carrying values copy them to the
 * target's slots; the validator's analysis is only checked against, not needed.
 *
 * <p><b>Fuel.</b> An instruction costs 1 when executed, except the structure markers
 * {@code block}, {@code loop}, {@code else} and {@code end}; instructions that emit no code
 * ({@code local.get}, constants, {@code drop}) still cost 1. Every basic block opens with
 * {@code [FUEL n]}, {@code n} the sum of its instructions' costs; branch targets are that {@code n}
 * word, and branches, calls and the interpreter's entry charge the block they enter. For every op
 * that can stop execution inside a block (a trap, a deadline poll, or a call whose callee traps)
 * the translator records how many of the block's instructions follow it, so the count of executed
 * instructions can be restored exactly ({@link FunctionCode#refundAt}).
 *
 * <p><b>Fused ops.</b> An i32 comparison whose result feeds {@code br_if} or {@code if} becomes a
 * compare-and-branch op, with two slots or a slot and a constant; an {@code i32.eqz} feeding them
 * inverts the branch; an {@code i32.add} feeding {@code i32.load8_u} becomes one op.
 */
public final class CodeTranslator {
    private final ValidatedModule validated;
    private final Module module;
    private final int[] typeIds;
    /** Whether each memory's address type is i64 (3.0 memory64): its instructions run in stack form. */
    private final boolean[] memory64;
    private final Operands v = new Operands();
    private final CodeBuffer code = new CodeBuffer();
    private final ControlFrames frames = new ControlFrames();
    private final ExceptionTranslation exceptions = new ExceptionTranslation(this, code, frames, v);

    private FunctionAnalysis analysis;
    private int site;
    private int[] localSlots = new int[16];
    private ValType[] localTypes = new ValType[16];
    private int resultSlots;

    private boolean live;
    private int deadNesting;

    // The op that produced the top operand, while nothing has been emitted after it: where its
    // destination word is (to retarget it into a local), which op it is, its operand slots for a
    // two-slot binary op, and for an i32 comparison the compare-and-branch op it would fuse into.
    private int producedEntry = -1;
    private int producedEnd;
    private int producedDst;
    private int producedPos;
    private int producedOp;
    private int producedCompare = -1;
    private int producedA;
    private int producedB;

    /**
     * @param typeIds canonical type id of each of the module's type indices (for
     *     {@code call_indirect} checks across modules)
     */
    public CodeTranslator(ValidatedModule validated, int[] typeIds) {
        this.validated = validated;
        this.module = validated.module();
        this.typeIds = typeIds;
        this.memory64 = new boolean[module.memorySpace().size()];
        for (int i = 0; i < memory64.length; i++) {
            memory64[i] = module.memorySpace().get(i).limits().address64();
        }
    }

    /** Translates defined function {@code definedIndex} (imports not counted). */
    public FunctionCode translate(int definedIndex) {
        int funcIndex = module.importedFunctionCount() + definedIndex;
        FuncType type = module.functionType(funcIndex);
        FunctionBody body = module.codes().get(definedIndex);
        analysis = validated.analysis(definedIndex);
        site = 0;
        code.reset();
        frames.reset();
        exceptions.reset();
        live = true;
        deadNesting = 0;
        resultSlots = type.resultSlots();
        int paramSlots = layoutLocals(type, body);
        int locals = localSlots[type.params().size() + body.locals().length];
        v.reset(locals);
        producedEntry = -1;

        pushControl(ControlFrames.FUNC, new FuncType(List.of(), type.results()), 0);
        startBlock();
        code.markPollPoint();
        nullReferenceLocals(type.params().size(), body);
        CodeReader r = module.codeReader(definedIndex);
        while (frames.depth() > 0) {
            Opcode op = r.next();
            int at = r.opcodeOffset();
            if (live) {
                instruction(op, r, at);
            } else {
                skipDead(op, r);
            }
        }
        closeBlock();
        code.threadJumpsToReturns();
        return new FunctionCode(funcIndex, module.names().functionName(funcIndex), code.code(), paramSlots,
                v.localSlots(), analysis.maxStackSlots(), resultSlots, code.refundPcs(), code.refunds(),
                code.pollPoints(), exceptions.handlers(), exceptions.tailCallSites());
    }

    /**
     * Declared reference locals start null (spec 2.0, Execution > Instructions > Function Calls:
     * each local holds its type's default value), not the zero the frame entry writes: they are
     * set to {@code Table.NULL} at entry, at no fuel cost (the same on the compiled tier).
     */
    private void nullReferenceLocals(int params, FunctionBody body) {
        for (int k = 0; k < body.locals().length; k++) {
            if (body.locals()[k].isReference()) {
                v.pushConstant(-1); // not constant(): that charges an instruction
                producedEntry = -1;
                setLocal(params + k, false);
            }
        }
    }

    /** Slot of each local (a v128 takes two); returns the parameters' slots. */
    private int layoutLocals(FuncType type, FunctionBody body) {
        int n = type.params().size() + body.locals().length;
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
        if (usesStackFormMemory(op, r)) {
            memoryIndexed(op, r);
            return;
        }
        switch (op) {
            case UNREACHABLE -> {
                cost();
                emitOp(Op.UNREACHABLE);
                trapSite();
                live = false;
            }
            case NOP -> cost();
            case BLOCK -> {
                FuncType t = blockType(r);
                materializeBlock();
                pushControl(ControlFrames.BLOCK, t, 0);
            }
            case LOOP -> {
                FuncType t = blockType(r);
                materializeBlock();
                closeBlock();
                startBlock();
                code.markPollPoint();
                pushControl(ControlFrames.LOOP, t, code.blockStart());
            }
            case IF -> {
                cost();
                FuncType t = blockType(r);
                Condition c = condition();
                materializeBlock();
                int elseSlot = conditionalBranch(c, false);
                emit(CodeBuffer.OPEN);
                closeBlock();
                startBlock();
                pushControl(ControlFrames.IF, t, 0);
                frames.setElseJump(frames.innermost(), elseSlot);
            }
            case ELSE -> enterElse();
            case END -> end();
            case BR -> {
                cost();
                consumeSite(at);
                branch(frames.frameOfLabel(r.index()));
                closeBlock();
                live = false;
            }
            case BR_IF -> {
                cost();
                consumeSite(at);
                branchIf(frames.frameOfLabel(r.index()));
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
                branch(0);
                closeBlock();
                live = false;
            }
            case CALL -> {
                cost();
                call(module.functionType(r.index()), Op.CALL, r.index(), -1, -1);
            }
            case CALL_INDIRECT -> {
                cost();
                int index = v.reg(v.top(), this);
                v.pop();
                call(module.types().get(r.index()), Op.CALL_INDIRECT, typeIds[r.index()], r.index2(), index);
            }
            case RETURN_CALL -> {
                cost();
                // An imported callee is a host function or another instance's: called, then returned from.
                int op1 = r.index() < module.importedFunctionCount() ? Op.CALL : Op.RETURN_CALL;
                tailCall(module.functionType(r.index()), op1, r.index(), -1, -1);
            }
            case RETURN_CALL_INDIRECT -> {
                cost();
                int index = v.reg(v.top(), this);
                v.pop();
                tailCall(module.types().get(r.index()), Op.RETURN_CALL_INDIRECT, typeIds[r.index()], r.index2(), index);
            }
            case CALL_REF, RETURN_CALL_REF -> {
                // As call_indirect (fuel, depth, frame reuse), through table -1: the operand is the reference.
                cost();
                int ref = v.reg(v.top(), this);
                v.pop();
                FuncType t = module.types().get(r.index());
                if (op == Opcode.CALL_REF) {
                    call(t, Op.CALL_INDIRECT, typeIds[r.index()], -1, ref);
                } else {
                    tailCall(t, Op.RETURN_CALL_INDIRECT, typeIds[r.index()], -1, ref);
                }
            }
            case THROW -> exceptions.throwTag(r.index(), module.types().get(module.tagTypeIndex(r.index())));
            case THROW_REF -> exceptions.throwRef();
            case RETHROW -> exceptions.rethrow(r.index());
            case TRY_TABLE -> exceptions.tryTable(r, blockType(r));
            case TRY -> exceptions.legacyTry(blockType(r));
            case CATCH -> exceptions.legacyCatch(r.index(),
                    module.types().get(module.tagTypeIndex(r.index())).params());
            case CATCH_ALL -> exceptions.legacyCatch(-1, List.of());
            case DELEGATE -> {
                exceptions.delegate(r.index());
                end();
            }
            case BR_ON_NULL, BR_ON_NON_NULL -> {
                cost();
                consumeSite(at);
                branchOnNull(frames.frameOfLabel(r.index()), op == Opcode.BR_ON_NULL);
                closeBlock();
                startBlock();
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> {
                cost();
                consumeSite(at);
                branchOnCast(frames.frameOfLabel(r.index()), op == Opcode.BR_ON_CAST, r.refType());
                closeBlock();
                startBlock();
            }
            case REF_AS_NON_NULL -> {
                cost();
                unary(Op.REF_AS_NON_NULL, 1);
                // A cold op traps with the loop's pc at its first immediate, not after it.
                code.trapSiteAt(producedDst);
            }
            case DROP -> {
                cost();
                v.pop();
                producedEntry = -1; // a later operand may take its index
            }
            case SELECT -> select(analysis.isWide(at));
            case SELECT_T -> select(r.selectType(0) == ValType.V128);
            case LOCAL_GET -> {
                cost();
                v.pushLocal(localSlots[r.index()], localTypes[r.index()].slots());
                producedEntry = -1;
            }
            case LOCAL_SET -> {
                cost();
                setLocal(r.index(), false);
            }
            case LOCAL_TEE -> {
                cost();
                setLocal(r.index(), true);
            }
            case GLOBAL_GET -> {
                cost();
                boolean wide = module.globalSpace().get(r.index()).valType() == ValType.V128;
                int d = v.pushTemp(wide ? 2 : 1);
                emitProducer(wide ? Op.GLOBAL_GET_WIDE : Op.GLOBAL_GET, d, r.index());
            }
            case GLOBAL_SET -> {
                cost();
                boolean wide = module.globalSpace().get(r.index()).valType() == ValType.V128;
                int s = v.reg(v.top(), this);
                v.pop();
                emitOp(wide ? Op.GLOBAL_SET_WIDE : Op.GLOBAL_SET);
                emit(r.index());
                emit(s);
            }
            case I32_CONST -> constant((int) r.constValue());
            case F32_CONST -> constant((int) r.floatBits());
            case I64_CONST -> constant(r.constValue());
            case F64_CONST -> constant(r.floatBits());
            case REF_NULL -> constant(-1);
            case REF_IS_NULL -> {
                cost();
                unary(Op.REF_IS_NULL, 1);
            }
            case MEMORY_SIZE -> {
                cost();
                int d = v.pushTemp(1);
                emitProducer(Op.MEMORY_SIZE, d);
            }
            case MEMORY_GROW -> {
                cost();
                int a = v.reg(v.top(), this);
                v.pop();
                int d = v.pushTemp(1);
                emitProducer(Op.MEMORY_GROW, d, a);
                trapSite();
            }
            case MEMORY_FILL, MEMORY_COPY, MEMORY_INIT, DATA_DROP -> {
                cost();
                int seg = op == Opcode.MEMORY_INIT || op == Opcode.DATA_DROP ? r.index() : 0;
                int top = stackForm(op.popCount());
                emitOp(Op.MEMORY_BULK);
                emit(op.ordinal());
                emit(seg);
                emit(top);
                if (op != Opcode.DATA_DROP) {
                    trapSite();
                }
            }
            case TABLE_GET, TABLE_SET, TABLE_SIZE, TABLE_GROW, TABLE_FILL, TABLE_COPY, TABLE_INIT, ELEM_DROP,
                    REF_FUNC -> table(op, r);
            // Same bits either way: the operand stays where it is.
            case I32_REINTERPRET_F32, I64_REINTERPRET_F64, F32_REINTERPRET_I32, F64_REINTERPRET_I64 -> cost();
            default -> {
                if (op.feature() == dev.sandpiper.decoder.code.Feature.GC) {
                    GcTranslation.emit(this, op, r);
                } else if (op.prefix() == Opcode.PREFIX_FD) {
                    VectorTranslation.emit(this, op, r);
                } else if (op.family() == Family.MEMORY) {
                    memory(op, r);
                } else {
                    numeric(op);
                }
            }
        }
    }

    // ---- operands ----

    private void constant(long bits) {
        cost();
        v.pushConstant(bits);
        producedEntry = -1;
    }

    /**
     * Materialises the operands of the innermost block, so that everything below a new block's base
     * is in its canonical slot: code in the block cannot then change what they mean.
     */
    void materializeBlock() {
        v.materializeFrom(frames.base(frames.innermost()), this); // instructions run inside the function's frame
    }

    /** {@code local.set} / {@code local.tee} of local {@code index}. */
    private void setLocal(int index, boolean tee) {
        int x = localSlots[index];
        int width = localTypes[index].slots();
        int e = v.top();
        if (v.isLocal(e, x)) {
            // local.set x of local.get x, or tee of it: nothing moves.
            if (!tee) {
                v.pop();
            }
            return;
        }
        boolean retarget = producedEntry == e && v.isTemp(e);
        // Pending local.gets of x must read its old value: put them in their slots first.
        v.materializeLocal(x, e, this);
        if (retarget && producedEnd == code.pc()) {
            code.set(producedDst, x);
        } else {
            move(x, e, width);
        }
        v.pop();
        producedEntry = -1;
        if (tee) {
            v.pushLocal(x, width);
        }
    }

    /** Emits a copy of operand {@code e} into slot {@code d} (nothing when it is already there). */
    private void move(int d, int e, int width) {
        if (v.isConstant(e)) {
            emitConstant(d, v.constant(e));
            return;
        }
        int s = v.source(e);
        if (s != d) {
            emitOp(width == 2 ? Op.MOV2 : Op.MOV);
            emit(d);
            emit(s);
        }
    }

    void emitConstant(int d, long bits) {
        if (bits == (int) bits) {
            emitOp(Op.CONST32);
            emit(d);
            emit((int) bits);
        } else {
            emitOp(Op.CONST64);
            emit(d);
            emit((int) bits);
            emit((int) (bits >>> 32));
        }
    }

    /** Emits {@code MOV d s} for materialising an operand. */
    void emitMove(int d, int s, int width) {
        emitOp(width == 2 ? Op.MOV2 : Op.MOV);
        emit(d);
        emit(s);
    }

    /**
     * Materialises the top {@code count} operands and pops them: for ops in stack form. Returns the
     * slot just above them (the op's {@code top}).
     */
    int stackForm(int count) {
        v.materializeFrom(v.size() - count, this);
        int top = v.slotAbove();
        for (int i = 0; i < count; i++) {
            v.pop();
        }
        return top;
    }

    private void select(boolean wide) {
        cost();
        int c = v.reg(v.top(), this);
        int b = v.reg(v.top() - 1, this);
        int a = v.reg(v.top() - 2, this);
        v.pop();
        v.pop();
        v.pop();
        int d = v.pushTemp(wide ? 2 : 1);
        emitProducer(wide ? Op.SELECT_WIDE : Op.SELECT, d, a, b, c);
    }

    // ---- numeric ----

    private void numeric(Opcode op) {
        cost();
        int registerForm = OpSelection.binary(op);
        int unary = OpSelection.unary(op);
        if (registerForm >= 0) {
            binary(op, registerForm, OpSelection.binaryConstant(op), OpSelection.isI32Compare(op));
        } else if (unary >= 0) {
            unary(unary, 1);
        } else {
            // Stack form: rarer operators, and the ones that trap.
            int top = stackForm(op.popCount());
            v.pushTemp(op.push(0).slots());
            emitOp(Op.NUMERIC);
            emit(op.ordinal());
            emit(top);
            if (OpSelection.canTrap(op)) {
                trapSite();
            }
        }
    }

    /**
     * An op of form {@code [op d a b]}, or {@code [opC d a c]} when an operand is a constant that
     * fits: the right one, or the left one of a commutative operator.
     */
    private void binary(Opcode wasm, int op, int constantForm, boolean compare) {
        int bi = v.top();
        int ai = bi - 1;
        if (constantForm >= 0 && !fitsConstantForm(bi) && fitsConstantForm(ai) && OpSelection.commutative(wasm)) {
            int t = ai;
            ai = bi;
            bi = t;
        }
        if (constantForm >= 0 && fitsConstantForm(bi)) {
            int c = (int) v.constant(bi);
            int a = v.reg(ai, this);
            v.pop();
            v.pop();
            int d = v.pushTemp(1);
            emitProducer(constantForm, d, a, c);
            if (compare) {
                producedCompare = Op.BR_IF_EQ_C + (constantForm - Op.I32_EQ_C);
                producedA = a;
                producedB = c;
            }
        } else {
            int b = v.reg(bi, this);
            int a = v.reg(ai, this);
            v.pop();
            v.pop();
            int d = v.pushTemp(1);
            emitProducer(op, d, a, b);
            producedA = a;
            producedB = b;
            if (compare) {
                producedCompare = Op.BR_IF_EQ + (op - Op.I32_EQ);
            }
        }
    }

    /** Whether operand {@code e} is a constant a {@code _C} op can hold (32 bits, sign-extended). */
    private boolean fitsConstantForm(int e) {
        return v.isConstant(e) && v.constant(e) == (int) v.constant(e);
    }

    private void unary(int op, int width) {
        int a = v.reg(v.top(), this);
        v.pop();
        int d = v.pushTemp(width);
        emitProducer(op, d, a);
        producedA = a;
    }

    // ---- memory and tables ----

    private void memory(Opcode op, CodeReader r) {
        cost();
        int offset = (int) r.offset();
        int addressEntry = op.pushCount() == 1 ? v.top() : v.top() - 1;
        int a;
        if (v.isConstant(addressEntry) && foldsIntoOffset(v.constant(addressEntry), offset)) {
            // A constant address: the zero slot plus the address and offset, summed now.
            offset = (int) ((v.constant(addressEntry) & MASK32) + (offset & MASK32));
            a = v.zeroSlot();
        } else {
            a = -1;
        }
        if (a < 0 && op.pushCount() == 1 && OpSelection.load(op) == Op.LOAD8_U && isProducedHere(v.top(), Op.I32_ADD)) {
            // i32.add then load8_u, the byte at p + i: one op computing the address.
            int x = producedA;
            int y = producedB;
            code.rewind(producedPos);
            v.pop();
            int d = v.pushTemp(1);
            emitProducer(Op.LOAD8_U_X, d, x, y, offset);
            trapSite();
            return;
        }
        if (op.pushCount() == 1) {
            if (a < 0) {
                a = v.reg(v.top(), this);
            }
            v.pop();
            int d = v.pushTemp(1);
            emitProducer(OpSelection.load(op), d, a, offset);
        } else {
            int value = v.reg(v.top(), this);
            if (a < 0) {
                a = v.reg(v.top() - 1, this);
            }
            v.pop();
            v.pop();
            emitOp(OpSelection.store(op));
            emit(a);
            emit(value);
            emit(offset);
        }
        trapSite();
    }

    private static final long MASK32 = 0xFFFFFFFFL;

    /**
     * Whether {@code op} is a scalar memory instruction naming a memory other than memory 0, or a
     * 64-bit memory (3.0 memory64, whose addresses are u64): those run in stack form.
     */
    private boolean usesStackFormMemory(Opcode op, CodeReader r) {
        return switch (op.immediate()) {
            case MEMARG, MEMORY_INDEX, MEMORY_INIT -> op.prefix() != Opcode.PREFIX_FD
                    && (r.memoryIndex() != 0 || memory64[0]);
            case MEMORY_COPY -> r.memoryIndex() != 0 || r.memoryIndex2() != 0 || memory64[0];
            default -> false;
        };
    }

    /**
     * A memory instruction on a memory other than memory 0 (or a {@code memory.copy} from one), or
     * on a 64-bit memory: the stack-form {@link Op#MEMORY_X}, leaving a 32-bit memory 0's
     * register-form ops as they were. The static offset is a u64, in two words.
     */
    private void memoryIndexed(Opcode op, CodeReader r) {
        cost();
        int top = stackForm(op.popCount());
        if (op.pushCount() == 1) {
            v.pushTemp(1);
        }
        emitOp(Op.MEMORY_X);
        emit(op.ordinal());
        emit(r.memoryIndex());
        emit(op == Opcode.MEMORY_COPY ? r.memoryIndex2() : op == Opcode.MEMORY_INIT ? r.index() : 0);
        long offset = op.immediate() == ImmediateKind.MEMARG ? r.offset() : 0;
        emit((int) offset);
        emit((int) (offset >>> 32));
        emit(top);
        if (op != Opcode.MEMORY_SIZE) {
            trapSite();
        }
    }

    /** Whether operand {@code e} was just produced by {@code op}, with nothing emitted after it. */
    private boolean isProducedHere(int e, int op) {
        return producedEntry == e && producedEnd == code.pc() && producedOp == op && v.isTemp(e);
    }

    /**
     * Whether a constant address and the offset sum to a u32 (spec 2.0 4.4.7: the effective address
     * is their sum, not wrapped): then that sum can be the offset. A larger sum traps, left to run.
     */
    private static boolean foldsIntoOffset(long address, int offset) {
        return (address & MASK32) + (offset & MASK32) <= MASK32;
    }

    /** Table instructions, {@code elem.drop} and {@code ref.func}, in stack form. */
    private void table(Opcode op, CodeReader r) {
        cost();
        int pops = switch (op) {
            case TABLE_GET -> 1;
            case TABLE_SET, TABLE_GROW -> 2;
            case TABLE_FILL, TABLE_COPY, TABLE_INIT -> 3;
            default -> 0;
        };
        boolean pushes = op == Opcode.TABLE_GET || op == Opcode.TABLE_SIZE || op == Opcode.TABLE_GROW
                || op == Opcode.REF_FUNC;
        int top = stackForm(pops);
        if (pushes) {
            v.pushTemp(1);
        }
        emitOp(Op.TABLE);
        emit(op.ordinal());
        emit(r.index());
        emit(op == Opcode.TABLE_COPY || op == Opcode.TABLE_INIT ? r.index2() : 0);
        emit(top);
        if (op != Opcode.TABLE_SIZE && op != Opcode.ELEM_DROP && op != Opcode.REF_FUNC) {
            trapSite();
        }
    }

    /**
     * A vector instruction in stack form: {@code [VECTOR words top immediates...]}; called by
     * {@link VectorTranslation} with the immediates (the sub-opcode first).
     */
    void vector(Opcode op, int... immediates) {
        cost();
        int pushes = op.pushCount() == 0 ? 0 : op.push(0).slots();
        int top = stackForm(op.popCount());
        if (pushes > 0) {
            v.pushTemp(pushes);
        }
        emitOp(Op.VECTOR);
        emit(immediates.length + 2);
        emit(top);
        for (int w : immediates) {
            emit(w);
        }
        if (op.family() == Family.MEMORY) {
            trapSite();
        }
    }

    // ---- calls and returns ----

    /**
     * A tail call: the call op, then a return of the results from where a call leaves them. The
     * return runs only when the callee is not a function of this instance (the op then calls it
     * as {@link Op#CALL} does); otherwise the callee takes over the frame and returns for it.
     */
    private void tailCall(FuncType type, int op, int a, int b, int index) {
        int base = call(type, op, a, b, index);
        exceptions.tailCallSite(code.pc());
        emitReturn(base);
        closeBlock();
        live = false;
    }

    /**
     * A call: the arguments go to consecutive canonical slots, where the results then are; returns
     * the first of those slots.
     */
    private int call(FuncType type, int op, int a, int b, int index) {
        int base = stackForm(type.params().size()) - type.paramSlots();
        emitOp(op);
        emit(a);
        if (op == Op.CALL_INDIRECT || op == Op.RETURN_CALL_INDIRECT) {
            emit(b);
            emit(index);
        }
        emit(base);
        trapSite();
        for (ValType t : type.results()) {
            v.pushTemp(t.slots());
        }
        return base;
    }

    /** {@code RETURN1 src} for a one-slot result, else {@code RETURN k src}. */
    private void emitReturn(int src) {
        if (resultSlots == 1) {
            emitOp(Op.RETURN1);
            emit(src);
        } else {
            emitOp(Op.RETURN);
            emit(resultSlots);
            emit(src);
        }
    }

    // ---- control ----

    private FuncType blockType(CodeReader r) {
        long bt = r.blockType();
        if (r.blockValType() != null) {
            return new FuncType(List.of(), List.of(r.blockValType()));
        }
        if (bt == CodeReader.BLOCK_EMPTY) {
            return new FuncType(List.of(), List.of());
        }
        return module.types().get((int) bt);
    }

    void pushControl(int kind, FuncType type, int start) {
        int base = v.size() - type.params().size();
        frames.push(kind, type, start, base, v.slotAt(base));
        exceptions.opened(frames.innermost());
    }

    /** Resets the operands to the innermost frame's base plus {@code types}, all in canonical slots. */
    private void resetOperands(List<ValType> types) {
        v.truncate(frames.base(frames.innermost()));
        for (ValType t : types) {
            v.pushTemp(t.slots());
        }
        producedEntry = -1;
    }

    /** The {@code else} of the innermost {@code if}: the then-arm jumps over the else-arm. */
    private void enterElse() {
        int c = frames.innermost();
        if (live) {
            v.materializeFrom(frames.base(c), this);
            emitOp(Op.BR);
            emit(CodeBuffer.OPEN);
            addFixup(c);
        }
        closeBlock();
        startBlock();
        code.patch(frames.elseJump(c), code.blockStart());
        frames.setElseJump(c, CodeBuffer.OPEN);
        frames.toElse(c);
        resetOperands(frames.type(c).params());
        live = true; // the if was reached, so its else-arm can be
    }

    private void end() {
        int c = frames.innermost();
        exceptions.beforeEnd(c);
        int kind = frames.kind(c);
        boolean branchedTo = frames.fixups(c) != CodeBuffer.OPEN;
        if (kind == ControlFrames.FUNC && live && !branchedTo) {
            // Nothing branches here: return the results from wherever they are.
            branch(c);
            closeBlock();
            frames.pop();
            return;
        }
        if (live) {
            v.materializeFrom(frames.base(c), this);
        }
        // A merge point: reached by a branch, or by the false path of an if without else.
        boolean merge = branchedTo || kind == ControlFrames.IF;
        boolean reachable = live || merge;
        if (merge) {
            closeBlock();
            startBlock();
            if (kind == ControlFrames.IF) {
                code.patch(frames.elseJump(c), code.blockStart());
            }
            code.resolveChain(frames.fixups(c), code.blockStart());
        }
        if (reachable) {
            resetOperands(frames.type(c).results());
        }
        frames.pop();
        if (kind == ControlFrames.FUNC) {
            if (reachable) {
                emitReturn(v.localSlots());
            }
            closeBlock();
        }
        live = reachable;
    }

    /** Copies the values a branch to frame {@code c} carries into the slots its label expects. */
    void moveBranchValues(int c) {
        List<ValType> types = frames.labelTypes(c);
        int first = v.size() - types.size();
        int dst = v.localSlots() + frames.height(c);
        for (int i = 0; i < types.size(); i++) {
            int w = types.get(i).slots();
            move(dst, first + i, w);
            dst += w;
        }
    }

    /** Whether a branch to frame {@code c} finds its values already in place once materialised. */
    private boolean valuesInPlace(int c) {
        return v.slotAt(v.size() - frames.labelTypes(c).size()) == frames.height(c);
    }

    /**
     * A branch to frame {@code c} (to frame 0, the function, it returns). Also the taken path of a
     * {@code br_if} whose values must move: it only emits copies and leaves the operands' descriptors
     * as they are, since the fall-through path does not run those copies.
     */
    void branch(int c) {
        boolean function = frames.kind(c) == ControlFrames.FUNC;
        if (function && resultSlots == 1 && !v.isConstant(v.top())) {
            emitReturn(v.source(v.top())); // straight from where the result is
            return;
        }
        moveBranchValues(c);
        if (function) {
            emitReturn(v.localSlots());
        } else {
            emitOp(Op.BR);
            target(c);
        }
    }

    /**
     * {@code br_on_null} (the label takes the values under the reference, which the fall-through
     * keeps as non-null) and {@code br_on_non_null} (the label takes them and the reference, the
     * fall-through drops it). The reference is tested into a temporary above it; then this is a
     * {@code br_if} on that test. Spec: 3.0, Execution > Instructions > Control Instructions.
     */
    private void branchOnNull(int c, boolean onNull) {
        v.materializeFrom(v.size() - 1, this);
        int ref = v.slotAbove() - 1;
        int test = v.pushTemp(1);
        emitOp(Op.REF_IS_NULL);
        emit(test);
        emit(ref);
        v.pop();
        Condition cond = new Condition(test, !onNull, -1, 0, 0);
        if (onNull) {
            v.pop(); // the label's values are the ones below the reference, which stays in its slot
            branchIf(c, cond);
            v.pushTemp(1);
        } else {
            branchIf(c, cond);
            v.pop();
        }
    }

    /**
     * {@code br_on_cast} ({@code onSuccess}) or {@code br_on_cast_fail} to frame {@code c}: the
     * reference is tested into a temporary above it and stays where it is on both paths (3.0 GC).
     */
    private void branchOnCast(int c, boolean onSuccess, ValType target) {
        v.materializeFrom(v.size() - 1, this);
        int ref = v.slotAbove() - 1;
        int test = v.pushTemp(1);
        if (test != ref + 1) {
            throw new IllegalStateException("br_on_cast's test must be right above the reference");
        }
        emitOp(Op.GC);
        emit(6);
        emit(test);
        emit(GcTranslation.BRANCH_TEST);
        GcTranslation.emitCast(this, target);
        v.pop();
        branchIf(c, new Condition(test, !onSuccess, -1, 0, 0));
    }

    /**
     * A GC instruction in stack form: {@code [GC words top immediates...]} over the top {@code pops}
     * operands, pushing a value of {@code pushSlots} slots (0 for none); called by {@link GcTranslation}.
     */
    void gc(int pops, int pushSlots, int... immediates) {
        cost();
        int top = stackForm(pops);
        if (pushSlots > 0) {
            v.pushTemp(pushSlots);
        }
        emitOp(Op.GC);
        emit(immediates.length + 2);
        emit(top);
        for (int w : immediates) {
            emit(w);
        }
        trapSite();
    }

    Module module() {
        return module;
    }

    int typeId(int typeIndex) {
        return typeIds[typeIndex];
    }

    /** {@code br_if} to frame {@code c}: the fall-through keeps the operands. */
    private void branchIf(int c) {
        branchIf(c, condition());
    }

    private void branchIf(int c, Condition cond) {
        if (valuesInPlace(c)) {
            v.materializeFrom(v.size() - frames.labelTypes(c).size(), this);
            conditionalBranch(cond, true);
            target(c);
        } else {
            // Values must move: branch over the moves and the jump when the condition is false.
            int skip = conditionalBranch(cond, false);
            emit(CodeBuffer.OPEN);
            closeBlock();
            startBlock();
            branch(c);
            closeBlock();
            startBlock();
            code.patch(skip, code.blockStart());
        }
    }

    /** A br_table: the values go to canonical slots; each entry moves them to its label's slots. */
    private void brTable(CodeReader r, int at) {
        int n = r.tableCount();
        int index = v.reg(v.top(), this);
        v.pop();
        List<ValType> types = frames.labelTypes(frames.frameOfLabel(r.index()));
        int keep = FuncType.slots(types);
        v.materializeFrom(v.size() - types.size(), this);
        int src = v.slotAbove() - keep;
        emitOp(Op.BR_TABLE);
        emit(index);
        emit(n);
        emit(keep);
        emit(src);
        for (int i = 0; i <= n; i++) {
            int c = frames.frameOfLabel(i < n ? r.tableTarget(i) : r.index());
            consumeSite(at);
            target(c);
            emit(v.localSlots() + frames.height(c));
        }
    }

    /** Emits the target word of a branch to control frame {@code c}: the n word of its block's FUEL. */
    void target(int c) {
        if (frames.kind(c) == ControlFrames.LOOP) {
            emit(frames.loopStart(c));
        } else {
            emit(CodeBuffer.OPEN);
            addFixup(c);
        }
    }

    /** Chains the word just emitted into frame {@code c}'s list of branches to its end. */
    private void addFixup(int c) {
        frames.setFixups(c, code.chain(frames.fixups(c)));
    }

    private int consumeSite(int at) {
        if (site >= analysis.branchSiteCount() || analysis.instruction(site) != at) {
            throw new IllegalStateException("branch analysis out of step at offset " + at);
        }
        return site++;
    }

    /** A branch condition: an i32 slot, tested for non-zero or for zero, or a fused comparison (op and operands). */
    private record Condition(int slot, boolean zero, int compare, int a, int b) {}

    /**
     * Takes the top operand as a branch condition, fusing the comparison that just produced it, or
     * the {@code i32.eqz} (the branch then tests for zero).
     */
    private Condition condition() {
        int e = v.top();
        if (producedEntry == e && producedEnd == code.pc() && producedCompare >= 0 && v.isTemp(e)) {
            code.rewind(producedPos); // drop the comparison: the branch will compare
            Condition c = new Condition(-1, false, producedCompare, producedA, producedB);
            v.pop();
            producedEntry = -1;
            return c;
        }
        if (isProducedHere(e, Op.I32_EQZ)) {
            code.rewind(producedPos);
            v.pop();
            producedEntry = -1;
            return new Condition(producedA, true, -1, 0, 0);
        }
        int slot = v.reg(e, this);
        v.pop();
        producedEntry = -1;
        return new Condition(slot, false, -1, 0, 0);
    }

    /**
     * Emits a conditional branch taken when the condition holds ({@code whenTrue}) or fails, without
     * its target word; returns where the target word goes.
     */
    private int conditionalBranch(Condition c, boolean whenTrue) {
        if (c.compare() < 0) {
            emitOp(whenTrue != c.zero() ? Op.BR_IF : Op.BR_UNLESS);
            emit(c.slot());
        } else {
            boolean constant = c.compare() >= Op.BR_IF_EQ_C;
            int k = c.compare() - (constant ? Op.BR_IF_EQ_C : Op.BR_IF_EQ);
            emitOp((constant ? Op.BR_IF_EQ_C : Op.BR_IF_EQ) + (whenTrue ? k : INVERSE[k]));
            emit(c.a());
            emit(c.b());
        }
        return code.pc();
    }

    /** Comparisons in the order of Op.BR_IF_EQ..BR_IF_GE_U, and the index of each one's negation. */
    private static final int[] INVERSE = {1, 0, 8, 9, 6, 7, 4, 5, 2, 3};

    /** Unreachable code: only its structure and its branch sites matter. */
    private void skipDead(Opcode op, CodeReader r) {
        switch (op) {
            case BLOCK, LOOP, IF, TRY_TABLE, TRY -> deadNesting++;
            case ELSE -> {
                if (deadNesting == 0) {
                    enterElse();
                }
            }
            case CATCH, CATCH_ALL -> {
                if (deadNesting == 0) {
                    instruction(op, r, r.opcodeOffset());
                }
            }
            case END, DELEGATE -> {
                if (deadNesting > 0) {
                    deadNesting--;
                } else if (op == Opcode.DELEGATE) {
                    instruction(op, r, r.opcodeOffset());
                } else {
                    end();
                }
            }
            case BR, BR_IF, RETURN, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL -> site++;
            case BR_TABLE -> site += r.tableCount() + 1;
            default -> { }
        }
    }

    // ---- for ExceptionTranslation ----

    boolean isLive() {
        return live;
    }

    void setLive(boolean reachable) {
        live = reachable;
    }

    /** The code after here cannot be reached: the block ends (after a throw, as after br). */
    void endOfReach() {
        closeBlock();
        live = false;
    }

    void closeBlockHere() {
        closeBlock();
    }

    void startBlockHere() {
        startBlock();
    }

    /** Nothing emitted before here may fuse with what follows. */
    void noFusion() {
        producedEntry = -1;
    }

    // ---- emission ----

    /** Opens a basic block ({@link CodeBuffer#startBlock()}); nothing before it can fuse with what follows. */
    private void startBlock() {
        code.startBlock();
        producedEntry = -1;
    }

    /** Ends the current basic block ({@link CodeBuffer#closeBlock()}). */
    private void closeBlock() {
        code.closeBlock();
        producedEntry = -1;
    }

    /** Counts one executed instruction of the current block. */
    void cost() {
        code.cost();
    }

    /** Notes that the op just emitted may stop execution. */
    void trapSite() {
        code.trapSite();
    }

    /** Emits an op whose first immediate is the destination slot of the operand it just pushed. */
    private void emitProducer(int op, int... immediates) {
        producedPos = code.pc();
        producedOp = op;
        emitOp(op);
        producedDst = code.pc();
        for (int w : immediates) {
            emit(w);
        }
        producedEntry = v.top();
        producedEnd = code.pc();
        producedCompare = -1;
    }

    private void emitOp(int op) {
        code.emit(op);
    }

    void emit(int word) {
        code.emit(word);
    }
}
