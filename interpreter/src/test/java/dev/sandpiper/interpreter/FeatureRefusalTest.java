package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.expr;
import static dev.sandpiper.decoder.model.ValType.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.WasmException;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.validator.InvalidModuleException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An embedder that loads modules with {@link CompiledModule#compile(byte[], Features)} refuses those
 * that use a proposal it left out, with an error naming the proposal; with every feature (the
 * default) the same modules load.
 */
class FeatureRefusalTest {
    private static final byte[] TAIL_CALL = ModuleBytes.module().type(List.of(), List.of())
            .function(0, code().returnCall(0).end()).build();
    private static final byte[] TWO_MEMORIES = ModuleBytes.module().memory(1, -1).memory(1, -1).build();
    private static final byte[] SUM_GLOBAL = ModuleBytes.module()
            .global(I32, false, expr(code().i32Const(1).i32Const(2).op(Opcode.I32_ADD))).build();

    private static void refused(byte[] bytes, Feature left, Class<? extends WasmException> kind) {
        WasmException e = assertThrows(kind, () -> CompiledModule.compile(bytes, Features.all().without(left)));
        assertTrue(e.getMessage().contains("needs feature " + left.proposalName()), e.getMessage());
        CompiledModule.compile(bytes, Features.all().without(left == Feature.SIMD ? Feature.TAIL_CALL : Feature.SIMD));
        CompiledModule.compile(bytes);
    }

    @Test
    void tailCallsAreAnIllegalOpcodeWithoutTheirFeature() {
        refused(TAIL_CALL, Feature.TAIL_CALL, MalformedModuleException.class);
    }

    @Test
    void aSecondMemoryIsInvalidWithoutMultiMemory() {
        refused(TWO_MEMORIES, Feature.MULTI_MEMORY, InvalidModuleException.class);
    }

    @Test
    void arithmeticInAConstantExpressionIsInvalidWithoutExtendedConst() {
        refused(SUM_GLOBAL, Feature.EXTENDED_CONST, InvalidModuleException.class);
        assertEquals(3, ((Global) Wasm.instantiate(ModuleBytes.module()
                .global(I32, false, expr(code().i32Const(1).i32Const(2).op(Opcode.I32_ADD)))
                .export("g", dev.sandpiper.decoder.model.ExternKind.GLOBAL, 0)).export("g")).value());
    }

    @Test
    void wasm20RefusesEachOf30sFeatures() {
        for (byte[] bytes : new byte[][] {TAIL_CALL, TWO_MEMORIES, SUM_GLOBAL}) {
            WasmException e = assertThrows(WasmException.class, () -> CompiledModule.compile(bytes, Features.wasm20()));
            assertTrue(e.getMessage().contains("which is not enabled"), e.getMessage());
        }
    }
}
