package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.validator.Validation.invalid;
import static dev.sandpiper.validator.Validation.invalidModule;
import static dev.sandpiper.validator.Validation.valid;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 3.0, Validation: typed function references. Subtyping of reference types (Matching),
 * {@code call_ref}, {@code ref.as_non_null}, {@code br_on_null}, {@code br_on_non_null}, the type of
 * {@code ref.func}, and the initialisation of locals without a default (Local Instructions).
 */
class FunctionReferenceRulesTest {
    private static final ValType REF_0 = ValType.ref(false, 0);
    private static final ValType REF_NULL_0 = ValType.ref(true, 0);

    /** Type 0: [i32] -> [i32]; function 0 of it returns its argument. */
    private static ModuleBytes base() {
        return ModuleBytes.module().type(List.of(I32), List.of(I32))
                .function(0, code().localGet(0).end());
    }

    @Test
    void callRefTakesTheArgumentsThenATypedReference() {
        // type 1: [(ref null 0)] -> [i32]
        valid(base().type(List.of(REF_NULL_0), List.of(I32))
                .function(1, code().i32Const(5).localGet(0).callRef(0).end()));
        invalid(base().type(List.of(FUNCREF), List.of(I32))
                .function(1, code().i32Const(5).localGet(0).callRef(0).end()), "type mismatch");
    }

    @Test
    void refFuncIsANonNullReferenceToItsType() {
        // (ref 0) matches (ref null 0) and funcref; funcref does not match (ref 0).
        valid(base().type(List.of(), List.of(FUNCREF))
                .function(1, code().refFunc(0).end()).export("f", dev.sandpiper.decoder.model.ExternKind.FUNC, 0));
        valid(base().type(List.of(), List.of(REF_0))
                .function(1, code().refFunc(0).end()).export("f", dev.sandpiper.decoder.model.ExternKind.FUNC, 0));
        invalid(base().type(List.of(FUNCREF), List.of(REF_0)).function(1, code().localGet(0).end()),
                "type mismatch");
    }

    @Test
    void refAsNonNullMakesTheReferenceNonNull() {
        valid(base().type(List.of(REF_NULL_0), List.of(REF_0))
                .function(1, code().localGet(0).op(Opcode.REF_AS_NON_NULL).end()));
        invalid(base().type(List.of(I32), List.of(I32))
                .function(1, code().localGet(0).op(Opcode.REF_AS_NON_NULL).end()), "type mismatch");
    }

    @Test
    void brOnNullBranchesWithoutTheReferenceAndFallsThroughWithIt() {
        // block (result i32): i32.const 1, local.get 0 (ref null 0), br_on_null 0 -> [i32 (ref 0)]; drop.
        valid(base().type(List.of(REF_NULL_0), List.of(I32)).function(1, code().block(I32).i32Const(1)
                .localGet(0).op(Opcode.BR_ON_NULL).u32(0).drop().end().end()));
    }

    @Test
    void brOnNonNullNeedsALabelEndingInAReference() {
        valid(base().type(List.of(REF_NULL_0), List.of(REF_0)).function(1, code().block(REF_0)
                .localGet(0).op(Opcode.BR_ON_NON_NULL).u32(0).unreachable().end().end()));
        invalid(base().type(List.of(REF_NULL_0), List.of(I32)).function(1, code().block(I32)
                .localGet(0).op(Opcode.BR_ON_NON_NULL).u32(0).unreachable().end().end()), "type mismatch");
    }

    @Test
    void aNonNullLocalMustBeSetBeforeItIsRead() {
        ValType[] locals = {REF_0};
        invalid(base().type(List.of(), List.of(REF_0)).function(1, locals, code().localGet(0).end()),
                "uninitialized local");
        valid(base().type(List.of(), List.of(REF_0)).function(1, locals,
                code().refFunc(0).localSet(0).localGet(0).end()).export("f", dev.sandpiper.decoder.model.ExternKind.FUNC, 0));
        // Set inside a block only: unset again after its end.
        invalid(base().type(List.of(), List.of(REF_0)).function(1, locals,
                code().block().refFunc(0).localSet(0).end().localGet(0).end())
                .export("f", dev.sandpiper.decoder.model.ExternKind.FUNC, 0), "uninitialized local");
    }

    @Test
    void aTableOfNonNullElementsNeedsAnInitialiser() {
        invalidModule(ModuleBytes.module().table(ValType.REF_FUNC, 1, -1), "type mismatch");
    }

    @Test
    void typeIndicesOfTheSameClosedTypeAreTheSameType() {
        // types 1 and 2 are both [(ref 0)] -> []; function 1, of type 3 = [(ref 1)] -> [], passes its
        // (ref 1) to function 2, of type 4 = [(ref 2)] -> [] (3.0, Matching > Defined Types)
        ValType ref1 = ValType.ref(false, 1);
        ValType ref2 = ValType.ref(false, 2);
        ModuleBytes shapes = base().type(List.of(REF_0), List.of()).type(List.of(REF_0), List.of());
        valid(shapes.type(List.of(ref1), List.of()).type(List.of(ref2), List.of())
                .function(3, code().localGet(0).call(2).end()).function(4, code().end()));
        // types 1 and 2 differ ([(ref 0)] and [i32]): not the same type
        ModuleBytes other = base().type(List.of(REF_0), List.of()).type(List.of(I32), List.of());
        invalid(other.type(List.of(ref1), List.of()).type(List.of(ref2), List.of())
                .function(3, code().localGet(0).call(2).end()).function(4, code().end()), "type mismatch");
    }

    @Test
    void aTypeMayNameItselfAndEarlierTypesButNoLaterOne() {
        // 3.0, Validation > Modules: each definition without rec is a recursion group of one
        valid(base().type(List.of(I32, ValType.ref(false, 1)), List.of()));
        invalidModule(ModuleBytes.module().type(List.of(ValType.ref(false, 1)), List.of()).type(List.of(), List.of()),
                "unknown type");
    }

    @Test
    void withoutTheFeatureTheTypesAreRefused() {
        ModuleBytes mb = base().type(List.of(REF_NULL_0), List.of(I32));
        assertThrows(MalformedModuleException.class,
                () -> dev.sandpiper.decoder.ModuleDecoder.decode(mb.build(), Features.wasm20()));
    }
}
