package dev.sandpiper.interpreter;

import dev.sandpiper.interpreter.code.Op;

/**
 * Table, reference, growth and bulk-memory ops, handed off by the interpreter loop. Each pops its
 * operands from {@code stack}, pushes its result, and returns the new stack top. An operation whose
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

    private Bulk() {}

    /** {@code memory.grow}: the old size or -1; polls the deadline, as growth copies memory. */
    static int grow(Instance inst, int delta) {
        int old = inst.memory.grow(delta);
        if (delta != 0) {
            inst.store().checkDeadline();
        }
        return old;
    }

    static int table(Instance inst, int op, int a, int b, long[] stack, int sp) {
        if ((op == Op.TABLE_FILL || op == Op.TABLE_COPY || op == Op.TABLE_INIT) && (stack[sp - 1] & MASK32) >= LARGE
                || op == Op.TABLE_GROW && (stack[sp - 1] & MASK32) >= LARGE) {
            sp = tableOp(inst, op, a, b, stack, sp);
            inst.store().checkDeadline();
            return sp;
        }
        return tableOp(inst, op, a, b, stack, sp);
    }

    private static int tableOp(Instance inst, int op, int a, int b, long[] stack, int sp) {
        switch (op) {
            case Op.TABLE_GET -> stack[sp - 1] = inst.tables[a].get((int) stack[sp - 1]);
            case Op.TABLE_SET -> {
                inst.tables[a].set((int) stack[sp - 2], stack[sp - 1]);
                return sp - 2;
            }
            case Op.TABLE_SIZE -> stack[sp++] = inst.tables[a].size();
            case Op.TABLE_GROW -> {
                stack[sp - 2] = inst.tables[a].grow((int) stack[sp - 1], stack[sp - 2]);
                return sp - 1;
            }
            case Op.TABLE_FILL -> {
                inst.tables[a].fill(stack[sp - 3] & MASK32, stack[sp - 2], stack[sp - 1] & MASK32);
                return sp - 3;
            }
            case Op.TABLE_COPY -> {
                Table.copy(inst.tables[a], stack[sp - 3] & MASK32, inst.tables[b], stack[sp - 2] & MASK32,
                        stack[sp - 1] & MASK32);
                return sp - 3;
            }
            case Op.TABLE_INIT -> {
                inst.tableInit(b, a, stack[sp - 3] & MASK32, stack[sp - 2] & MASK32, stack[sp - 1] & MASK32);
                return sp - 3;
            }
            case Op.ELEM_DROP -> inst.elemDrop(a);
            case Op.REF_FUNC -> stack[sp++] = inst.functionHandle(a);
            default -> throw new IllegalStateException("no implementation for op " + Op.name(op));
        }
        return sp;
    }

    static int memory(Instance inst, int op, int segment, long[] stack, int sp) {
        if (op != Op.DATA_DROP && (stack[sp - 1] & MASK32) >= LARGE) {
            sp = memoryOp(inst, op, segment, stack, sp);
            inst.store().checkDeadline();
            return sp;
        }
        return memoryOp(inst, op, segment, stack, sp);
    }

    private static int memoryOp(Instance inst, int op, int segment, long[] stack, int sp) {
        switch (op) {
            case Op.MEMORY_FILL -> {
                inst.memory.fill(stack[sp - 3] & MASK32, (int) stack[sp - 2], stack[sp - 1] & MASK32);
                return sp - 3;
            }
            case Op.MEMORY_COPY -> {
                inst.memory.copy(stack[sp - 3] & MASK32, stack[sp - 2] & MASK32, stack[sp - 1] & MASK32);
                return sp - 3;
            }
            case Op.MEMORY_INIT -> {
                inst.memoryInit(segment, stack[sp - 3] & MASK32, stack[sp - 2] & MASK32, stack[sp - 1] & MASK32);
                return sp - 3;
            }
            case Op.DATA_DROP -> inst.dataDrop(segment);
            default -> throw new IllegalStateException("no implementation for op " + Op.name(op));
        }
        return sp;
    }
}
