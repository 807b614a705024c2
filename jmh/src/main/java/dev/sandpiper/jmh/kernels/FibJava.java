package dev.sandpiper.jmh.kernels;

/**
 * Plain-Java twin of the {@code fib} kernel: naive doubly-recursive Fibonacci.
 *
 * <p>The WebAssembly version is {@code kernels/fib.wasm} (export {@code fib(i32) -> i32}), built
 * from {@code jmh/kernels/fib.c}. {@code fib(30) == 832040}.
 */
public final class FibJava {

    private FibJava() {}

    /** Returns the n-th Fibonacci number (n &lt; 2 gives n), computed with two recursive calls. */
    public static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}
