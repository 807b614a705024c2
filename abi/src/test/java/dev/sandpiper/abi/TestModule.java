package dev.sandpiper.abi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small WebAssembly modules for the static contract checks, so each test states the one way its module
 * differs from a conforming transform. Function bodies only return zeros: these modules are meant to be loaded (or
 * rejected), and a conforming one run at most once. Signatures are written like {@code "i32 i32 -> i32"},
 * {@code "-> i32"}, {@code "i32 ->"}.
 */
final class TestModule {
    private record Sig(byte[] params, byte[] results) {
    }

    private record Imp(String module, String name, int kind, Sig sig) {
    }

    /** An export: kind 0 function (sig; its result is {@code value}), 2 memory, 3 global. */
    private record Exp(int kind, Sig sig, long value) {
        Exp(int kind, Sig sig) {
            this(kind, sig, 0);
        }
    }

    private final List<Imp> imports = new ArrayList<>();
    private final Map<String, Exp> exports = new LinkedHashMap<>();
    private long memoryMin = 1;
    private long memoryMax = -1;
    private boolean definesMemory = true;

    private TestModule() {
    }

    /** A module that meets the contract: memory "memory" of one page; alloc, transform, output_len. */
    static TestModule conforming() {
        TestModule m = new TestModule();
        m.exports.put("memory", new Exp(2, null));
        m.function("alloc", "i32 -> i32");
        m.function("transform", "i32 i32 -> i32");
        m.function("output_len", "-> i32");
        return m;
    }

    /** Exports a function named {@code name} with the signature, replacing any export of that name. */
    TestModule function(String name, String signature) {
        exports.put(name, new Exp(0, sig(signature)));
        return this;
    }

    /** Makes the exported function {@code name} (with one i32 or i64 result) return {@code value}. */
    TestModule returning(String name, long value) {
        Exp e = exports.get(name);
        exports.put(name, new Exp(e.kind, e.sig, value));
        return this;
    }

    /** Exports an i32 global named {@code name}, replacing any export of that name. */
    TestModule global(String name) {
        exports.put(name, new Exp(3, null));
        return this;
    }

    /** Exports the memory under {@code name} too, replacing any export of that name. */
    TestModule memoryExport(String name) {
        exports.put(name, new Exp(2, null));
        return this;
    }

    TestModule without(String export) {
        exports.remove(export);
        return this;
    }

    TestModule memory(long minPages) {
        this.memoryMin = minPages;
        return this;
    }

    TestModule memory(long minPages, long maxPages) {
        this.memoryMin = minPages;
        this.memoryMax = maxPages;
        return this;
    }

    TestModule importFunction(String module, String name, String signature) {
        imports.add(new Imp(module, name, 0, sig(signature)));
        return this;
    }

    TestModule importTable(String module, String name) {
        imports.add(new Imp(module, name, 1, null));
        return this;
    }

    /** Imports the module's memory instead of defining it (the export "memory" then refers to the import). */
    TestModule importMemory(String module, String name) {
        imports.add(new Imp(module, name, 2, null));
        definesMemory = false;
        return this;
    }

    TestModule importGlobal(String module, String name) {
        imports.add(new Imp(module, name, 3, null));
        return this;
    }

    /** Loads the module with the contract's defaults. */
    WasmModule load() throws WasmLoadException {
        return load(WasmConfig.builder().name("test-module"));
    }

    WasmModule load(WasmConfig.Builder config) throws WasmLoadException {
        return WasmModule.load(bytes(), config.build());
    }

    // ---- encoding (WebAssembly 2.0 binary format) ----

    byte[] bytes() {
        List<Sig> types = new ArrayList<>();
        List<Integer> funcTypes = new ArrayList<>();
        Map<String, Integer> exportIndex = new LinkedHashMap<>();
        int importedFuncs = 0;
        for (Imp i : imports) {
            if (i.kind == 0) {
                importedFuncs++;
            }
        }
        int globals = 0;
        for (Map.Entry<String, Exp> e : exports.entrySet()) {
            Exp x = e.getValue();
            switch (x.kind) {
                case 0 -> {
                    funcTypes.add(typeIndex(types, x.sig));
                    exportIndex.put(e.getKey(), importedFuncs + funcTypes.size() - 1);
                }
                case 3 -> exportIndex.put(e.getKey(), globals++);
                default -> exportIndex.put(e.getKey(), 0);
            }
        }
        List<Integer> importTypes = new ArrayList<>();
        for (Imp i : imports) {
            importTypes.add(i.kind == 0 ? typeIndex(types, i.sig) : -1);
        }

        Out module = new Out();
        module.bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);

