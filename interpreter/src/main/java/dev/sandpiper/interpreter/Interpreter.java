package dev.sandpiper.interpreter;

import static dev.sandpiper.interpreter.numeric.Numerics.asF32;
import static dev.sandpiper.interpreter.numeric.Numerics.asF64;
import static dev.sandpiper.interpreter.numeric.Numerics.f32;
import static dev.sandpiper.interpreter.numeric.Numerics.f64;

import dev.sandpiper.interpreter.code.FunctionCode;
import dev.sandpiper.interpreter.code.Op;
import dev.sandpiper.interpreter.numeric.Numerics;

/**
 * The interpreter loop: runs translated code ({@link Op}) on the {@link Store}'s value stack.
 *
 * <p>Calls between functions of one instance stay inside the loop: a call pushes three words
 * (return pc, caller's frame pointer, caller's function index) on the store's frame stack and
 * switches code arrays, so WebAssembly recursion never recurses in Java and allocates nothing.
 * Calls to host functions or to other instances leave the loop through {@link #callExternal}.
 *
 * <p>Convention: an op reads all its immediates (advancing {@code pc}) before anything that can
 * trap, so at a trap {@code pc} is the end of the trapping op, the key of
 * {@link FunctionCode#refundAt}. Every ordinary case ends with {@code continue}; only the two call
 * ops {@code break} out of the switch into the shared frame entry below it.
 */
final class Interpreter {
    private static final long MASK32 = 0xFFFFFFFFL;

    private Interpreter() {}

