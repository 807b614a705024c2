package dev.sandpiper.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * contract.md, "Module checks before anything runs": every static check, on modules that differ from a conforming
 * transform in one way, each rejected at load (a {@link WasmLoadException} of kind CONTRACT) with a message naming
 * the offending import or export.
 */
class ContractCheckTest {
    private static final String ONLY_HOST_FUNCTIONS =
            "is not allowed: a transform may import only the functions env.log, env.get_metric and env.record_metric";

    private static WasmLoadException rejected(TestModule module) {
        WasmLoadException e = assertThrows(WasmLoadException.class, module::load);
        assertEquals(WasmLoadException.Kind.CONTRACT, e.kind(), e::getMessage);
        return e;
    }

    private static void assertRejected(String message, TestModule module) {
        assertEquals(message, rejected(module).getMessage());
    }

    @Test
    void aConformingModuleLoadsAndRuns() throws Exception {
        WasmModule m = TestModule.conforming().load();
        // transform returns 0 and output_len 0: filtered, per the contract's order of checks
        try (WasmRuntime r = m.newRuntime()) {
            Guests.assertFiltered(r.transform(Guests.event(1)));
        }
    }

    // ---- imports ----

    @Test
    void theThreeHostFunctionsWithTheirExactTypesAreAccepted() throws Exception {
        TestModule.conforming()
                .importFunction("env", "log", "i32 i32 i32 ->")
                .importFunction("env", "get_metric", "i32 -> i64")
                .importFunction("env", "record_metric", "i32 i64 ->")
                .load();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
        "env, fd_write",                    // a name outside the three
        "env, abort",
        "env, Log",                         // names are case-sensitive
        "wasi_snapshot_preview1, fd_write", // WASI
        "wasi_snapshot_preview1, log",
        "host, log",                        // an allowed name from another module
        "ENV, log",                         // module names are case-sensitive
        "'', log"})
    void aFunctionImportOutsideTheThreeIsRejectedNamingModuleDotName(String module, String name) {
        assertRejected("import " + module + "." + name + " (func) " + ONLY_HOST_FUNCTIONS,
                TestModule.conforming().importFunction(module, name, "i32 i32 i32 ->"));
    }

    @Test
    void aWasiImportIsRejectedEvenBesideAllowedOnes() {
        assertRejected("import wasi_snapshot_preview1.proc_exit (func) " + ONLY_HOST_FUNCTIONS,
                TestModule.conforming()
                        .importFunction("env", "log", "i32 i32 i32 ->")
                        .importFunction("wasi_snapshot_preview1", "proc_exit", "i32 ->"));
    }

    @Test
    void aMemoryImportIsRejected() {
        assertRejected("import env.memory (memory) " + ONLY_HOST_FUNCTIONS,
                TestModule.conforming().importMemory("env", "memory"));
    }

    @Test
    void aTableImportIsRejected() {
        assertRejected("import env.__indirect_function_table (table) " + ONLY_HOST_FUNCTIONS,
                TestModule.conforming().importTable("env", "__indirect_function_table"));
    }

    @Test
    void aGlobalImportIsRejectedEvenUnderAnAllowedName() {
        assertRejected("import env.log (global) " + ONLY_HOST_FUNCTIONS,
                TestModule.conforming().importGlobal("env", "log"));
    }

    @ParameterizedTest(name = "env.{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "log|i32 i32 ->|[i32, i32] -> []|[i32, i32, i32] -> []",
        "log|i32 i32 i32 -> i32|[i32, i32, i32] -> [i32]|[i32, i32, i32] -> []",
        "log|i64 i32 i32 ->|[i64, i32, i32] -> []|[i32, i32, i32] -> []",
        "get_metric|i32 -> i32|[i32] -> [i32]|[i32] -> [i64]",
        "get_metric|i32 i32 -> i64|[i32, i32] -> [i64]|[i32] -> [i64]",
        "record_metric|i32 i32 ->|[i32, i32] -> []|[i32, i64] -> []",
        "record_metric|i32 i64 -> i64|[i32, i64] -> [i64]|[i32, i64] -> []"})
    void aHostFunctionImportWithAnotherTypeIsRejectedNamingBothTypes(String name, String signature, String actual,
            String wanted) {
        assertRejected("import env." + name + " has type " + actual + ", the contract's is " + wanted,
                TestModule.conforming().importFunction("env", name, signature));
    }

    // ---- required exports ----

    @Test
    void aMissingMemoryExportIsRejected() {
        assertRejected("export memory is missing: a transform must export its linear memory as \"memory\"",
                TestModule.conforming().without("memory"));
    }

    @Test
    void aMemoryExportThatIsAFunctionIsRejected() {
        assertRejected("export memory is a func, not a memory",
                TestModule.conforming().function("memory", "->"));
    }

    @Test
    void aMemoryExportThatIsAGlobalIsRejected() {
        assertRejected("export memory is a global, not a memory", TestModule.conforming().global("memory"));
    }

    @ParameterizedTest
    @CsvSource({"alloc, [i32] -> [i32]", "transform, '[i32, i32] -> [i32]'", "output_len, [] -> [i32]"})
    void aMissingRequiredFunctionIsRejectedNamingItAndItsType(String name, String type) {
        assertRejected("export " + name + " is missing: the contract requires a function " + name + " of type " + type,
                TestModule.conforming().without(name));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "alloc|i64 -> i32|[i64] -> [i32]|[i32] -> [i32]",
        "alloc|i32 ->|[i32] -> []|[i32] -> [i32]",
        "alloc|i32 -> i64|[i32] -> [i64]|[i32] -> [i32]",
        "transform|i32 -> i32|[i32] -> [i32]|[i32, i32] -> [i32]",
        "transform|i32 i32 -> i64|[i32, i32] -> [i64]|[i32, i32] -> [i32]",
        "transform|i32 i32 i32 -> i32|[i32, i32, i32] -> [i32]|[i32, i32] -> [i32]",
        "output_len|->|[] -> []|[] -> [i32]",
        "output_len|i32 -> i32|[i32] -> [i32]|[] -> [i32]",
        "output_len|-> f32|[] -> [f32]|[] -> [i32]"})
    void aRequiredFunctionWithAnotherTypeIsRejectedNamingBothTypes(String name, String signature, String actual,
            String wanted) {
        assertRejected("export " + name + " has type " + actual + ", the contract's is " + wanted,
                TestModule.conforming().function(name, signature));
    }

    @Test
    void aRequiredFunctionExportedAsAGlobalIsRejected() {
        assertRejected("export alloc is a global, not a function of type [i32] -> [i32]",
                TestModule.conforming().global("alloc"));
    }

    @Test
    void aRequiredFunctionExportedAsTheMemoryIsRejected() {
        assertRejected("export transform is a memory, not a function of type [i32, i32] -> [i32]",
                TestModule.conforming().memoryExport("transform"));
    }

    // ---- optional exports ----

    @Test
    void optionalExportsWithTheirTypesAreAccepted() throws Exception {
        TestModule.conforming()
                .function("init", "i32 i32 -> i32")
                .function("shutdown", "-> i32")
                .function("filter", "i32 i32 -> i32")
                .function("route", "i32 i32 -> i32")
                .load();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "init|i32 -> i32|[i32] -> [i32]|[i32, i32] -> [i32]",
        "init|i32 i32 ->|[i32, i32] -> []|[i32, i32] -> [i32]",
        "init|->|[] -> []|[i32, i32] -> [i32]",
        "shutdown|-> i64|[] -> [i64]|[] -> [i32]",
        "shutdown|->|[] -> []|[] -> [i32]",
        "shutdown|i32 -> i32|[i32] -> [i32]|[] -> [i32]",
        // seed 001's optional exports, which this runtime also checks
        "filter|i32 -> i32|[i32] -> [i32]|[i32, i32] -> [i32]",
        "route|i32 i32 -> i64|[i32, i32] -> [i64]|[i32, i32] -> [i32]"})
    void anOptionalFunctionWithAnotherTypeIsRejected(String name, String signature, String actual, String wanted) {
        assertRejected("export " + name + " has type " + actual + ", the contract's is " + wanted,
                TestModule.conforming().function(name, signature));
    }

    @Test
    void anOptionalExportThatIsNotAFunctionIsRejected() {
        assertRejected("export init is a global, not a function of type [i32, i32] -> [i32]",
                TestModule.conforming().global("init"));
        assertRejected("export shutdown is a memory, not a function of type [] -> [i32]",
                TestModule.conforming().memoryExport("shutdown"));
    }

    @Test
    void extraExportsAreAllowedAndIgnored() throws Exception {
        WasmModule m = TestModule.conforming()
                .global("__data_end")
                .global("__heap_base")
                .function("helper", "i64 f64 -> f32")
                .memoryExport("memory_alias")
                .load();
        assertTrue(m.exports("helper"));
    }

    // ---- memory ----

    @Test
    void initialMemoryAtTheLimitIsAccepted() throws Exception {
        TestModule.conforming().memory(256).load(); // 16 MiB, the default limit
        TestModule.conforming().memory(16).load(WasmConfig.builder().memoryLimitMb(1));
    }

    @Test
    void initialMemoryAboveTheLimitIsRejected() {
        assertRejected("initial memory of 257 pages (16448 KiB) exceeds memory_limit_mb 16 (256 pages)",
                TestModule.conforming().memory(257));
        WasmLoadException e = assertThrows(WasmLoadException.class,
                () -> TestModule.conforming().memory(17).load(WasmConfig.builder().memoryLimitMb(1)));
        assertEquals("initial memory of 17 pages (1088 KiB) exceeds memory_limit_mb 1 (16 pages)", e.getMessage());
    }

    @Test
    void aDeclaredMaximumAboveTheLimitIsAccepted() throws Exception {
        // decision 1: only the initial size is checked; growth is capped at run time (MemoryLimitTest)
        TestModule.conforming().memory(1, 65536).load();
    }

    @Test
    void theRustExamplesStartAt17PagesSoALimitOf1MibRejectsThem() {
        WasmLoadException e = assertThrows(WasmLoadException.class,
                () -> WasmModule.load(Guests.config(Guests.example("mask-pii")).memoryLimitMb(1).build()));
        assertEquals(WasmLoadException.Kind.CONTRACT, e.kind());
        assertEquals("initial memory of 17 pages (1088 KiB) exceeds memory_limit_mb 1 (16 pages)", e.getMessage());
        Guests.load(Guests.config(Guests.example("mask-pii")).memoryLimitMb(2)); // 32 pages: fits
    }

    // ---- not a module at all ----

    @Test
    void bytesThatAreNotAValidModuleAreAModuleError() {
        WasmLoadException e = assertThrows(WasmLoadException.class,
                () -> WasmModule.load(Guests.utf8("not wasm"), WasmConfig.builder().name("junk").build()));
        assertEquals(WasmLoadException.Kind.MODULE, e.kind());
        Guests.assertStartsWith("junk: ", e.getMessage());
    }
}
