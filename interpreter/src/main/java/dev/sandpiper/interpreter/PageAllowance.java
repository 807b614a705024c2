package dev.sandpiper.interpreter;

/**
 * The pages the memories an instance defines may hold together: {@link ExecutionLimits#maxMemoryPages()}.
 * With one memory (all of 2.0) this is that memory's cap; with 3.0's multiple memories it keeps a
 * module from multiplying the store's memory limit by defining many memories. Each memory is also
 * capped on its own by its declared maximum; across instances and stores the {@link MemoryBudget}
 * bounds the heap. Imported memories count in the instance that defined them. Not thread-safe: an
 * instance belongs to its store's thread.
 */
final class PageAllowance {
    private final int limit;
    private long used;

    PageAllowance(int limit) {
        this.limit = limit;
    }

    /** Takes {@code pages} (u32) if they fit in what is left; whether they did. */
    boolean take(long pages) {
        if (used + pages > limit) {
            return false;
        }
        used += pages;
        return true;
    }

    /** Gives back {@code pages} taken for a growth that then failed. */
    void give(long pages) {
        used -= pages;
    }

    int limit() {
        return limit;
    }

    long used() {
        return used;
    }
}
