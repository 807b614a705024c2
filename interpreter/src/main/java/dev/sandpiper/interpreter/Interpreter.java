package dev.sandpiper.interpreter;

import static dev.sandpiper.interpreter.numeric.Numerics.asF32;
import static dev.sandpiper.interpreter.numeric.Numerics.asF64;
import static dev.sandpiper.interpreter.numeric.Numerics.f32;
import static dev.sandpiper.interpreter.numeric.Numerics.f64;

import dev.sandpiper.interpreter.code.FunctionCode;
import dev.sandpiper.interpreter.code.Op;

/**
 * The interpreter loop: runs register-form code ({@link Op}) on the {@link Store}'s value stack. A
 * frame is a run of slots from its frame pointer {@code fp}: the locals, then the canonical slots
 * of the operand stack; ops name their operands and results by slot index in the frame.
 *
 * <p>Calls between functions of one instance stay inside the loop: the arguments are in the
 * caller's canonical slots from {@code base}, which become the callee's first locals (its frame
 * starts at {@code fp + base}); a call pushes three words (return pc, caller's frame pointer,
 * caller's function index) on the store's frame stack and switches code arrays, so WebAssembly
 * recursion never recurses in Java and allocates nothing. Calls to host functions or to other
 * instances leave the loop through {@link #callExternal}. A tail call to a function of the instance
 * ({@code return_call}, 3.0) reuses the caller's frame instead: nothing is pushed.
 *
 * <p>Convention: an op reads all its immediates (advancing {@code pc}) before anything that can
 * trap, so at a trap {@code pc} is the end of the trapping op, the key of
 * {@link FunctionCode#refundAt}. Every ordinary case ends with {@code continue}; only the call ops
 * {@code break} out of the switch into the frame entries below it (a new frame, or a tail call's
 * reused one).
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
        int[] code = fn.code();
        int pc = 0;
        FunctionCode callee = entry;
        int calleeFp = fp;
        // Entering the frame may be refused; outside the try, so a refused function is not listed in
        // the trap's stack (it never ran), as on the in-loop call path below.
        if (++depth > maxDepth) {
            throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED);
        }
        stack = s.ensureStack(fp + entry.frameSlots());
        try {
            for (int i = fp + entry.paramSlots(), end = fp + entry.localSlots(); i < end; i++) {
                stack[i] = 0;
            }
            int t = 1; // enter the entry function's first block: its FUEL's n word
            for (;;) {
                try {
                // Charge the block entered at word t (a FUEL's n word) and continue after it.
                int n = code[t];
                if (fuel - n < checkpoint) {
                    checkpoint = s.poll(fuel, n, fn.isPollPoint(t));
                }
                fuel -= n;
                pc = t + 1;
                jump: {
                enter: {
                tail: {
                call: {
                for (;;) {
                switch (code[pc++]) {
                    case Op.FUEL:
                        t = pc;
                        break jump;
                    case Op.UNREACHABLE:
                        throw new TrapException(TrapKind.UNREACHABLE);
                    case Op.THROW:
                        pc += 2;
                        throw Exceptions.raise(s, inst, code[pc - 2], stack, fp + code[pc - 1]);
                    // Branches set t to the n word of the block they enter: the target's FUEL, or for a
                    // branch not taken the FUEL that follows it.
                    case Op.BR:
                        t = code[pc];
                        break jump;
                    case Op.BR_IF:
                        t = (int) stack[fp + code[pc]] != 0 ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_UNLESS:
                        t = (int) stack[fp + code[pc]] == 0 ? code[pc + 1] : pc + 3;
                        break jump;
                    case Op.BR_IF_EQ:
                        t = (int) stack[fp + code[pc]] == (int) stack[fp + code[pc + 1]] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_NE:
                        t = (int) stack[fp + code[pc]] != (int) stack[fp + code[pc + 1]] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_LT_S:
                        t = (int) stack[fp + code[pc]] < (int) stack[fp + code[pc + 1]] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_LT_U:
                        t = Integer.compareUnsigned((int) stack[fp + code[pc]], (int) stack[fp + code[pc + 1]]) < 0 ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_GT_S:
                        t = (int) stack[fp + code[pc]] > (int) stack[fp + code[pc + 1]] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_GT_U:
                        t = Integer.compareUnsigned((int) stack[fp + code[pc]], (int) stack[fp + code[pc + 1]]) > 0 ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_LE_S:
                        t = (int) stack[fp + code[pc]] <= (int) stack[fp + code[pc + 1]] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_LE_U:
                        t = Integer.compareUnsigned((int) stack[fp + code[pc]], (int) stack[fp + code[pc + 1]]) <= 0 ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_GE_S:
                        t = (int) stack[fp + code[pc]] >= (int) stack[fp + code[pc + 1]] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_GE_U:
                        t = Integer.compareUnsigned((int) stack[fp + code[pc]], (int) stack[fp + code[pc + 1]]) >= 0 ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_EQ_C:
                        t = (int) stack[fp + code[pc]] == code[pc + 1] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_NE_C:
                        t = (int) stack[fp + code[pc]] != code[pc + 1] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_LT_S_C:
                        t = (int) stack[fp + code[pc]] < code[pc + 1] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_LT_U_C:
                        t = Integer.compareUnsigned((int) stack[fp + code[pc]], code[pc + 1]) < 0 ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_GT_S_C:
                        t = (int) stack[fp + code[pc]] > code[pc + 1] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_GT_U_C:
                        t = Integer.compareUnsigned((int) stack[fp + code[pc]], code[pc + 1]) > 0 ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_LE_S_C:
                        t = (int) stack[fp + code[pc]] <= code[pc + 1] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_LE_U_C:
                        t = Integer.compareUnsigned((int) stack[fp + code[pc]], code[pc + 1]) <= 0 ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_GE_S_C:
                        t = (int) stack[fp + code[pc]] >= code[pc + 1] ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_IF_GE_U_C:
                        t = Integer.compareUnsigned((int) stack[fp + code[pc]], code[pc + 1]) >= 0 ? code[pc + 2] : pc + 4;
                        break jump;
                    case Op.BR_TABLE: {
                        // [BR_TABLE i n keep src (target dst)*(n+1)]
                        int i = (int) stack[fp + code[pc]];
                        int count = code[pc + 1];
                        int e = pc + 4 + 2 * (Integer.compareUnsigned(i, count) < 0 ? i : count);
                        int keep = code[pc + 2];
                        if (keep != 0 && code[pc + 3] != code[e + 1]) {
                            System.arraycopy(stack, fp + code[pc + 3], stack, fp + code[e + 1], keep);
                        }
                        t = code[e];
                        break jump;
                    }
                    case Op.RETURN: {
                        int keep = code[pc];
                        if (keep == 1) {
                            stack[fp] = stack[fp + code[pc + 1]];
                        } else if (keep != 0) {
                            System.arraycopy(stack, fp + code[pc + 1], stack, fp, keep);
                        }
                        depth--;
                        if (fsp == entryFsp) {
                            s.sp = fp + keep;
                            s.fuel = fuel;
                            s.checkpoint = checkpoint;
                            s.depth = depth;
                            return;
                        }
                        // heap and memSize are current: only this loop or an external call (which
                        // reloads them) can grow the memory.
                        fn = funcs[frames[--fsp]];
                        fp = frames[--fsp];
                        pc = frames[--fsp];
                        code = fn.code();
                        continue;
                    }
                    case Op.RETURN1:
                        stack[fp] = stack[fp + code[pc]];
                        depth--;
                        if (fsp == entryFsp) {
                            s.sp = fp + 1;
                            s.fuel = fuel;
                            s.checkpoint = checkpoint;
                            s.depth = depth;
                            return;
                        }
                        fn = funcs[frames[--fsp]];
                        fp = frames[--fsp];
                        pc = frames[--fsp];
                        code = fn.code();
                        continue;
                    case Op.CALL: {
                        int f = code[pc];
                        calleeFp = fp + code[pc + 1];
                        pc += 2;
                        callee = funcs[f];
                        if (callee != null) {
                            break call;
                        }
                        FunctionInstance target = inst.functions[f];
                        s.fuel = fuel;
                        s.fsp = fsp;
                        s.depth = depth;
                        try {
                            callExternal(s, inst, target, calleeFp + target.type().paramSlots());
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
                    case Op.RETURN_CALL:
                        // Only to a function of this instance: the translator makes other tail calls a
                        // CALL and a RETURN.
                        callee = funcs[code[pc]];
                        calleeFp = fp + code[pc + 1];
                        pc += 2;
                        break tail;
                    case Op.CALL_INDIRECT:
                    case Op.RETURN_CALL_INDIRECT: {
                        int typeId = code[pc];
                        int table = code[pc + 1];
                        long operand = stack[fp + code[pc + 2]];
                        calleeFp = fp + code[pc + 3];
                        pc += 4;
                        // Table -1: call_ref / return_call_ref, whose operand is the reference itself.
                        FunctionInstance target = table < 0 ? inst.referenced(operand)
                                : inst.indirect(table, operand, typeId);
                        if (target instanceof WasmFunction w && w.instance == inst) {
                            callee = w.code;
                            if (code[pc - 5] == Op.RETURN_CALL_INDIRECT) {
                                break tail;
                            }
                            break call;
                        }
                        // Another instance's function or a host function, called; after a tail call
                        // the RETURN that follows returns its results.
                        s.fuel = fuel;
                        s.fsp = fsp;
                        s.depth = depth;
                        try {
                            callExternal(s, inst, target, calleeFp + target.type().paramSlots());
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
                    case Op.MOV:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]];
                        pc += 2;
                        continue;
                    case Op.CONST32:
                        stack[fp + code[pc]] = code[pc + 1];
                        pc += 2;
                        continue;
                    case Op.CONST64:
                        stack[fp + code[pc]] = (code[pc + 1] & MASK32) | ((long) code[pc + 2] << 32);
                        pc += 3;
                        continue;
                    case Op.GLOBAL_GET:
                        stack[fp + code[pc]] = globals[code[pc + 1]].value;
                        pc += 2;
                        continue;
                    case Op.GLOBAL_SET:
                        globals[code[pc]].value = stack[fp + code[pc + 1]];
                        pc += 2;
                        continue;
                    case Op.SELECT:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 3]] != 0
                                ? stack[fp + code[pc + 1]] : stack[fp + code[pc + 2]];
                        pc += 4;
                        continue;
                    // Loads: [LOAD d a off]; stores: [STORE a v off]. Spec 2.0 4.4.7: the effective
                    // address is the u32 operand plus the u32 offset, checked once against the size.
                    case Op.LOAD32: {
                        long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 2] & MASK32);
                        int d = fp + code[pc];
                        pc += 3;
                        if (ea + 4 > memSize) {
                            throw outOfBounds();
                        }
                        stack[d] = (int) MemoryViews.INT.get(heap, (int) ea);
                        continue;
                    }
                    case Op.LOAD64: {
                        long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 2] & MASK32);
                        int d = fp + code[pc];
                        pc += 3;
                        if (ea + 8 > memSize) {
                            throw outOfBounds();
                        }
                        stack[d] = (long) MemoryViews.LONG.get(heap, (int) ea);
                        continue;
                    }
                    case Op.LOAD8_S: {
                        long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 2] & MASK32);
                        int d = fp + code[pc];
                        pc += 3;
                        if (ea + 1 > memSize) {
                            throw outOfBounds();
                        }
                        stack[d] = heap[(int) ea];
                        continue;
                    }
                    case Op.LOAD8_U: {
                        long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 2] & MASK32);
                        int d = fp + code[pc];
                        pc += 3;
                        if (ea + 1 > memSize) {
                            throw outOfBounds();
                        }
                        stack[d] = heap[(int) ea] & 0xFF;
                        continue;
                    }
                    case Op.LOAD16_S: {
                        long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 2] & MASK32);
                        int d = fp + code[pc];
                        pc += 3;
                        if (ea + 2 > memSize) {
                            throw outOfBounds();
                        }
                        stack[d] = (short) MemoryViews.SHORT.get(heap, (int) ea);
                        continue;
                    }
                    case Op.LOAD16_U: {
                        long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 2] & MASK32);
                        int d = fp + code[pc];
                        pc += 3;
                        if (ea + 2 > memSize) {
                            throw outOfBounds();
                        }
                        stack[d] = (short) MemoryViews.SHORT.get(heap, (int) ea) & 0xFFFF;
                        continue;
                    }
                    case Op.LOAD32_U: {
                        long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 2] & MASK32);
                        int d = fp + code[pc];
                        pc += 3;
                        if (ea + 4 > memSize) {
                            throw outOfBounds();
                        }
                        stack[d] = (int) MemoryViews.INT.get(heap, (int) ea) & MASK32;
                        continue;
                    }
                    case Op.LOAD8_U_X: {
                        long ea = ((stack[fp + code[pc + 1]] + stack[fp + code[pc + 2]]) & MASK32) + (code[pc + 3] & MASK32);
                        int d = fp + code[pc];
                        pc += 4;
                        if (ea + 1 > memSize) {
                            throw outOfBounds();
                        }
                        stack[d] = heap[(int) ea] & 0xFF;
                        continue;
                    }
                    case Op.STORE32: {
                        long ea = (stack[fp + code[pc]] & MASK32) + (code[pc + 2] & MASK32);
                        long v = stack[fp + code[pc + 1]];
                        pc += 3;
                        if (ea + 4 > memSize) {
                            throw outOfBounds();
                        }
                        MemoryViews.INT.set(heap, (int) ea, (int) v);
                        continue;
                    }
                    case Op.STORE64: {
                        long ea = (stack[fp + code[pc]] & MASK32) + (code[pc + 2] & MASK32);
                        long v = stack[fp + code[pc + 1]];
                        pc += 3;
                        if (ea + 8 > memSize) {
                            throw outOfBounds();
                        }
                        MemoryViews.LONG.set(heap, (int) ea, v);
                        continue;
                    }
                    case Op.STORE8: {
                        long ea = (stack[fp + code[pc]] & MASK32) + (code[pc + 2] & MASK32);
                        long v = stack[fp + code[pc + 1]];
                        pc += 3;
                        if (ea + 1 > memSize) {
                            throw outOfBounds();
                        }
                        heap[(int) ea] = (byte) v;
                        continue;
                    }
                    case Op.STORE16: {
                        long ea = (stack[fp + code[pc]] & MASK32) + (code[pc + 2] & MASK32);
                        long v = stack[fp + code[pc + 1]];
                        pc += 3;
                        if (ea + 2 > memSize) {
                            throw outOfBounds();
                        }
                        MemoryViews.SHORT.set(heap, (int) ea, (short) v);
                        continue;
                    }
                    case Op.MEMORY_GROW: {
                        int d = fp + code[pc];
                        int delta = (int) stack[fp + code[pc + 1]];
                        pc += 2;
                        stack[d] = Bulk.grow(inst, delta);
                        heap = memory.buffer.array();
                        memSize = memory.buffer.capacity();
                        continue;
                    }
                    // Stack-form ops: the operands are below the canonical slot `top`.
                    case Op.NUMERIC: {
                        int opcode = code[pc];
                        int top = fp + code[pc + 1];
                        pc += 2;
                        StackNumerics.execute(opcode, stack, top);
                        continue;
                    }
                    case Op.TABLE: {
                        int opcode = code[pc];
                        int x = code[pc + 1];
                        int y = code[pc + 2];
                        int top = fp + code[pc + 3];
                        pc += 4;
                        Bulk.table(inst, opcode, x, y, stack, top);
                        continue;
                    }
                    case Op.MEMORY_BULK: {
                        int opcode = code[pc];
                        int segment = code[pc + 1];
                        int top = fp + code[pc + 2];
                        pc += 3;
                        Bulk.memory(inst, opcode, segment, stack, top);
                        continue;
                    }
                    case Op.MEMORY_X: {
                        int at = pc;
                        pc += 6;
                        MemoryIndexedOps.execute(inst, code, at, stack, fp);
                        // Memory 0 may be the same memory imported twice, and have grown.
                        heap = memory.buffer.array();
                        memSize = memory.buffer.capacity();
                        continue;
                    }
                    case Op.GC: {
                        // [GC words top op ...]: GC instructions (3.0), out of the loop.
                        int at = pc;
                        pc += code[at];
                        GcOps.execute(code, at + 2, stack, fp + code[at + 1], inst);
                        continue;
                    }
                    case Op.VECTOR: {
                        // [VECTOR words top subop ...]: words counts the words after the op.
                        int at = pc;
                        pc += code[at];
                        VectorOps.execute(code, at + 2, stack, fp + code[at + 1], inst);
                        continue;
                    }
                    // ---- i32: d a b, and d a c with a constant ----
                    case Op.I32_EQZ:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] == 0 ? 1 : 0;
                        pc += 2;
                        continue;
                    case Op.I32_ADD:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] + (int) stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I32_SUB:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] - (int) stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I32_MUL:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] * (int) stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I32_AND:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] & (int) stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I32_OR:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] | (int) stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I32_XOR:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] ^ (int) stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I32_SHL:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] << (int) stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I32_SHR_S:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] >> (int) stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I32_SHR_U:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] >>> (int) stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I32_ROTL:
                        stack[fp + code[pc]] = Integer.rotateLeft((int) stack[fp + code[pc + 1]], (int) stack[fp + code[pc + 2]]);
                        pc += 3;
                        continue;
                    case Op.I32_ROTR:
                        stack[fp + code[pc]] = Integer.rotateRight((int) stack[fp + code[pc + 1]], (int) stack[fp + code[pc + 2]]);
                        pc += 3;
                        continue;
                    case Op.I32_EQ:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] == (int) stack[fp + code[pc + 2]] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_NE:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] != (int) stack[fp + code[pc + 2]] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_LT_S:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] < (int) stack[fp + code[pc + 2]] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_LT_U:
                        stack[fp + code[pc]] = Integer.compareUnsigned((int) stack[fp + code[pc + 1]], (int) stack[fp + code[pc + 2]]) < 0 ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_GT_S:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] > (int) stack[fp + code[pc + 2]] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_GT_U:
                        stack[fp + code[pc]] = Integer.compareUnsigned((int) stack[fp + code[pc + 1]], (int) stack[fp + code[pc + 2]]) > 0 ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_LE_S:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] <= (int) stack[fp + code[pc + 2]] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_LE_U:
                        stack[fp + code[pc]] = Integer.compareUnsigned((int) stack[fp + code[pc + 1]], (int) stack[fp + code[pc + 2]]) <= 0 ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_GE_S:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] >= (int) stack[fp + code[pc + 2]] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_GE_U:
                        stack[fp + code[pc]] = Integer.compareUnsigned((int) stack[fp + code[pc + 1]], (int) stack[fp + code[pc + 2]]) >= 0 ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_ADD_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] + code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I32_SUB_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] - code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I32_MUL_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] * code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I32_AND_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] & code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I32_OR_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] | code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I32_XOR_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] ^ code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I32_SHL_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] << code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I32_SHR_S_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] >> code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I32_SHR_U_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] >>> code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I32_ROTL_C:
                        stack[fp + code[pc]] = Integer.rotateLeft((int) stack[fp + code[pc + 1]], code[pc + 2]);
                        pc += 3;
                        continue;
                    case Op.I32_ROTR_C:
                        stack[fp + code[pc]] = Integer.rotateRight((int) stack[fp + code[pc + 1]], code[pc + 2]);
                        pc += 3;
                        continue;
                    case Op.I32_EQ_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] == code[pc + 2] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_NE_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] != code[pc + 2] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_LT_S_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] < code[pc + 2] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_LT_U_C:
                        stack[fp + code[pc]] = Integer.compareUnsigned((int) stack[fp + code[pc + 1]], code[pc + 2]) < 0 ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_GT_S_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] > code[pc + 2] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_GT_U_C:
                        stack[fp + code[pc]] = Integer.compareUnsigned((int) stack[fp + code[pc + 1]], code[pc + 2]) > 0 ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_LE_S_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] <= code[pc + 2] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_LE_U_C:
                        stack[fp + code[pc]] = Integer.compareUnsigned((int) stack[fp + code[pc + 1]], code[pc + 2]) <= 0 ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_GE_S_C:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]] >= code[pc + 2] ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_GE_U_C:
                        stack[fp + code[pc]] = Integer.compareUnsigned((int) stack[fp + code[pc + 1]], code[pc + 2]) >= 0 ? 1 : 0;
                        pc += 3;
                        continue;
                    case Op.I32_WRAP_I64:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]];
                        pc += 2;
                        continue;
                    // ---- i64 ----
                    case Op.I64_ADD:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] + stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I64_SUB:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] - stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I64_MUL:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] * stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I64_AND:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] & stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I64_OR:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] | stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I64_XOR:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] ^ stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I64_SHL:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] << stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I64_SHR_S:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] >> stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I64_SHR_U:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] >>> stack[fp + code[pc + 2]];
                        pc += 3;
                        continue;
                    case Op.I64_ADD_C:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] + (long) code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I64_SUB_C:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] - (long) code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I64_AND_C:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] & (long) code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I64_OR_C:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] | (long) code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I64_XOR_C:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] ^ (long) code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I64_SHL_C:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] << (long) code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I64_SHR_S_C:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] >> (long) code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I64_SHR_U_C:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] >>> (long) code[pc + 2];
                        pc += 3;
                        continue;
                    case Op.I64_EXTEND_I32_S:
                        stack[fp + code[pc]] = (int) stack[fp + code[pc + 1]];
                        pc += 2;
                        continue;
                    case Op.I64_EXTEND_I32_U:
                        stack[fp + code[pc]] = stack[fp + code[pc + 1]] & MASK32;
                        pc += 2;
                        continue;
                    // ---- f32 and f64 ----
                    case Op.F64_ADD:
                        stack[fp + code[pc]] = f64(asF64(stack[fp + code[pc + 1]]) + asF64(stack[fp + code[pc + 2]]));
                        pc += 3;
                        continue;
                    case Op.F64_SUB:
                        stack[fp + code[pc]] = f64(asF64(stack[fp + code[pc + 1]]) - asF64(stack[fp + code[pc + 2]]));
                        pc += 3;
                        continue;
                    case Op.F64_MUL:
                        stack[fp + code[pc]] = f64(asF64(stack[fp + code[pc + 1]]) * asF64(stack[fp + code[pc + 2]]));
                        pc += 3;
                        continue;
                    case Op.F64_DIV:
                        stack[fp + code[pc]] = f64(asF64(stack[fp + code[pc + 1]]) / asF64(stack[fp + code[pc + 2]]));
                        pc += 3;
                        continue;
                    default:
                        pc = ColdOps.execute(code[pc - 1], code, pc, stack, fp, globals, memory);
                        continue;
                } // switch
                } // dispatch loop
                } // call:
                // Frame entry for CALL and CALL_INDIRECT: `callee` is a function of this instance, its
                // frame starts at calleeFp, where the caller put the arguments.
                if (++depth > maxDepth) {
                    throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED);
                }
                if (calleeFp + callee.frameSlots() > stack.length) {
                    stack = s.ensureStack(calleeFp + callee.frameSlots());
                }
                if (fsp + 3 > frames.length) {
                    frames = s.growFrames();
                }
                frames[fsp++] = pc;
                frames[fsp++] = fp;
                frames[fsp++] = fn.funcIndex();
                fp = calleeFp;
                break enter;
                } // tail:
                // Tail call (spec 3.0, return_call): the callee replaces this frame. Its arguments move
                // down to the frame base; the frame stack and the depth stay, so the callee returns
                // to this frame's caller and a chain of tail calls runs in constant space.
                if (fp + callee.frameSlots() > stack.length) {
                    stack = s.ensureStack(fp + callee.frameSlots());
                }
                System.arraycopy(stack, calleeFp, stack, fp, callee.paramSlots());
                } // enter:
                for (int i = fp + callee.paramSlots(), end = fp + callee.localSlots(); i < end; i++) {
                    stack[i] = 0;
                }
                fn = callee;
                code = fn.code();
                pc = 0;
                t = 1; // the callee's entry block
                } // jump:
                } catch (ThrownException ex) {
                    // A WebAssembly exception (3.0): resume at its handler in these frames, or throw on.
                    t = Exceptions.handle(s, inst, ex, fn, pc, fp, fsp, depth, fuel, entryFsp, entryDepth, entryBase);
                    fuel = s.fuel;
                    fsp = s.fsp;
                    depth = s.depth;
                    fp = s.handlerFp;
                    fn = s.handlerCode;
                    code = fn.code();
                    stack = s.stack;
                    frames = s.frames;
                    if (memory != null) {
                        heap = memory.buffer.array();
                        memSize = memory.buffer.capacity();
                    }
                }
            }
        } catch (ThrownException uncaught) {
            throw uncaught; // Exceptions.handle has restored the store
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
            s.execute(w);
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
        RefSlots refs = f.refs;
        if (refs != null) {
            s.handOut(args, refs.params()); // the host function may keep them (Store: until the next call returns)
        }
        try {
            f.impl.call(new HostContext(caller), args, results);
        } catch (TrapException | ThrownException passOn) {
            throw passOn; // a trap, or an exception WebAssembly may catch (3.0)
        } catch (StackOverflowError deep) {
            throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED, "in host function " + f.name());
        } catch (RuntimeException failure) {
            throw new TrapException(TrapKind.HOST_FAILURE, f.name() + ": " + failure, failure);
        }
        if (refs != null) {
            s.refuseStale(f, results, refs.internalResults(), "result");
        }
        long[] stack = s.ensureStack(base + results.length);
        System.arraycopy(results, 0, stack, base, results.length);
        s.sp = base + results.length;
        return s.sp;
    }
}
