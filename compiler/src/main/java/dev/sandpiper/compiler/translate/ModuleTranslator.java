package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.BranchOutOfRangeException;
import dev.sandpiper.compiler.classfile.ClassWriter;
import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.compiler.classfile.CodeTooLargeException;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated module into one class file: a static method per function whose type a JVM
 * method can have (its compiled body, or when the body stays in the interpreter a bridge to it),
 * the methods of the regions of functions too large for one ({@link Outliner}),
 * the bridges and {@code call_indirect} dispatchers the bodies ask for, and {@code invoke}, the
 * entry from the host ({@link dev.sandpiper.compiler.runtime.ModuleCode}).
 */
public final class ModuleTranslator {
    /** The generated class's name; defined as a hidden class, so the JVM makes it unique. */
    public static final String OWNER = "dev/sandpiper/compiler/runtime/Module";
    private static final String SUPER = "dev/sandpiper/compiler/runtime/ModuleCode";
    /** HotSpot does not JIT-compile a method longer than this ({@code -XX:HugeMethodLimit}). */
    public static final int HUGE_METHOD_LIMIT = 8000;
    /** Functions per chunk of a switch method, so that no switch method grows past the limits. */
    private static final int CHUNK = 128;

    /** The class and what it compiled. */
    /**
     * {@code maxResults}: the most {@code long} entries the results of any type of the module take
     * (a v128 takes two), the size of the context's results array.
     */
    /**
     * {@code split}: compiled functions whose regions were outlined into methods of their own
     * ({@link Outliner}), with the number of those methods, by function index.
     */
    public record Result(byte[] classBytes, boolean[] compiled, int maxResults, Map<Integer, String> interpreted,
            Map<Integer, Integer> split) {}

    private ModuleTranslator() {}

    /** {@code countFuel}: count instructions as the interpreter (else only poll; see {@code FuelBlocks}). */
    public static Result translate(Module module, boolean countFuel) {
        return translate(module, countFuel, HUGE_METHOD_LIMIT);
    }

    /**
     * As {@link #translate(Module, boolean)}, splitting every function whose method would be over
     * {@code splitAbove} bytes of code as far as it goes (HotSpot's limit; tests pass less to make
     * small functions split). Methods are at most HotSpot's limit in any case.
     */
    public static Result translate(Module module, boolean countFuel, int splitAbove) {
        try {
            return translateOrFail(module, countFuel, splitAbove);
        } catch (IllegalStateException full) {
            if (String.valueOf(full.getMessage()).contains("constant pool full")) {
                throw new ClassTooLargeException("the module's " + module.definedFunctionCount()
                        + " functions do not fit one class file (over 65,535 constants)");
            }
            throw full;
        }
    }

