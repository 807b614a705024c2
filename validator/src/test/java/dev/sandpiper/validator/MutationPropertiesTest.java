package dev.sandpiper.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Robustness of decoding and validation against corrupted input: every valid module of the spec
 * suite (the {@code module} commands of {@code wasm-2.0/json/*}/*.json), mutated 1 to 4 times (bit
 * flips, byte replacements, truncation, insertion or deletion of a run, a chunk spliced from another
 * module, a perturbed LEB128 length field), must decode and validate, or fail with a
 * {@link MalformedModuleException} or an {@link InvalidModuleException}; nothing else may escape
 * (no internal decoder error, runtime exception, stack overflow or out-of-memory), and each try must
 * finish within 2 seconds.
 *
 * <p>The suite is found through the system property {@code wasm.testsuite.dir}, else the environment
 * variable {@code WASM_TESTSUITE_DIR}, else {@code ../shared/wasm-testsuite/wasm-2.0/json} relative to
 * the repository root.
 */
@AddLifecycleHook(MutationPropertiesTest.SuitePresent.class)
class MutationPropertiesTest {

    /** Skips the properties, saying why, in a clone without wast2json's output of the suite beside it. */
    public static final class SuitePresent implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            try {
                suiteDir();
                return SkipResult.doNotSkip();
            } catch (AssertionError absent) {
                return SkipResult.skip(absent.getMessage());
            }
        }
    }

    private static final long MAX_MILLIS_PER_TRY = 2000;

    enum Outcome { VALID, MALFORMED, INVALID }

    private static final Map<Outcome, Integer> OUTCOMES = new EnumMap<>(Outcome.class);

    // ---------------------------------------------------------------- the corpus

    /** Valid modules of the suite and their names, loaded on first use (not in a static initialiser, so a
     * missing suite fails each property with a plain message rather than a class initialisation error). */
    private static final class Corpus {
        static final List<String> NAMES = new ArrayList<>();
        static final List<byte[]> MODULES = new ArrayList<>();

        static synchronized List<byte[]> modules() {
            if (MODULES.isEmpty()) {
                load();
            }
            return MODULES;
        }

        private static void load() {
            Path dir = suiteDir();
            Pattern moduleCommand = Pattern.compile("\"type\": \"module\"[^}]*?\"filename\": \"([^\"]+\\.wasm)\"");
            try (Stream<Path> jsons = Files.list(dir)) {
                for (Path sub : jsons.sorted().toList()) {
                    Path json = sub.resolve(sub.getFileName() + ".json");
                    if (!Files.isRegularFile(json)) {
                        continue;
                    }
                    Matcher m = moduleCommand.matcher(Files.readString(json, StandardCharsets.UTF_8));
                    while (m.find()) {
                        MODULES.add(Files.readAllBytes(sub.resolve(m.group(1))));
                        NAMES.add(sub.getFileName() + "/" + m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertTrue(MODULES.size() > 1000, "expected the 1,595 modules of wasm-2.0 in " + dir + ", found "
                    + MODULES.size());
        }
    }

    static Path suiteDir() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("wasm.testsuite.dir");
        String env = System.getenv("WASM_TESTSUITE_DIR");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        } else if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        } else {
            // working directory: the module (validator/), or the repository root when run from there
            candidates.add(Path.of("..", "..", "shared", "wasm-testsuite", "wasm-2.0", "json"));
            candidates.add(Path.of("..", "shared", "wasm-testsuite", "wasm-2.0", "json"));
        }
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("address"))) {
                return p;
            }
        }
        return fail("WebAssembly spec suite (wasm-2.0/json) not found at " + candidates.stream()
                .map(p -> p.toAbsolutePath().normalize().toString()).toList()
                + "; set -Dwasm.testsuite.dir=<dir> or WASM_TESTSUITE_DIR to its wasm-2.0/json folder");
    }

    // ---------------------------------------------------------------- mutations

    enum Kind { BIT_FLIP, BYTE_REPLACE, TRUNCATE, INSERT_RUN, DELETE_RUN, SPLICE, LEB_PERTURB }

    /** One mutation; its parameters are reduced modulo the sizes they index when applied. */
    record Mutation(Kind kind, int a, int b, int c, int d) {
        private static final int[] INTERESTING = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0x40, 0x0B, 0x60, 0x70, 0x6F, 0x7B,
                0xFC, 0xFD, 0x41, 0x0C, 0x0E, 0x11, 0x02, 0x05, 0x1C};
        private static final long[] LEB_VALUES = {0, 1, 0x7F, 0x80, 0x3FFF, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL};

        byte[] apply(byte[] in) {
            int n = in.length;
            switch (kind) {
                case BIT_FLIP -> {
                    if (n == 0) {
                        return in;
                    }
                    byte[] out = in.clone();
                    out[a % n] ^= (byte) (1 << (b % 8));
                    return out;
                }
                case BYTE_REPLACE -> {
                    if (n == 0) {
                        return in;
                    }
                    byte[] out = in.clone();
                    out[a % n] = (byte) (c % 2 == 0 ? INTERESTING[b % INTERESTING.length] : b);
                    return out;
                }
                case TRUNCATE -> {
                    return Arrays.copyOf(in, a % (n + 1));
                }
                case INSERT_RUN -> {
                    int pos = a % (n + 1);
                    byte[] run = new byte[1 + b % 16];
                    SplittableRandom r = new SplittableRandom(c);
                    for (int i = 0; i < run.length; i++) {
                        run[i] = (byte) (d % 2 == 0 ? r.nextInt(256) : INTERESTING[c % INTERESTING.length]);
                    }
                    return ModuleBytes.concat(Arrays.copyOf(in, pos), run, Arrays.copyOfRange(in, pos, n));
                }
                case DELETE_RUN -> {
                    if (n == 0) {
                        return in;
                    }
                    int pos = a % n;
                    int len = 1 + b % Math.min(32, n - pos);
                    return ModuleBytes.concat(Arrays.copyOf(in, pos), Arrays.copyOfRange(in, pos + len, n));
                }
                case SPLICE -> {
                    byte[] other = Corpus.modules().get(c % Corpus.modules().size());
                    int src = d % other.length;
                    int len = 1 + b % Math.min(64, other.length - src);
                    int pos = a % (n + 1);
                    byte[] out = Arrays.copyOf(in, Math.max(n, pos + len));
                    System.arraycopy(other, src, out, pos, len);
                    return out;
                }
                case LEB_PERTURB -> {
                    List<Integer> fields = lengthFields(in);
                    if (fields.isEmpty()) {
                        return in;
                    }
                    int at = fields.get(a % fields.size());
                    int end = at;
                    long value = 0;
                    for (int shift = 0; end < n && shift < 35; shift += 7) {
                        value |= (long) (in[end] & 0x7F) << shift;
                        if ((in[end++] & 0x80) == 0) {
                            break;
                        }
                    }
                    long perturbed = switch (b % 4) {
                        case 0 -> value + 1 + c % 3;
                        case 1 -> Math.max(0, value - 1 - c % 3);
                        case 2 -> LEB_VALUES[c % LEB_VALUES.length];
                        default -> value + n;
                    } & 0xFFFFFFFFL;
                    byte[] enc = d % 3 == 0 ? ModuleBytes.u32Padded(perturbed, 5) : ModuleBytes.u32(perturbed);
                    return ModuleBytes.concat(Arrays.copyOf(in, at), enc, Arrays.copyOfRange(in, end, n));
                }
                default -> throw new AssertionError(kind);
            }
        }

        /**
         * Offsets of the LEB128 length fields found by walking the section headers, and within a code
         * section the body sizes (a best effort: the walk stops where the bytes stop making sense).
         */
        static List<Integer> lengthFields(byte[] b) {
            List<Integer> fields = new ArrayList<>();
            int pos = 8;
            while (pos < b.length) {
                int id = b[pos] & 0xFF;
                int sizeAt = pos + 1;
                long[] size = new long[1];
                int contentAt = readU32(b, sizeAt, size);
                if (contentAt < 0) {
                    break;
                }
                fields.add(sizeAt);
                long end = contentAt + size[0];
                if (id == ModuleBytes.CODE && end <= b.length) {
                    long[] count = new long[1];
                    int p = readU32(b, contentAt, count);
                    for (long i = 0; p >= 0 && i < count[0] && p < end; i++) {
                        long[] bodySize = new long[1];
                        int next = readU32(b, p, bodySize);
                        if (next < 0) {
                            break;
                        }
                        fields.add(p);
                        p = (int) Math.min(Integer.MAX_VALUE, next + bodySize[0]);
                    }
                }
                if (end > b.length) {
                    break;
                }
                pos = (int) end;
            }
            return fields;
        }

        /** Reads an unsigned LEB128 at {@code p}; returns the offset after it, or -1. */
        private static int readU32(byte[] b, int p, long[] out) {
            long v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                if (p >= b.length) {
                    return -1;
                }
                int x = b[p++] & 0xFF;
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    out[0] = v;
                    return p;
                }
            }
            return -1;
        }
    }

    /** A module of the corpus and the mutations applied to it in order. */
    record Mutated(int module, List<Mutation> mutations) {
        byte[] bytes() {
            byte[] b = Corpus.modules().get(module);
            for (Mutation m : mutations) {
                b = m.apply(b);
            }
            return b;
        }

        @Override
        public String toString() {
            return Corpus.NAMES.get(module) + " with " + mutations;
        }
    }

    @Provide
    Arbitrary<Mutated> mutatedModules() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, Integer.MAX_VALUE - 1);
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Kind.class), index, index, index, index)
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.integers().between(0, Corpus.modules().size() - 1),
                mutation.list().ofMinSize(1).ofMaxSize(4)).as(Mutated::new);
    }

    // ---------------------------------------------------------------- properties

    /** Decodes and validates; returns how it ended, failing on anything but the three allowed outcomes. */
    private static Outcome decodeAndValidate(byte[] bytes, Object what) {
        Outcome outcome;
        long t0 = System.nanoTime();
        try {
            ModuleValidator.validate(ModuleDecoder.decode(bytes));
            outcome = Outcome.VALID;
        } catch (MalformedModuleException e) {
            if (e.reason().startsWith("internal decoder error")) {
                throw new AssertionError("decoder bug on " + what + ": " + e.getMessage(), e);
            }
            outcome = Outcome.MALFORMED;
        } catch (InvalidModuleException e) {
            outcome = Outcome.INVALID;
        } catch (Throwable t) { // RuntimeException, StackOverflowError, OutOfMemoryError, AssertionError...
            throw new AssertionError("unexpected " + t + " on " + what, t);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < MAX_MILLIS_PER_TRY, () -> "took " + millis + " ms on " + what);
        return outcome;
    }

    @Property(tries = 10_000)
    void mutatedModulesDecodeAndValidateOrFailCleanly(@ForAll("mutatedModules") Mutated m) {
        Outcome outcome = decodeAndValidate(m.bytes(), m);
        OUTCOMES.merge(outcome, 1, Integer::sum);
    }

    @Example
    void everyUnmutatedModuleOfTheSuiteIsValid() {
        for (int i = 0; i < Corpus.modules().size(); i++) {
            assertEquals(Outcome.VALID, decodeAndValidate(Corpus.modules().get(i), Corpus.NAMES.get(i)),
                    Corpus.NAMES.get(i));
        }
    }

    @Example
    void lengthFieldsAreFoundInEveryModuleWithSections() {
        int withFields = 0;
        for (byte[] m : Corpus.modules()) {
            if (!Mutation.lengthFields(m).isEmpty()) {
                withFields++;
            }
        }
        assertTrue(withFields > Corpus.modules().size() * 9 / 10, "modules with length fields: " + withFields);
    }

    @AfterContainer
    static void report() {
        if (!OUTCOMES.isEmpty()) {
            int total = OUTCOMES.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("MutationPropertiesTest: %d mutated modules from %d of the suite: %d valid, %d malformed,"
                    + " %d invalid%n", total, Corpus.MODULES.size(), OUTCOMES.getOrDefault(Outcome.VALID, 0),
                    OUTCOMES.getOrDefault(Outcome.MALFORMED, 0), OUTCOMES.getOrDefault(Outcome.INVALID, 0));
        }
    }
}
