package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Family;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Module;

/**
 * A function this tier does not compile (it runs in the interpreter instead): its bytecode would be
 * too large for HotSpot to compile, it needs more JVM locals or parameter slots than a method may
 * have, it tail-calls a function no trampoline can reach ({@link TailCalls}), it uses an
 * instruction of exception handling or of GC, or it makes a vector access to a 64-bit memory.
 */
public final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String reason) {
        super(reason, null, false, false);
    }

    /**
     * Refuses the instructions of exception handling (spec 3.0: {@code try_table}, {@code throw},
     * {@code throw_ref}; the appendix's legacy {@code try}, {@code catch}, {@code catch_all},
     * {@code delegate}, {@code rethrow}): a function using them runs in the interpreter, which
     * catches exceptions, while an exception passes through compiled frames like a trap (refunding
     * the rest of their blocks). Values of type exnref compile as any reference.
     */
    static void checkExceptions(Opcode op) {
        if (op.feature() == Feature.EXCEPTIONS || op.feature() == Feature.LEGACY_EXCEPTIONS) {
            throw new Unsupported("uses exception handling (" + op + ")");
        }
    }

    /**
     * Which memories and tables of a module have address type i64 (3.0 memory64), as
     * {@code {memories, tables}}; null when none does.
     */
    static boolean[][] address64(Module module) {
        int memories = module.memorySpace().size();
        int tables = module.tableSpace().size();
        boolean[] mem = new boolean[memories];
        boolean[] tab = new boolean[tables];
        boolean any = false;
        for (int i = 0; i < memories; i++) {
            mem[i] = module.memorySpace().get(i).limits().address64();
            any |= mem[i];
        }
        for (int i = 0; i < tables; i++) {
            tab[i] = module.tableSpace().get(i).limits().address64();
            any |= tab[i];
        }
        return any ? new boolean[][] {mem, tab} : null;
    }

    /**
     * Refuses a vector load or store on a 64-bit memory (spec 3.0: its address is an i64), given
     * {@link #address64}'s flags (null: nothing to refuse): this tier compiles the scalar memory
     * and all table instructions of 64-bit memories and tables, and leaves these to the interpreter.
     */
    static void checkAddress64(Opcode op, CodeReader r, boolean[][] address64) {
        if (address64 != null && op.prefix() == Opcode.PREFIX_FD && op.family() == Family.MEMORY
                && address64[0][r.memoryIndex()]) {
            throw new Unsupported("uses a vector access to a 64-bit memory (" + op + ")");
        }
    }

    /**
     * Refuses the GC instructions (spec 3.0: structures, arrays, i31, casts, {@code ref.eq},
     * {@code br_on_cast}), which this tier leaves to the interpreter for now; values of the GC
     * reference types themselves compile as 64-bit references like any other.
     */
    static void checkGc(Opcode op) {
        if (op.feature() == Feature.GC) {
            throw new Unsupported("uses GC instructions (" + op + ")");
        }
    }
}
