package dev.sandpiper.validator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleDecoder;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The type section's GC rules (spec 3.0, Validation > Types > Sub Types and Recursive Types):
 * one supertype at most, declared before the type, not final, whose composite type the sub type's
 * matches; a structure or array type is no function type.
 */
class GcTypeRulesTest {
    /** A module of the given sections ({@code id, content...} each). */
    private static byte[] module(int[]... sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        for (int[] s : sections) {
            out.write(s[0]);
            out.write(s.length - 1);
            for (int i = 1; i < s.length; i++) {
                out.write(s[i]);
            }
        }
        return out.toByteArray();
    }

    private static String invalid(int[]... sections) {
        byte[] bytes = module(sections);
        return assertThrows(InvalidModuleException.class,
                () -> ModuleValidator.validate(ModuleDecoder.decode(bytes))).reason();
    }

    private static void valid(int[]... sections) {
        byte[] bytes = module(sections);
        assertDoesNotThrow(() -> ModuleValidator.validate(ModuleDecoder.decode(bytes)));
    }

    @Test
    void aFinalTypeHasNoSubtypes() {
        // (type (sub final (struct))) (type (sub 0 (struct)))
        String r = invalid(new int[] {1, 2, 0x4F, 0, 0x5F, 0, 0x50, 1, 0, 0x5F, 0});
        assertTrue(r.startsWith("sub type"), r);
        // the same with the first open is valid
        valid(new int[] {1, 2, 0x50, 0, 0x5F, 0, 0x50, 1, 0, 0x5F, 0});
    }

    @Test
    void atMostOneSupertypeAndItComesFirst() {
        String two = invalid(new int[] {1, 3, 0x50, 0, 0x5F, 0, 0x50, 0, 0x5F, 0, 0x50, 2, 0, 1, 0x5F, 0});
        assertTrue(two.startsWith("multiple supertypes"), two);
        // (type (sub 1 (struct))) (type (sub (struct))): a later supertype
        String later = invalid(new int[] {1, 2, 0x50, 1, 1, 0x5F, 0, 0x50, 0, 0x5F, 0});
        assertTrue(later.startsWith("sub type"), later);
    }

    @Test
    void fieldsMatchAsAPrefixWithTheSameTypes() {
        // (struct (field i32)) <: (struct (field i32) (field f32)) is valid as sub of the shorter one
        valid(new int[] {1, 2, 0x50, 0, 0x5F, 1, 0x7F, 0, 0x50, 1, 0, 0x5F, 2, 0x7F, 0, 0x7D, 0});
        // an i64 field cannot refine an i32 one
        String r = invalid(new int[] {1, 2, 0x50, 0, 0x5F, 1, 0x7F, 0, 0x50, 1, 0, 0x5F, 1, 0x7E, 0});
        assertTrue(r.startsWith("sub type 1 does not match"), r);
        // a mutable field cannot become immutable
        String m = invalid(new int[] {1, 2, 0x50, 0, 0x5E, 0x7F, 1, 0x50, 1, 0, 0x5E, 0x7F, 0});
        assertTrue(m.startsWith("sub type"), m);
    }

    @Test
    void aStructureTypeIsNoFunctionType() {
        // (type (struct)) (func (type 0))
        String r = invalid(new int[] {1, 1, 0x5F, 0}, new int[] {3, 1, 0}, new int[] {10, 1, 2, 0, 0x0B});
        assertTrue(r.contains("not a function type"), r);
    }
}
