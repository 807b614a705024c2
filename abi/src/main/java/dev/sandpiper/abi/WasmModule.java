package dev.sandpiper.abi;

import dev.sandpiper.compiler.CompilerUnavailableException;
import dev.sandpiper.compiler.Engine;
import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.compiler.runtime.CompiledTier;
import dev.sandpiper.decoder.ImplementationLimits;
import dev.sandpiper.decoder.WasmException;
import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.MemoryBudget;
import dev.sandpiper.text.TextFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A transform module, loaded once: read, decoded, validated, checked against the contract,
 * translated and prepared for its {@linkplain WasmConfig#engine engine} (compiled to JVM bytecode
 * now with {@link Engine#COMPILER}, once hot with {@link Engine#AUTO}). Immutable and safe to share
 * between threads; create as many {@link WasmRuntime}s from it as needed (one per thread, or a
 * {@link WasmRuntimePool}): they all run the one translated module, so its compiled code is
 * defined once and shared.
 */
public final class WasmModule {
    private final WasmConfig config;
    private final CompiledModule compiled;
    private final Set<String> exports;
    private volatile WasmRuntimePool shared;

    private WasmModule(WasmConfig config, CompiledModule compiled) {
        this.config = config;
        this.compiled = compiled;
        this.exports = new HashSet<>();
        for (Export e : compiled.exports()) {
            exports.add(e.name());
        }
    }

    /** Loads {@code config.modulePath()}. */
    public static WasmModule load(WasmConfig config) throws WasmLoadException {
        if (config.modulePath() == null) {
            throw new WasmLoadException(WasmLoadException.Kind.CONFIG, "module_path: not set");
        }
        return load(config.modulePath(), config);
    }

    /** Loads a module file; {@code config}'s module path is replaced by {@code path}. */
    public static WasmModule load(Path path, WasmConfig config) throws WasmLoadException {
        WasmConfig c = config.modulePath() == path ? config : config.toBuilder().modulePath(path).build();
        checkConfig(c);
        String file = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!ModuleSource.isModuleName(file)) {
            throw new WasmLoadException(WasmLoadException.Kind.CONFIG, "module_path: " + path
                    + " does not end in .wasm or .wat");
        }
        if (!Files.isRegularFile(path)) {
            throw new WasmLoadException(WasmLoadException.Kind.CONFIG, "module_path: " + path + " does not exist");
        }
        byte[] bytes;
        try {
            bytes = ImplementationLimits.readModule(path);
        } catch (IOException e) {
            throw new WasmLoadException(WasmLoadException.Kind.CONFIG, "module_path: cannot read " + path + ": " + e, e);
        }
        return compile(bytes, path.toString(), c, WasmCompiler.standard());
    }

    /**
     * Loads a module from its bytes: a binary ({@code \0asm...}) or, anything else, the text format
     * ({@link ModuleSource}); text errors read {@code NAME:LINE:COL: message} with the config's name.
     */
    public static WasmModule load(byte[] bytes, WasmConfig config) throws WasmLoadException {
        return load(bytes, config, WasmCompiler.standard());
    }

    /** Loads a module from its bytes, preparing it for its engine with {@code compiler} (tests give their own). */
    static WasmModule load(byte[] bytes, WasmConfig config, WasmCompiler compiler) throws WasmLoadException {
        checkConfig(config);
        return compile(bytes, config.name(), config, compiler);
    }

    private static WasmModule compile(byte[] bytes, String fileName, WasmConfig config, WasmCompiler compiler)
            throws WasmLoadException {
        CompiledModule compiled;
        try {
            compiled = CompiledModule.compile(ModuleSource.toBinary(bytes, fileName));
        } catch (TextFormatException e) {
            throw new WasmLoadException(WasmLoadException.Kind.MODULE, e.getMessage(), e);
        } catch (WasmException | UnsupportedOperationException e) {
            throw new WasmLoadException(WasmLoadException.Kind.MODULE, config.name() + ": " + e.getMessage(), e);
        }
        ContractCheck.check(compiled.module(), config);
        try {
            compiler.prepare(compiled, config.engine());
        } catch (CompilerUnavailableException e) {
            throw new WasmLoadException(WasmLoadException.Kind.CONFIG, "engine: " + config.engine()
                    + " is unavailable: " + e.getMessage() + " (use engine interpreter or auto)", e);
        }
        return new WasmModule(config, compiled);
    }

    private static void checkConfig(WasmConfig c) throws WasmLoadException {
        if (c.timeoutMs() <= 0) {
            throw new WasmLoadException(WasmLoadException.Kind.CONFIG, "timeout_ms: must be positive, not " + c.timeoutMs());
        }
        int maxMb = ExecutionLimits.MAX_MEMORY_PAGES / 16;
        if (c.memoryLimitMb() <= 0 || c.memoryLimitMb() > maxMb) {
            throw new WasmLoadException(WasmLoadException.Kind.CONFIG,
                    "memory_limit_mb: must be 1.." + maxMb + ", not " + c.memoryLimitMb());
        }
        if (c.fuel() <= 0 && c.fuel() != WasmConfig.NO_FUEL_LIMIT) {
            throw new WasmLoadException(WasmLoadException.Kind.CONFIG, "fuel: must be positive, not " + c.fuel());
        }
    }

    public WasmConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    /** The engine the module was loaded for. */
    public Engine engine() {
        return config.engine();
    }

    /**
     * Whether the module's code is compiled to JVM bytecode by now: from the load with
     * {@link Engine#COMPILER}, once it is hot with {@link Engine#AUTO}, never with
     * {@link Engine#INTERPRETER}. Runtimes switch to compiled code between calls.
     */
    public boolean isCompiled() {
        return compiled.tier() instanceof CompiledTier;
    }

    /** The seed's {@code timeout_ms()}. */
    public long timeoutMs() {
        return config.timeoutMs();
    }

    /** Whether the module exports {@code name} (e.g. the optional {@code filter} or {@code route}). */
    public boolean exports(String name) {
        return exports.contains(name);
    }

    /**
     * The seed's {@code WasmModule::transform}: transforms one event on a pool of runtimes this module
     * keeps (one per available processor, created on first use), from any thread.
     *
     * @return the output event, or empty when the guest filtered the event out
     * @throws TransformException if the transform failed
     */
    public java.util.Optional<Event> transform(Event event) throws TransformException {
        WasmRuntimePool pool = shared;
        if (pool == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = new WasmRuntimePool(this, Runtime.getRuntime().availableProcessors());
                }
                pool = shared;
            }
        }
        TransformResult r = pool.transform(event);
        if (r instanceof TransformResult.Failed f) {
            throw new TransformException(f.error());
        }
        return r instanceof TransformResult.Ok ok ? java.util.Optional.of(ok.event()) : java.util.Optional.empty();
    }

    /**
     * A new runtime: one instance of this module, created lazily on its first use, its memory
     * reserved from {@link MemoryBudget#shared()}.
     */
    public WasmRuntime newRuntime() {
        return new WasmRuntime(this, MemoryBudget.shared());
    }

    /**
     * A new runtime whose instances reserve their memory from {@code budget}: give every runtime
     * of one deployment (or one command) the same budget, so together they cannot take more.
     */
    public WasmRuntime newRuntime(MemoryBudget budget) {
        return new WasmRuntime(this, budget);
    }

    /** Bytes of linear memory one instance starts with (its memory's minimum, in 64 KiB pages). */
    public long initialMemoryBytes() {
        long bytes = 0;
        for (MemoryType m : compiled.module().memories()) {
            bytes += m.limits().min() * PAGE_BYTES;
        }
        return bytes;
    }

    /**
     * Checks that {@code instances} instances' initial memories fit in what {@code budget} has free
     * now, so a deployment that could never run is refused up front rather than failing event by event.
     *
     * @throws WasmLoadException ({@link WasmLoadException.Kind#CONFIG}) naming the numbers when they do not
     */
    public void checkFits(int instances, MemoryBudget budget) throws WasmLoadException {
        long each = initialMemoryBytes();
        long need = each * instances;
        long free = budget.capacity() - budget.used();
        if (need > free) {
            throw new WasmLoadException(WasmLoadException.Kind.CONFIG, instances + " instance"
                    + (instances == 1 ? "" : "s") + " of " + name() + " need " + instances + " x "
                    + MemoryBudget.mib(each) + " MiB = " + MemoryBudget.mib(need) + " MiB of initial memory, more than "
                    + "the memory budget has free (" + budget.describe() + ")");
        }
    }

    private static final long PAGE_BYTES = 64 * 1024;

    CompiledModule compiled() {
        return compiled;
    }
}
