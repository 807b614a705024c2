package dev.sandpiper.abi;

import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;

import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.ImportDesc;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.Module;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The static checks of the transform contract, made on the decoded module before anything runs
 * ({@code shared/abi/contract.md}, "Module checks before anything runs"): the only imports are the
 * three host functions of module {@code env} with their exact types; the required exports exist
 * with their exact types; optional exports, when present, have theirs; the initial memory fits the
 * limit.
 */
final class ContractCheck {
    static final String HOST_MODULE = "env";
    static final Map<String, FuncType> HOST_FUNCTIONS = new LinkedHashMap<>();
    static final Map<String, FuncType> REQUIRED = new LinkedHashMap<>();
    static final Map<String, FuncType> OPTIONAL = new LinkedHashMap<>();

    static {
        HOST_FUNCTIONS.put("log", FuncType.of(List.of(I32, I32, I32), List.of()));
        HOST_FUNCTIONS.put("get_metric", FuncType.of(List.of(I32), List.of(I64)));
        HOST_FUNCTIONS.put("record_metric", FuncType.of(List.of(I32, I64), List.of()));
        REQUIRED.put("alloc", FuncType.of(List.of(I32), List.of(I32)));
        REQUIRED.put("transform", FuncType.of(List.of(I32, I32), List.of(I32)));
        REQUIRED.put("output_len", FuncType.of(List.of(), List.of(I32)));
        OPTIONAL.put("init", FuncType.of(List.of(I32, I32), List.of(I32)));
        OPTIONAL.put("shutdown", FuncType.of(List.of(), List.of(I32)));
        // Optional exports of the transform runtime (seed 001): filter before transform, routing.
        OPTIONAL.put("filter", FuncType.of(List.of(I32, I32), List.of(I32)));
        OPTIONAL.put("route", FuncType.of(List.of(I32, I32), List.of(I32)));
    }

    private ContractCheck() {}

    static void check(Module m, WasmConfig config) throws WasmLoadException {
        imports(m);
        exports(m);
        memory(m, config);
    }

    private static void imports(Module m) throws WasmLoadException {
        for (Import imp : m.imports()) {
            String what = imp.module() + "." + imp.name();
            FuncType wanted = HOST_MODULE.equals(imp.module()) ? HOST_FUNCTIONS.get(imp.name()) : null;
            if (wanted == null || !(imp.desc() instanceof ImportDesc.Func f)) {
                throw violation("import " + what + " (" + imp.kind() + ") is not allowed: a transform may import only "
                        + "the functions env.log, env.get_metric and env.record_metric");
            }
            FuncType actual = m.types().get(f.typeIndex());
            if (!actual.equals(wanted)) {
                throw violation("import " + what + " has type " + actual + ", the contract's is " + wanted);
            }
        }
    }

    private static void exports(Module m) throws WasmLoadException {
        Map<String, Export> byName = new LinkedHashMap<>();
        for (Export e : m.exports()) {
            byName.put(e.name(), e);
        }
        Export memory = byName.get("memory");
        if (memory == null) {
            throw violation("export memory is missing: a transform must export its linear memory as \"memory\"");
        }
        if (memory.kind() != ExternKind.MEMORY) {
            throw violation("export memory is a " + memory.kind() + ", not a memory");
        }
        for (Map.Entry<String, FuncType> r : REQUIRED.entrySet()) {
            Export e = byName.get(r.getKey());
            if (e == null) {
                throw violation("export " + r.getKey() + " is missing: the contract requires a function " + r.getKey()
                        + " of type " + r.getValue());
            }
            function(m, e, r.getValue());
        }
        for (Map.Entry<String, FuncType> o : OPTIONAL.entrySet()) {
            Export e = byName.get(o.getKey());
            if (e != null) {
                function(m, e, o.getValue());
            }
        }
    }

    private static void function(Module m, Export e, FuncType wanted) throws WasmLoadException {
        if (e.kind() != ExternKind.FUNC) {
            throw violation("export " + e.name() + " is a " + e.kind() + ", not a function of type " + wanted);
        }
        FuncType actual = m.functionType(e.index());
        if (!actual.equals(wanted)) {
            throw violation("export " + e.name() + " has type " + actual + ", the contract's is " + wanted);
        }
    }

    private static void memory(Module m, WasmConfig config) throws WasmLoadException {
        for (MemoryType mem : m.memories()) {
            long min = mem.limits().min();
            if (min > config.memoryLimitPages()) {
                throw violation("initial memory of " + min + " pages (" + (min * 64) + " KiB) exceeds memory_limit_mb "
                        + config.memoryLimitMb() + " (" + config.memoryLimitPages() + " pages)");
            }
        }
    }

    private static WasmLoadException violation(String message) {
        return new WasmLoadException(WasmLoadException.Kind.CONTRACT, message);
    }
}