        Out type = new Out().u32(types.size());
        for (Sig s : types) {
            type.bytes(0x60).u32(s.params.length).raw(s.params).u32(s.results.length).raw(s.results);
        }
        module.section(1, type);

        if (!imports.isEmpty()) {
            Out imp = new Out().u32(imports.size());
            for (int n = 0; n < imports.size(); n++) {
                Imp i = imports.get(n);
                imp.name(i.module).name(i.name).bytes(i.kind);
                switch (i.kind) {
                    case 0 -> imp.u32(importTypes.get(n));
                    case 1 -> imp.bytes(0x70, 0x00).u32(0);
                    case 2 -> imp.bytes(0x00).u32(1);
                    default -> imp.bytes(0x7F, 0x00);
                }
            }
            module.section(2, imp);
        }

        Out func = new Out().u32(funcTypes.size());
        funcTypes.forEach(func::u32);
        module.section(3, func);

        if (definesMemory) {
            Out mem = new Out().u32(1);
            if (memoryMax < 0) {
                mem.bytes(0x00).u32(memoryMin);
            } else {
                mem.bytes(0x01).u32(memoryMin).u32(memoryMax);
            }
            module.section(5, mem);
        }

        if (globals > 0) {
            Out glob = new Out().u32(globals);
            for (int g = 0; g < globals; g++) {
                glob.bytes(0x7F, 0x00, 0x41, 0x00, 0x0B); // i32, immutable, i32.const 0, end
            }
            module.section(6, glob);
        }

        Out exp = new Out().u32(exports.size());
        for (Map.Entry<String, Exp> e : exports.entrySet()) {
            exp.name(e.getKey()).bytes(e.getValue().kind).u32(exportIndex.get(e.getKey()));
        }
        module.section(7, exp);

        Out code = new Out().u32(funcTypes.size());
        for (Exp x : exports.values()) {
            if (x.kind != 0) {
                continue;
            }
            Out body = new Out().u32(0); // no locals
            for (byte r : x.sig.results) {
                switch (r) {
                    case 0x7F -> body.bytes(0x41).s64(x.value);
                    case 0x7E -> body.bytes(0x42).s64(x.value);
                    case 0x7D -> body.bytes(0x43, 0, 0, 0, 0);
                    default -> body.bytes(0x44, 0, 0, 0, 0, 0, 0, 0, 0);
                }
            }
            body.bytes(0x0B);
            code.u32(body.size()).raw(body.toByteArray());
        }
        module.section(10, code);
        return module.toByteArray();
    }

    private static int typeIndex(List<Sig> types, Sig s) {
        for (int i = 0; i < types.size(); i++) {
            Sig t = types.get(i);
            if (java.util.Arrays.equals(t.params, s.params) && java.util.Arrays.equals(t.results, s.results)) {
                return i;
            }
        }
        types.add(s);
        return types.size() - 1;
    }

    private static Sig sig(String text) {
        String[] sides = text.split("->", -1);
        if (sides.length != 2) {
            throw new IllegalArgumentException("signature needs one ->: " + text);
        }
        return new Sig(valTypes(sides[0]), valTypes(sides[1]));
    }

    private static byte[] valTypes(String list) {
        String trimmed = list.trim();
        if (trimmed.isEmpty()) {
            return new byte[0];
        }
        String[] names = trimmed.split("\\s+");
        byte[] out = new byte[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = switch (names[i]) {
                case "i32" -> 0x7F;
                case "i64" -> 0x7E;
                case "f32" -> 0x7D;
                case "f64" -> 0x7C;
                default -> throw new IllegalArgumentException("value type " + names[i]);
            };
        }
        return out;
    }

    private static final class Out extends ByteArrayOutputStream {
        Out bytes(int... values) {
            for (int v : values) {
                write(v);
            }
            return this;
        }

        Out raw(byte[] b) {
            write(b, 0, b.length);
            return this;
        }

        Out u32(long value) {
            long v = value;
            do {
                int b = (int) (v & 0x7F);
                v >>>= 7;
                write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }

        Out s64(long value) {
            long v = value;
            while (true) {
                int b = (int) (v & 0x7F);
                v >>= 7;
                boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
                write(done ? b : b | 0x80);
                if (done) {
                    return this;
                }
            }
        }

        Out name(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return u32(b.length).raw(b);
        }

        Out section(int id, Out content) {
            return bytes(id).u32(content.size()).raw(content.toByteArray());
        }
    }
}
