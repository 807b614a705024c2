package dev.sandpiper.cli.fuzz;

import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.funcType;
import static dev.sandpiper.decoder.ModuleBytes.moduleOf;
import static dev.sandpiper.decoder.ModuleBytes.name;
import static dev.sandpiper.decoder.ModuleBytes.section;
import static dev.sandpiper.decoder.ModuleBytes.sectionWithSize;
import static dev.sandpiper.decoder.ModuleBytes.slebPadded;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static dev.sandpiper.decoder.ModuleBytes.u32Padded;

import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.interpreter.ModuleTooLargeException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.MemoryBudget;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.UninstantiableException;
import dev.sandpiper.interpreter.UnlinkableException;
import dev.sandpiper.validator.InvalidModuleException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The hostile-input suite, as a program to run in a JVM of its own under a small heap
 * ({@code -Xmx128m}; {@code HostileInputTest} forks it): each hostile module, built here in bytes,
 * goes through decode, validate, translate, instantiate and a call on the interpreter and on the
 * compiled tier, and must end in one of the clean outcomes the case allows; after each, a normal
 * module must still run in the same process. Prints one line per case and tier,
 * {@code PASS|FAIL NAME | TIER | OUTCOME | MS ms}, and exits 0 when all pass. Arguments, when given,
 * pick cases by name prefix.
 */
public final class HostileInputs {
    private static final Set<String> REFUSED = Set.of("malformed", "invalid");

    /** A hostile case: its module, the export to call with its arguments, limits, and what may happen. */
    record Case(String name, Supplier<byte[]> module, String export, long[] args, ExecutionLimits limits,
            Set<String> allowed) {}

    private HostileInputs() {}

