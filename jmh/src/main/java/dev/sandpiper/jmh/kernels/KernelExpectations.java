package dev.sandpiper.jmh.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark inputs and expected results shared by the wasm kernels ({@code kernels/*.wasm}, built
 * from {@code jmh/kernels/*.c}) and their Java twins, so benchmarks can assert they computed the
 * right thing. The same values are asserted for the wasm side by {@code jmh/kernels/verify.mjs}.
 *
 * <p>{@link #main} checks the Java twins against these values; with {@code --dump} it prints the
 * results for a fixed list of inputs in the same format as {@code node jmh/kernels/verify.mjs
 * --dump}, so the two outputs can be diffed. The sample JSON is read from the classpath resource
 * {@code /kernels/sample.json}, or from {@code --resources DIR} if given.
 */
public final class KernelExpectations {

    /** {@code binary_trees.run(12, 10)}: ten trees of 8,191 nodes. */
    public static final int TREES_DEPTH = 12;
    public static final int TREES_ITERATIONS = 10;
    public static final int TREES_12_10 = 10 * 8191;

    /** {@code exceptions.run(10_000, 10)}: half the calls throw through 10 frames; the sum of 0..9,999. */
    public static final int THROWS_N = 10_000;
    public static final int THROWS_DEPTH = 10;
    public static final int THROWS_10K = 49_995_000;

    /** {@code fib(30)}. */
    public static final int FIB_N = 30;
    public static final int FIB_30 = 832040;

    /** {@code sieve(1_000_000)}: primes up to one million. */
    public static final int SIEVE_N = 1_000_000;
    public static final int SIEVE_1M = 78498;
    public static final int SIEVE_16M = 1_031_130;

    /** {@code fill(1 MiB, seed 1)} then {@code sha256(1 MiB)}. */
    public static final int SHA256_LEN = 1 << 20;
    public static final int SHA256_SEED = 1;
    public static final String SHA256_1MIB_SEED1 =
            "8ffdf7e6cfde155ab118e1f70435db9efd0e96745e674854895edd173fc591ca";

    /** {@code matmul(100)} checksum (exact in binary64). */
    public static final int MATMUL_N = 100;
    public static final double MATMUL_100 = 1124775.0;
    public static final double MATMUL_256 = 18873118.5;

    /** {@code memops(64 KiB, 16 rounds)}. */
    public static final int MEMOPS_SIZE = 64 * 1024;
    public static final int MEMOPS_ROUNDS = 16;
    public static final int MEMOPS_64K_16 = -728316192;

    /** Classpath location of the tokenizer sample and its token count. */
    public static final String JSON_SAMPLE_RESOURCE = "/kernels/sample.json";
    public static final int JSON_SAMPLE_TOKENS = 1173;

    // Inputs for the wasm/Java comparison; keep in sync with verify.mjs.
    private static final int[] FIB_INPUTS = {0, 1, 2, 3, 10, 20, 25};
    private static final int[] SIEVE_INPUTS = {-5, 0, 1, 2, 3, 4, 10, 100, 1000, 65536, 99991, 1000000};
    private static final int[] SHA_LENS = {
        0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 65537, 1048576,
    };
    private static final int[] SHA_SEEDS = {1, 0, -1, 12345};
    private static final int[] MATMUL_INPUTS = {-1, 0, 1, 2, 3, 7, 10, 31, 64, 100, 256};
    private static final int[][] MEMOPS_INPUTS = {
        {0, 1}, {1, 0}, {1, 1}, {3, 5}, {16, 2}, {17, 3}, {1000, 7}, {4099, 2}, {65536, 16}, {100000, 3},
    };
    private static final Object[][] JSON_CASES = {
        {"", 0},
        {" \n\t\r ", 0},
        {"{}", 2},
        {"[1,2,3]", 7},
        {"{\"a\":1}", 5},
        {"true false null", 3},
        {"nulltrue", 2},
        {"0123", 2},
        {"-0.5e+10", 1},
        {"1E5", 1},
        {"1.5", 1},
        {"[1]]", 4},
        {"[1, -2.5, 3e-2, {\"k\": [true, null]}]", 17},
        {"\"\\u00e9\\uD83D\\uDE00\"", 1},
        {"\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", 1},
        {"\"h\u00e9llo \u6771\u4eac \uD83D\uDE80\"", 1},
        {"\"abc", -1},
        {"\"abc\\", -1},
        {"\"\\x\"", -1},
        {"\"\\u12G4\"", -1},
        {"\"\\u123\"", -1},
        {"\"\\u00e9", -1},
        {"\"a\nb\"", -1},
        {"tru", -1},
        {"nul", -1},
        {"falsy", -1},
        {"-", -1},
        {"-a", -1},
        {"1.", -1},
        {"1.e5", -1},
        {"1e", -1},
        {"1e+", -1},
        {"+1", -1},
        {".5", -1},
        {"'a'", -1},
        {"{\"a\":1}x", -1},
        {new byte[] {0x5b, (byte) 0xff, 0x5d}, -1},
    };

    private KernelExpectations() {}

    /** Reads the tokenizer sample from the classpath. */
    public static byte[] jsonSample() throws IOException {
        try (InputStream in = KernelExpectations.class.getResourceAsStream(JSON_SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IOException("resource not found: " + JSON_SAMPLE_RESOURCE);
            }
            return in.readAllBytes();
        }
    }

    /** Checks the Java twins (or, with {@code --dump}, prints the comparison lines). */
    public static void main(String[] args) throws IOException {
        boolean dump = false;
        Path resources = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dump")) {
                dump = true;
            } else if (args[i].equals("--resources") && i + 1 < args.length) {
                resources = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("usage: [--dump] [--resources DIR]");
            }
        }
        byte[] sample = resources == null ? jsonSample() : Files.readAllBytes(resources.resolve("sample.json"));
        if (dump) {
            dump(sample);
        } else {
            check(sample);
        }
    }

    private static void dump(byte[] sample) {
        StringBuilder out = new StringBuilder();
        for (int n : FIB_INPUTS) {
            out.append("fib ").append(n).append(' ').append(FibJava.fib(n)).append('\n');
        }
        for (int n : SIEVE_INPUTS) {
            out.append("sieve ").append(n).append(' ').append(SieveJava.sieve(n)).append('\n');
        }
        for (int seed : SHA_SEEDS) {
            for (int len : SHA_LENS) {
                String hex = Sha256Java.hex(Sha256Java.sha256(Sha256Java.fill(len, seed), len));
                out.append("sha256 ").append(len).append(' ').append(seed).append(' ').append(hex).append('\n');
            }
        }
        for (int n : MATMUL_INPUTS) {
            String bits = String.format("%016x", Double.doubleToRawLongBits(MatmulJava.matmul(n)));
            out.append("matmul ").append(n).append(' ').append(bits).append('\n');
        }
        for (int[] in : MEMOPS_INPUTS) {
            out.append("memops ").append(in[0]).append(' ').append(in[1]).append(' ')
                    .append(MemopsJava.memops(in[0], in[1])).append('\n');
        }
        for (int i = 0; i < JSON_CASES.length; i++) {
            out.append("json ").append(i).append(' ').append(JsonTokensJava.tokens(jsonBytes(i))).append('\n');
        }
        out.append("json sample ").append(JsonTokensJava.tokens(sample)).append('\n');
        System.out.print(out);
    }

    private static void check(byte[] sample) {
        expect(FibJava.fib(FIB_N), FIB_30, "fib(30)");
        expect(SieveJava.sieve(SIEVE_N), SIEVE_1M, "sieve(1000000)");
        expect(SieveJava.sieve(16_000_000), SIEVE_16M, "sieve(16000000)");
        byte[] input = Sha256Java.fill(SHA256_LEN, SHA256_SEED);
        expect(Sha256Java.hex(Sha256Java.sha256(input, SHA256_LEN)), SHA256_1MIB_SEED1, "sha256(1 MiB, seed 1)");
        expect(MatmulJava.matmul(MATMUL_N), MATMUL_100, "matmul(100)");
        expect(MatmulJava.matmul(256), MATMUL_256, "matmul(256)");
        expect(MemopsJava.memops(MEMOPS_SIZE, MEMOPS_ROUNDS), MEMOPS_64K_16, "memops(65536, 16)");
        for (int i = 0; i < JSON_CASES.length; i++) {
            expect(JsonTokensJava.tokens(jsonBytes(i)), JSON_CASES[i][1], "json case " + i);
        }
        expect(JsonTokensJava.tokens(sample), JSON_SAMPLE_TOKENS, "sample.json");
        expect(BinaryTreesJava.run(TREES_DEPTH, TREES_ITERATIONS), TREES_12_10, "binary_trees(12, 10)");
        expect(ExceptionsJava.run(THROWS_N, THROWS_DEPTH), THROWS_10K, "exceptions(10000, 10)");
        System.out.println("OK: Java twins match the expected kernel results");
    }

    private static byte[] jsonBytes(int i) {
        Object in = JSON_CASES[i][0];
        return in instanceof byte[] b ? b : ((String) in).getBytes(StandardCharsets.UTF_8);
    }

    private static void expect(Object actual, Object expected, String what) {
        if (!actual.equals(expected)) {
            throw new AssertionError(what + ": expected " + expected + " but got " + actual);
        }
    }
}
