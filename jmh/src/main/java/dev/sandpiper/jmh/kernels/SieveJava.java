package dev.sandpiper.jmh.kernels;

/**
 * Plain-Java twin of the {@code sieve} kernel: Sieve of Eratosthenes over a byte array.
 *
 * <p>The WebAssembly version is {@code kernels/sieve.wasm} (export {@code sieve(i32) -> i32}),
 * built from {@code jmh/kernels/sieve.c}; it keeps its n+1 byte array in linear memory and clears
 * it on every call, like {@link #sieve(int, byte[])}. {@code sieve(1_000_000) == 78498}.
 */
public final class SieveJava {

    private SieveJava() {}

    /** Number of primes p with 2 &lt;= p &lt;= n (0 if n &lt; 2); allocates its own array. */
    public static int sieve(int n) {
        return n < 2 ? 0 : sieve(n, new byte[n + 1]);
    }

    /**
     * Number of primes p with 2 &lt;= p &lt;= n, using {@code composite[0..n]} as scratch (it is
     * cleared first, so it may be reused between calls). Needs {@code composite.length > n}.
     */
    public static int sieve(int n, byte[] composite) {
        if (n < 2) {
            return 0;
        }
        for (int i = 0; i <= n; i++) {
            composite[i] = 0;
        }
        for (int i = 2; (long) i * i <= n; i++) {
            if (composite[i] != 0) {
                continue;
            }
            for (int j = i * i; j <= n && j >= 0; j += i) {
                composite[j] = 1;
            }
        }
        int count = 0;
        for (int i = 2; i <= n; i++) {
            if (composite[i] == 0) {
                count++;
            }
        }
        return count;
    }
}
