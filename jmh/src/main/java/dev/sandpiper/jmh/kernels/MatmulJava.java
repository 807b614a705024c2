package dev.sandpiper.jmh.kernels;

/**
 * Plain-Java twin of the {@code matmul} kernel: naive dense f64 matrix multiply with an i-k-j
 * loop, returning the sum of all entries of the product.
 *
 * <p>The WebAssembly version is {@code kernels/matmul.wasm} (export {@code matmul(i32) -> f64}),
 * built from {@code jmh/kernels/matmul.c}. Inputs: {@code A[i][j] = ((i*n + j) % 7) * 0.5},
 * {@code B[i][j] = ((i + 2*j) % 5) - 1.25}, row-major. {@code matmul(100) == 1124775.0}.
 */
public final class MatmulJava {

    private MatmulJava() {}

    /** Checksum of A*B for n x n inputs (0.0 if n &lt;= 0); allocates its own matrices. */
    public static double matmul(int n) {
        if (n <= 0) {
            return 0.0;
        }
        int nn = n * n;
        return matmul(n, new double[nn], new double[nn], new double[nn]);
    }

    /** Like {@link #matmul(int)}, with caller-supplied row-major scratch arrays of n*n entries. */
    public static double matmul(int n, double[] a, double[] b, double[] c) {
        if (n <= 0) {
            return 0.0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = ((i * n + j) % 7) * 0.5;
                b[i * n + j] = ((i + 2 * j) % 5) - 1.25;
                c[i * n + j] = 0.0;
            }
        }
        for (int i = 0; i < n; i++) {
            int ci = i * n;
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                int bk = k * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aik * b[bk + j];
                }
            }
        }
        double sum = 0.0;
        int nn = n * n;
        for (int idx = 0; idx < nn; idx++) {
            sum += c[idx];
        }
        return sum;
    }
}
