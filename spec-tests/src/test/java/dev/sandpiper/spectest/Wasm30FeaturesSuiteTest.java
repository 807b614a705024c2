package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Engine;
import dev.sandpiper.decoder.Features;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The scripts of the latest (3.0) suite that the features implemented so far cover entirely: tail
 * calls, multiple memories, and data segments whose offsets read defined globals (extended
 * constant expressions), typed function references, relaxed SIMD, exception handling (with the legacy
 * instructions of the suite's legacy/ folder), 64-bit memories and tables (memory64), GC (structures,
 * arrays, i31, casts, recursive and sub types), and 3.0's script forms, text syntax and annotations.
 * Every command of each must pass, with
 * every feature enabled, on the interpreter and on the compiler forced; a skipped command shows as
 * aborted, never as passed.
 * Scripts that need more of 3.0 (threads) are not listed: {@link LatestSuiteTest}
 * runs the whole suite on both tiers, skipping only what needs an unimplemented feature; there
 * br_table.wast, elem.wast, ref.wast, ref_is_null.wast and table-sub.wast pass entirely as well.
 */
class Wasm30FeaturesSuiteTest {
    static final List<String> TAIL_CALLS = List.of("return_call.wast", "return_call_indirect.wast");
    static final List<String> MULTI_MEMORY = List.of("address0.wast", "address1.wast", "align0.wast",
            "binary0.wast", "data0.wast", "data1.wast", "data_drop0.wast", "exports0.wast", "float_exprs0.wast",
            "float_exprs1.wast", "float_memory0.wast", "imports0.wast", "imports1.wast", "imports2.wast",
            "imports3.wast", "imports4.wast", "linking0.wast", "linking1.wast", "linking2.wast", "linking3.wast",
            "load0.wast", "load1.wast", "load2.wast", "memory-multi.wast", "memory_copy0.wast",
            "memory_copy1.wast", "memory_fill0.wast", "memory_init0.wast", "memory_size0.wast",
            "memory_size1.wast", "memory_size2.wast", "memory_size3.wast", "memory_trap0.wast",
            "memory_trap1.wast", "simd_memory-multi.wast", "start0.wast", "store0.wast", "store1.wast",
            "store2.wast", "traps0.wast");
    static final List<String> EXTENDED_CONST = List.of("data.wast");
    static final List<String> FUNCTION_REFERENCES = List.of("call_ref.wast", "ref_as_non_null.wast",
            "br_on_null.wast", "br_on_non_null.wast", "return_call_ref.wast", "local_init.wast", "ref_func.wast",
            "local_get.wast", "local_tee.wast", "func.wast", "table_get.wast", "table_set.wast", "table_fill.wast",
            "table_grow.wast", "table_size.wast", "table_copy.wast", "linking.wast", "br_if.wast",
            "unreached-valid.wast", "unreached-invalid.wast", "select.wast", "global.wast");
    /** The relaxed-SIMD scripts (with their {@code either} results, a 3.0 script form). */
    static final List<String> RELAXED_SIMD = List.of("i32x4_relaxed_trunc.wast", "i8x16_relaxed_swizzle.wast",
            "i16x8_relaxed_q15mulr_s.wast", "relaxed_dot_product.wast", "relaxed_laneselect.wast",
            "relaxed_madd_nmadd.wast", "relaxed_min_max.wast");
    /** Exception handling, its legacy instructions, and the import and export scripts with tags. */
    static final List<String> EXCEPTIONS = List.of("throw.wast", "throw_ref.wast", "try_table.wast", "tag.wast",
            "legacy/throw.wast", "legacy/rethrow.wast", "legacy/try_catch.wast", "legacy/try_delegate.wast",
            "imports.wast", "exports.wast");
    static final List<String> MEMORY64 = List.of("address.wast", "address64.wast", "align.wast", "align64.wast",
            "binary-leb128.wast", "binary_leb128_64.wast", "bulk64.wast", "call_indirect64.wast",
            "endianness64.wast", "float_memory64.wast", "load64.wast", "memory64-imports.wast",
            "memory_copy64.wast", "memory_fill64.wast", "memory_grow64.wast", "memory_init64.wast",
            "memory_redundancy64.wast", "memory_trap64.wast", "simd_address.wast", "table_copy64.wast",
            "table_copy_mixed.wast", "table_fill64.wast", "table_get64.wast", "table_grow64.wast",
            "table_set64.wast", "table_size64.wast");
    static final List<String> GC = List.of("struct.wast", "array.wast", "array_copy.wast", "array_fill.wast",
            "array_init_data.wast", "array_init_elem.wast", "array_new_data.wast", "array_new_elem.wast",
            "i31.wast", "ref_test.wast", "ref_cast.wast", "ref_eq.wast", "br_on_cast.wast", "br_on_cast_fail.wast",
            "extern.wast", "binary-gc.wast", "type-canon.wast", "type-equivalence.wast", "type-rec.wast",
            "type-subtyping.wast", "table_init.wast");
    /**
     * The 3.0 script forms ({@code module definition}, {@code module instance}), 3.0's text syntax
     * ({@code $"id"}, comments ended by a carriage return) and annotations ({@code @custom} sections
     * included).
     */
    static final List<String> TEXT_AND_SCRIPT = List.of("instance.wast", "memory.wast", "table.wast",
            "memory64.wast", "table64.wast", "id.wast", "comments.wast", "token.wast", "annotations.wast",
            "custom/custom_annot.wast", "custom/name_annot.wast", "custom/branch_hint.wast");

    private static final Map<Engine, SuiteReport> REPORTS = new EnumMap<>(Engine.class);
    private static List<SpecScript> scripts;

    private static synchronized List<SpecScript> scripts() throws IOException {
        if (scripts == null) {
            Path dir = TestsuiteLocator.locateWast().resolveSibling("latest");
            List<SpecScript> list = new ArrayList<>();
            for (List<String> group : List.of(TAIL_CALLS, MULTI_MEMORY, EXTENDED_CONST, FUNCTION_REFERENCES,
                    RELAXED_SIMD, EXCEPTIONS, MEMORY64, GC, TEXT_AND_SCRIPT)) {
                for (String name : group) {
                    Path wast = dir.resolve(name);
                    assertTrue(Files.isRegularFile(wast), "missing from the latest suite: " + wast);
                    list.add(SpecScript.readWast(wast));
                }
            }
            scripts = list;
        }
        return scripts;
    }

    @TestFactory
    List<DynamicNode> wasm30FeaturesInterpreted() throws IOException {
        return suite(Engine.INTERPRETER);
    }

    @TestFactory
    List<DynamicNode> wasm30FeaturesCompiled() throws IOException {
        return suite(Engine.COMPILER);
    }

    private static List<DynamicNode> suite(Engine engine) throws IOException {
        SuiteReport report = new SuiteReport();
        REPORTS.put(engine, report);
        return SpecSuiteTest.containers(scripts(), engine, Features.all(), report);
    }

    @AfterAll
    static void printReport() {
        for (Map.Entry<Engine, SuiteReport> e : REPORTS.entrySet()) {
            System.out.println();
            System.out.println("engine " + e.getKey() + ", 3.0 scripts of the implemented features:");
            e.getValue().print(System.out);
        }
    }
}
