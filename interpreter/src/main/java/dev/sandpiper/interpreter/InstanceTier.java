package dev.sandpiper.interpreter;

/**
 * A {@link ModuleTier} bound to one {@link Instance}. Belongs to the instance's thread.
 *
 * <p>The calling convention is the interpreter's: a call's arguments are raw bits in the store's
 * value stack ({@link TierSupport#stack}) from {@code base}; the results are written from
 * {@code base} (a v128 takes two slots, low half first; i32 and f32 bits sign-extended to 64 bits).
 * The store's fuel, checkpoint and call depth ({@link TierSupport}) are those of the caller; the
 * tier leaves them as the interpreter would, trap or not.
 */
public interface InstanceTier {
    /** Whether this tier runs function {@code funcIndex} (module index space; defined functions only). */
    boolean runs(int funcIndex);

    /** Runs function {@code funcIndex}; its arguments are in {@code store}'s stack from {@code base}. */
    void invoke(int funcIndex, Store store, int base);
}
