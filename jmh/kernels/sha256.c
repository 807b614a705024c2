/*
 * sha256.wasm: SHA-256 (FIPS 180-4) over a generated buffer.
 *
 *   void fill(int len, int seed)  fills the input buffer (at the heap base) with
 *                                 len bytes from a 32-bit LCG:
 *                                   s = seed;  for each byte:
 *                                   s = s * 1664525 + 1013904223 (mod 2^32);
 *                                   byte = s >> 24
 *                                 (traps with `unreachable` if memory cannot grow)
 *   int  sha256(int len)          hashes the first len bytes of that buffer,
 *                                 stores the 32-byte digest in a static array
 *                                 and returns its address (0 if len < 0 or the
 *                                 buffer does not fit in memory).
 *
 * fill(1048576, 1); sha256(1048576) =
 *   8ffdf7e6cfde155ab118e1f70435db9efd0e96745e674854895edd173fc591ca
 */
#include "kernel.h"

static const u32 K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static u8 digest[32];

static inline u32 rotr(u32 x, u32 n) { return (x >> n) | (x << (32 - n)); }

/* One compression step over the 64-byte block at p. */
static void compress(u32 st[8], const u8 *p) {
    u32 w[64];
    for (int i = 0; i < 16; i++) {
        w[i] = (u32)p[4 * i] << 24 | (u32)p[4 * i + 1] << 16 | (u32)p[4 * i + 2] << 8 | (u32)p[4 * i + 3];
    }
    for (int i = 16; i < 64; i++) {
        u32 s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        u32 s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    u32 a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7];
    for (int i = 0; i < 64; i++) {
        u32 t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        u32 t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    st[0] += a; st[1] += b; st[2] += c; st[3] += d;
    st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}

EXPORT("fill")
void fill(int len, int seed) {
    if (len <= 0) return;
    u8 *buf = heap_start();
    if (!ensure_memory((u64)(u32)buf + (u64)len)) __builtin_trap();
    u32 s = (u32)seed;
    for (u32 i = 0; i < (u32)len; i++) {
        s = s * 1664525u + 1013904223u;
        buf[i] = (u8)(s >> 24);
    }
}

EXPORT("sha256")
int sha256(int len) {
    if (len < 0) return 0;
    const u8 *buf = heap_start();
    if (!memory_covers((u64)(u32)buf + (u64)len)) return 0;

    u32 st[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    u32 n = (u32)len;
    u32 full = n / 64;
    for (u32 blk = 0; blk < full; blk++) compress(st, buf + 64 * blk);

    /* Padding: the tail, 0x80, zeros, then the bit length as a 64-bit big-endian. */
    u8 tail[128];
    u32 rem = n % 64;
    u32 tail_len = rem < 56 ? 64 : 128;
    for (u32 i = 0; i < rem; i++) tail[i] = buf[64 * full + i];
    tail[rem] = 0x80;
    for (u32 i = rem + 1; i < tail_len - 8; i++) tail[i] = 0;
    u64 bits = (u64)n * 8;
    for (u32 i = 0; i < 8; i++) tail[tail_len - 1 - i] = (u8)(bits >> (8 * i));
    compress(st, tail);
    if (tail_len == 128) compress(st, tail + 64);

    for (u32 i = 0; i < 8; i++) {
        digest[4 * i] = (u8)(st[i] >> 24);
        digest[4 * i + 1] = (u8)(st[i] >> 16);
        digest[4 * i + 2] = (u8)(st[i] >> 8);
        digest[4 * i + 3] = (u8)st[i];
    }
    return (int)(u32)digest;
}
