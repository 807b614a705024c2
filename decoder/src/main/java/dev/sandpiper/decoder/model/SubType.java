package dev.sandpiper.decoder.model;

import java.util.List;

/**
 * A defined type's declaration: its composite type, the type indices it declares as supertypes
 * (at most one is valid), and whether it is {@code final} (no type may declare it a supertype).
 * A type written without {@code sub} is final and has no supertype.
 *
 * <p>Spec: 3.0, Structure > Types > Recursive Types (sub types), {@code syntax/types.html#recursive-types};
 * Binary Format: {@code 0x50} sub, {@code 0x4F} sub final.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite) {
    public SubType {
        supertypes = List.copyOf(supertypes);
    }

    /** A type written without {@code sub}: final, without supertypes. */
    public static SubType plain(CompositeType composite) {
        return new SubType(true, List.of(), composite);
    }
}