    public static void main(String[] args) {
        List<Case> cases = cases();
        boolean all = true;
        for (Case c : cases) {
            if (args.length > 0 && Arrays.stream(args).noneMatch(c.name()::startsWith)) {
                continue;
            }
            for (int tier = 0; tier < 2; tier++) {
                long start = System.nanoTime();
                String outcome = outcome(c, tier == 1);
                long ms = (System.nanoTime() - start) / 1_000_000;
                String healthy = normalModule(tier == 1);
                // A module the heap cannot hold is refused cleanly whatever the case expects.
                boolean pass = (c.allowed().contains(kind(outcome)) || kind(outcome).equals("too large"))
                        && healthy == null;
                all &= pass;
                System.out.println((pass ? "PASS " : "FAIL ") + c.name() + " | " + (tier == 0 ? "interpreter" : "compiler")
                        + " | " + outcome + (healthy != null ? " | then the normal module: " + healthy : "")
                        + (pass ? "" : " | allowed " + c.allowed()) + " | " + ms + " ms");
                System.out.flush();
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println("heap: max " + (rt.maxMemory() >> 20) + " MiB");
        System.exit(all ? 0 : 1);
    }

    /** "malformed: ...", "ok [..]", "trap KIND" ... */
    private static String kind(String outcome) {
        int sp = outcome.indexOf(':');
        return sp < 0 ? outcome : outcome.substring(0, sp);
    }

    /** What running the case on one tier did; never throws. */
    static String outcome(Case c, boolean compiled) {
        byte[] bytes = null;
        try {
            bytes = c.module().get();
            CompiledModule m = CompiledModule.compile(bytes);
            bytes = null;
            if (compiled) {
                WasmCompiler.standard().compile(m);
            }
            Store store = new Store(c.limits(), new MemoryBudget(32L << 20));
            Instance instance = new Linker(store).instantiate(m);
            if (c.export() == null) {
                return "ok: instantiated";
            }
            return "ok: " + Arrays.toString(instance.call(c.export(), c.args()));
        } catch (MalformedModuleException e) {
            return "malformed: " + e.getMessage();
        } catch (ModuleTooLargeException e) {
            return "too large: " + e.getMessage();
        } catch (InvalidModuleException e) {
            return "invalid: " + e.getMessage();
        } catch (UnlinkableException e) {
            return "unlinkable: " + e.getMessage();
        } catch (UninstantiableException e) {
            return "uninstantiable: " + e.getMessage();
        } catch (TrapException e) {
            return "trap " + e.kind() + ": " + e.getMessage();
        } catch (Throwable t) {
            bytes = null;
            return "ESCAPED: " + ModuleCheck.describe(t);
        }
    }

    /** Null when a small module still instantiates and computes 41 + 1 on the tier; else what went wrong. */
    static String normalModule(boolean compiled) {
        try {
            byte[] bytes = ModuleBytes.module().type(List.of(ValType.I32), List.of(ValType.I32))
                    .function(0, ModuleBytes.Code.code().localGet(0).i32Const(1).raw(0x6A).end())
                    .export("f", dev.sandpiper.decoder.model.ExternKind.FUNC, 0).build();
            CompiledModule m = CompiledModule.compile(bytes);
            if (compiled) {
                WasmCompiler.standard().compile(m);
            }
            long[] r = new Linker(new Store()).instantiate(m).call("f", 41);
            return r.length == 1 && r[0] == 42 ? null : "wrong result " + Arrays.toString(r);
        } catch (Throwable t) {
            return "ESCAPED: " + ModuleCheck.describe(t);
        }
    }

    // ---------------------------------------------------------------- the cases

    private static final ExecutionLimits DEFAULT = ExecutionLimits.DEFAULT.withTimeout(Duration.ofSeconds(20));
    private static final byte[] VOID = funcType(List.of(), List.of());
    private static final byte[] I32_I32 = funcType(List.of(ValType.I32), List.of(ValType.I32));
    private static final byte[] TO_I32 = funcType(List.of(), List.of(ValType.I32));

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        Set<String> malformed = Set.of("malformed");
        // Counts beyond section sizes.
        cs.add(new Case("count: 2^32-1 types in a 4-byte section",
                () -> moduleOf(section(1, concat(u32(0xFFFF_FFFFL), VOID))), null, null, DEFAULT, malformed));
        cs.add(new Case("count: 10^9 functions declared",
                () -> moduleOf(section(1, concat(u32(1), VOID)), section(3, concat(u32(1_000_000_000), bytes(0)))),
                null, null, DEFAULT, malformed));
        cs.add(new Case("count: 2^32-1 code entries",
                () -> moduleOf(section(1, concat(u32(1), VOID)), section(3, concat(u32(1), bytes(0))),
                        section(10, concat(u32(0xFFFF_FFFFL), bytes(2, 0, 0x0B)))), null, null, DEFAULT, malformed));
        cs.add(new Case("count: 2^32-1 locals",
                () -> moduleOf(section(1, concat(u32(1), VOID)), section(3, concat(u32(1), bytes(0))),
                        section(10, concat(u32(1), u32(8), u32(1), u32(0xFFFF_FFFFL), bytes(0x7E, 0x0B)))),
                null, null, DEFAULT, Set.of("malformed", "invalid")));
        cs.add(new Case("count: data segment of 2^31-1 bytes holding 3",
                () -> moduleOf(section(5, concat(u32(1), bytes(0, 1))),
                        section(11, concat(u32(1), bytes(0, 0x41, 0, 0x0B), u32(0x7FFF_FFFF), bytes(1, 2, 3)))),
                null, null, DEFAULT, malformed));
        cs.add(new Case("count: section size 2^32-1",
                () -> moduleOf(sectionWithSize(1, 0xFFFF_FFFFL, concat(u32(1), VOID))), null, null, DEFAULT, malformed));
        cs.add(new Case("count: 2^32-1 exports",
                () -> moduleOf(section(7, concat(u32(0xFFFF_FFFFL), name("a"), bytes(0, 0)))), null, null, DEFAULT,
                malformed));
        // Overlong LEB128.
        cs.add(new Case("leb: 6-byte u32 count",
                () -> moduleOf(section(1, concat(u32Padded(1, 6), VOID))), null, null, DEFAULT, malformed));
        cs.add(new Case("leb: 5-byte u32 with high bits set",
                () -> moduleOf(section(1, concat(bytes(0x81, 0x80, 0x80, 0x80, 0x70), VOID))), null, null, DEFAULT,
                malformed));
        cs.add(new Case("leb: 6-byte i32.const",
                () -> oneFunction(TO_I32, concat(bytes(0x41), slebPadded(0, 6), bytes(0x0B))), "f", new long[0], DEFAULT,
                malformed));
        cs.add(new Case("leb: 11-byte i64.const",
                () -> oneFunction(funcType(List.of(), List.of(ValType.I64)), concat(bytes(0x42), slebPadded(0, 11),
                        bytes(0x0B))), "f", new long[0], DEFAULT, malformed));
        cs.add(new Case("leb: 10,000 padding bytes in a section size",
                () -> {
                    byte[] pad = new byte[10_000];
                    Arrays.fill(pad, (byte) 0x80);
                    return concat(ModuleBytes.HEADER, bytes(1), pad, bytes(0));
                }, null, null, DEFAULT, malformed));
        cs.add(new Case("leb: padded 5-byte sizes are fine",
                () -> concat(ModuleBytes.HEADER, bytes(1), u32Padded(8, 5), u32Padded(1, 5), VOID), null, null, DEFAULT,
                Set.of("ok")));
        // Garbage custom sections.
        cs.add(new Case("custom: name length past the section",
                () -> moduleOf(section(0, concat(u32(100), bytes('a', 'b')))), null, null, DEFAULT, malformed));
        cs.add(new Case("custom: name not UTF-8",
                () -> moduleOf(section(0, concat(u32(3), bytes(0xC3, 0x28, 0xFF), bytes(1, 2)))), null, null, DEFAULT,
                malformed));
        cs.add(new Case("custom: 8 MiB of junk, then a function",
                () -> {
                    byte[] junk = new byte[8 << 20];
                    new java.util.Random(1).nextBytes(junk);
                    return concat(oneFunction(I32_I32, bytes(0x20, 0, 0x0B)), section(0, concat(name("junk"), junk)));
                }, "f", new long[] {7}, DEFAULT, Set.of("ok")));
        cs.add(new Case("custom: 100,000 custom sections",
                () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(oneFunction(I32_I32, bytes(0x20, 0, 0x0B)));
                    byte[] s = section(0, concat(name("x"), bytes(1, 2, 3)));
                    for (int i = 0; i < 100_000; i++) {
                        out.writeBytes(s);
                    }
                    return out.toByteArray();
                }, "f", new long[] {7}, DEFAULT, Set.of("ok")));
        cs.add(new Case("custom: name section with 2^32-1 function names",
                () -> concat(oneFunction(I32_I32, bytes(0x20, 0, 0x0B)),
                        section(0, concat(name("name"), bytes(1), u32(6), u32(0xFFFF_FFFFL), u32(0), name("f")))),
                "f", new long[] {7}, DEFAULT, Set.of("ok", "malformed")));
        // Huge br_tables.
        cs.add(new Case("br_table: 1,000,000 targets",
                () -> {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    b.writeBytes(bytes(0x02, 0x40, 0x20, 0, 0x0E));
                    b.writeBytes(u32(1_000_000));
                    for (int i = 0; i < 1_000_000; i++) {
                        b.write(0);
                    }
                    b.writeBytes(bytes(0, 0x0B, 0x41, 7, 0x0B));
                    return oneFunction(I32_I32, b.toByteArray());
                }, "f", new long[] {5}, DEFAULT, Set.of("ok", "malformed", "invalid")));
        cs.add(new Case("br_table: 2^32-1 targets declared",
                () -> oneFunction(I32_I32, concat(bytes(0x02, 0x40, 0x20, 0, 0x0E), u32(0xFFFF_FFFFL), bytes(0, 0, 0x0B,
                        0x41, 7, 0x0B))), "f", new long[] {5}, DEFAULT, malformed));
        // Huge element segments.
        cs.add(new Case("elements: 1,000,000 in a table of 1,000,000",
                () -> {
                    ByteArrayOutputStream e = new ByteArrayOutputStream();
                    e.writeBytes(concat(u32(1), bytes(0, 0x41, 0, 0x0B), u32(1_000_000)));
                    for (int i = 0; i < 1_000_000; i++) {
                        e.write(0);
                    }
                    return moduleOf(section(1, concat(u32(1), TO_I32)), section(3, concat(u32(1), bytes(0))),
                            section(4, concat(u32(1), bytes(0x70, 0), u32(1_000_000))),
                            section(7, concat(u32(1), name("f"), bytes(0, 0))), section(9, e.toByteArray()),
                            section(10, concat(u32(1), u32(4), bytes(0, 0x41, 42, 0x0B))));
                }, "f", new long[0], DEFAULT, Set.of("ok", "malformed", "uninstantiable")));
        cs.add(new Case("elements: 2^32-1 declared",
                () -> moduleOf(section(1, concat(u32(1), VOID)), section(3, concat(u32(1), bytes(0))),
                        section(4, concat(u32(1), bytes(0x70, 0), u32(1))),
                        section(9, concat(u32(1), bytes(0, 0x41, 0, 0x0B), u32(0xFFFF_FFFFL), bytes(0))),
                        section(10, concat(u32(1), bytes(2, 0, 0x0B)))), null, null, DEFAULT, malformed));
        cs.add(new Case("elements: a table of 2^32-1 elements",
                () -> moduleOf(section(4, concat(u32(1), bytes(0x70, 0), u32(0xFFFF_FFFFL)))), null, null, DEFAULT,
                Set.of("uninstantiable")));
        // A million globals.
        cs.add(new Case("globals: 1,000,000",
                () -> {
                    ByteArrayOutputStream g = new ByteArrayOutputStream();
                    g.writeBytes(u32(1_000_000));
                    for (int i = 0; i < 1_000_000; i++) {
                        g.writeBytes(bytes(0x7F, 0, 0x41, i & 0x3F, 0x0B));
                    }
                    return moduleOf(section(1, concat(u32(1), TO_I32)), section(3, concat(u32(1), bytes(0))),
                            section(6, g.toByteArray()), section(7, concat(u32(1), name("f"), bytes(0, 0))),
                            section(10, concat(u32(1), u32(6), bytes(0, 0x23), u32(999_999), bytes(0x0B))));
                }, "f", new long[0], DEFAULT, Set.of("ok", "malformed", "invalid")));
        // Instructions in the millions.
        cs.add(new Case("instructions: 1,000,000 adds in one function",
                () -> {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    for (int i = 0; i < 250_000; i++) {
                        b.writeBytes(bytes(0x20, 0, 0x41, 1, 0x6A, 0x21, 0));
                    }
                    b.writeBytes(bytes(0x20, 0, 0x0B));
                    return oneFunction(I32_I32, b.toByteArray());
                }, "f", new long[] {0}, DEFAULT, Set.of("ok", "malformed", "invalid")));
        cs.add(new Case("instructions: an operand stack 1,000,000 deep",
                () -> {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    for (int i = 0; i < 1_000_000; i++) {
                        b.writeBytes(bytes(0x41, 1));
                    }
                    for (int i = 1; i < 1_000_000; i++) {
                        b.write(0x6A);
                    }
                    b.write(0x0B);
                    return oneFunction(TO_I32, b.toByteArray());
                }, "f", new long[0], DEFAULT, Set.of("ok", "malformed", "invalid")));
        cs.add(new Case("instructions: 1,000,000 functions",
                () -> {
                    int n = 1_000_000;
                    ByteArrayOutputStream f = new ByteArrayOutputStream();
                    f.writeBytes(u32(n));
                    ByteArrayOutputStream c = new ByteArrayOutputStream();
                    c.writeBytes(u32(n));
                    for (int i = 0; i < n; i++) {
                        f.write(0);
                        c.writeBytes(bytes(4, 0, 0x41, i & 0x3F, 0x0B));
                    }
                    return moduleOf(section(1, concat(u32(1), TO_I32)), section(3, f.toByteArray()),
                            section(7, concat(u32(1), name("f"), bytes(0), u32(n - 1))), section(10, c.toByteArray()));
                }, "f", new long[0], DEFAULT, Set.of("ok", "malformed", "invalid")));
        // Deep structures.
        cs.add(new Case("nesting: 1,000,000-deep blocks",
                () -> oneFunction(I32_I32, nest(1_000_000, bytes(0x02, 0x40), new byte[0], bytes(0x20, 0, 0x0B))), "f",
                new long[] {3}, DEFAULT, Set.of("ok", "malformed", "invalid")));
        cs.add(new Case("nesting: 1,000,000-deep ifs",
                () -> oneFunction(I32_I32, nest(1_000_000, bytes(0x20, 0, 0x04, 0x40), new byte[0], bytes(0x20, 0, 0x0B))),
                "f",
                new long[] {3}, DEFAULT, Set.of("ok", "malformed", "invalid")));
        cs.add(new Case("nesting: 1,000,000-deep loops with a branch out",
                () -> oneFunction(I32_I32, concat(bytes(0x02, 0x40), nest(1_000_000, bytes(0x03, 0x40),
                        concat(bytes(0x0C), u32(1_000_000)), bytes(0x0B, 0x20, 0, 0x0B)))), "f", new long[] {3}, DEFAULT,
                Set.of("ok", "malformed", "invalid")));
        cs.add(new Case("calls: a 100,000-deep chain, depth limit 200,000",
                () -> chain(100_000), "f", new long[0], DEFAULT.withMaxCallDepth(200_000),
                Set.of("ok", "trap CALL_STACK_EXHAUSTED", "malformed", "invalid")));
        cs.add(new Case("calls: a 100,000-deep chain, default limits",
                () -> chain(100_000), "f", new long[0], DEFAULT, Set.of("trap CALL_STACK_EXHAUSTED", "malformed",
                        "invalid")));
        // Recursion through fat frames.
        cs.add(new Case("recursion: 50,000 i64 locals per frame",
                () -> moduleOf(section(1, concat(u32(1), VOID)), section(3, concat(u32(1), bytes(0))),
                        section(7, concat(u32(1), name("f"), bytes(0, 0))),
                        section(10, concat(u32(1), lengthPrefixed(concat(u32(1), u32(50_000), bytes(0x7E, 0x10, 0,
                                0x0B)))))), "f", new long[0], DEFAULT, Set.of("trap CALL_STACK_EXHAUSTED")));
        cs.add(new Case("recursion: 1,000 parameters per frame, depth limit 1,000,000",
                () -> {
                    List<ValType> params = new ArrayList<>();
                    for (int i = 0; i < 1000; i++) {
                        params.add(ValType.I64);
                    }
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    b.write(0);
                    for (int i = 0; i < 1000; i++) {
                        b.writeBytes(concat(bytes(0x20), u32(i)));
                    }
                    b.writeBytes(bytes(0x10, 0, 0x0B));
                    return moduleOf(section(1, concat(u32(1), funcType(params, List.of()))),
                            section(3, concat(u32(1), bytes(0))), section(7, concat(u32(1), name("f"), bytes(0, 0))),
                            section(10, concat(u32(1), lengthPrefixed(b.toByteArray()))));
                }, "f", new long[1000], DEFAULT.withMaxCallDepth(1_000_000), Set.of("trap CALL_STACK_EXHAUSTED")));
        cs.add(new Case("recursion: plain, depth limit 10,000,000",
                () -> moduleOf(section(1, concat(u32(1), VOID)), section(3, concat(u32(1), bytes(0))),
                        section(7, concat(u32(1), name("f"), bytes(0, 0))),
                        section(10, concat(u32(1), u32(4), bytes(0, 0x10, 0, 0x0B)))), "f", new long[0],
                DEFAULT.withMaxCallDepth(10_000_000), Set.of("trap CALL_STACK_EXHAUSTED")));
        // Infinite loops.
        cs.add(new Case("loop: forever, deadline 100 ms",
                () -> oneFunction(VOID, bytes(0x03, 0x40, 0x0C, 0, 0x0B, 0x0B)), "f", new long[0],
                ExecutionLimits.DEFAULT.withTimeout(Duration.ofMillis(100)), Set.of("trap DEADLINE_EXCEEDED")));
        cs.add(new Case("loop: forever, fuel 10,000,000",
                () -> oneFunction(VOID, bytes(0x03, 0x40, 0x0C, 0, 0x0B, 0x0B)), "f", new long[0],
                DEFAULT.withFuel(10_000_000), Set.of("trap FUEL_EXHAUSTED")));
        cs.add(new Case("loop: memory.grow forever, deadline 200 ms",
                () -> moduleOf(section(1, concat(u32(1), VOID)), section(3, concat(u32(1), bytes(0))),
                        section(5, concat(u32(1), bytes(0, 0))), section(7, concat(u32(1), name("f"), bytes(0, 0))),
                        section(10, concat(u32(1), lengthPrefixed(bytes(0, 0x03, 0x40, 0x41, 1, 0x40, 0, 0x1A, 0x0C, 0,
                                0x0B, 0x0B))))), "f", new long[0], ExecutionLimits.DEFAULT.withTimeout(Duration.ofMillis(200)),
                Set.of("trap DEADLINE_EXCEEDED")));
        return cs;
    }

