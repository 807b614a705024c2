package dev.sandpiper.compiler;

import java.util.Map;

/**
 * What compiling a module did.
 *
 * @param compiled defined functions that run as JVM bytecode
 * @param interpreted defined functions left to the interpreter, with the reason, by function index
 * @param classBytes size of the generated class file
 * @param nanos time to translate and define the class
 * @param split compiled functions too large for one method, split into several (regions outlined
 *     into methods of their own), with the number of those extra methods, by function index
 */
public record CompileReport(int compiled, Map<Integer, String> interpreted, int classBytes, long nanos,
        Map<Integer, Integer> split) {
    /** A report of a module with no function split. */
    public CompileReport(int compiled, Map<Integer, String> interpreted, int classBytes, long nanos) {
        this(compiled, interpreted, classBytes, nanos, Map.of());
    }

    @Override
    public String toString() {
        return compiled + " functions compiled" + (split.isEmpty() ? "" : " (" + split.size() + " split)") + ", "
                + interpreted.size() + " interpreted, " + classBytes
                + " bytes of bytecode in " + (nanos / 1000) + " µs";
    }
}
