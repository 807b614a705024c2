package dev.sandpiper.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/** Assertions shared by the validator's tests: modules are built with {@link ModuleBytes}, decoded, validated. */
final class Validation {
    private Validation() {}

    static ValidatedModule validate(byte[] bytes) {
        return ModuleValidator.validate(ModuleDecoder.decode(bytes));
    }

    /** Decoded and validated with only {@code features}. */
    static ValidatedModule valid(ModuleBytes mb, Features features) {
        return ModuleValidator.validate(ModuleDecoder.decode(mb.build(), features));
    }

    /** Invalid at module level when decoded with only {@code features} (2.0's rules, for instance). */
    static InvalidModuleException invalidModule(ModuleBytes mb, String prefix, Features features) {
        Module m = ModuleDecoder.decode(mb.build(), features);
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> ModuleValidator.validate(m));
        assertTrue(e.reason().startsWith(prefix), () -> "expected \"" + prefix + "...\", got: " + e.getMessage());
        assertEquals(InvalidModuleException.NO_FUNCTION, e.functionIndex(), e.getMessage());
        return e;
    }

    static ValidatedModule valid(ModuleBytes mb) {
        return validate(mb.build());
    }

    /** The module decodes, and validation fails with a reason opening with {@code prefix} (the spec suite's wording). */
    static InvalidModuleException invalid(byte[] bytes, String prefix) {
        Module m = ModuleDecoder.decode(bytes);
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> ModuleValidator.validate(m));
        assertTrue(e.reason().startsWith(prefix), () -> "expected \"" + prefix + "...\", got: " + e.getMessage());
        return e;
    }

    static InvalidModuleException invalid(ModuleBytes mb, String prefix) {
        return invalid(mb.build(), prefix);
    }

    /** Invalid outside any function body, at module level. */
    static InvalidModuleException invalidModule(ModuleBytes mb, String prefix) {
        InvalidModuleException e = invalid(mb, prefix);
        assertEquals(InvalidModuleException.NO_FUNCTION, e.functionIndex(), e.getMessage());
        return e;
    }

    /**
     * Invalid in the body of defined function {@code defined}, at the instruction {@code relative}
     * bytes into its code; the reported function index counts imported functions.
     */
    static InvalidModuleException invalidAt(ModuleBytes mb, String prefix, int defined, int relative) {
        byte[] bytes = mb.build();
        InvalidModuleException e = invalid(bytes, prefix);
        Module m = ModuleDecoder.decode(bytes);
        assertEquals(m.importedFunctionCount() + defined, e.functionIndex(), () -> "function of: " + e.getMessage());
        assertEquals(mb.bodyStart(defined) + relative, e.offset(), () -> "offset of: " + e.getMessage());
        return e;
    }

    /** A module whose type 0 is {@code params -> results} and whose function 0 has that type and {@code body}. */
    static ModuleBytes func(List<ValType> params, List<ValType> results, Code body) {
        return ModuleBytes.module().type(params, results).function(0, body);
    }

    /** Same, with locals. */
    static ModuleBytes func(List<ValType> params, List<ValType> results, ValType[] locals, Code body) {
        return ModuleBytes.module().type(params, results).function(0, locals, body);
    }

    /** A function of type [] -> [] with {@code body}, in a module that also has {@code extra} around it. */
    static ModuleBytes voidFunc(Code body) {
        return func(List.of(), List.of(), body);
    }
}
