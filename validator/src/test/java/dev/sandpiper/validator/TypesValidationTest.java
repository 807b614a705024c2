package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.model.ValType.EXTERNREF;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.validator.Validation.invalidModule;
import static dev.sandpiper.validator.Validation.valid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.ModuleBytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Validation > Types ({@code valid/types.html}): limits, memory and table types; and the
 * 2.0 restriction to one memory (Validation > Modules).
 */
class TypesValidationTest {

    @Test
    void memoryOf65536PagesIsTheLargest() {
        valid(ModuleBytes.module().memory(65536, 65536));
        invalidModule(ModuleBytes.module().memory(65537, -1), "memory size must be at most 65536 pages (4GiB)");
        invalidModule(ModuleBytes.module().memory(0, 65537), "memory size must be at most 65536 pages (4GiB)");
        invalidModule(ModuleBytes.module().memory(0, 0xFFFFFFFFL), "memory size must be at most 65536 pages (4GiB)");
    }

    @Test
    void limitsMinimumMustNotExceedMaximum() {
        valid(ModuleBytes.module().memory(2, 2));
        invalidModule(ModuleBytes.module().memory(3, 2), "size minimum must not be greater than maximum");
        invalidModule(ModuleBytes.module().table(FUNCREF, 3, 2), "size minimum must not be greater than maximum");
    }

    @Test
    void tableLimitsSpanTheWholeU32Range() {
        valid(ModuleBytes.module().table(FUNCREF, 0xFFFFFFFFL, 0xFFFFFFFFL));
        valid(ModuleBytes.module().table(EXTERNREF, 0, 0xFFFFFFFFL));
    }

    @Test
    void importedTypesAreCheckedToo() {
        invalidModule(ModuleBytes.module().importMemory("m", "mem", 70000, -1),
                "memory size must be at most 65536 pages (4GiB)");
        invalidModule(ModuleBytes.module().importMemory("m", "mem", 2, 1), "size minimum must not be greater than maximum");
        invalidModule(ModuleBytes.module().importTable("m", "t", FUNCREF, 2, 1),
                "size minimum must not be greater than maximum");
    }

    @Test
    void in20AtMostOneMemory() {
        Features v2 = Features.wasm20();
        InvalidModuleException e = invalidModule(ModuleBytes.module().memory(0, -1).memory(0, -1), "multiple memories", v2);
        assertTrue(e.reason().contains("multi-memory"), e.reason());
        invalidModule(ModuleBytes.module().importMemory("m", "mem", 0, -1).memory(0, -1), "multiple memories", v2);
        invalidModule(ModuleBytes.module().importMemory("m", "a", 0, -1).importMemory("m", "b", 0, -1),
                "multiple memories", v2);
    }

    @Test
    void in30ManyMemoriesEachWithinItsLimits() {
        valid(ModuleBytes.module().importMemory("m", "a", 0, -1).memory(0, -1).memory(1, 2));
        invalidModule(ModuleBytes.module().memory(0, -1).memory(3, 2), "size minimum must not be greater than maximum");
        invalidModule(ModuleBytes.module().memory(0, -1).memory(65537, -1), "memory size must be at most");
    }

    @Test
    void severalTablesAreAllowed() {
        valid(ModuleBytes.module().importTable("m", "t", FUNCREF, 0, -1).table(EXTERNREF, 0, -1).table(FUNCREF, 0, -1));
    }

    @Test
    void functionTypeIndicesMustExist() {
        invalidModule(ModuleBytes.module().type(List.of(), List.of()).function(1, code().end()), "unknown type");
        invalidModule(ModuleBytes.module().importFunc("m", "f", 0), "unknown type");
        invalidModule(ModuleBytes.module().type(List.of(), List.of()).function(0xFFFFFFFFL, code().end()),
                "unknown type");
    }
}
