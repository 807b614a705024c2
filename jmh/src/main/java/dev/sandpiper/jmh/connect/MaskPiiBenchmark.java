package dev.sandpiper.jmh.connect;

import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.connect.WasmTransform;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.jmh.support.Engine;
import dev.sandpiper.jmh.transform.TransformCase;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-record cost of masking PII ({@code email}, {@code phone}, {@code ssn}) in Debezium change records through a
 * Kafka Connect SMT's {@code apply}, on one thread, the 40 {@link DebeziumRecords} cycled (Struct envelopes of
 * {@code public.users}, 8 r, 12 c, 16 u, 4 d). One operation is one {@code apply(SourceRecord)}. Methods:
 *
 * <ul>
 *   <li>{@code sandpiper}: Sandpiper's {@link WasmTransform} with the mask-pii guest
 *       ({@code examples/transforms/mask-pii}, config {@value MaskPiiPlugin#GUEST_CONFIG}), {@code engine=compiler}
 *       (the guest compiled to JVM bytecode at {@code configure}; the setup checks the compiler leaves none of its
 *       functions to the interpreter), 1 instance, {@code timeout.ms} {@value TransformCase#TIMEOUT_MS}. Per record:
 *       record to canonical Event ({@code RecordMapper}), Event JSON, the pool's borrow, the guest's {@code alloc}
 *       and {@code transform} under a deadline, output validated and parsed into an {@code Event}, back to a record
 *       (same schema objects), metrics (counters, latency histogram).
 *   <li>{@code sandpiperInterpreter}: the same with {@code engine=interpreter}.
 *   <li>{@code chicory}: {@link ChicoryWasmTransform}: the same guest on Chicory 1.7.5's compiler behind the same
 *       {@code Transformation} interface, with the connect module's own conversion ({@code RecordMapper},
 *       {@code EventJson}), so the engine is the difference; it does less besides the engine than
 *       {@code sandpiper} (no pool, no deadline or fuel accounting, no memory limit, no metrics: see its javadoc).
 *   <li>{@code maskField}: Kafka's own {@code MaskField$Value} (connect-transforms 4.4.0), {@code fields=email,phone,
 *       ssn}, {@code replacement=***REDACTED***}, through {@link NestedMaskField}: MaskField masks top-level fields
 *       only, so the wrapper runs it on the {@code before} and {@code after} row Structs (each as the value of a
 *       temporary record) and rebuilds the envelope Struct with the same schema. It works on the Structs directly:
 *       no Event, no JSON, no WebAssembly, and no schema or value checks beyond {@code Struct.put}'s. By default
 *       MaskField replaces with the type's empty value ({@code ""}, 0, false); the {@code replacement} setting makes
 *       its output equal to the guest's here because every masked column is a string (MaskField would turn a
 *       numeric column into the replacement parsed as that number, or fail; the guest masks only JSON strings and
 *       leaves other values alone). Null values stay null in both.
 * </ul>
 *
 * Every setup checks, on all 40 records, that its SMT gives exactly the records {@link ReferenceOutputs} holds (ours
 * on the interpreter, themselves checked against the masking done by hand): {@code Struct}s, schemas, keys, source
 * partition and offset, topic, all equal. A failure while measuring throws ({@code on.error=fail}), so failures are
 * never timed as work. Throughput and average time, µs per record.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MaskPiiBenchmark {

    /** Each thread's position in the records. */
    @State(Scope.Thread)
    public static class Records {
        private final SourceRecord[] records = DebeziumRecords.all().toArray(new SourceRecord[0]);
        private int next;

        /** The record to use now; the next call returns the one after it, wrapping after the last. */
        public final SourceRecord next() {
            int i = next;
            next = i + 1 == records.length ? 0 : i + 1;
            return records[i];
        }
    }

    /** One configured SMT, checked against the reference outputs. */
    @State(Scope.Thread)
    public abstract static class OnSmt {
        public Transformation<SourceRecord> smt;

        final void setup(String what, Transformation<SourceRecord> t, Map<String, ?> props) {
            t.configure(props);
            smt = t;
            ReferenceOutputs.check(what, t);
        }

        @TearDown(Level.Trial)
        public void close() {
            smt.close();
        }
    }

    @State(Scope.Thread)
    public static class OnSandpiper extends OnSmt {
        @Setup(Level.Trial)
        public void setup() {
            Engine.allCompiled(WasmCompiler.standard().compile(CompiledModule.compile(TransformCase.MASK_PII.wasm())));
            setup("WasmTransform (engine compiler)", new WasmTransform<>(), MaskPiiPlugin.guestProps("compiler"));
        }
    }

    @State(Scope.Thread)
    public static class OnSandpiperInterpreter extends OnSmt {
        @Setup(Level.Trial)
        public void setup() {
            setup("WasmTransform (engine interpreter)", new WasmTransform<>(), MaskPiiPlugin.guestProps("interpreter"));
        }
    }

    @State(Scope.Thread)
    public static class OnChicory extends OnSmt {
        @Setup(Level.Trial)
        public void setup() {
            setup("ChicoryWasmTransform", new ChicoryWasmTransform<>(), MaskPiiPlugin.guestProps("compiler"));
        }
    }

    @State(Scope.Thread)
    public static class OnMaskField extends OnSmt {
        @Setup(Level.Trial)
        public void setup() {
            setup("NestedMaskField (MaskField$Value)", new NestedMaskField<>(), MaskPiiPlugin.maskFieldProps());
        }
    }

    @Benchmark
    public SourceRecord sandpiper(OnSandpiper s, Records r) {
        return s.smt.apply(r.next());
    }

    @Benchmark
    public SourceRecord sandpiperInterpreter(OnSandpiperInterpreter s, Records r) {
        return s.smt.apply(r.next());
    }

    @Benchmark
    public SourceRecord chicory(OnChicory s, Records r) {
        return s.smt.apply(r.next());
    }

    @Benchmark
    public SourceRecord maskField(OnMaskField s, Records r) {
        return s.smt.apply(r.next());
    }
}
