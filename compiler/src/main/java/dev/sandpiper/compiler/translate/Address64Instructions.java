package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.INVOKESTATIC;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Module;

/**
 * Translates the instructions on 64-bit memories and tables (3.0 memory64) to calls of {@code
 * interpreter.TierOps64}, which has the interpreter's semantics: addresses, indices, sizes and
 * deltas of the i64 address type are longs on the JVM stack (u64 bits), those of an i32 one ints,
 * a copy's length has the narrower type, and each call that can trap is a trap site, as the
 * 32-bit forms in {@code TierOps} are, so fuel and deadline polls match. A module without a 64-bit
 * memory or table answers false to every question here and translates as before.
 *
 * <p>Spec: 3.0, Execution > Instructions > Memory Instructions, Table Instructions.
 */
final class Address64Instructions {
    private static final String OPS64 = "dev/sandpiper/interpreter/TierOps64";
    private static final String MEMORY = "Ldev/sandpiper/interpreter/Memory;";
    private static final String INSTANCE = "Ldev/sandpiper/interpreter/Instance;";

    private final FunctionTranslator t;
    /** Whether each memory, and each table, has address type i64; null when none has. */
    private final boolean[] memories;
    private final boolean[] tables;

    Address64Instructions(FunctionTranslator t, Module module) {
        this.t = t;
        boolean[] mem = new boolean[module.memorySpace().size()];
        boolean[] tab = new boolean[module.tableSpace().size()];
        boolean any = false;
        for (int i = 0; i < mem.length; i++) {
            mem[i] = module.memorySpace().get(i).limits().address64();
            any |= mem[i];
        }
        for (int i = 0; i < tab.length; i++) {
            tab[i] = module.tableSpace().get(i).limits().address64();
            any |= tab[i];
        }
        this.memories = any ? mem : null;
        this.tables = any ? tab : null;
    }

    /** Whether memory {@code index} has address type i64. */
    boolean memory(int index) {
        return memories != null && memories[index];
    }

    /** Whether table {@code index} has address type i64. */
    private boolean table(int index) {
        return tables != null && tables[index];
    }

    /** {@code memory.size} of a 64-bit memory, already on the stack: an i64. */
    void memorySize() {
        t.code().invoke(INVOKESTATIC, OPS64, "MEMORY_SIZE", "(" + MEMORY + ")J");
        t.stack.push('J');
    }

    /** A load or store on a 64-bit memory: the i64 address and the u64 offset as longs (f32 and f64 as bits). */
    void access(Opcode op, CodeReader r) {
        Code c = t.code();
        String name = switch (op) {
            case F32_LOAD -> "I32_LOAD";
            case F64_LOAD -> "I64_LOAD";
            case F32_STORE -> "I32_STORE";
            case F64_STORE -> "I64_STORE";
            default -> op.name();
        };
        c.longConst(r.offset());
        t.loadMemory(r.memoryIndex());
        if (op.pushCount() == 1) {
            char k = JvmTypes.kind(op.push(0));
            t.stack.pop();
            t.trapping(() -> c.invoke(INVOKESTATIC, OPS64, name, "(JJ" + MEMORY + ")" + k));
            t.stack.push(k);
        } else {
            char v = t.stack.pop();
            t.stack.pop();
            t.trapping(() -> c.invoke(INVOKESTATIC, OPS64, name, "(J" + v + "J" + MEMORY + ")V"));
        }
    }

    /** {@code memory.grow}, {@code fill}, {@code copy}, {@code init} on a 64-bit memory (or a copy with one). */
    void bulkMemory(Opcode op, CodeReader r) {
        Code c = t.code();
        int mem = r.memoryIndex();
        char at = memory(mem) ? 'J' : 'I';
        String d;
        switch (op) {
            case MEMORY_GROW -> {
                t.stack.pop();
                t.loadInstance();
                c.intConst(mem);
                d = "(J" + INSTANCE + "I)J";
            }
            case MEMORY_FILL -> {
                t.stack.pop(3);
                t.loadInstance();
                c.intConst(mem);
                d = "(JIJ" + INSTANCE + "I)V";
            }
            case MEMORY_COPY -> {
                char src = memory(r.memoryIndex2()) ? 'J' : 'I';
                char n = at == 'J' && src == 'J' ? 'J' : 'I';
                t.stack.pop(3);
                t.loadInstance();
                c.intConst(mem);
                c.intConst(r.memoryIndex2());
                d = "(" + at + src + n + INSTANCE + "II)V";
            }
            default -> { // MEMORY_INIT
                t.stack.pop(3);
                t.loadInstance();
                c.intConst(r.index());
                c.intConst(mem);
                d = "(JII" + INSTANCE + "II)V";
            }
        }
        t.trapping(() -> c.invoke(INVOKESTATIC, OPS64, op.name(), d));
        if (op == Opcode.MEMORY_GROW) {
            t.stack.push('J');
        }
    }

    /** A table instruction on a 64-bit table (or a copy with one); false, emitting nothing, otherwise. */
    boolean table(Opcode op, CodeReader r) {
        if (tables == null) {
            return false;
        }
        Code c = t.code();
        int a = r.index();
        int b = r.index2();
        String tail = INSTANCE + "I";
        String d;
        switch (op) {
            case TABLE_GET, TABLE_SET, TABLE_SIZE, TABLE_GROW, TABLE_FILL -> {
                if (!table(a)) {
                    return false;
                }
                int pops = op == Opcode.TABLE_GET ? 1 : op == Opcode.TABLE_SIZE ? 0 : op == Opcode.TABLE_FILL ? 3 : 2;
                t.stack.pop(pops);
                t.loadInstance();
                c.intConst(a);
                d = switch (op) {
                    case TABLE_GET -> "(J" + tail + ")J";
                    case TABLE_SET -> "(JJ" + tail + ")V";
                    case TABLE_SIZE -> "(" + tail + ")J";
                    case TABLE_GROW -> "(JJ" + tail + ")J";
                    default -> "(JJJ" + tail + ")V";
                };
            }
            case TABLE_COPY -> {
                if (!table(a) && !table(b)) {
                    return false;
                }
                char dst = table(a) ? 'J' : 'I';
                char src = table(b) ? 'J' : 'I';
                char n = dst == 'J' && src == 'J' ? 'J' : 'I';
                t.stack.pop(3);
                t.loadInstance();
                c.intConst(a);
                c.intConst(b);
                d = "(" + dst + src + n + tail + "I)V";
            }
            default -> { // TABLE_INIT: elem a into table b
                if (!table(b)) {
                    return false;
                }
                t.stack.pop(3);
                t.loadInstance();
                c.intConst(b);
                c.intConst(a);
                d = "(JII" + tail + "I)V";
            }
        }
        if (op == Opcode.TABLE_SIZE) {
            c.invoke(INVOKESTATIC, OPS64, op.name(), d);
        } else {
            t.trapping(() -> c.invoke(INVOKESTATIC, OPS64, op.name(), d));
        }
        if (op == Opcode.TABLE_GET || op == Opcode.TABLE_SIZE || op == Opcode.TABLE_GROW) {
            t.stack.push('J');
        }
        return true;
    }

    /**
     * {@code call_indirect}'s index through a 64-bit table: the i64 on the stack becomes the int
     * the lookup takes, or traps "undefined element" past the table; nothing for a 32-bit table.
     */
    void indirectIndex(int table) {
        if (table(table)) {
            t.loadInstance();
            t.code().intConst(table);
            t.trapping(() -> t.code().invoke(INVOKESTATIC, OPS64, "TABLE_INDEX", "(J" + INSTANCE + "I)I"));
        }
    }
}
