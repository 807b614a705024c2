package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.code.Opcode;

/**
 * Table, reference, growth and bulk-memory instructions, handed off by the interpreter loop in stack
 * form: each pops its operands from {@code stack} below {@code sp}, pushes its result, and returns the
 * new stack top. An operation whose
 * time grows with its size (growth, or moving 64 Ki bytes or elements and more) polls the deadline
 * when done: it counts as one instruction of fuel, so the instruction-count poll alone would let a
 * loop of them run far past the deadline.
 *
 * <p>Spec: 2.0, Execution > Instructions > Table Instructions and Memory Instructions,
 * {@code exec/instructions.html}.
 */
final class Bulk {
    private static final long MASK32 = 0xFFFFFFFFL;
    /** Bytes or elements above which a bulk operation polls the deadline when it is done. */
    private static final long LARGE = 1 << 16;
    private static final Opcode[] OPCODES = Opcode.values();

    private Bulk() {}

    /** {@code memory.grow}: the old size or -1; polls the deadline, as growth copies memory. */
    static int grow(Instance inst, int delta) {
        int old = inst.memory.grow(delta);
        if (delta != 0) {
            inst.store().checkDeadline();
        }
        return old;
    }

    /** The table instruction whose {@link Opcode#ordinal()} is {@code opcode}, in stack form below {@code sp}. */
    static int table(Instance inst, int opcode, int a, int b, long[] stack, int sp) {
        Opcode op = OPCODES[opcode];
        long n = stack[sp - 1]; // the size operand of fill, copy, init and grow
        sp = tableOp(inst, op, a, b, stack, sp);
        if (op == Opcode.TABLE_FILL || op == Opcode.TABLE_COPY || op == Opcode.TABLE_INIT || op == Opcode.TABLE_GROW) {
            pollIfLarge(inst, n);
        }
        return sp;
    }

    /**
     * Polls the deadline after an operation on {@code n} (u32) bytes or elements when that is
     * {@link #LARGE} or more; shared with the compiled tier ({@link TierOps}).
     */
    static void pollIfLarge(Instance inst, long n) {
        if ((n & MASK32) >= LARGE) {
            inst.store().checkDeadline();
        }
    }

    private static int tableOp(Instance inst, Opcode op, int a, int b, long[] stack, int sp) {
        // a is the table, but for table.init the segment (the table is b), for elem.drop the
        // segment and for ref.func the function
        Table t = op == Opcode.TABLE_INIT ? inst.tables[b]
                : op == Opcode.ELEM_DROP || op == Opcode.REF_FUNC ? null : inst.tables[a];
        switch (op) {
            case TABLE_GET -> stack[sp - 1] = t.load(t.index(stack[sp - 1]));
            case TABLE_SET -> {
                t.set(t.index(stack[sp - 2]), stack[sp - 1]);
                return sp - 2;
            }
            case TABLE_SIZE -> stack[sp++] = t.size();
            case TABLE_GROW -> {
                stack[sp - 2] = t.address64() ? t.grow64(stack[sp - 1], stack[sp - 2])
                        : t.grow((int) stack[sp - 1], stack[sp - 2]);
                return sp - 1;
            }
            case TABLE_FILL -> {
                t.fill(t.operand(stack[sp - 3]), stack[sp - 2], t.operand(stack[sp - 1]));
                return sp - 3;
            }
            case TABLE_COPY -> {
                // 3.0: the length has the narrower of the two address types
                Table src = inst.tables[b];
                long n = t.address64() && src.address64() ? stack[sp - 1] : stack[sp - 1] & MASK32;
                Table.copy(t, t.operand(stack[sp - 3]), src, src.operand(stack[sp - 2]), n);
                return sp - 3;
            }
            case TABLE_INIT -> {
                inst.tableInit(b, a, t.operand(stack[sp - 3]), stack[sp - 2] & MASK32, stack[sp - 1] & MASK32);
                return sp - 3;
            }
            case ELEM_DROP -> inst.elemDrop(a);
            case REF_FUNC -> stack[sp++] = inst.functionHandle(a);
            default -> throw new IllegalStateException("no implementation for " + op);
        }
        return sp;
    }

    /** The bulk memory instruction whose {@link Opcode#ordinal()} is {@code opcode}, in stack form below {@code sp}. */
    static int memory(Instance inst, int opcode, int segment, long[] stack, int sp) {
        Opcode op = OPCODES[opcode];
        long n = stack[sp - 1]; // the size operand of fill, copy and init
        sp = memoryOp(inst, op, segment, stack, sp);
        if (op != Opcode.DATA_DROP) {
            pollIfLarge(inst, n);
        }
        return sp;
    }

    private static int memoryOp(Instance inst, Opcode op, int segment, long[] stack, int sp) {
        switch (op) {
            case MEMORY_FILL -> {
                inst.memory.fill(stack[sp - 3] & MASK32, (int) stack[sp - 2], stack[sp - 1] & MASK32);
                return sp - 3;
            }
            case MEMORY_COPY -> {
                inst.memory.copy(stack[sp - 3] & MASK32, stack[sp - 2] & MASK32, stack[sp - 1] & MASK32);
                return sp - 3;
            }
            case MEMORY_INIT -> {
                inst.memoryInit(segment, stack[sp - 3] & MASK32, stack[sp - 2] & MASK32, stack[sp - 1] & MASK32);
                return sp - 3;
            }
            case DATA_DROP -> inst.dataDrop(segment);
            default -> throw new IllegalStateException("no implementation for " + op);
        }
        return sp;
    }
}
