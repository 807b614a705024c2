package dev.sandpiper.compiler;

/** The JVM refused to define the generated classes, so the compiled tier cannot run here. */
public final class CompilerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompilerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
