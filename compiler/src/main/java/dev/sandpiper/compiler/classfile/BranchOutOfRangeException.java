package dev.sandpiper.compiler.classfile;

/**
 * Thrown by a {@link Code} built with {@code wideJumps == false} when a branch offset does not fit the 16 bits of
 * {@code goto} or {@code if<cond>} (JVMS 6.5.goto). The caller discards the {@code Code} and generates the method
 * again with {@code wideJumps == true}.
 */
public class BranchOutOfRangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BranchOutOfRangeException(String message) {
        super(message);
    }
}
