package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.moduleOf;
import static dev.sandpiper.decoder.ModuleBytes.section;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ValType;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile counts and sizes: the decoder never allocates by a declared count, so a tiny input that
 * declares billions of entries fails fast, with a {@link MalformedModuleException}, having allocated
 * little (measured with the JVM's per-thread allocation counter where available).
 */
class ResourceLimitsTest {
    /** Generous bound on what decoding a few dozen bytes may allocate. */
    private static final long MAX_ALLOCATED = 4L << 20;
    private static final long MAX_MILLIS = 1000;

    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    /** Decodes, expecting a malformed module, quickly and with little allocation; returns the exception. */
    private static MalformedModuleException failsFastAndSmall(byte[] bytes) {
        ModuleDecoder.decode(ModuleBytes.HEADER); // warm up class loading before measuring
        long before = allocatedBytes();
        long t0 = System.nanoTime();
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(bytes));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long after = allocatedBytes();
        assertTrue(millis < MAX_MILLIS, "took " + millis + " ms");
        if (before >= 0) {
            assertTrue(after - before < MAX_ALLOCATED, "allocated " + (after - before) + " bytes");
        }
        assertTrue(!e.reason().startsWith("internal"), e.getMessage());
        return e;
    }

    @Test
    void twentyByteModuleDeclaringFourBillionTypesFailsFast() {
        byte[] content = concat(u32(0xFFFFFFFFL), bytes(0x60, 0x00, 0x00, 0x60, 0x00));
        byte[] bytes = moduleOf(section(ModuleBytes.TYPE, content));
        assertEquals(20, bytes.length);
        MalformedModuleException e = failsFastAndSmall(bytes);
        assertEquals(WasmReader.UNEXPECTED_END, e.reason());
        assertEquals(20, e.offset());
    }

    @Test
    void fourBillionLocalsAreTooManyAndFailFast() {
        byte[] body = concat(bytes(1), u32(4_000_000_000L), bytes(ValType.I64.code(), 0x0B));
        byte[] bytes = ModuleBytes.module().type(List.of(), List.of()).declareFunction(0).rawBody(body).build();
        assertEquals("too many locals", failsFastAndSmall(bytes).reason());
    }

    @Test
    void manyGroupsOfMaximalLocalCountsAreTooManyAndFailFast() {
        byte[] group = concat(u32(0xFFFFFFFFL), bytes(ValType.V128.code()));
        byte[] body = concat(bytes(3), group, group, group, bytes(0x0B));
        byte[] bytes = ModuleBytes.module().type(List.of(), List.of()).declareFunction(0).rawBody(body).build();
        assertEquals("too many locals", failsFastAndSmall(bytes).reason());
    }

    static List<Arguments> hugeCounts() {
        byte[] huge = u32(0xFFFFFFFFL);
        return List.of(
                Arguments.of("imports", moduleOf(section(ModuleBytes.IMPORT, concat(huge, bytes(0))))),
                Arguments.of("functions", moduleOf(section(ModuleBytes.FUNCTION, concat(huge, bytes(0))))),
                Arguments.of("tables", moduleOf(section(ModuleBytes.TABLE, concat(huge, bytes(0x70, 0))))),
                Arguments.of("memories", moduleOf(section(ModuleBytes.MEMORY, concat(huge, bytes(0, 0))))),
                Arguments.of("globals", moduleOf(section(ModuleBytes.GLOBAL, concat(huge, bytes(0x7F))))),
                Arguments.of("exports", moduleOf(section(ModuleBytes.EXPORT, concat(huge, bytes(0))))),
                Arguments.of("elements", moduleOf(section(ModuleBytes.ELEMENT, concat(huge, bytes(1, 0))))),
                Arguments.of("element indices", moduleOf(section(ModuleBytes.ELEMENT, concat(bytes(1, 1, 0), huge)))),
                Arguments.of("bodies", moduleOf(section(ModuleBytes.CODE, concat(huge, bytes(2, 0))))),
                Arguments.of("data", moduleOf(section(ModuleBytes.DATA, concat(huge, bytes(1))))),
                Arguments.of("param types", moduleOf(section(ModuleBytes.TYPE, concat(bytes(1, 0x60), huge)))),
                Arguments.of("local groups", withBody(concat(huge, bytes(0)))),
                Arguments.of("br_table labels",
                        withBody(concat(bytes(0), code().i32Const(0).op(Opcode.BR_TABLE).raw(huge).raw(0, 0x0B).bytes()))),
                Arguments.of("select types",
                        withBody(concat(bytes(0), code().op(Opcode.SELECT_T).raw(huge).raw(0x7F, 0x0B).bytes()))),
                Arguments.of("name length", moduleOf(section(ModuleBytes.CUSTOM, concat(huge, bytes('n'))))));
    }

    /** A module with one function whose body (local declarations included) is {@code body}. */
    private static byte[] withBody(byte[] body) {
        byte[] oneType = section(ModuleBytes.TYPE, ModuleBytes.vec(ModuleBytes.funcType(List.of(), List.of())));
        byte[] oneFunction = section(ModuleBytes.FUNCTION, ModuleBytes.vec(u32(0)));
        return moduleOf(oneType, oneFunction, section(ModuleBytes.CODE, concat(bytes(1), ModuleBytes.lengthPrefixed(body))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeCounts")
    void hugeDeclaredCountsFailFastWithoutAllocating(String what, byte[] bytes) {
        failsFastAndSmall(bytes);
    }

    @Test
    void deeplyNestedBlocksDoNotOverflowTheStack() {
        int depth = 200_000;
        ModuleBytes.Code c = code();
        for (int i = 0; i < depth; i++) {
            c.block();
        }
        for (int i = 0; i <= depth; i++) {
            c.end();
        }
        byte[] bytes = ModuleBytes.module().type(List.of(), List.of()).function(0, c).build();
        assertEquals(1, ModuleDecoder.decode(bytes).definedFunctionCount());
    }
}