    /**
     * Runs {@code entry} of {@code inst}; its arguments are the top slots of the store's stack
     * ({@code s.sp}). On return its results start where the arguments did and {@code s.sp} is
     * just past them.
     */
    static void execute(Store s, Instance inst, FunctionCode entry) {
        final int entryFsp = s.fsp;
        final int entryDepth = s.depth;
        final int entryBase = s.sp - entry.paramSlots();
        final int maxDepth = s.limits().maxCallDepth();
        final FunctionCode[] funcs = inst.codes;
        final Global[] globals = inst.globals;
        final Memory memory = inst.memory;

        long[] stack = s.stack;
        int[] frames = s.frames;
        int fsp = entryFsp;
        int depth = entryDepth;
        long fuel = s.fuel;
        long checkpoint = s.checkpoint;
        byte[] heap = memory == null ? null : memory.buffer.array();
        long memSize = memory == null ? 0 : memory.buffer.capacity();

        FunctionCode fn = entry;
        int fp = entryBase;
        int sp = s.sp;
        int[] code = fn.code();
        int pc = 0;
        FunctionCode callee = entry;
        // Entering the frame may be refused; outside the try, so a refused function is not listed in
        // the trap's stack (it never ran), as on the in-loop call path below.
        if (++depth > maxDepth) {
            throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED);
        }
        stack = s.ensureStack(fp + entry.frameSlots());
        try {
            for (int end = fp + entry.localSlots(); sp < end; sp++) {
                stack[sp] = 0;
            }
            int t = 1; // enter the entry function's first block: its FUEL's n word
            for (;;) {
                // Charge the block entered at word t (a FUEL's n word) and continue after it.
                int n = code[t];
                if (fuel - n < checkpoint) {
                    checkpoint = s.poll(fuel, n);
                }
                fuel -= n;
                pc = t + 1;
                jump: {
                call: {
                for (;;) {
                switch (code[pc++]) {
                    case Op.FUEL:
                        t = pc;
                        break jump;
                    case Op.UNREACHABLE:
                        throw new TrapException(TrapKind.UNREACHABLE);
                    // Branches set t to the n word of the block they enter: the target's FUEL, or for a
                    // branch not taken the FUEL that follows it (pc + 2 past a one-word branch).
                    case Op.BR:
                        t = code[pc];
                        break jump;
                    case Op.BR_ADJ:
                        sp = adjust(stack, sp, code[pc + 1], code[pc + 2]);
                        t = code[pc];
                        break jump;
                    case Op.BR_IF:
                        t = (int) stack[--sp] != 0 ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_ADJ:
                        if ((int) stack[--sp] != 0) {
                            sp = adjust(stack, sp, code[pc + 1], code[pc + 2]);
                            t = code[pc];
                        } else {
                            t = pc + 4;
                        }
                        break jump;
                    case Op.BR_UNLESS:
                        t = (int) stack[--sp] == 0 ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_TABLE: {
                        int count = code[pc];
                        int i = (int) stack[--sp];
                        int e = pc + 1 + 3 * (Integer.compareUnsigned(i, count) < 0 ? i : count);
                        if (code[e + 1] != 0) {
                            sp = adjust(stack, sp, code[e + 1], code[e + 2]);
                        }
                        t = code[e];
                        break jump;
                    }
                    case Op.BR_IF_EQ:
                        sp -= 2;
                        t = (int) stack[sp] == (int) stack[sp + 1] ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_NE:
                        sp -= 2;
                        t = (int) stack[sp] != (int) stack[sp + 1] ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_LT_S:
                        sp -= 2;
                        t = (int) stack[sp] < (int) stack[sp + 1] ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_LT_U:
                        sp -= 2;
                        t = (int) stack[sp] + Integer.MIN_VALUE < (int) stack[sp + 1] + Integer.MIN_VALUE ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_GT_S:
                        sp -= 2;
                        t = (int) stack[sp] > (int) stack[sp + 1] ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_GT_U:
                        sp -= 2;
                        t = (int) stack[sp] + Integer.MIN_VALUE > (int) stack[sp + 1] + Integer.MIN_VALUE ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_LE_S:
                        sp -= 2;
                        t = (int) stack[sp] <= (int) stack[sp + 1] ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_LE_U:
                        sp -= 2;
                        t = (int) stack[sp] + Integer.MIN_VALUE <= (int) stack[sp + 1] + Integer.MIN_VALUE ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_GE_S:
                        sp -= 2;
                        t = (int) stack[sp] >= (int) stack[sp + 1] ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_GE_U:
                        sp -= 2;
                        t = (int) stack[sp] + Integer.MIN_VALUE >= (int) stack[sp + 1] + Integer.MIN_VALUE ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_EQZ:
                        t = (int) stack[--sp] == 0 ? code[pc] : pc + 2;
                        break jump;
                    case Op.BR_IF_EQ_C:
                        t = (int) stack[--sp] == code[pc] ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_IF_NE_C:
                        t = (int) stack[--sp] != code[pc] ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_IF_LT_S_C:
                        t = (int) stack[--sp] < code[pc] ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_IF_LT_U_C:
                        t = (int) stack[--sp] + Integer.MIN_VALUE < code[pc] + Integer.MIN_VALUE ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_IF_GT_S_C:
                        t = (int) stack[--sp] > code[pc] ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_IF_GT_U_C:
                        t = (int) stack[--sp] + Integer.MIN_VALUE > code[pc] + Integer.MIN_VALUE ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_IF_LE_S_C:
                        t = (int) stack[--sp] <= code[pc] ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_IF_LE_U_C:
                        t = (int) stack[--sp] + Integer.MIN_VALUE <= code[pc] + Integer.MIN_VALUE ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_IF_GE_S_C:
                        t = (int) stack[--sp] >= code[pc] ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_IF_GE_U_C:
                        t = (int) stack[--sp] + Integer.MIN_VALUE >= code[pc] + Integer.MIN_VALUE ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.RETURN: {
                        int keep = code[pc];
                        if (keep == 1) {
                            stack[fp] = stack[sp - 1];
                        } else if (keep != 0) {
                            System.arraycopy(stack, sp - keep, stack, fp, keep);
                        }
                        sp = fp + keep;
                        depth--;
                        if (fsp == entryFsp) {
                            s.sp = sp;
                            s.fuel = fuel;
                            s.checkpoint = checkpoint;
                            s.depth = depth;
                            return;
                        }
                        fn = funcs[frames[--fsp]];
                        fp = frames[--fsp];
                        pc = frames[--fsp];
                        code = fn.code();
                        if (memory != null) {
                            heap = memory.buffer.array();
                            memSize = memory.buffer.capacity();
                        }
                        continue;
                    }
                    case Op.CALL: {
                        int f = code[pc++];
                        callee = funcs[f];
                        if (callee == null) {
                            s.fuel = fuel;
                            s.fsp = fsp;
                            s.depth = depth;
                            try {
                                sp = callExternal(s, inst, inst.functions[f], sp);
                            } finally {
                                fuel = s.fuel; // the callee charged (or refunded) the shared budget
                            }
                            stack = s.stack;
                            frames = s.frames;
                            checkpoint = s.checkpoint;
                            if (memory != null) {
                                heap = memory.buffer.array();
                                memSize = memory.buffer.capacity();
                            }
                            continue;
                        }
                        break call;
                    }
                    case Op.CALL_INDIRECT: {
                        int typeId = code[pc];
                        int table = code[pc + 1];
                        pc += 2;
                        FunctionInstance target = inst.indirect(table, (int) stack[--sp], typeId);
                        if (target instanceof WasmFunction w && w.instance == inst) {
                            callee = w.code;
                            break call;
                        }
                        s.fuel = fuel;
                        s.fsp = fsp;
                        s.depth = depth;
                        try {
                            sp = callExternal(s, inst, target, sp);
                        } finally {
                            fuel = s.fuel;
                        }
                        stack = s.stack;
                        frames = s.frames;
                        checkpoint = s.checkpoint;
                        if (memory != null) {
                            heap = memory.buffer.array();
                            memSize = memory.buffer.capacity();
                        }
                        continue;
                    }
                    case Op.DROP:
                        sp--;
                        continue;
                    case Op.DROP_N:
                        sp -= code[pc++];
                        continue;
                    case Op.SELECT:
                        sp -= 2;
                        if ((int) stack[sp + 1] == 0) {
                            stack[sp - 1] = stack[sp];
                        }
                        continue;
                    case Op.SELECT_WIDE:
                        sp -= 3;
                        if ((int) stack[sp + 2] == 0) {
                            stack[sp - 2] = stack[sp];
                            stack[sp - 1] = stack[sp + 1];
                        }
                        continue;
                    case Op.LOCAL_GET:
                        stack[sp++] = stack[fp + code[pc++]];
                        continue;
                    case Op.LOCAL_SET:
                        stack[fp + code[pc++]] = stack[--sp];
                        continue;
                    case Op.LOCAL_TEE:
                        stack[fp + code[pc++]] = stack[sp - 1];
                        continue;
                    case Op.LOCAL_GET_WIDE: case Op.LOCAL_SET_WIDE: case Op.LOCAL_TEE_WIDE:
                    case Op.GLOBAL_GET_WIDE: case Op.GLOBAL_SET_WIDE: {
                        int op = code[pc - 1];
                        sp = Wide.execute(op, code[pc++], stack, sp, fp, globals);
                        continue;
                    }
                    case Op.GLOBAL_GET:
                        stack[sp++] = globals[code[pc++]].value;
                        continue;
                    case Op.GLOBAL_SET:
                        globals[code[pc++]].value = stack[--sp];
                        continue;
                    case Op.TABLE_GET: case Op.TABLE_SET: case Op.TABLE_SIZE: case Op.TABLE_GROW:
                    case Op.TABLE_FILL: case Op.TABLE_COPY: case Op.TABLE_INIT: case Op.ELEM_DROP:
                    case Op.REF_FUNC: {
                        int op = code[pc - 1];
                        int a = code[pc++];
                        int b = op == Op.TABLE_COPY || op == Op.TABLE_INIT ? code[pc++] : 0;
                        sp = Bulk.table(inst, op, a, b, stack, sp);
                        continue;
                    }
                    case Op.LOAD32: {
                        long ea = (stack[sp - 1] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 4 > memSize) {
                            throw outOfBounds();
                        }
                        stack[sp - 1] = (int) MemoryViews.INT.get(heap, (int) ea);
                        continue;
                    }
                    case Op.LOAD64: {
                        long ea = (stack[sp - 1] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 8 > memSize) {
                            throw outOfBounds();
                        }
                        stack[sp - 1] = (long) MemoryViews.LONG.get(heap, (int) ea);
                        continue;
                    }
                    case Op.LOAD8_S: {
                        long ea = (stack[sp - 1] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 1 > memSize) {
                            throw outOfBounds();
                        }
                        stack[sp - 1] = heap[(int) ea];
                        continue;
                    }
                    case Op.LOAD8_U: {
                        long ea = (stack[sp - 1] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 1 > memSize) {
                            throw outOfBounds();
                        }
                        stack[sp - 1] = heap[(int) ea] & 0xFF;
                        continue;
                    }
                    case Op.LOAD16_S: {
                        long ea = (stack[sp - 1] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 2 > memSize) {
                            throw outOfBounds();
                        }
                        stack[sp - 1] = (short) MemoryViews.SHORT.get(heap, (int) ea);
                        continue;
                    }
                    case Op.LOAD16_U: {
                        long ea = (stack[sp - 1] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 2 > memSize) {
                            throw outOfBounds();
                        }
                        stack[sp - 1] = (short) MemoryViews.SHORT.get(heap, (int) ea) & 0xFFFF;
                        continue;
                    }
                    case Op.LOAD32_U: {
                        long ea = (stack[sp - 1] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 4 > memSize) {
                            throw outOfBounds();
                        }
                        stack[sp - 1] = (int) MemoryViews.INT.get(heap, (int) ea) & MASK32;
                        continue;
                    }
                    case Op.STORE32: {
                        long ea = (stack[sp - 2] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 4 > memSize) {
                            throw outOfBounds();
                        }
                        MemoryViews.INT.set(heap, (int) ea, (int) stack[sp - 1]);
                        sp -= 2;
                        continue;
                    }
                    case Op.STORE64: {
                        long ea = (stack[sp - 2] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 8 > memSize) {
                            throw outOfBounds();
                        }
                        MemoryViews.LONG.set(heap, (int) ea, stack[sp - 1]);
                        sp -= 2;
                        continue;
                    }
                    case Op.STORE8: {
                        long ea = (stack[sp - 2] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 1 > memSize) {
                            throw outOfBounds();
                        }
                        heap[(int) ea] = (byte) stack[sp - 1];
                        sp -= 2;
                        continue;
                    }
                    case Op.STORE16: {
                        long ea = (stack[sp - 2] & MASK32) + (code[pc++] & MASK32);
                        if (ea + 2 > memSize) {
                            throw outOfBounds();
                        }
                        MemoryViews.SHORT.set(heap, (int) ea, (short) stack[sp - 1]);
                        sp -= 2;
                        continue;
                    }
                    case Op.MEMORY_SIZE:
                        stack[sp++] = memory.pages();
                        continue;
                    case Op.MEMORY_GROW:
                        stack[sp - 1] = Bulk.grow(inst, (int) stack[sp - 1]);
                        heap = memory.buffer.array();
                        memSize = memory.buffer.capacity();
                        continue;
                    case Op.MEMORY_FILL: case Op.MEMORY_COPY: case Op.MEMORY_INIT: case Op.DATA_DROP: {
                        int op = code[pc - 1];
                        int segment = op == Op.MEMORY_INIT || op == Op.DATA_DROP ? code[pc++] : 0;
                        sp = Bulk.memory(inst, op, segment, stack, sp);
                        continue;
                    }
                    case Op.CONST32:
                        stack[sp++] = code[pc++];
                        continue;
                    case Op.CONST64:
                        stack[sp++] = (code[pc] & MASK32) | ((long) code[pc + 1] << 32);
                        pc += 2;
                        continue;
                    case Op.REF_NULL:
                        stack[sp++] = Table.NULL;
                        continue;
                    case Op.REF_IS_NULL:
                        stack[sp - 1] = stack[sp - 1] == Table.NULL ? 1 : 0;
                        continue;

                    // ---- i32 ----
                    case Op.I32_EQZ:
                        stack[sp - 1] = (int) stack[sp - 1] == 0 ? 1 : 0;
                        continue;
                    case Op.I32_EQ:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] == (int) stack[sp] ? 1 : 0;
                        continue;
                    case Op.I32_NE:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] != (int) stack[sp] ? 1 : 0;
                        continue;
                    case Op.I32_LT_S:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] < (int) stack[sp] ? 1 : 0;
                        continue;
                    case Op.I32_LT_U:
                        sp--;
                        stack[sp - 1] = Integer.compareUnsigned((int) stack[sp - 1], (int) stack[sp]) < 0 ? 1 : 0;
                        continue;
                    case Op.I32_GT_S:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] > (int) stack[sp] ? 1 : 0;
                        continue;
                    case Op.I32_GT_U:
                        sp--;
                        stack[sp - 1] = Integer.compareUnsigned((int) stack[sp - 1], (int) stack[sp]) > 0 ? 1 : 0;
                        continue;
                    case Op.I32_LE_S:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] <= (int) stack[sp] ? 1 : 0;
                        continue;
                    case Op.I32_LE_U:
                        sp--;
                        stack[sp - 1] = Integer.compareUnsigned((int) stack[sp - 1], (int) stack[sp]) <= 0 ? 1 : 0;
                        continue;
                    case Op.I32_GE_S:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] >= (int) stack[sp] ? 1 : 0;
                        continue;
                    case Op.I32_GE_U:
                        sp--;
                        stack[sp - 1] = Integer.compareUnsigned((int) stack[sp - 1], (int) stack[sp]) >= 0 ? 1 : 0;
                        continue;
                    case Op.I32_ADD:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] + (int) stack[sp];
                        continue;
                    case Op.I32_SUB:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] - (int) stack[sp];
                        continue;
                    case Op.I32_MUL:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] * (int) stack[sp];
                        continue;
                    case Op.I32_DIV_S:
                        sp--;
                        stack[sp - 1] = Numerics.i32DivS((int) stack[sp - 1], (int) stack[sp]);
                        continue;
                    case Op.I32_DIV_U:
                        sp--;
                        stack[sp - 1] = Numerics.i32DivU((int) stack[sp - 1], (int) stack[sp]);
                        continue;
                    case Op.I32_REM_S:
                        sp--;
                        stack[sp - 1] = Numerics.i32RemS((int) stack[sp - 1], (int) stack[sp]);
                        continue;
                    case Op.I32_REM_U:
                        sp--;
                        stack[sp - 1] = Numerics.i32RemU((int) stack[sp - 1], (int) stack[sp]);
                        continue;
                    case Op.I32_AND:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] & (int) stack[sp];
                        continue;
                    case Op.I32_OR:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] | (int) stack[sp];
                        continue;
                    case Op.I32_XOR:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] ^ (int) stack[sp];
                        continue;
                    case Op.I32_SHL:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] << (int) stack[sp];
                        continue;
                    case Op.I32_SHR_S:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] >> (int) stack[sp];
                        continue;
                    case Op.I32_SHR_U:
                        sp--;
                        stack[sp - 1] = (int) stack[sp - 1] >>> (int) stack[sp];
                        continue;

                    // ---- i32 ops with a constant (_C) or local (_L) right operand ----
                    case Op.I32_ADD_C:
                        stack[sp - 1] = (int) stack[sp - 1] + code[pc++];
                        continue;
                    case Op.I32_ADD_L:
                        stack[sp - 1] = (int) stack[sp - 1] + (int) stack[fp + code[pc++]];
                        continue;
                    case Op.I32_SUB_C:
                        stack[sp - 1] = (int) stack[sp - 1] - code[pc++];
                        continue;
                    case Op.I32_SUB_L:
                        stack[sp - 1] = (int) stack[sp - 1] - (int) stack[fp + code[pc++]];
                        continue;
                    case Op.I32_MUL_C:
                        stack[sp - 1] = (int) stack[sp - 1] * code[pc++];
                        continue;
                    case Op.I32_MUL_L:
                        stack[sp - 1] = (int) stack[sp - 1] * (int) stack[fp + code[pc++]];
                        continue;
                    case Op.I32_AND_C:
                        stack[sp - 1] = (int) stack[sp - 1] & code[pc++];
                        continue;
                    case Op.I32_AND_L:
                        stack[sp - 1] = (int) stack[sp - 1] & (int) stack[fp + code[pc++]];
                        continue;
                    case Op.I32_OR_C:
                        stack[sp - 1] = (int) stack[sp - 1] | code[pc++];
                        continue;
                    case Op.I32_OR_L:
                        stack[sp - 1] = (int) stack[sp - 1] | (int) stack[fp + code[pc++]];
                        continue;
                    case Op.I32_XOR_C:
                        stack[sp - 1] = (int) stack[sp - 1] ^ code[pc++];
                        continue;
                    case Op.I32_XOR_L:
                        stack[sp - 1] = (int) stack[sp - 1] ^ (int) stack[fp + code[pc++]];
                        continue;
                    case Op.I32_SHL_C:
                        stack[sp - 1] = (int) stack[sp - 1] << code[pc++];
                        continue;
                    case Op.I32_SHL_L:
                        stack[sp - 1] = (int) stack[sp - 1] << (int) stack[fp + code[pc++]];
                        continue;
                    case Op.I32_SHR_S_C:
                        stack[sp - 1] = (int) stack[sp - 1] >> code[pc++];
                        continue;
                    case Op.I32_SHR_S_L:
                        stack[sp - 1] = (int) stack[sp - 1] >> (int) stack[fp + code[pc++]];
                        continue;
                    case Op.I32_SHR_U_C:
                        stack[sp - 1] = (int) stack[sp - 1] >>> code[pc++];
                        continue;
                    case Op.I32_SHR_U_L:
                        stack[sp - 1] = (int) stack[sp - 1] >>> (int) stack[fp + code[pc++]];
                        continue;
                    case Op.I32_EQ_C:
                        stack[sp - 1] = (int) stack[sp - 1] == code[pc++] ? 1 : 0;
                        continue;
                    case Op.I32_EQ_L:
                        stack[sp - 1] = (int) stack[sp - 1] == (int) stack[fp + code[pc++]] ? 1 : 0;
                        continue;
                    case Op.I32_NE_C:
                        stack[sp - 1] = (int) stack[sp - 1] != code[pc++] ? 1 : 0;
                        continue;
                    case Op.I32_NE_L:
                        stack[sp - 1] = (int) stack[sp - 1] != (int) stack[fp + code[pc++]] ? 1 : 0;
                        continue;
                    case Op.I32_LT_S_C:
                        stack[sp - 1] = (int) stack[sp - 1] < code[pc++] ? 1 : 0;
                        continue;
                    case Op.I32_LT_S_L:
                        stack[sp - 1] = (int) stack[sp - 1] < (int) stack[fp + code[pc++]] ? 1 : 0;
                        continue;
                    case Op.I32_LT_U_C:
                        stack[sp - 1] = (int) stack[sp - 1] + Integer.MIN_VALUE < code[pc++] + Integer.MIN_VALUE ? 1 : 0;
                        continue;
                    case Op.I32_LT_U_L:
                        stack[sp - 1] = (int) stack[sp - 1] + Integer.MIN_VALUE < (int) stack[fp + code[pc++]] + Integer.MIN_VALUE ? 1 : 0;
                        continue;
                    case Op.I32_GT_S_C:
                        stack[sp - 1] = (int) stack[sp - 1] > code[pc++] ? 1 : 0;
                        continue;
                    case Op.I32_GT_S_L:
                        stack[sp - 1] = (int) stack[sp - 1] > (int) stack[fp + code[pc++]] ? 1 : 0;
                        continue;
                    case Op.I32_GT_U_C:
                        stack[sp - 1] = (int) stack[sp - 1] + Integer.MIN_VALUE > code[pc++] + Integer.MIN_VALUE ? 1 : 0;
                        continue;
                    case Op.I32_GT_U_L:
                        stack[sp - 1] = (int) stack[sp - 1] + Integer.MIN_VALUE > (int) stack[fp + code[pc++]] + Integer.MIN_VALUE ? 1 : 0;
                        continue;
                    case Op.I32_LE_S_C:
                        stack[sp - 1] = (int) stack[sp - 1] <= code[pc++] ? 1 : 0;
                        continue;
                    case Op.I32_LE_S_L:
                        stack[sp - 1] = (int) stack[sp - 1] <= (int) stack[fp + code[pc++]] ? 1 : 0;
                        continue;
                    case Op.I32_LE_U_C:
                        stack[sp - 1] = (int) stack[sp - 1] + Integer.MIN_VALUE <= code[pc++] + Integer.MIN_VALUE ? 1 : 0;
                        continue;
                    case Op.I32_LE_U_L:
                        stack[sp - 1] = (int) stack[sp - 1] + Integer.MIN_VALUE <= (int) stack[fp + code[pc++]] + Integer.MIN_VALUE ? 1 : 0;
                        continue;
                    case Op.I32_GE_S_C:
                        stack[sp - 1] = (int) stack[sp - 1] >= code[pc++] ? 1 : 0;
                        continue;
                    case Op.I32_GE_S_L:
                        stack[sp - 1] = (int) stack[sp - 1] >= (int) stack[fp + code[pc++]] ? 1 : 0;
                        continue;
                    case Op.I32_GE_U_C:
                        stack[sp - 1] = (int) stack[sp - 1] + Integer.MIN_VALUE >= code[pc++] + Integer.MIN_VALUE ? 1 : 0;
                        continue;
                    case Op.I32_GE_U_L:
                        stack[sp - 1] = (int) stack[sp - 1] + Integer.MIN_VALUE >= (int) stack[fp + code[pc++]] + Integer.MIN_VALUE ? 1 : 0;
                        continue;

                    // ---- i64 ----
                    case Op.I64_ADD:
                        sp--;
                        stack[sp - 1] += stack[sp];
                        continue;
                    case Op.I64_SUB:
                        sp--;
                        stack[sp - 1] -= stack[sp];
                        continue;
                    case Op.I64_MUL:
                        sp--;
                        stack[sp - 1] *= stack[sp];
                        continue;
                    case Op.I64_DIV_S:
                        sp--;
                        stack[sp - 1] = Numerics.i64DivS(stack[sp - 1], stack[sp]);
                        continue;
                    case Op.I64_DIV_U:
                        sp--;
                        stack[sp - 1] = Numerics.i64DivU(stack[sp - 1], stack[sp]);
                        continue;
                    case Op.I64_REM_S:
                        sp--;
                        stack[sp - 1] = Numerics.i64RemS(stack[sp - 1], stack[sp]);
                        continue;
                    case Op.I64_REM_U:
                        sp--;
                        stack[sp - 1] = Numerics.i64RemU(stack[sp - 1], stack[sp]);
                        continue;
                    case Op.I64_AND:
                        sp--;
                        stack[sp - 1] &= stack[sp];
                        continue;
                    case Op.I64_OR:
                        sp--;
                        stack[sp - 1] |= stack[sp];
                        continue;
                    case Op.I64_XOR:
                        sp--;
                        stack[sp - 1] ^= stack[sp];
                        continue;
                    case Op.I64_SHL:
                        sp--;
                        stack[sp - 1] <<= stack[sp];
                        continue;
                    case Op.I64_SHR_S:
                        sp--;
                        stack[sp - 1] >>= stack[sp];
                        continue;
                    case Op.I64_SHR_U:
                        sp--;
                        stack[sp - 1] >>>= stack[sp];
                        continue;

                    // ---- f32 ----
                    case Op.F32_EQ:
                        sp--;
                        stack[sp - 1] = asF32((int) stack[sp - 1]) == asF32((int) stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F32_NE:
                        sp--;
                        stack[sp - 1] = asF32((int) stack[sp - 1]) != asF32((int) stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F32_LT:
                        sp--;
                        stack[sp - 1] = asF32((int) stack[sp - 1]) < asF32((int) stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F32_GT:
                        sp--;
                        stack[sp - 1] = asF32((int) stack[sp - 1]) > asF32((int) stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F32_LE:
                        sp--;
                        stack[sp - 1] = asF32((int) stack[sp - 1]) <= asF32((int) stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F32_GE:
                        sp--;
                        stack[sp - 1] = asF32((int) stack[sp - 1]) >= asF32((int) stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F32_ADD:
                        sp--;
                        stack[sp - 1] = f32(asF32((int) stack[sp - 1]) + asF32((int) stack[sp]));
                        continue;
                    case Op.F32_SUB:
                        sp--;
                        stack[sp - 1] = f32(asF32((int) stack[sp - 1]) - asF32((int) stack[sp]));
                        continue;
                    case Op.F32_MUL:
                        sp--;
                        stack[sp - 1] = f32(asF32((int) stack[sp - 1]) * asF32((int) stack[sp]));
                        continue;
                    case Op.F32_DIV:
                        sp--;
                        stack[sp - 1] = f32(asF32((int) stack[sp - 1]) / asF32((int) stack[sp]));
                        continue;

                    // ---- f64 ----
                    case Op.F64_EQ:
                        sp--;
                        stack[sp - 1] = asF64(stack[sp - 1]) == asF64(stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F64_NE:
                        sp--;
                        stack[sp - 1] = asF64(stack[sp - 1]) != asF64(stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F64_LT:
                        sp--;
                        stack[sp - 1] = asF64(stack[sp - 1]) < asF64(stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F64_GT:
                        sp--;
                        stack[sp - 1] = asF64(stack[sp - 1]) > asF64(stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F64_LE:
                        sp--;
                        stack[sp - 1] = asF64(stack[sp - 1]) <= asF64(stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F64_GE:
                        sp--;
                        stack[sp - 1] = asF64(stack[sp - 1]) >= asF64(stack[sp]) ? 1 : 0;
                        continue;
                    case Op.F64_ADD:
                        sp--;
                        stack[sp - 1] = f64(asF64(stack[sp - 1]) + asF64(stack[sp]));
                        continue;
                    case Op.F64_SUB:
                        sp--;
                        stack[sp - 1] = f64(asF64(stack[sp - 1]) - asF64(stack[sp]));
                        continue;
                    case Op.F64_MUL:
                        sp--;
                        stack[sp - 1] = f64(asF64(stack[sp - 1]) * asF64(stack[sp]));
                        continue;
                    case Op.F64_DIV:
                        sp--;
                        stack[sp - 1] = f64(asF64(stack[sp - 1]) / asF64(stack[sp]));
                        continue;

                    // ---- conversions that are one Java operator ----
                    case Op.I32_WRAP_I64:
                        stack[sp - 1] = (int) stack[sp - 1];
                        continue;
                    case Op.I64_EXTEND_I32_S:
                        stack[sp - 1] = (int) stack[sp - 1];
                        continue;
                    case Op.I64_EXTEND_I32_U:
                        stack[sp - 1] &= MASK32;
                        continue;
                    case Op.I32_EXTEND8_S:
                    case Op.I64_EXTEND8_S:
                        stack[sp - 1] = (byte) stack[sp - 1];
                        continue;
                    case Op.I32_EXTEND16_S:
                    case Op.I64_EXTEND16_S:
                        stack[sp - 1] = (short) stack[sp - 1];
                        continue;
                    case Op.I64_EXTEND32_S:
                        stack[sp - 1] = (int) stack[sp - 1];
                        continue;

                    case Op.VECTOR: {
                        // [VECTOR words subop ...]: words counts the immediates, itself included.
                        int at = pc;
                        pc += code[pc];
                        sp = VectorOps.execute(code, at + 1, stack, sp, inst);
                        continue;
                    }
                    default:
                        // The remaining float operators and conversions, kept out of this method's size.
                        sp = Rare.execute(code[pc - 1], stack, sp);
                        continue;
                } // switch
                } // dispatch loop
                } // call:
                // Frame entry for CALL and CALL_INDIRECT: `callee` is a function of this instance.
                if (++depth > maxDepth) {
                    throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED);
                }
                int newFp = sp - callee.paramSlots();
                int frameEnd = newFp + callee.frameSlots();
                if (frameEnd > stack.length) {
                    stack = s.ensureStack(frameEnd);
                }
                if (fsp + 3 > frames.length) {
                    frames = s.growFrames();
                }
                frames[fsp++] = pc;
                frames[fsp++] = fp;
                frames[fsp++] = fn.funcIndex();
                for (int end = newFp + callee.localSlots(); sp < end; sp++) {
                    stack[sp] = 0;
                }
                fp = newFp;
                fn = callee;
                code = fn.code();
                pc = 0;
                t = 1; // the callee's entry block
                } // jump:
            }
        } catch (TrapException trap) {
            s.fuel = fuel + refund(fn, pc, frames, fsp, entryFsp, funcs, trap);
            s.fsp = entryFsp;
            s.depth = entryDepth;
            s.sp = entryBase;
            throw trap;
        } catch (StackOverflowError deep) {
            // Only host functions re-entering WebAssembly recurse in Java; this is their limit.
            s.fuel = fuel;
            s.fsp = entryFsp;
            s.depth = entryDepth;
            s.sp = entryBase;
            throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED, "host re-entry too deep");
        } catch (RuntimeException | Error internal) {
            s.fuel = fuel;
            s.fsp = entryFsp;
            s.depth = entryDepth;
            s.sp = entryBase;
            throw internal;
        }
    }

    /** Moves the top {@code keep} slots down over {@code drop} slots; returns the new top. */
    private static int adjust(long[] stack, int sp, int drop, int keep) {
        if (keep == 1) {
            stack[sp - 1 - drop] = stack[sp - 1];
        } else if (keep != 0) {
            System.arraycopy(stack, sp - keep, stack, sp - keep - drop, keep);
        }
        return sp - drop;
    }

    private static TrapException outOfBounds() {
        return new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }

    /**
     * Instructions charged but not executed in the frames a trap unwinds (the rest of each frame's
     * basic block), and the WebAssembly stack for the trap's message.
     */
    private static long refund(FunctionCode fn, int pc, int[] frames, int fsp, int entryFsp, FunctionCode[] funcs,
            TrapException trap) {
        long refund = fn.refundAt(pc);
        trap.addFrame(fn.describe());
        for (int f = fsp; f > entryFsp; f -= 3) {
            FunctionCode caller = funcs[frames[f - 1]];
            refund += caller.refundAt(frames[f - 3]);
            trap.addFrame(caller.describe());
        }
        return refund;
    }

    /**
     * Calls a host function or a function of another instance with the top argument slots of the
     * stack; returns the new stack top, just past the results.
     */
    static int callExternal(Store s, Instance caller, FunctionInstance f, int sp) {
        if (f instanceof WasmFunction w) {
            s.sp = sp;
            execute(s, w.instance, w.code);
            return s.sp;
        }
        return callHost(s, caller, (HostFunctionInstance) f, sp);
    }

    static int callHost(Store s, Instance caller, HostFunctionInstance f, int sp) {
        int paramSlots = f.type().paramSlots();
        int base = sp - paramSlots;
        long[] args = new long[paramSlots];
        System.arraycopy(s.stack, base, args, 0, paramSlots);
        long[] results = new long[f.type().resultSlots()];
        s.sp = sp;
        try {
            f.impl.call(new HostContext(caller), args, results);
        } catch (TrapException trap) {
            throw trap;
        } catch (StackOverflowError deep) {
            throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED, "in host function " + f.name());
        } catch (RuntimeException failure) {
            throw new TrapException(TrapKind.HOST_FAILURE, f.name() + ": " + failure, failure);
        }
        long[] stack = s.ensureStack(base + results.length);
        System.arraycopy(results, 0, stack, base, results.length);
        s.sp = base + results.length;
        return s.sp;
    }
}
