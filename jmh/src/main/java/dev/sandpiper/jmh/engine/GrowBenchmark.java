package dev.sandpiper.jmh.engine;

import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.interpreter.MemoryBudget;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.jmh.support.Check;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the memory budget's bookkeeping costs where it has any: a fresh instance grows its memory one
 * page at a time to {@code pages} pages (the worst case: one reservation per grow, the backing array
 * doubling underneath), then its store is closed. {@code budgeted}: the module's own memory, which
 * reserves from a {@link MemoryBudget}; {@code unbudgeted}: the same code on an imported memory the
 * host made outside any budget. Same engine (the interpreter), same allocations and copies.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class GrowBenchmark {
    /** (func (param $n i32) (result i32)) growing memory by 1 page $n times, then memory.size. */
    private static final byte[] CODE = {
        0x02, 0x40, 0x03, 0x40, 0x20, 0x00, 0x45, 0x0d, 0x01, 0x41, 0x01, 0x40, 0x00, 0x1a,
        0x20, 0x00, 0x41, 0x01, 0x6b, 0x21, 0x00, 0x0c, 0x00, 0x0b, 0x0b, 0x3f, 0x00, 0x0b};
    private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    private static final byte[] TYPES = {0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f};
    private static final byte[] IMPORT_MEMORY = {0x02, 0x0f, 0x01, 0x03, 'e', 'n', 'v', 0x06, 'm', 'e', 'm', 'o',
        'r', 'y', 0x02, 0x00, 0x01};
    private static final byte[] FUNCTIONS = {0x03, 0x02, 0x01, 0x00};
    private static final byte[] OWN_MEMORY = {0x05, 0x03, 0x01, 0x00, 0x01};
    private static final byte[] EXPORTS = {0x07, 0x08, 0x01, 0x04, 'g', 'r', 'o', 'w', 0x00, 0x00};

    @Param({"256"})
    public int pages;

    private CompiledModule own;
    private CompiledModule imported;
    private final MemoryBudget budget = new MemoryBudget(1L << 30);

    @Setup
    public void setup() {
        own = CompiledModule.compile(module(false));
        imported = CompiledModule.compile(module(true));
        Check.expect("budgeted grow to " + pages, pages, budgeted());
        Check.expect("unbudgeted grow to " + pages, pages, unbudgeted());
    }

    private static byte[] module(boolean importMemory) {
        byte[] code = new byte[CODE.length + 5];
        code[0] = 0x0a;
        code[1] = (byte) (CODE.length + 3);
        code[2] = 0x01;
        code[3] = (byte) (CODE.length + 1);
        code[4] = 0x00; // no locals
        System.arraycopy(CODE, 0, code, 5, CODE.length);
        return concat(HEADER, TYPES, importMemory ? IMPORT_MEMORY : new byte[0], FUNCTIONS,
                importMemory ? new byte[0] : OWN_MEMORY, EXPORTS, code);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Benchmark
    public int budgeted() {
        try (Store store = new Store(ExecutionLimits.DEFAULT, budget)) {
            Instance instance = new Linker(store).instantiate(own);
            return (int) instance.call("grow", pages - 1)[0];
        }
    }

    @Benchmark
    public int unbudgeted() {
        try (Store store = new Store(ExecutionLimits.DEFAULT, budget)) {
            Linker linker = new Linker(store);
            linker.define("env", "memory", new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), ExecutionLimits.MAX_MEMORY_PAGES));
            Instance instance = linker.instantiate(imported);
            return (int) instance.call("grow", pages - 1)[0];
        }
    }
}
