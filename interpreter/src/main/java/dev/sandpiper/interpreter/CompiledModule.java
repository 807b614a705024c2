package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.DefinedTypes;
import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.interpreter.code.CodeTranslator;
import dev.sandpiper.interpreter.code.FunctionCode;
import dev.sandpiper.validator.ModuleValidator;
import dev.sandpiper.validator.ValidatedModule;
import java.util.List;

/**
 * A module decoded, validated and translated for the interpreter, once. Immutable and safe to share
 * between threads: instantiate it as often as needed ({@link Linker#instantiate}).
 */
public final class CompiledModule {
    private final Module module;
    private final FunctionCode[] codes;
    /** The closed id of each type index ({@link DefinedTypes}). */
    private final int[] typeIds;
    private final byte[][] data;
    /** Layouts of the structure and array types (3.0 GC). */
    private final GcTypes gcTypes;
    /** The second tier, once attached; instances switch to it between calls. */
    private volatile ModuleTier tier;
    /** Interpreted work so far (instructions plus calls), for a tier-up policy. */
    private long work;
    private long hotThreshold = Long.MAX_VALUE;
    private Runnable onHot;

    private CompiledModule(ValidatedModule validated) {
        this.module = validated.module();
        this.typeIds = DefinedTypes.ids(module.recTypes());
        this.gcTypes = new GcTypes(module.recTypes(), typeIds);
        CodeTranslator translator = new CodeTranslator(validated, typeIds);
        this.codes = new FunctionCode[module.definedFunctionCount()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = translator.translate(i);
        }
        this.data = new byte[module.data().size()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = module.copyData(module.data().get(i));
        }
    }

    /**
     * Decodes, validates and translates a binary module.
     *
     * @throws dev.sandpiper.decoder.MalformedModuleException if the bytes are not a module
     * @throws dev.sandpiper.validator.InvalidModuleException if the module is not valid
     */
    public static CompiledModule compile(byte[] bytes) {
        return compile(bytes, Features.all());
    }

    /**
     * Decodes, validates and translates a binary module that may use only the proposals
     * {@code features} enables; a module using another fails with an error naming its feature.
     *
     * @throws dev.sandpiper.decoder.MalformedModuleException if the bytes are not a module, or use
     *     an instruction of a feature not enabled
     * @throws dev.sandpiper.validator.InvalidModuleException if the module is not valid, or needs a
     *     feature not enabled to be (more than one memory, arithmetic in a constant expression)
     */
    public static CompiledModule compile(byte[] bytes, Features features) {
        try {
            return new CompiledModule(ModuleValidator.validate(ModuleDecoder.decode(bytes, features)));
        } catch (OutOfMemoryError heapFull) {
            throw tooLarge(bytes.length);
        }
    }

    /** Translates an already validated module. */
    public static CompiledModule compile(ValidatedModule validated) {
        try {
            return new CompiledModule(validated);
        } catch (OutOfMemoryError heapFull) {
            throw tooLarge(validated.module().byteSize());
        }
    }

    private static ModuleTooLargeException tooLarge(int bytes) {
        // What was allocated for the module is garbage once this unwinds; the host goes on.
        return new ModuleTooLargeException("not enough heap to load a module of " + bytes + " bytes (max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
    }

    /**
     * The closed id of type {@code typeIndex} of the module: equal for the same type in any module
     * (spec 3.0, Matching > Defined Types), what {@code call_indirect} and function imports compare.
     */
    int typeId(int typeIndex) {
        return typeIds[typeIndex];
    }

    /** For a reference type naming a type index, that type's closed id; else -1. */
    int heapId(dev.sandpiper.decoder.model.ValType t) {
        return t.isConcrete() ? typeIds[t.heapType()] : -1;
    }

    /** The decoded module. */
    public Module module() {
        return module;
    }

    public List<Import> imports() {
        return module.imports();
    }

    public List<Export> exports() {
        return module.exports();
    }

    /** The type of the exported function {@code name}, or null when there is no such function export. */
    public FuncType exportedFunctionType(String name) {
        for (Export e : module.exports()) {
            if (e.name().equals(name) && e.kind() == ExternKind.FUNC) {
                return module.functionType(e.index());
            }
        }
        return null;
    }

    /** Translated code of defined function {@code definedIndex}. */
    public FunctionCode code(int definedIndex) {
        return codes[definedIndex];
    }

    // ---- a second tier ----

    /**
     * Attaches a second tier: instances created afterwards run the functions it {@linkplain
     * InstanceTier#runs runs} there, and existing instances switch to it at their next call from
     * outside (never in the middle of a call's own frames). Safe from any thread.
     */
    public void attachTier(ModuleTier newTier) {
        this.tier = newTier;
    }

    /** The attached second tier, or null. */
    public ModuleTier tier() {
        return tier;
    }

    /**
     * Asks to be told once when the module is hot: {@code action} runs (on the calling thread, so it
     * should only hand work off) when the interpreted work done by calls into the module's instances
     * (instructions executed plus one per call) passes {@code threshold}.
     */
    public synchronized void onHot(long threshold, Runnable action) {
        this.hotThreshold = threshold;
        this.onHot = action;
    }

    /**
     * Adds interpreted work; runs the hot action once when the threshold is passed. Racy by design
     * (instances on several threads may lose a count): it only decides when to tier up.
     */
    void noteWork(long amount) {
        long w = work + amount;
        work = w;
        if (w >= hotThreshold) {
            Runnable action;
            synchronized (this) {
                action = onHot;
                onHot = null;
                hotThreshold = Long.MAX_VALUE;
            }
            if (action != null) {
                action.run();
            }
        }
    }

    byte[] data(int segment) {
        return data[segment];
    }

    GcTypes gcTypes() {
        return gcTypes;
    }
}
