package dev.sandpiper.compiler;

import java.util.Map;

/**
 * What compiling a module did.
 *
 * @param compiled defined functions that run as JVM bytecode
 * @param interpreted defined functions left to the interpreter, with the reason, by function index
 * @param classBytes size of the generated class file
 * @param nanos time to translate and define the class
 */
public record CompileReport(int compiled, Map<Integer, String> interpreted, int classBytes, long nanos) {
    @Override
    public String toString() {
        return compiled + " functions compiled, " + interpreted.size() + " interpreted, " + classBytes
                + " bytes of bytecode in " + (nanos / 1000) + " µs";
    }
}
