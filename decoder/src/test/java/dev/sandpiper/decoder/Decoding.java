package dev.sandpiper.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sandpiper.decoder.model.Module;

/** Assertions shared by the decoder's tests (and, through the test-jar, the validator's). */
public final class Decoding {
    private Decoding() {}

    public static Module decode(byte[] bytes) {
        return ModuleDecoder.decode(bytes);
    }

    /** Decoding fails with exactly {@code reason} (the reference interpreter's wording). */
    public static MalformedModuleException assertMalformed(byte[] bytes, String reason) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(bytes));
        assertEquals(reason, e.reason(), () -> "message was: " + e.getMessage());
        return e;
    }

    /** Decoding fails with exactly {@code reason} at absolute byte offset {@code offset}. */
    public static MalformedModuleException assertMalformed(byte[] bytes, String reason, int offset) {
        MalformedModuleException e = assertMalformed(bytes, reason);
        assertEquals(offset, e.offset(), () -> "offset of: " + e.getMessage());
        return e;
    }
}
