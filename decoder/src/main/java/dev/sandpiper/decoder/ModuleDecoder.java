package dev.sandpiper.decoder;

import dev.sandpiper.decoder.binary.SectionDecoder;

/**
 * Decodes a WebAssembly 2.0 binary module.
 *
 * <p>Spec: 2.0, Binary Format > Modules, {@code binary/modules.html}.
 */
public final class ModuleDecoder {
    private ModuleDecoder() {}

    /**
     * Decodes {@code bytes}, which are copied first, so the caller may reuse the array.
     *
     * @throws MalformedModuleException if the bytes are not a well-formed module; no other
     *     exception escapes for any input
     */
    public static dev.sandpiper.decoder.model.Module decode(byte[] bytes) {
        return SectionDecoder.decode(bytes.clone());
    }
}
