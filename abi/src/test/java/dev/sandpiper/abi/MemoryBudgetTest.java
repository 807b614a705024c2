package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertContains;
import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.interpreter.MemoryBudget;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runtimes sharing one memory budget: refusals are limits, deployments that cannot fit are refused. */
class MemoryBudgetTest {
    private static final List<Event> SAMPLE = Guests.sampleEvents();

    @TempDir
    Path dir;

    private static WasmModule hog() {
        return Guests.load(Guests.relaxed(example("bad-memory-hog")));
    }

    @Test
    void aGrowTheBudgetRefusesFailsTheEventAsLimitAndTheMemoryGoesBack() {
        MemoryBudget budget = new MemoryBudget(4L << 20); // less than the hog's 16 MiB limit
        WasmModule hog = hog();
        try (WasmRuntime r = hog.newRuntime(budget)) {
            for (int i = 0; i < 3; i++) {
                TransformError e = assertFailed(TransformError.Kind.LIMIT, r.transform(SAMPLE.get(i)));
                assertContains("memory.grow was refused at ", e.message());
                assertContains("by the memory budget", e.message());
                assertEquals(0, budget.used(), "the failed instance gave its memory back: " + budget.describe());
            }
            assertTrue(budget.peak() <= budget.capacity());
            assertTrue(budget.peak() > 2L << 20, "the hog got close to the budget: " + budget.peak());
        }
        assertEquals(0, budget.used());
    }

    @Test
    void theMemoryLimitStillNamesItselfWhenTheBudgetHasRoom() {
        try (WasmRuntime r = hog().newRuntime(new MemoryBudget(64L << 20))) {
            TransformError e = assertFailed(TransformError.Kind.LIMIT, r.transform(SAMPLE.get(0)));
            Guests.assertStartsWith("transform reached memory_limit_mb 16 (memory.grow refused), then trapped: "
                    + "unreachable", e.message());
        }
    }

    @Test
    void anInstanceWhoseInitialMemoryDoesNotFitFailsAsLimit() {
        WasmModule hog = hog();
        try (WasmRuntime r = hog.newRuntime(new MemoryBudget(hog.initialMemoryBytes() - 1))) {
            TransformError e = assertFailed(TransformError.Kind.LIMIT, r.transform(SAMPLE.get(0)));
            assertContains("instantiation failed", e.message());
        }
    }

    @Test
    void checkFitsNamesTheNumbers() throws Exception {
        WasmModule hog = hog();
        long each = hog.initialMemoryBytes();
        assertTrue(each > 0);
        MemoryBudget budget = new MemoryBudget(2 * each);
        hog.checkFits(2, budget);
        WasmLoadException e = assertThrows(WasmLoadException.class, () -> hog.checkFits(3, budget));
        assertEquals(WasmLoadException.Kind.CONFIG, e.kind());
        assertContains("3 instances of bad-memory-hog need 3 x " + MemoryBudget.mib(each) + " MiB = "
                + MemoryBudget.mib(3 * each) + " MiB of initial memory, more than the memory budget has free", e.getMessage());
    }

    @Test
    void aPoolSharesItsBudget() {
        MemoryBudget budget = new MemoryBudget(64L << 20);
        WasmModule hog = hog();
        try (WasmRuntimePool pool = new WasmRuntimePool(hog, 3, budget)) {
            assertEquals(budget, pool.memoryBudget());
            pool.init();
            assertTrue(budget.used() >= 3 * hog.initialMemoryBytes(), budget.describe());
        } catch (TransformException e) {
            throw new AssertionError(e);
        }
        assertEquals(0, budget.used());
    }

    @Test
    void aModuleFileLargerThanTheLimitIsNotRead() throws Exception {
        Path big = dir.resolve("big.wasm");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength((64L << 20) + 1); // sparse: nothing is written
        }
        WasmLoadException e = assertThrows(WasmLoadException.class, () -> WasmModule.load(WasmConfig.of(big)));
        assertEquals(WasmLoadException.Kind.CONFIG, e.kind());
        assertContains("module of " + ((64L << 20) + 1) + " bytes exceeds the maximum module size of " + (64L << 20)
                + " bytes", e.getMessage());
    }
}
