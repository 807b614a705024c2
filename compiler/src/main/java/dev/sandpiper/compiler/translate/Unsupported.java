package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;

/**
 * A function this tier does not compile (it runs in the interpreter instead): its bytecode would be
 * too large for HotSpot to compile, it needs more JVM locals or parameter slots than a method may
 * have, or it uses a 3.0 tail call to another function.
 */
public final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String reason) {
        super(reason, null, false, false);
    }

    /**
     * Refuses the 3.0 tail calls this tier leaves to the interpreter: {@code return_call} to another
     * function and {@code return_call_indirect} (the interpreter runs them in constant space by
     * reusing the caller's frame, which a JVM method cannot do for another method). A
     * {@code return_call} of function {@code self} to itself is compiled, as a jump to its start.
     */
    static void checkTailCall(Opcode op, CodeReader r, int self) {
        if (op == Opcode.RETURN_CALL && r.index() != self || op == Opcode.RETURN_CALL_INDIRECT) {
            throw new Unsupported("uses tail calls to other functions");
        }
    }
}
