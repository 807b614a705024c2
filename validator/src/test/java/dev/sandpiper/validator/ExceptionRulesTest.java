package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.name;
import static dev.sandpiper.decoder.ModuleBytes.section;
import static dev.sandpiper.decoder.ModuleBytes.vec;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.validator.Validation.invalid;
import static dev.sandpiper.validator.Validation.invalidModule;
import static dev.sandpiper.validator.Validation.valid;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 3.0, Validation > Types > Tag Types and Instructions > Control Instructions: a tag's type has
 * no results; {@code throw} pops its tag's parameters; {@code throw_ref} an exnref; a
 * {@code try_table}'s catch clauses hand their labels the tag's values (and a {@code (ref exn)} for
 * the _ref forms), typed in the context outside the try_table; and the appendix's legacy
 * {@code rethrow} names a catch arm.
 */
class ExceptionRulesTest {
    private static final int MEMORY_SECTION = 5;

    /** Type 0: [] -> []; type 1: [i32] -> []; type 2: [] -> [i32]; type 3: [] -> [i32 exnref]; tag 0 of type 1. */
    private static ModuleBytes module(Code body, int funcType) {
        return ModuleBytes.module().type(List.of(), List.of()).type(List.of(I32), List.of())
                .type(List.of(), List.of(I32)).type(List.of(), List.of(I32, ValType.EXNREF))
                .rawSectionAfter(MEMORY_SECTION, section(13, vec(bytes(0x00, 1))))
                .function(funcType, body);
    }

    @Test
    void throwPopsTheTagsParameters() {
        valid(module(code().i32Const(1).raw(0x08, 0).end(), 0));
        InvalidModuleException e = invalid(module(code().i64Const(1).raw(0x08, 0).end(), 0), "type mismatch");
        assertTrue(e.getMessage().contains("instruction requires [i32] but stack has [i64]"), e.getMessage());
    }

    @Test
    void throwOfAnUnknownTagIsInvalid() {
        invalid(module(code().raw(0x08, 1).end(), 0), "unknown tag 1");
    }

    @Test
    void aTagTypeHasNoResults() {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of(I32))
                .rawSectionAfter(MEMORY_SECTION, section(13, vec(bytes(0x00, 0))));
        invalidModule(mb, "non-empty tag result type");
        ModuleBytes imported = ModuleBytes.module().type(List.of(), List.of(I32))
                .rawImport(concat(name("m"), name("t"), bytes(0x04, 0x00, 0x00)));
        invalidModule(imported, "non-empty tag result type");
    }

    @Test
    void throwRefNeedsAnExnref() {
        valid(module(code().raw(0xD0, 0x69, 0x0A).end(), 0)); // ref.null exn, throw_ref
        invalid(module(code().raw(0x0A).end(), 0), "type mismatch");
        invalid(module(code().i32Const(0).raw(0x0A).end(), 0), "type mismatch");
    }

    @Test
    void catchHandsItsLabelTheTagsValues() {
        // block (result i32) try_table (catch 0 0) ... end unreachable end: tag 0 gives [i32]
        valid(module(code().raw(0x02, 0x7F, 0x1F, 0x40, 1, 0x00, 0, 0, 0x0B, 0x00, 0x0B).end(), 2));
        // the same clause to a block without results hands it a value too many
        invalid(module(code().raw(0x02, 0x40, 0x1F, 0x40, 1, 0x00, 0, 0, 0x0B, 0x0B).end(), 0), "type mismatch");
    }

    @Test
    void catchRefAddsANonNullExnref() {
        // block (type 3: [] -> [i32 exnref]) try_table (catch_ref 0 0) end unreachable end drop drop
        valid(module(code().raw(0x02, 3, 0x1F, 0x40, 1, 0x01, 0, 0, 0x0B, 0x00, 0x0B, 0x1A, 0x1A).end(), 0));
        // catch_all_ref gives only the exnref: to a label of [i32 exnref] it is a mismatch
        invalid(module(code().raw(0x02, 3, 0x1F, 0x40, 1, 0x03, 0, 0x0B, 0x00, 0x0B, 0x1A, 0x1A).end(), 0),
                "type mismatch");
    }

    @Test
    void catchLabelsCountFromOutsideTheTryTable() {
        // label 1 from inside a lone try_table is the function's, which is there; label 1 of a
        // try_table at the function's top level is not (the try_table's own label is not counted)
        valid(module(code().raw(0x02, 0x40, 0x1F, 0x40, 1, 0x02, 1, 0x0B, 0x0B).end(), 0));
        invalid(module(code().raw(0x1F, 0x40, 1, 0x02, 1, 0x0B).end(), 0), "unknown label 1");
    }

    @Test
    void rethrowNamesACatchArm() {
        // try catch_all rethrow 0 end
        valid(module(code().raw(0x06, 0x40, 0x19, 0x09, 0, 0x0B).end(), 0));
        // rethrow of the try's body is not in a catch arm
        invalid(module(code().raw(0x06, 0x40, 0x09, 0, 0x0B).end(), 0), "invalid rethrow label");
        invalid(module(code().raw(0x02, 0x40, 0x09, 0, 0x0B).end(), 0), "invalid rethrow label");
    }

    @Test
    void aLegacyCatchArmsResultsAreTheTrys() {
        // try (result i32) i32.const 1 catch 0 end: the catch arm leaves the tag's i32 as the result
        valid(module(code().raw(0x06, 0x7F, 0x41, 1, 0x07, 0, 0x0B).end(), 2));
        InvalidModuleException e = invalid(module(code().raw(0x06, 0x40, 0x19, 0x41, 1, 0x0B).end(), 0),
                "type mismatch");
        assertTrue(e.getMessage().contains("block requires [] but stack has [i32]"), e.getMessage());
    }

    @Test
    void delegateLabelsCountFromOutsideTheTry() {
        valid(module(code().raw(0x06, 0x40, 0x18, 0).end(), 0));
        invalid(module(code().raw(0x06, 0x40, 0x18, 1).end(), 0), "unknown label 1");
    }
}
