package dev.sandpiper.compiler.translate;

/** The module does not fit one class file (JVMS 4.4: at most 65,535 constants); it stays interpreted. */
public final class ClassTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClassTooLargeException(String message) {
        super(message);
    }
}
