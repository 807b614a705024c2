package dev.sandpiper.cli;

import dev.sandpiper.interpreter.MemoryBudget;

/**
 * The resource options of the commands that run WebAssembly code: {@code --memory-budget-mb N}
 * ({@code invoke}, {@code transform}, {@code run}), one budget every instance of the command reserves
 * its memories and tables from, by default {@link MemoryBudget#shared()} (half the JVM's maximum
 * heap); and {@code --max-event-bytes N} ({@code transform}, {@code run}), the longest input line
 * read as an event.
 */
final class LimitOptions {
    /** The budget option's name. */
    static final String MEMORY_BUDGET = "--memory-budget-mb";
    /** The event size option's name. */
    static final String MAX_EVENT_BYTES = "--max-event-bytes";
    /** The largest line {@link dev.sandpiper.abi.JsonLines} can keep. */
    static final long MAX_LINE = Integer.MAX_VALUE - 8;

    private LimitOptions() {}

    /**
     * A budget of {@code value} MiB.
     *
     * @throws IllegalArgumentException when it is not a positive whole number, or more than the
     *     JVM's maximum heap (a budget the heap cannot hold protects nothing)
     */
    static MemoryBudget memoryBudget(String value) {
        long mb = CliJson.positive(MEMORY_BUDGET, value);
        long heap = Runtime.getRuntime().maxMemory();
        if (mb > heap >> 20) {
            throw new IllegalArgumentException(MEMORY_BUDGET + " " + value + " is more than the JVM's maximum heap of "
                    + (heap >> 20) + " MiB (raise it with -Xmx in SANDPIPER_JAVA_OPTS)");
        }
        return new MemoryBudget(mb << 20);
    }

    /**
     * The maximum event size, in bytes.
     *
     * @throws IllegalArgumentException when it is not a positive whole number or is above 2 GiB
     */
    static long maxEventBytes(String value) {
        long n = CliJson.positive(MAX_EVENT_BYTES, value);
        if (n > MAX_LINE) {
            throw new IllegalArgumentException(MAX_EVENT_BYTES + " must be at most " + MAX_LINE + ", not " + value);
        }
        return n;
    }

    /** The budget a command uses: the one given, else the process's shared one. */
    static MemoryBudget orShared(MemoryBudget given) {
        return given != null ? given : MemoryBudget.shared();
    }
}
