package dev.sandpiper.decoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Limits this implementation places on modules, beyond those of the spec (spec 2.0, Appendix A.1
 * "Embedding > Implementation Limitations" allows them). Each is generous for real modules and keeps
 * a hostile module from making the host allocate without bound. The README's "Limits" section lists
 * these with the execution limits.
 */
public final class ImplementationLimits {
    /** Most locals one function may declare, parameters excluded; beyond it: "too many locals". */
    public static final int MAX_FUNCTION_LOCALS = 50_000;

    /**
     * Most nested {@code block}, {@code loop} and {@code if} in one function; beyond it the function
     * is invalid ("control nesting deeper than ..."). Real code nests a few hundred deep at most; a
     * million-deep nest would make every tier's control structures alone outgrow a small heap.
     */
    public static final int MAX_CONTROL_DEPTH = 100_000;

    /** Most parameters or results in one function type. */
    public static final int MAX_FUNCTION_ARITY = 1_000;

    /** The system property that changes {@link #MAX_MODULE_BYTES}: {@code -Dsandpiper.maxModuleBytes=N}. */
    public static final String MAX_MODULE_BYTES_PROPERTY = "sandpiper.maxModuleBytes";

    /** The default largest module: 64 MiB. */
    public static final long DEFAULT_MAX_MODULE_BYTES = 64L << 20;

    /**
     * Largest module binary, in bytes: {@link #DEFAULT_MAX_MODULE_BYTES} unless the system property
     * {@link #MAX_MODULE_BYTES_PROPERTY} names another positive number. A larger file is not read
     * ({@link #readModule}) and larger bytes are not decoded ("module too large").
     */
    public static final long MAX_MODULE_BYTES = maxModuleBytes();

    private ImplementationLimits() {}

    /**
     * Reads a module file, refusing one larger than {@link #MAX_MODULE_BYTES} before reading it (and one
     * that turns out larger while being read).
     *
     * @throws IOException when the file cannot be read, or is too large: a {@link FileSystemException}
     *     whose reason names the size and the limit
     */
    public static byte[] readModule(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_MODULE_BYTES) {
            throw tooLarge(file, size);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_MODULE_BYTES);
            if (bytes.length == MAX_MODULE_BYTES && in.read() >= 0) {
                throw tooLarge(file, Files.size(file));
            }
            return bytes;
        }
    }

    /** The reason a module of {@code size} bytes is refused. */
    public static String tooLargeReason(long size) {
        return "module of " + size + " bytes exceeds the maximum module size of " + MAX_MODULE_BYTES
                + " bytes (-D" + MAX_MODULE_BYTES_PROPERTY + "=N changes it)";
    }

    private static FileSystemException tooLarge(Path file, long size) {
        return new FileSystemException(file.toString(), null, tooLargeReason(size));
    }

    private static long maxModuleBytes() {
        String v = System.getProperty(MAX_MODULE_BYTES_PROPERTY);
        if (v != null) {
            try {
                long n = Long.parseLong(v.trim());
                if (n > 0) {
                    return Math.min(n, Integer.MAX_VALUE - 8);
                }
            } catch (NumberFormatException ignored) {
                // the default below
            }
            System.getLogger("sandpiper").log(System.Logger.Level.WARNING, "-D" + MAX_MODULE_BYTES_PROPERTY + "="
                    + v + " is not a positive number of bytes; using " + DEFAULT_MAX_MODULE_BYTES);
        }
        return DEFAULT_MAX_MODULE_BYTES;
    }
}
