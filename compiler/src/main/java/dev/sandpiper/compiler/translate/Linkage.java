package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.interpreter.TierSupport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the functions of one generated class know of each other: the class's name, which functions
 * have a method ({@code f<index>}, compiled or a bridge to the interpreter), and the shared helper
 * methods the translation asks for: one bridge per JVM signature for calls the tier does not run
 * itself ({@code x<n>}), and one dispatcher per JVM signature for {@code call_indirect}
 * ({@code d<n>}).
 */
final class Linkage {
    final Module module;
    final String owner;
    /** By function index: has a method {@code f<index>} (every function whose type can be a JVM method). */
    final boolean[] hasMethod;
    /** By function index: the method is the compiled body (not a bridge). */
    final boolean[] compiled;
    final int[] typeIds;
    /** Which functions may leave a pending tail call, and the trampolines that run them. */
    final TailCalls tails;
    /** Bridges and dispatchers asked for, by the JVM descriptor of their WebAssembly part, with a representative type. */
    final Map<String, FuncType> bridges = new LinkedHashMap<>();
    final Map<String, FuncType> dispatchers = new LinkedHashMap<>();

    Linkage(Module module, String owner) {
        this.module = module;
        this.owner = owner;
        this.hasMethod = new boolean[module.functionCount()];
        this.compiled = new boolean[module.functionCount()];
        for (int f = module.importedFunctionCount(); f < hasMethod.length; f++) {
            hasMethod[f] = JvmTypes.compilable(module.functionType(f));
        }
        this.tails = new TailCalls(module, hasMethod);
        this.typeIds = dev.sandpiper.decoder.model.DefinedTypes.ids(module.recTypes());
    }

    static String function(int funcIndex) {
        return "f" + funcIndex;
    }

    /**
     * Key of a signature: its parameter kinds and return kind ('Q' for a v128, which the JVM
     * descriptor cannot tell from two i64s, but the bridges must: a v128 result's high half).
     */
    static String key(FuncType type) {
        return JvmTypes.paramKinds(type) + ")" + JvmTypes.returnKind(type);
    }

    /** The bridge for calls of this type to a function the tier does not run: {@code (params..., FunctionInstance, tail)}. */
    String bridge(FuncType type) {
        bridges.putIfAbsent(key(type), type);
        return "x" + key(type).replace(")", "_");
    }

    /** The dispatcher of {@code call_indirect} for this type: {@code (params..., int funcIndex, tail)}. */
    String dispatcher(FuncType type) {
        dispatchers.putIfAbsent(key(type), type);
        return "d" + key(type).replace(")", "_");
    }

    static String bridgeDescriptor(FuncType type) {
        return "(" + JvmTypes.params(type) + "Ldev/sandpiper/interpreter/FunctionInstance;" + JvmTypes.TAIL + ")"
                + JvmTypes.returnDescriptor(type);
    }

    static String dispatcherDescriptor(FuncType type) {
        return "(" + JvmTypes.params(type) + "I" + JvmTypes.TAIL + ")" + JvmTypes.returnDescriptor(type);
    }

    /** "func N name", as the interpreter names frames in traps. */
    String frame(int funcIndex) {
        String name = module.names().functionName(funcIndex);
        return name == null ? "func " + funcIndex : "func " + funcIndex + " " + name;
    }
}
