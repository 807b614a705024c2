/*
 * memops.wasm: bulk memory fill/copy plus a scalar checksum pass.
 * The only kernel built with -mbulk-memory.
 *
 *   int memops(int size, int rounds)
 *
 * src is at the heap base, dst right after it (src + size rounded up to 16).
 * For r = 0 .. rounds-1:
 *   memset(src, (r*37 + 11) & 0xff, size)                   -> memory.fill
 *   src[(r * 4099) % size] = r & 0xff                        (one plain store;
 *        it also stops LLVM from folding the copy below into a second fill)
 *   memcpy(dst, src, size)                                   -> memory.copy
 *   for i in 0 .. size-1: sum = sum * 31 + dst[i]   (u32, wrapping)
 * Returns sum (as i32). 0 if size <= 0 or rounds <= 0; -1 if memory cannot grow.
 * memops(65536, 16) = -728316192 (0xd496c6e0).
 */
#include "kernel.h"

EXPORT("memops")
int memops(int size, int rounds) {
    if (size <= 0 || rounds <= 0) return 0;
    u32 n = (u32)size;
    u8 *src = heap_start();
    u8 *dst = src + ((n + 15u) & ~15u);
    if (!ensure_memory((u64)(u32)dst + n)) return -1;

    u32 sum = 0;
    for (u32 r = 0; r < (u32)rounds; r++) {
        __builtin_memset(src, (int)((r * 37u + 11u) & 0xffu), n);
        src[(r * 4099u) % n] = (u8)r;
        __builtin_memcpy(dst, src, n);
        for (u32 i = 0; i < n; i++) sum = sum * 31u + dst[i];
    }
    return (int)sum;
}
