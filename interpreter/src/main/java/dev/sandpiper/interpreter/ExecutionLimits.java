package dev.sandpiper.interpreter;

import java.time.Duration;

/**
 * The guardrails of a {@link Store}: what one call into WebAssembly may consume.
 *
 * @param fuel instructions one call may execute ({@link #UNLIMITED} for no limit); how
 *     instructions are counted: {@code interpreter/README.md}
 * @param timeout wall-clock limit of one call ({@link Duration#ZERO} for none)
 * @param maxCallDepth most nested calls; one more traps with "call stack exhausted"
 * @param maxMemoryPages most 64 KiB pages the memories an instance defines may have together (one
 *     memory in 2.0; with 3.0's multiple memories, their sum); {@code memory.grow} beyond returns -1
 *     and a module whose memories start larger cannot be instantiated. At most {@link #MAX_MEMORY_PAGES}.
 * @param maxTableElements most elements a table may have, likewise
 * @param maxStackSlots most 64-bit slots of the value stack (locals and operands of all active
 *     calls); beyond it: "call stack exhausted"
 */
public record ExecutionLimits(long fuel, Duration timeout, int maxCallDepth, int maxMemoryPages,
        int maxTableElements, int maxStackSlots) {

    /** {@link #fuel()} of a store without an instruction budget. */
    public static final long UNLIMITED = -1;

    /** The largest memory a {@link java.nio.ByteBuffer} can hold: 2 GiB less one page. */
    public static final int MAX_MEMORY_PAGES = 32767;

    /**
     * The largest a 64-bit memory (3.0 memory64) may be configured to grow: 2^24 pages (1 TiB),
     * held in chunks of 1 GiB (interpreter README, "Memory"); 32-bit memories stay within
     * {@link #MAX_MEMORY_PAGES}.
     */
    public static final int MAX_MEMORY64_PAGES = 1 << 24;

    /**
     * No fuel limit, no timeout, 10,000 nested calls, memories up to {@link #MAX_MEMORY_PAGES},
     * tables up to 10 million elements, a value stack of up to 4 million slots (32 MiB).
     */
    public static final ExecutionLimits DEFAULT =
            new ExecutionLimits(UNLIMITED, Duration.ZERO, 10_000, MAX_MEMORY_PAGES, 10_000_000, 4 << 20);

    public ExecutionLimits {
        if (fuel < 0 && fuel != UNLIMITED) {
            throw new IllegalArgumentException("fuel must be positive or UNLIMITED, not " + fuel);
        }
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero (none) or positive");
        }
        if (maxCallDepth < 1) {
            throw new IllegalArgumentException("maxCallDepth must be at least 1");
        }
        if (maxMemoryPages < 0 || maxMemoryPages > MAX_MEMORY64_PAGES) {
            throw new IllegalArgumentException("maxMemoryPages must be 0.." + MAX_MEMORY64_PAGES + ", not " + maxMemoryPages);
        }
        if (maxTableElements < 0) {
            throw new IllegalArgumentException("maxTableElements must not be negative");
        }
        if (maxStackSlots < 1024) {
            throw new IllegalArgumentException("maxStackSlots must be at least 1024");
        }
    }

    public ExecutionLimits withFuel(long newFuel) {
        return new ExecutionLimits(newFuel, timeout, maxCallDepth, maxMemoryPages, maxTableElements, maxStackSlots);
    }

    public ExecutionLimits withTimeout(Duration newTimeout) {
        return new ExecutionLimits(fuel, newTimeout, maxCallDepth, maxMemoryPages, maxTableElements, maxStackSlots);
    }

    public ExecutionLimits withMaxCallDepth(int depth) {
        return new ExecutionLimits(fuel, timeout, depth, maxMemoryPages, maxTableElements, maxStackSlots);
    }

    public ExecutionLimits withMaxMemoryPages(int pages) {
        return new ExecutionLimits(fuel, timeout, maxCallDepth, pages, maxTableElements, maxStackSlots);
    }

    /** The memory limit in bytes, rounded down to whole pages. */
    public ExecutionLimits withMaxMemoryBytes(long bytes) {
        long pages = Math.min(bytes / Memory.PAGE_SIZE, MAX_MEMORY_PAGES);
        return withMaxMemoryPages((int) pages);
    }

    public ExecutionLimits withMaxTableElements(int elements) {
        return new ExecutionLimits(fuel, timeout, maxCallDepth, maxMemoryPages, elements, maxStackSlots);
    }

    public ExecutionLimits withMaxStackSlots(int slots) {
        return new ExecutionLimits(fuel, timeout, maxCallDepth, maxMemoryPages, maxTableElements, slots);
    }
}
