package dev.sandpiper.jmh.kernels;

import java.util.Arrays;

/**
 * Plain-Java twin of the {@code memops} kernel: per round a bulk fill ({@link Arrays#fill}), one
 * byte store, a bulk copy ({@link System#arraycopy}) and a scalar checksum loop over the copy.
 *
 * <p>The WebAssembly version is {@code kernels/memops.wasm} (export {@code memops(i32 size, i32
 * rounds) -> i32}), built from {@code jmh/kernels/memops.c} with {@code memory.fill} and {@code
 * memory.copy}. {@code memops(65536, 16) == -728316192}.
 */
public final class MemopsJava {

    private MemopsJava() {}

    /** Runs the kernel with freshly allocated buffers (0 if size or rounds &lt;= 0). */
    public static int memops(int size, int rounds) {
        if (size <= 0 || rounds <= 0) {
            return 0;
        }
        return memops(size, rounds, new byte[size], new byte[size]);
    }

    /**
     * Runs the kernel using {@code src} and {@code dst} (each at least {@code size} bytes). For each
     * round r: fill src with {@code (r*37 + 11) & 0xff}; {@code src[(r*4099) mod size] = (byte) r}
     * (unsigned 32-bit arithmetic); copy src to dst; {@code sum = sum * 31 + (dst[i] & 0xff)} over
     * all bytes.
     */
    public static int memops(int size, int rounds, byte[] src, byte[] dst) {
        if (size <= 0 || rounds <= 0) {
            return 0;
        }
        int sum = 0;
        for (int r = 0; r < rounds; r++) {
            Arrays.fill(src, 0, size, (byte) (r * 37 + 11));
            src[Integer.remainderUnsigned(r * 4099, size)] = (byte) r;
            System.arraycopy(src, 0, dst, 0, size);
            for (int i = 0; i < size; i++) {
                sum = sum * 31 + (dst[i] & 0xff);
            }
        }
        return sum;
    }
}
