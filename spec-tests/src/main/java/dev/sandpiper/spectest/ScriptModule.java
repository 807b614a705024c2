package dev.sandpiper.spectest;

import dev.sandpiper.decoder.WasmException;
import java.util.function.Supplier;

/**
 * Where a command's module comes from: a wast2json {@code .wasm} or {@code .wat} file, or a
 * {@code (module ...)} of a {@code .wast} script. The binary is produced when first asked for and
 * kept (the same script runs on both tiers); a module that is not well formed throws its
 * {@link WasmException} (a {@code TextFormatException} from the text parser) every time.
 */
public final class ScriptModule {
    private final boolean text;
    private final java.util.function.Function<Boolean, byte[]> producer;
    /** The binary and the failure of producing it, under 3.0's text grammar [1] and 2.0's [0]. */
    private final byte[][] binary = new byte[2][];
    private final RuntimeException[] failure = new RuntimeException[2];

    /**
     * @param text whether the module is written in the text format (text fields or {@code quote}),
     *     so that malformedness may show in the text parser
     * @param producer makes the binary; may throw
     */
    public ScriptModule(boolean text, Supplier<byte[]> producer) {
        this(text, memory64 -> producer.get());
    }

    /**
     * @param producer makes the binary under 3.0's text grammar of limits and offsets (u64s,
     *     memory64: true) or 2.0's (u32s, false); may throw
     */
    public ScriptModule(boolean text, java.util.function.Function<Boolean, byte[]> producer) {
        this.text = text;
        this.producer = producer;
    }

    /** Whether the module is text ({@code (module ...)} fields or {@code (module quote ...)}). */
    public boolean isText() {
        return text;
    }

    /** The binary module (text read by 3.0's grammar); throws what producing it threw. */
    public byte[] bytes() {
        return bytes(true);
    }

    /**
     * The binary module, text read by 3.0's grammar ({@code memory64}: u64 limits and offsets) or
     * 2.0's (u32s, a larger literal malformed as the 2.0 suite expects); throws what producing it threw.
     */
    public synchronized byte[] bytes(boolean memory64) {
        int g = memory64 ? 1 : 0;
        if (binary[g] == null && failure[g] == null) {
            try {
                binary[g] = producer.apply(memory64);
            } catch (RuntimeException e) {
                failure[g] = e;
            }
        }
        if (failure[g] != null) {
            throw failure[g];
        }
        return binary[g];
    }
}
