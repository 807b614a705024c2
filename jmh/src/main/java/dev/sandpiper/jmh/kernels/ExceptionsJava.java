package dev.sandpiper.jmh.kernels;

/**
 * Plain-Java twin of the {@code exceptions} kernel ({@code jmh/kernels/exceptions.wat}, export
 * {@code run(n, depth) -> i32}): {@code n} calls recurse {@code depth} frames; odd ones throw their
 * value from the bottom, caught around the call. The exception is created per throw without a stack
 * trace, as a WebAssembly exception carries none.
 */
public final class ExceptionsJava {
    private ExceptionsJava() {}

    /** The kernel's tag {@code $found}, carrying one i32. */
    static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int value;

        Found(int value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    private static int dive(int depth, int value) {
        if (depth == 0) {
            if ((value & 1) != 0) {
                throw new Found(value);
            }
            return value;
        }
        return dive(depth - 1, value);
    }

    /** The sum of what each of the {@code n} calls returned or threw. */
    public static int run(int n, int depth) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            try {
                sum += dive(depth, i);
            } catch (Found f) {
                sum += f.value;
            }
        }
        return sum;
    }
}
