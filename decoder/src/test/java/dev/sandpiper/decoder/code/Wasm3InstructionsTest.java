package dev.sandpiper.decoder.code;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.Module;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The instructions and immediates 3.0 adds to the binary format (spec 3.0, Binary Format >
 * Instructions): {@code return_call} and {@code return_call_indirect} (0x12, 0x13), and memory
 * indices on memory instructions (a {@code memarg} with flag bit 6, the index bytes of
 * {@code memory.size/grow/fill/copy/init}); and how each is refused without its feature.
 */
class Wasm3InstructionsTest {

    private static byte[] oneFunction(Code body) {
        return ModuleBytes.module().type(List.of(), List.of()).memory(1, -1).function(0, body).build();
    }

    /** The instructions of the module's only body, with their readers' memory indices. */
    private static CodeReader reader(byte[] bytes, Features features) {
        Module m = ModuleDecoder.decode(bytes, features);
        return m.codeReader(0);
    }

    @Test
    void tailCallsDecodeWithTheirImmediates() {
        CodeReader r = reader(oneFunction(code().returnCall(7).returnCallIndirect(3, 2).end()), Features.all());
        assertEquals(Opcode.RETURN_CALL, r.next());
        assertEquals(7, r.index());
        assertEquals(Opcode.RETURN_CALL_INDIRECT, r.next());
        assertEquals(3, r.index());
        assertEquals(2, r.index2());
    }

    @Test
    void tailCallsWithoutTheFeatureAreIllegalOpcodesNamingIt() {
        byte[] bytes = oneFunction(code().returnCall(0).end());
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(bytes, Features.all().without(Feature.TAIL_CALL)));
        assertTrue(e.reason().startsWith("illegal opcode"), e.reason());
        assertTrue(e.reason().contains("tail-call"), e.reason());
    }

    @Test
    void aMemargWithBitSixCarriesAMemoryIndex() {
        CodeReader r = reader(oneFunction(code().i32Const(0).mem(Opcode.I32_LOAD, 3, 2, 16).drop()
                .i32Const(0).mem(Opcode.I64_LOAD, 3, 0).drop().end()), Features.all());
        r.next();
        assertEquals(Opcode.I32_LOAD, r.next());
        assertEquals(3, r.memoryIndex());
        assertEquals(2, r.align());
        assertEquals(16, r.offset());
        r.next();
        r.next();
        assertEquals(Opcode.I64_LOAD, r.next());
        assertEquals(0, r.memoryIndex(), "no flag: memory 0");
        assertEquals(3, r.align());
    }

    @Test
    void memargFlagsOf128AndMoreAreMalformed() {
        byte[] bytes = oneFunction(code().i32Const(0).op(Opcode.I32_LOAD).u32(0x80).u32(0).drop().end());
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(bytes));
        assertEquals("malformed memop flags", e.reason());
    }

    @Test
    void withoutMultiMemoryTheFlagsAreTheAlignmentAlone() {
        // 2.0 reads 0x42 as alignment 2^66: well formed, left to the validator to refuse.
        CodeReader r = reader(oneFunction(code().i32Const(0).op(Opcode.I32_LOAD).u32(0x42).u32(1).drop().end()),
                Features.wasm20());
        r.next();
        assertEquals(Opcode.I32_LOAD, r.next());
        assertEquals(0x42, r.align());
        assertEquals(0, r.memoryIndex());
        assertEquals(1, r.offset());
    }

    @Test
    void bulkAndSizeInstructionsCarryMemoryIndices() {
        CodeReader r = reader(oneFunction(code().memoryOp(Opcode.MEMORY_SIZE, 2).drop()
                .i32Const(0).i32Const(0).i32Const(0).op(Opcode.MEMORY_COPY).u32(4).u32(5)
                .i32Const(0).i32Const(0).i32Const(0).op(Opcode.MEMORY_INIT).u32(6).u32(1).end()), Features.all());
        assertEquals(Opcode.MEMORY_SIZE, r.next());
        assertEquals(2, r.memoryIndex());
        r.next();
        r.next();
        r.next();
        r.next();
        assertEquals(Opcode.MEMORY_COPY, r.next());
        assertEquals(4, r.memoryIndex());
        assertEquals(5, r.memoryIndex2());
        r.next();
        r.next();
        r.next();
        assertEquals(Opcode.MEMORY_INIT, r.next());
        assertEquals(6, r.index(), "data segment first");
        assertEquals(1, r.memoryIndex());
    }
}
