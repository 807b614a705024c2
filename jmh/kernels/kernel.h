/*
 * Shared helpers for the Sandpiper benchmark kernels.
 *
 * The kernels are compiled freestanding (no libc, no headers): everything they
 * need is defined here. Large working buffers live at __heap_base (the first
 * byte after static data and the shadow stack, as laid out by wasm-ld) and
 * linear memory is grown on demand with memory.grow.
 */
#ifndef SANDPIPER_KERNEL_H
#define SANDPIPER_KERNEL_H

typedef unsigned char u8;
typedef unsigned int u32;
typedef int i32;
typedef unsigned long long u64;

#define EXPORT(name) __attribute__((export_name(name)))

#define WASM_PAGE 65536ull

/* Provided by wasm-ld: first free address after data and stack. */
extern u8 __heap_base;

/* Start of the scratch heap, rounded up to 16 bytes. */
static inline u8 *heap_start(void) {
    return (u8 *)(((u32)&__heap_base + 15u) & ~15u);
}

/*
 * Makes sure linear memory spans at least `end` bytes, growing it if needed.
 * Returns 1 on success, 0 if the request is beyond 4 GiB or memory.grow fails.
 */
static inline int ensure_memory(u64 end) {
    if (end > 65536ull * WASM_PAGE) return 0;
    u64 have = (u64)__builtin_wasm_memory_size(0) * WASM_PAGE;
    if (end <= have) return 1;
    u32 pages = (u32)((end - have + WASM_PAGE - 1) / WASM_PAGE);
    return __builtin_wasm_memory_grow(0, pages) != (__SIZE_TYPE__)-1;
}

/* Returns 1 if linear memory already spans at least `end` bytes (no growth). */
static inline int memory_covers(u64 end) {
    return end <= (u64)__builtin_wasm_memory_size(0) * WASM_PAGE;
}

#endif
