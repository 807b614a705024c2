package dev.sandpiper.jmh.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The kernel modules, {@code /kernels/<name>.wasm} on the classpath (built from {@code jmh/kernels/*.c}). */
public final class Kernels {

    /** Every kernel, in the order the reports list them. */
    public static final String[] NAMES = {"fib", "sieve", "sha256", "matmul", "memops", "json"};

    private Kernels() {}

    /** The bytes of {@code /kernels/<name>.wasm}. */
    public static byte[] wasm(String name) {
        String resource = "/kernels/" + name + ".wasm";
        try (InputStream in = Kernels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource not found: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
