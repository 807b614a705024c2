package dev.sandpiper.jmh.transform;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.TransformException;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.abi.WasmRuntime;
import dev.sandpiper.compiler.Engine;
import dev.sandpiper.interpreter.WarmUp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One transform per operation, on one thread, the 40 sample events cycled. Parameter
 * {@code transform}: the guest ({@link TransformCase}). Methods:
 *
 * <ul>
 *   <li>{@code wasmEvent}: {@link WasmRuntime#transform(Event)}, the seed's API: serialize the event
 *       canonically, copy it into the guest ({@code alloc}), run {@code transform}, read
 *       {@code output_len} bytes back and parse them into an {@code Event}. The guest runs on the
 *       interpreter (engine {@code interpreter}).
 *   <li>{@code wasmJson}: {@link WasmRuntime#transformJson(byte[])}, the event's canonical JSON in
 *       hand (a Kafka record, a line of a file): no host-side serialization; the output is checked to
 *       be a canonical Event (parsed without building one) and returned as bytes. On the interpreter.
 *   <li>{@code compiledEvent}, {@code compiledJson}: the same two with the guest compiled to JVM
 *       bytecode when loaded (engine {@code compiler}).
 *   <li>{@code javaBytes}: the Java twin on the same bytes: Jackson parse, transform, serialize.
 *   <li>{@code javaObject}: the Java twin on the {@code Event}: no JSON.
 * </ul>
 *
 * <p><b>route-by-table</b> ({@link TransformCase#routes()}): its guest's work is naming the output topic
 * (its {@code transform} hands the event back unchanged). So for it {@code wasmJson} and
 * {@code compiledJson} call {@link WasmRuntime#process(byte[], int, int, boolean) process(json, 0,
 * json.length, true)} instead of {@code transformJson}: alloc, {@code transform}, {@code output_len},
 * then alloc, {@code route}, {@code output_len} on the output, the topic read out of guest memory into
 * {@link TransformResult.Ok#topic()}, and the output validated as with {@code transformJson}; one
 * deadline for all. The twin computes the same topic in both forms ({@link JavaTransform.RouteByTable}:
 * {@code javaBytes} parses, reads {@code table}, builds the topic, serializes the unchanged event).
 * {@code wasmEvent} and {@code compiledEvent} cannot route ({@link WasmRuntime#transform(Event)} has no
 * route), and JMH cannot leave one parameter value out of one method, so for route-by-table they still
 * run and measure {@code transform(Event)} only, without {@code route}: their figures (and their
 * ratios over the twins, which do name the topic) leave the routing out.
 *
 * The wasm methods run in three modes (throughput, average time, sample time for percentiles), the
 * Java ones in two (throughput, average time). One runtime, with the contract's defaults except
 * {@code timeout_ms} ({@link TransformCase#TIMEOUT_MS}) and the engine, always named (the default,
 * auto, would move the interpreter's runtime to compiled code during the run); the setup warms the
 * interpreter as the CLI does ({@link WarmUp}, 500 ms, whatever the engine), runs {@code init}, and
 * checks that all four implementations give the guest's outputs over all 40 events. A transform that
 * fails during the run is counted and fails the iteration when it ends: failures are never timed as
 * if they were work.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TransformBenchmark {

    /** The parameter's values: every {@link TransformCase}. */
    public static final String[] TRANSFORMS = {"pass-through", "mask-pii", "enrich", "drop-deletes", "route-by-table"};

    /** How long the setups warm the interpreter up, as {@code sandpiper transform} does by default. */
    static final Duration WARM_UP = Duration.ofMillis(500);

    /** One runtime of the guest on some engine; the concrete states say which. */
    @State(Scope.Thread)
    public abstract static class OnRuntime extends EventCursor {
        @Param({"pass-through", "mask-pii", "enrich", "drop-deletes", "route-by-table"})
        public String transform;

        public WasmRuntime runtime;
        /** Whether the JSON methods ask the guest for the topic too ({@link TransformCase#routes()}). */
        public boolean route;
        public long failures;
        public TransformResult.Failed lastFailure;

        /** Warms up, loads the guest for {@code engine}, runs {@code init} and checks the runtime's outputs. */
        void setup(Engine engine) throws TransformException {
            WarmUp.once(WARM_UP);
            TransformCase c = TransformCase.of(transform);
            runtime = c.load(engine).newRuntime();
            runtime.init();
            route = c.routes();
            List<Event> expected = c.guestOutputs();
            String what = transform + " runtime (engine " + engine + ")";
            TransformCase.checkAgainst(expected, what + " transform(Event)",
                    i -> TransformCase.output(what, runtime.transform(Sample.events().get(i))));
            if (route) {
                c.checkRouted(expected, what, runtime);
            } else {
                c.checkJson(expected, what, runtime::transformJson);
            }
            c.checkJava(expected, c.newJava());
        }

        /** What the JSON methods measure: {@code transformJson}, or for a routing case transform and route. */
        final TransformResult json(byte[] json) {
            return counted(route ? runtime.process(json, 0, json.length, true) : runtime.transformJson(json));
        }

        /** Counts a failed transform; returns the result. */
        final TransformResult counted(TransformResult r) {
            if (r instanceof TransformResult.Failed) {
                failures++;
                lastFailure = (TransformResult.Failed) r;
            }
            return r;
        }

        @TearDown(Level.Iteration)
        public void noFailures() {
            if (failures > 0) {
                throw new IllegalStateException(transform + ": " + failures + " transforms failed during the iteration,"
                        + " the last with " + lastFailure.error());
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            runtime.close();
        }
    }

    /** One runtime of the guest on the interpreter. */
    @State(Scope.Thread)
    public static class OnWasm extends OnRuntime {
        @Setup(Level.Trial)
        public void setup() throws TransformException {
            setup(Engine.INTERPRETER);
        }
    }

    /** One runtime of the guest compiled to JVM bytecode when loaded. */
    @State(Scope.Thread)
    public static class OnCompiled extends OnRuntime {
        @Setup(Level.Trial)
        public void setup() throws TransformException {
            setup(Engine.COMPILER);
        }
    }

    /** The Java twin of the guest. */
    @State(Scope.Thread)
    public static class OnJava extends EventCursor {
        @Param({"pass-through", "mask-pii", "enrich", "drop-deletes", "route-by-table"})
        public String transform;

        public JavaTransform java;

        @Setup(Level.Trial)
        public void setup() {
            TransformCase c = TransformCase.of(transform);
            java = c.newJava();
            c.checkJava(c.guestOutputs(), java);
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.AverageTime, Mode.SampleTime})
    public TransformResult wasmEvent(OnWasm s) {
        return s.counted(s.runtime.transform(s.events[s.next()]));
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.AverageTime, Mode.SampleTime})
    public TransformResult wasmJson(OnWasm s) {
        return s.json(s.json[s.next()]);
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.AverageTime, Mode.SampleTime})
    public TransformResult compiledEvent(OnCompiled s) {
        return s.counted(s.runtime.transform(s.events[s.next()]));
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.AverageTime, Mode.SampleTime})
    public TransformResult compiledJson(OnCompiled s) {
        return s.json(s.json[s.next()]);
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.AverageTime})
    public byte[] javaBytes(OnJava s) throws IOException {
        return s.java.bytes(s.json[s.next()]);
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.AverageTime})
    public Event javaObject(OnJava s) {
        return s.java.object(s.events[s.next()]);
    }
}
