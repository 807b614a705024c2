package dev.sandpiper.compiler.classfile;

/**
 * Thrown by {@link Code#bytes()} when a method's bytecode reaches 65536 bytes, the limit of {@code code_length}
 * (JVMS 4.7.3, 4.11). The method cannot be compiled as one JVM method.
 */
public class CodeTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodeTooLargeException(String message) {
        super(message);
    }
}