    private static Result translateOrFail(Module module, boolean countFuel, int limit) {
        Linkage link = new Linkage(module, OWNER);
        ClassWriter cw = new ClassWriter(OWNER, SUPER);
        FunctionTranslator ft = new FunctionTranslator(link, countFuel);
        Map<Integer, String> interpreted = new LinkedHashMap<>();
        Map<Integer, Integer> splitFunctions = new LinkedHashMap<>();
        // Every type, not only the defined functions': an imported function or a call_indirect
        // target of another module may return more, through the same array.
        int maxResults = 1;
        for (FuncType t : module.types()) {
            // The same array holds a pending tail call's arguments (TailCalls).
            maxResults = Math.max(maxResults, Math.max(t.resultSlots(), t.paramSlots()));
        }
        List<Integer> stubs = new ArrayList<>();
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            FuncType t = module.functionType(f);
            if (!link.hasMethod[f]) {
                interpreted.put(f, "its type has too many parameters for a JVM method");
                continue;
            }
            try {
                // Fuel charged on the edges (fewest charges run) unless that makes the method too
                // big for HotSpot's compiler, then each block charging itself (less code).
                Code code = null;
                int form = 0;
                try {
                    code = translate(ft, f, cw, form, null);
                    while (form < 3 && code.length() > limit) {
                        code = translate(ft, f, cw, ++form, null);
                    }
                } catch (CodeTooLargeException tooLarge) {
                    code = null; // over the JVM's 65,535 bytes: split
                }
                if (code == null || code.length() > limit) {
                    // Still too big for HotSpot's compiler: regions become methods of their own.
                    Outliner.Split split = Outliner.split(ft, module, f, cw.pool(), limit, HUGE_METHOD_LIMIT);
                    for (Outliner.Method m : split.methods()) {
                        cw.addMethod(ACC_STATIC, m.name(), m.descriptor(), m.code());
                    }
                    maxResults = Math.max(maxResults, split.entries());
                    splitFunctions.put(f, split.methods().size() - 1);
                } else {
                    if (code.length() <= RecursionTwins.MAX_BYTES && RecursionTwins.callsItself(module, f)) {
                        // The code above calls f<index>: it is the twin; f<index> calls the twin.
                        cw.addMethod(ACC_STATIC, RecursionTwins.name(f), JvmTypes.function(t), code);
                        code = translate(ft, f, cw, form, RecursionTwins.name(f));
                    }
                    cw.addMethod(ACC_STATIC, Linkage.function(f), JvmTypes.function(t), code);
                }
                link.compiled[f] = true;
            } catch (Unsupported | CodeTooLargeException no) {
                interpreted.put(f, no.getMessage());
                stubs.add(f);
            }
        }
        for (int f : stubs) {
            cw.addMethod(ACC_STATIC, Linkage.function(f), JvmTypes.function(module.functionType(f)), stub(cw, link, f));
        }
        Bridges bridges = new Bridges(cw, link, CHUNK);
        bridges.invoke();
        bridges.dispatchers();
        link.tails.trampolines(cw);
        bridges.bridges();
        constructor(cw);
        return new Result(cw.toBytes(), link.compiled.clone(), maxResults, interpreted, splitFunctions);
    }

    /**
     * One function's code in fuel form {@code form}: 0 charged on edges with polls inline (fastest),
     * 1 the same with each poll a call, 2 each block charging itself, 3 that with polls as calls, the
     * first that keeps the method under HotSpot's limit; wide jumps when 16-bit offsets overflow. Its
     * calls of itself go to method {@code self} (null: its own, see {@link RecursionTwins}).
     */
    private static Code translate(FunctionTranslator ft, int f, ClassWriter cw, int form, String self) {
        boolean compactFuel = (form & 1) != 0;
        boolean planned = form < 2;
        try {
            Code code = ft.translateCallingSelfAs(self, f, cw.pool(), false, compactFuel, planned);
            code.bytes();
            return code;
        } catch (BranchOutOfRangeException far) {
            return ft.translateCallingSelfAs(self, f, cw.pool(), true, compactFuel, planned);
        }
    }

    /** A function left to the interpreter: its method calls it through the bridge of its type. */
    private static Code stub(ClassWriter cw, Linkage link, int f) {
        FuncType t = link.module.functionType(f);
        Code c = new Code(cw.pool(), false);
        int slot = Bridges.loadParams(c, t, 0);
        c.reserveLocals(slot + 3);
        c.local(ALOAD, slot);
        c.field(GETFIELD, JvmTypes.CONTEXT, "functions", "[Ldev/sandpiper/interpreter/FunctionInstance;");
        c.intConst(f);
        c.op(AALOAD);
        c.local(ALOAD, slot);
        c.local(ILOAD, slot + 1); // the bridge takes its caller's room: one more than this frame's
        c.op(ICONST_1);
        c.op(IADD);
        c.local(ILOAD, slot + 2);
        c.invoke(INVOKESTATIC, OWNER, link.bridge(t), Linkage.bridgeDescriptor(t));
        Bridges.returnValue(c, t);
        return c;
    }

    private static void constructor(ClassWriter cw) {
        Code c = new Code(cw.pool(), false);
        c.reserveLocals(1);
        c.local(ALOAD, 0);
        c.invoke(INVOKESPECIAL, SUPER, "<init>", "()V");
        c.op(RETURN);
        cw.addMethod(ACC_PUBLIC, "<init>", "()V", c);
    }
}
