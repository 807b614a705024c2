package dev.sandpiper.compiler;

import dev.sandpiper.compiler.runtime.CompiledTier;
import dev.sandpiper.compiler.runtime.Definer;
import dev.sandpiper.compiler.runtime.ModuleCode;
import dev.sandpiper.compiler.translate.ClassTooLargeException;
import dev.sandpiper.compiler.translate.ModuleTranslator;
import dev.sandpiper.decoder.Features;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.interpreter.CompiledModule;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The second tier's entry point: compiles a {@link CompiledModule} to JVM bytecode and attaches it
 * ({@link CompiledModule#attachTier}), eagerly or, with {@link Engine#AUTO}, on a background thread
 * once the module is hot. Thread-safe.
 */
public final class WasmCompiler {
    /** Interpreted work (instructions plus calls) after which {@link Engine#AUTO} compiles a module. */
    public static final long HOT_THRESHOLD = 1_000_000;

    private static final WasmCompiler DEFAULT = new WasmCompiler(Definer::define, true);
    private static final System.Logger LOG = System.getLogger("dev.sandpiper.compiler");
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sandpiper-compiler");
        t.setDaemon(true);
        return t;
    });

    private final ClassDefiner definer;
    private final boolean countFuel;
    /** Functions whose method would be over this many bytes of code are split ({@code ModuleTranslator}). */
    private final int methodLimit;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** A compiler that counts fuel exactly as the interpreter and defines classes with {@code definer}. */
    public WasmCompiler(ClassDefiner definer) {
        this(definer, true);
    }

    private WasmCompiler(ClassDefiner definer, boolean countFuel) {
        this(definer, countFuel, ModuleTranslator.HUGE_METHOD_LIMIT);
    }

    private WasmCompiler(ClassDefiner definer, boolean countFuel, int methodLimit) {
        this.definer = definer;
        this.countFuel = countFuel;
        this.methodLimit = methodLimit;
    }

    /**
     * For tests: a compiler that splits every function whose method would be over {@code bytes}
     * (instead of HotSpot's 8,000) as far as it goes, so that small programs exercise the splitting.
     */
    WasmCompiler withMethodLimit(int bytes) {
        return new WasmCompiler(definer, countFuel, bytes);
    }

    /**
     * A compiler whose code does not count instructions: only loop heads and function entries are
     * charged (one each), so deadlines and interrupts still work, but fuel limits are not enforced
     * and {@code Store.lastCallInstructions()} counts those charges, not instructions. For measuring
     * what counting costs; not for running untrusted code under a fuel budget.
     */
    public WasmCompiler withoutFuelCounting() {
        return new WasmCompiler(definer, false, methodLimit);
    }

    /** The compiler that defines hidden classes. */
    public static WasmCompiler standard() {
        return DEFAULT;
    }

    /** Decodes, validates and translates {@code bytes}, then prepares it for {@code engine}. */
    public CompiledModule load(byte[] bytes, Engine engine) {
        return load(bytes, engine, Features.all());
    }

    /**
     * As {@link #load(byte[], Engine)}, accepting only modules that use the proposals
     * {@code features} enables (a module using another fails to load, naming the feature).
     */
    public CompiledModule load(byte[] bytes, Engine engine, Features features) {
        CompiledModule module = CompiledModule.compile(bytes, features);
        prepare(module, engine);
        return module;
    }

    /**
     * Prepares a module for {@code engine}: nothing for the interpreter, compiles it now for the
     * compiler, asks to be told when it is hot for auto.
     *
     * @throws CompilerUnavailableException with {@link Engine#COMPILER} where classes cannot be defined
     */
    public void prepare(CompiledModule module, Engine engine) {
        switch (engine) {
            case INTERPRETER -> { }
            case COMPILER -> compile(module);
            case AUTO -> module.onHot(HOT_THRESHOLD, () -> BACKGROUND.execute(() -> compileQuietly(module)));
        }
    }

    /**
     * Compiles every function it can and attaches the result; instances switch at their next call.
     *
     * @throws CompilerUnavailableException where classes cannot be defined
     */
    public CompileReport compile(CompiledModule module) {
        long start = System.nanoTime();
        Module m = module.module();
        ModuleTranslator.Result r;
        try {
            r = ModuleTranslator.translate(m, countFuel, methodLimit);
        } catch (ClassTooLargeException tooLarge) {
            return interpretedOnly(m, tooLarge.getMessage(), start);
        } catch (OutOfMemoryError heapFull) {
            return interpretedOnly(m, "not enough heap to compile the module", start);
        }
        ModuleCode code;
        try {
            code = definer.define(r.classBytes());
        } catch (Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            throw new CompilerUnavailableException("cannot define the compiled class: " + e, e);
        } catch (Throwable e) {
            throw new CompilerUnavailableException("this JVM refuses to define classes at run time: " + e, e);
        }
        int[] resultSlots = new int[m.functionCount()];
        for (int f = 0; f < resultSlots.length; f++) {
            resultSlots[f] = m.functionType(f).resultSlots();
        }
        module.attachTier(new CompiledTier(code, r.compiled(), r.maxResults(), resultSlots));
        int count = 0;
        for (boolean b : r.compiled()) {
            count += b ? 1 : 0;
        }
        return new CompileReport(count, r.interpreted(), r.classBytes().length, System.nanoTime() - start, r.split());
    }

    /** The module keeps running in the interpreter; the report says why for every function. */
    private static CompileReport interpretedOnly(Module m, String why, long start) {
        Map<Integer, String> all = new LinkedHashMap<>();
        for (int f = m.importedFunctionCount(); f < m.functionCount(); f++) {
            all.put(f, why);
        }
        return new CompileReport(0, all, 0, System.nanoTime() - start);
    }

    private void compileQuietly(CompiledModule module) {
        try {
            compile(module);
        } catch (CompilerUnavailableException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "engine auto: " + e.getMessage()
                        + "; modules keep running in the interpreter");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "engine auto: compiling a module failed, it keeps running in the interpreter", e);
        }
    }
}
