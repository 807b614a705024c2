package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.model.ValType.EXTERNREF;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.validator.Validation.invalidAt;
import static dev.sandpiper.validator.Validation.valid;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 3.0, Validation > Instructions > Control Instructions, {@code return_call} and
 * {@code return_call_indirect}: the callee's parameters are popped, its results must be the
 * caller's, and the stack is polymorphic afterwards, as after {@code return}.
 */
class TailCallRulesTest {

    /** Type 0: [i64] -> [i32]; type 1: [] -> [i32]; type 2: [] -> [i64]. */
    private static ModuleBytes types() {
        return ModuleBytes.module().type(List.of(I64), List.of(I32)).type(List.of(), List.of(I32))
                .type(List.of(), List.of(I64));
    }

    @Test
    void returnCallPopsTheParamsAndEndsTheBlock() {
        // Function 1 ([] -> [i32]) tail-calls function 0 ([i64] -> [i32]); code after it is unreachable.
        valid(types().function(0, code().i32Const(1).end())
                .function(1, code().i64Const(7).returnCall(0).i64Const(0).drop().end()));
    }

    @Test
    void theCalleesResultsMustBeTheCallers() {
        Code c = code().i64Const(7);
        int call = c.size();
        c.returnCall(0).end();
        invalidAt(types().function(0, code().i32Const(1).end()).function(2, c), "type mismatch", 1, call);
    }

    @Test
    void missingArgumentsAreATypeMismatch() {
        Code c = code();
        c.returnCall(0).end();
        invalidAt(types().function(0, code().i32Const(1).end()).function(1, c), "type mismatch", 1, 0);
    }

    @Test
    void returnCallOfAnUnknownFunction() {
        Code c = code();
        c.returnCall(5).end();
        invalidAt(types().function(1, c), "unknown function", 0, 0);
    }

    @Test
    void returnCallIndirectPopsTheIndexThenTheParams() {
        valid(types().table(FUNCREF, 1, -1).function(1, code().i64Const(3).i32Const(0).returnCallIndirect(0, 0).end()));
        Code c = code().i32Const(0).i64Const(3);
        int call = c.size();
        c.returnCallIndirect(0, 0).end();
        invalidAt(types().table(FUNCREF, 1, -1).function(1, c), "type mismatch", 0, call);
    }

    @Test
    void returnCallIndirectNeedsAFuncrefTableAndAMatchingType() {
        Code c = code().i32Const(0);
        int call = c.size();
        c.returnCallIndirect(1, 0).end();
        invalidAt(types().function(1, c), "unknown table", 0, call);
        invalidAt(types().table(EXTERNREF, 1, -1).function(1, c), "type mismatch", 0, call);
        invalidAt(types().table(FUNCREF, 1, -1).function(2, c), "type mismatch", 0, call);
        Code unknownType = code().i32Const(0);
        unknownType.returnCallIndirect(9, 0).end();
        invalidAt(types().table(FUNCREF, 1, -1).function(1, unknownType), "unknown type", 0, call);
    }
}
