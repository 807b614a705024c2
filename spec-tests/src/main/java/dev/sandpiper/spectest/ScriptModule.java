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
    private final Supplier<byte[]> producer;
    private byte[] binary;
    private RuntimeException failure;

    /**
     * @param text whether the module is written in the text format (text fields or {@code quote}),
     *     so that malformedness may show in the text parser
     * @param producer makes the binary; may throw
     */
    public ScriptModule(boolean text, Supplier<byte[]> producer) {
        this.text = text;
        this.producer = producer;
    }

    /** Whether the module is text ({@code (module ...)} fields or {@code (module quote ...)}). */
    public boolean isText() {
        return text;
    }

    /** The binary module; throws what producing it threw. */
    public synchronized byte[] bytes() {
        if (binary == null && failure == null) {
            try {
                binary = producer.get();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return binary;
    }
}
