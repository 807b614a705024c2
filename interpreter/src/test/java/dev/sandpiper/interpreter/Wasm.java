package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.name;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static dev.sandpiper.decoder.ModuleBytes.vec;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the interpreter's tests: building, compiling and instantiating modules. */
final class Wasm {
    private Wasm() {}

    static List<ValType> types(ValType... types) {
        return List.of(types);
    }

    static FuncType funcType(List<ValType> params, List<ValType> results) {
        return FuncType.of(params, results);
    }

    static CompiledModule compile(ModuleBytes module) {
        return CompiledModule.compile(module.build());
    }

    /** Instantiates {@code module} with no imports in a fresh store with default limits. */
    static Instance instantiate(ModuleBytes module) {
        return instantiate(new Store(), module);
    }

    /** Instantiates {@code module} with no imports in {@code store}. */
    static Instance instantiate(Store store, ModuleBytes module) {
        return new Linker(store).instantiate(compile(module));
    }

    /**
     * Adds a {@code name} custom section naming functions {@code 0..n-1} (spec 2.0, Appendix >
     * Custom Sections > Name Section: subsection 1, a name map); a null entry stays unnamed.
     */
    static ModuleBytes withFunctionNames(ModuleBytes module, String... names) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                entries.add(concat(u32(i), name(names[i])));
            }
        }
        byte[] map = vec(entries);
        return module.custom("name", concat(ModuleBytes.bytes(1), u32(map.length), map));
    }

    /** {@code f32.const} with exactly these bits (a NaN payload is written as is). */
    static Code f32Const(Code code, int bits) {
        code.op(Opcode.F32_CONST);
        for (int i = 0; i < 4; i++) {
            code.raw(bits >>> (8 * i));
        }
        return code;
    }

    /** {@code f64.const} with exactly these bits. */
    static Code f64Const(Code code, long bits) {
        code.op(Opcode.F64_CONST);
        for (int i = 0; i < 8; i++) {
            code.raw((int) (bits >>> (8 * i)));
        }
        return code;
    }
}
