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

    /**
     * Writes a small vector module to a temporary file, built by wat2wasm from:
     * <pre>
     * (module
     *   (func (export "add") (param v128 v128) (result v128)
     *     (i32x4.add (local.get 0) (local.get 1)))
     *   (func (export "mix") (param i32 v128 i64) (result i64 v128 i32)
     *     (local.get 2) (local.get 1) (local.get 0)))
     * </pre>
     */
    private static String vectorModule() throws java.io.IOException {
        String hex = "0061736d0100000001100260027b7b017b60037f7b7e037e7b7f0303020001070d02036164640000036d697800010a1402"
                + "090020002001fdae010b08002002200120000b";
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        Path file = java.nio.file.Files.createTempFile("sandpiper-v128", ".wasm");
        file.toFile().deleteOnExit();
        java.nio.file.Files.write(file, bytes);
        return file.toString();
    }

    @Test
    void v128ArgumentsAndResultsUseShapeAndLanes() throws Exception {
        Result r = invoke(vectorModule(), "add", "v128:i32x4:1,2,3,-4", "v128:i32x4:10,20,30,0x7fffffff");
        assertEquals("v128:i32x4:11,22,33,2147483643\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void v128ArgumentsTakeEveryShape() throws Exception {
        String m = vectorModule();
        // Lane 0 is the lowest: i8x16 lanes 1, 0, 0, 0 make i32 lane 0 = 1; 255 and -1 are the same byte.
        assertEquals("v128:i32x4:1,-1,0,65536\n",
                invoke(m, "add", "v128:i8x16:1,0,0,0,255,-1,255,255,0,0,0,0,0,0,1,0", "v128:i64x2:0,0").out());
        assertEquals("v128:i32x4:65538,0,0,0\n",
                invoke(m, "add", "v128:i16x8:1,1,0,0,0,0,0,0", "v128:i16x8:1,0,0,0,0,0,0,0").out());
        // f32 bits: 1.0, -nan, 0, and -0 (0x80000000) plus the smallest denormal (1).
        assertEquals("v128:i32x4:1065353216,-4194304,0,-2147483647\n",
                invoke(m, "add", "v128:f32x4:1,-nan,0,-0", "v128:f32x4:0,0,0,0x1p-149").out());
    }

    @Test
    void v128ResultShapeIsChosenWithTheV128Option() throws Exception {
        String m = vectorModule();
        assertEquals("v128:f32x4:1.5,nan,-inf,-0.0\n",
                invoke("--v128", "f32x4", m, "add", "v128:f32x4:1.5,nan,-inf,-0", "v128:i32x4:0,0,0,0").out());
        assertEquals("v128:f64x2:0.125,nan:0x1\n",
                invoke("--v128", "f64x2", m, "add", "v128:f64x2:0x1p-3,nan:0x1", "v128:i64x2:0,0").out());
        assertEquals("v128:i8x16:-1,2,0,0,0,0,0,0,0,0,0,0,0,0,0,-128\n",
                invoke("--v128", "i8x16", m, "add", "v128:i8x16:255,2,0,0,0,0,0,0,0,0,0,0,0,0,0,128",
                        "v128:i32x4:0,0,0,0").out());
        assertEquals("v128:i16x8:-1,0,0,0,0,0,0,32767\n",
                invoke("--v128", "i16x8", m, "add", "v128:i16x8:65535,0,0,0,0,0,0,32767", "v128:i32x4:0,0,0,0").out());
        assertEquals("v128:i64x2:-9223372036854775808,1\n",
                invoke("--v128", "i64x2", m, "add", "v128:i64x2:-9223372036854775808,1", "v128:i64x2:0,0").out());
    }

    @Test
    void v128BetweenScalarsKeepsEverySlotInPlace() throws Exception {
        Result r = invoke(vectorModule(), "mix", "i32:7", "v128:i32x4:1,2,3,4", "i64:-5");
        assertEquals("i64:-5\nv128:i32x4:1,2,3,4\ni32:7\n", r.out());
    }

    @Test
    void malformedV128ArgumentsAreExplained() throws Exception {
        String m = vectorModule();
        Result lanes = invoke(m, "add", "v128:i32x4:1,2,3", "v128:i32x4:0,0,0,0");
        assertTrue(lanes.out().contains("takes 4 lanes, not 3"), lanes.out());
        assertEquals(Main.USAGE, lanes.status());
        Result shape = invoke(m, "add", "v128:i24x5:1,2,3,4,5", "v128:i32x4:0,0,0,0");
        assertTrue(shape.out().contains("unknown v128 shape 'i24x5'"), shape.out());
        Result range = invoke(m, "add", "v128:i8x16:256,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", "v128:i32x4:0,0,0,0");
        assertTrue(range.out().contains("does not fit in 8 bits"), range.out());
        Result noShape = invoke(m, "add", "v128:1", "v128:i32x4:0,0,0,0");
        assertTrue(noShape.out().contains("v128:SHAPE:LANE"), noShape.out());
        Result option = invoke("--v128", "i128x1", m, "add", "v128:i32x4:0,0,0,0", "v128:i32x4:0,0,0,0");
        assertEquals(Main.USAGE, option.status());
        assertTrue(option.err().contains("unknown v128 shape"), option.err());
    }
}
