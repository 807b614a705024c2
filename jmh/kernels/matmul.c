/*
 * matmul.wasm: naive dense f64 matrix multiply, C = A * B, all n x n, row-major.
 *
 *   double matmul(int n)  fills A and B, zeroes C, multiplies, and returns the
 *                         sum of all entries of C (summed row by row, left to
 *                         right). 0.0 if n <= 0, NaN if memory cannot be grown.
 *
 *   A[i][j] = ((i*n + j) % 7) * 0.5
 *   B[i][j] = ((i + 2*j) % 5) - 1.25
 *
 * Loop order is i-k-j: for each i, for each k, a = A[i][k]; for each j,
 * C[i][j] += a * B[k][j]. All values are small multiples of 1/8, so every
 * intermediate is exact in binary64 and the checksum does not depend on
 * summation order. matmul(100) = 1124775.0, matmul(256) = 18873118.5.
 * The three matrices (3 * n*n * 8 bytes) live at the heap base.
 */
#include "kernel.h"

EXPORT("matmul")
double matmul(int n) {
    if (n <= 0) return 0.0;
    u32 nn = (u32)n * (u32)n;
    double *a = (double *)heap_start();
    if ((u64)n * (u64)n * 24 > 0xFFFFFFFFull || !ensure_memory((u64)(u32)a + (u64)nn * 24)) {
        return __builtin_nan("");
    }
    double *b = a + nn;
    double *c = b + nn;

    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            a[i * n + j] = (double)((i * n + j) % 7) * 0.5;
            b[i * n + j] = (double)((i + 2 * j) % 5) - 1.25;
            c[i * n + j] = 0.0;
        }
    }

    for (int i = 0; i < n; i++) {
        double *ci = c + i * n;
        for (int k = 0; k < n; k++) {
            double aik = a[i * n + k];
            const double *bk = b + k * n;
            for (int j = 0; j < n; j++) ci[j] += aik * bk[j];
        }
    }

    double sum = 0.0;
    for (u32 idx = 0; idx < nn; idx++) sum += c[idx];
    return sum;
}
