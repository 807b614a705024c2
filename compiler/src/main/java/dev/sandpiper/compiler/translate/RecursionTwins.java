package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Module;

/**
 * A small function that calls itself is compiled twice: {@code f<index>} calls its twin
 * {@code f<index>r} where it calls itself, and the twin calls {@code f<index>}. The two bodies are
 * the same translation, so results, traps, fuel and the depth limit are those of one method.
 *
 * <p>Why: HotSpot's C2 inlines a method into itself only one level deep ({@code
 * MaxRecursiveInlineLevel}), but counts that per method, so alternating twins inline into each other
 * as deep as its ordinary budget allows. For a call-bound recursion that is fewer real calls, each
 * paying the frame's context, depth and fuel arguments. A Java model of our code for {@code fib}
 * went from 2.75 to 2.07 ms, plain Java's own {@code fib} taking 2.15. Only a method C2 inlines
 * when hot (its bytecode at most {@code FreqInlineSize}, 325 bytes) gains anything, so only such
 * functions get a twin.
 */
final class RecursionTwins {
    /** HotSpot's {@code FreqInlineSize} on x86-64 and AArch64: the largest hot method C2 inlines. */
    static final int MAX_BYTES = 325;

    private RecursionTwins() {}

    /** The twin's method name. */
    static String name(int funcIndex) {
        return Linkage.function(funcIndex) + "r";
    }

    /** Whether defined function {@code funcIndex} has a {@code call} of itself. */
    static boolean callsItself(Module module, int funcIndex) {
        CodeReader r = module.codeReader(funcIndex - module.importedFunctionCount());
        while (r.hasNext()) {
            if (r.next() == Opcode.CALL && r.index() == funcIndex) {
                return true;
            }
        }
        return false;
    }
}
