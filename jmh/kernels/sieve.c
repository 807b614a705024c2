/*
 * sieve.wasm: Sieve of Eratosthenes over a byte array in linear memory.
 *
 *   int sieve(int n)  ->  number of primes p with 2 <= p <= n
 *                         (0 if n < 2, -1 if memory cannot be grown)
 *
 * The array has n+1 bytes (index = number, 1 = composite) and lives at the
 * heap base; memory is grown on demand. sieve(1000000) = 78498,
 * sieve(16000000) = 1031130.
 */
#include "kernel.h"

EXPORT("sieve")
int sieve(int n) {
    if (n < 2) return 0;
    u8 *composite = heap_start();
    if (!ensure_memory((u64)(u32)composite + (u64)n + 1)) return -1;

    u32 limit = (u32)n;
    for (u32 i = 0; i <= limit; i++) composite[i] = 0;

    for (u32 i = 2; i * i <= limit; i++) {
        if (composite[i]) continue;
        for (u32 j = i * i; j <= limit; j += i) composite[j] = 1;
    }

    int count = 0;
    for (u32 i = 2; i <= limit; i++) count += composite[i] == 0;
    return count;
}