    /** A module of one function of type {@code type} with no locals and {@code code} (ending in end), exported as f. */
    static byte[] oneFunction(byte[] type, byte[] code) {
        return moduleOf(section(1, concat(u32(1), type)), section(3, concat(u32(1), bytes(0))),
                section(7, concat(u32(1), name("f"), bytes(0, 0))),
                section(10, concat(u32(1), lengthPrefixed(concat(bytes(0), code)))));
    }

    /** {@code depth} openers, {@code inner}, {@code depth} ends, then {@code tail}. */
    private static byte[] nest(int depth, byte[] opener, byte[] inner, byte[] tail) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            b.writeBytes(opener);
        }
        b.writeBytes(inner);
        for (int i = 0; i < depth; i++) {
            b.write(0x0B);
        }
        b.writeBytes(tail);
        return b.toByteArray();
    }

    /** {@code n} functions () -> i32, each calling the next; the last returns 42; f is the first. */
    private static byte[] chain(int n) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(u32(n));
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.writeBytes(u32(n));
        for (int i = 0; i < n; i++) {
            f.write(0);
            byte[] body = i == n - 1 ? bytes(0, 0x41, 42, 0x0B) : concat(bytes(0, 0x10), u32(i + 1), bytes(0x0B));
            c.writeBytes(lengthPrefixed(body));
        }
        return moduleOf(section(1, concat(u32(1), TO_I32)), section(3, f.toByteArray()),
                section(7, concat(u32(1), name("f"), bytes(0, 0))), section(10, c.toByteArray()));
    }

    private static byte[] lengthPrefixed(byte[] b) {
        return ModuleBytes.lengthPrefixed(b);
    }
}
