package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class InvokeCommandTest {
    /** The engine examples, from the cli module's folder. */
    private static final Path ENGINE = Paths.get("..", "examples", "engine");

    private record Result(int status, String out, String err) {}

    private static Result invoke(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 1];
        full[0] = "invoke";
        System.arraycopy(args, 0, full, 1, args.length);
        int status = Main.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String example(String name) {
        return ENGINE.resolve(name + ".wasm").toString();
    }

    @Test
    void printsEachResultAsTypeColonValue() {
        Result r = invoke(example("numbers"), "mix", "i64:-1", "f32:1.5", "f64:0x1p-3");
        assertEquals("i64:-1\nf32:1.5\nf64:0.125\ni32:1\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void bareIntegerIsAnI32() {
        Result r = invoke(example("fib"), "fib", "20");
        assertEquals("i32:6765\n", r.out());
    }

    @Test
    void nanPayloadReachesTheGuestIntact() {
        Result r = invoke(example("numbers"), "nan_bits", "f32:nan:0x200001");
        assertEquals("i32:" + 0x7FA00001 + "\n", r.out());
    }

    @Test
    void trapPrintsMessageAndExitsTwo() {
        Result r = invoke(example("numbers"), "div", "7", "0");
        assertTrue(r.out().startsWith("trap: integer divide by zero"), r.out());
        assertEquals(2, r.status());
    }

    @Test
    void infiniteLoopEndsWithTheDeadlineTrapWithin250ms() {
        long start = System.nanoTime();
        Result r = invoke("--timeout-ms", "50", example("loop"), "spin");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(r.out().startsWith("trap: deadline exceeded"), r.out());
        assertEquals(2, r.status());
        assertTrue(ms < 250, "took " + ms + " ms");
    }

    @Test
    void fuelStopsAnInfiniteLoopAtExactlyTheBudget() {
        Result r = invoke("--fuel", "1000", "--stats", example("loop"), "spin");
        assertTrue(r.out().startsWith("trap: fuel exhausted"), r.out());
        // The loop body is one basic block of 5 instructions (local.get, i32.const, i32.add,
        // local.set, br), after an entry block of none: 200 iterations fit exactly in 1000.
        assertTrue(r.err().startsWith("instructions: 1000,"), r.err());
    }

    @Test
    void unboundedRecursionEndsWithCallStackExhausted() {
        Result r = invoke(example("recursion"), "down", "i64:0");
        assertTrue(r.out().startsWith("trap: call stack exhausted"), r.out());
        assertEquals(2, r.status());
    }

    @Test
    void memoryGrowPastTheLimitReturnsMinusOne() {
        assertEquals("i32:16\n", invoke("--max-memory-mb", "1", example("grow"), "grow_all").out());
        assertEquals("i32:-1\n", invoke("--max-memory-mb", "1", example("grow"), "grow", "16").out());
        assertEquals("i32:1\n", invoke("--max-memory-mb", "1", example("grow"), "grow", "15").out());
    }

    @Test
    void importsOtherThanSpectestAreUnlinkable() {
        Result r = invoke(Paths.get("..", "examples", "transforms", "enrich", "enrich.wasm").toString(), "alloc", "4");
        assertEquals("unlinkable: unknown import env.log\n", r.out());
        assertEquals(1, r.status());
    }

    @Test
    void argumentOfTheWrongTypeIsExplained() {
        Result r = invoke(example("numbers"), "div", "i64:1", "2");
        assertEquals("error: argument 1 is i64 but the function takes i32; write i32:VALUE\n", r.out());
        assertEquals(Main.USAGE, r.status());
    }

    @Test
    void missingExportIsExplained() {
        Result r = invoke(example("fib"), "nope");
        assertEquals("error: no exported function named \"nope\"\n", r.out());
        assertEquals(1, r.status());
    }
}
