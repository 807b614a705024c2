package dev.sandpiper.decoder;

import dev.sandpiper.decoder.binary.SectionDecoder;

/**
 * Decodes a WebAssembly binary module: 2.0, and the 3.0 proposals {@link Features} enables.
 *
 * <p>Spec: 2.0, Binary Format > Modules, {@code binary/modules.html}.
 */
public final class ModuleDecoder {
    private ModuleDecoder() {}

    /**
     * Decodes {@code bytes}, which are copied first, so the caller may reuse the array.
     *
     * @throws MalformedModuleException if the bytes are not a well-formed module, or are more than
     *     {@link ImplementationLimits#MAX_MODULE_BYTES} ("module too large"); no other exception
     *     escapes for any input
     */
    public static dev.sandpiper.decoder.model.Module decode(byte[] bytes) {
        return decode(bytes, Features.all());
    }

    /**
     * Decodes {@code bytes} (copied first) accepting only the proposals {@code features} enables:
     * an instruction of another is an "illegal opcode" that names its feature.
     *
     * @throws MalformedModuleException as {@link #decode(byte[])}
     */
    public static dev.sandpiper.decoder.model.Module decode(byte[] bytes, Features features) {
        if (bytes.length > ImplementationLimits.MAX_MODULE_BYTES) {
            throw new MalformedModuleException("module too large: " + ImplementationLimits.tooLargeReason(bytes.length),
                    (int) ImplementationLimits.MAX_MODULE_BYTES);
        }
        return SectionDecoder.decode(bytes.clone(), features);
    }
}
