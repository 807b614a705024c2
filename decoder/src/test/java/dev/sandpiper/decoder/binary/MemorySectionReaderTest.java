package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.module;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.Module;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Binary Format > Modules > Memory Section ({@code binary/modules.html#memory-section}). */
class MemorySectionReaderTest {

    @Test
    void memoriesDecodeWithTheirLimits() {
        Module m = decode(module().memory(1, 2).memory(0, -1).build());
        assertEquals(new MemoryType(new Limits(1, 2)), m.memories().get(0));
        assertEquals(new MemoryType(new Limits(0, Limits.NO_MAX)), m.memories().get(1));
    }

    @Test
    void sizesBeyondTheValidRangeStillDecode() {
        // 65537 pages and min > max are invalid, not malformed.
        Module m = decode(module().memory(65537, 2).build());
        assertEquals(new Limits(65537, 2), m.memories().get(0).limits());
    }

    @Test
    void truncatedLimitsAreUnexpectedEnd() {
        assertMalformed(module().rawMemory(bytes(0x01, 0x00)).build(), WasmReader.UNEXPECTED_END, 13);
    }
}
