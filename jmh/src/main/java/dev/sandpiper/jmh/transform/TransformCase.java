package dev.sandpiper.jmh.transform;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventFormatException;
import dev.sandpiper.abi.EventJson;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.abi.WasmConfig;
import dev.sandpiper.abi.WasmLoadException;
import dev.sandpiper.abi.WasmModule;
import dev.sandpiper.abi.WasmRuntime;
import dev.sandpiper.compiler.Engine;
import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.interpreter.CompiledModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The five transforms benchmarked, by the name of their guest ({@code examples/transforms/<name>},
 * packaged as {@code /examples/transforms/<name>/<name>.wasm}): the guest's configuration, its Java
 * twin, and the checks the setups run.
 *
 * <p>Seed 001's rows map onto them: pass-through is "Pass-through (no-op)", mask-pii "Simple field
 * masking", enrich "JSON parse + transform"; drop-deletes (a filter) and route-by-table (a router)
 * count for seed 000 only.
 *
 * <p><b>Routing.</b> route-by-table ({@link #routes()}) passes every event through unchanged; its work is
 * the optional {@code route} export, which names the output topic {@code <topic_prefix><table>}. Its
 * outputs are checked like the others', and its topics too: {@link #guestTopics()} and
 * {@link #checkTopics}.
 *
 * <p><b>Logging.</b> enrich logs one INFO line per event through {@code env.log}. Printing 100,000s of
 * lines a second to the console would measure the console, so loading this class sets the
 * {@code java.util.logging} level of logger {@code sandpiper} (the parent of the runtime's
 * {@code sandpiper.transform.<name>} and of the twin's {@code sandpiper.java.enrich}) to WARNING: the
 * host still reads each message out of guest memory and asks the logger, which declines, and the twin
 * makes the same level check.
 */
public enum TransformCase {
    PASS_THROUGH("pass-through", Map.of(), JavaTransform.PassThrough::new),
    MASK_PII("mask-pii", Map.of("fields_to_mask", List.of("email", "phone", "ssn")),
            () -> new JavaTransform.MaskPii(List.of("email", "phone", "ssn"))),
    ENRICH("enrich", Map.of("tag", "jmh"), () -> new JavaTransform.Enrich("jmh")),
    DROP_DELETES("drop-deletes", Map.of(), JavaTransform.DropDeletes::new),
    ROUTE_BY_TABLE("route-by-table", Map.of("topic_prefix", "cdc."), () -> new JavaTransform.RouteByTable("cdc."),
            true);

    /** Held so the level set on it is not lost (java.util.logging keeps loggers weakly). */
    private static final Logger QUIET = Logger.getLogger("sandpiper");

    static {
        QUIET.setLevel(Level.WARNING);
    }

    /**
     * The {@code timeout_ms} of every runtime the benchmarks measure, instead of the contract's default
     * of 50: on a cold JVM (and on a busy shared machine: a JIT recompilation, a GC pause, a thread
     * descheduled) one event can take over 50 ms, and would then fail with a timeout rather than be
     * measured for what it costs. The deadline is polled the same way whatever its value, so this
     * changes nothing else. Memory limit and fuel keep their defaults (16 MiB, no fuel limit).
     */
    public static final long TIMEOUT_MS = 10_000;

    private final String guest;
    private final Map<String, Object> config;
    private final Supplier<JavaTransform> java;
    private final boolean routes;

    TransformCase(String guest, Map<String, Object> config, Supplier<JavaTransform> java) {
        this(guest, config, java, false);
    }

    TransformCase(String guest, Map<String, Object> config, Supplier<JavaTransform> java, boolean routes) {
        this.guest = guest;
        this.config = config;
        this.java = java;
        this.routes = routes;
    }

    /**
     * Whether the guest's work includes naming the output topic ({@code route}): then the benchmarks'
     * JSON methods ask for it ({@link WasmRuntime#process} with {@code route} true), and the twin is a
     * {@link JavaTransform.RouteByTable}.
     */
    public boolean routes() {
        return routes;
    }

    /** The guest's name, the benchmarks' {@code transform} parameter. */
    public String guest() {
        return guest;
    }

    /** The configuration {@code init} receives (besides the host's limits). */
    public Map<String, Object> config() {
        return config;
    }

    public static TransformCase of(String guest) {
        for (TransformCase c : values()) {
            if (c.guest.equals(guest)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown transform " + guest);
    }

    /** A new Java twin. */
    public JavaTransform newJava() {
        return java.get();
    }

    /** The guest module's bytes. */
    public byte[] wasm() {
        String resource = "/examples/transforms/" + guest + "/" + guest + ".wasm";
        try (InputStream in = TransformCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource not found: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module on the interpreter: {@link #load(Engine)} with {@link Engine#INTERPRETER}. */
    public WasmModule load() {
        return load(Engine.INTERPRETER);
    }

    /**
     * The module with this case's config, {@link #TIMEOUT_MS}, and otherwise the contract's defaults,
     * run by {@code engine}. Always named: the runtime's default, auto, would move the interpreter's
     * benchmarks to compiled code in the middle of a run.
     *
     * <p>With {@link Engine#COMPILER}, checks that the module is compiled and that the compiler
     * compiles every function of the guest (the runtime keeps the compiler's report to itself, so the
     * same bytes are compiled once more here, by the same compiler): a function silently left to the
     * interpreter would otherwise be measured as compiled code.
     */
    public WasmModule load(Engine engine) {
        WasmModule module;
        try {
            module = WasmModule.load(wasm(),
                    WasmConfig.builder().name(guest).timeoutMs(TIMEOUT_MS).initConfig(config).engine(engine).build());
        } catch (WasmLoadException e) {
            throw new IllegalStateException(guest + " does not load: " + e.getMessage(), e);
        }
        if (engine == Engine.COMPILER) {
            if (!module.isCompiled()) {
                throw new IllegalStateException(guest + " loaded with engine compiler is not compiled");
            }
            dev.sandpiper.jmh.support.Engine.allCompiled(WasmCompiler.standard().compile(CompiledModule.compile(wasm())));
        }
        return module;
    }

    /**
     * What the guest makes of each sample event, in order: the output event, or null when it filtered
     * the event. Computed on a fresh runtime on the interpreter.
     */
    public List<Event> guestOutputs() {
        try (WasmRuntime runtime = load().newRuntime()) {
            return guestOutputs(runtime::transform);
        }
    }

    /** What {@code runtime} (a runtime or pool of this guest) makes of each sample event, in order. */
    public List<Event> guestOutputs(java.util.function.Function<Event, TransformResult> runtime) {
        List<Event> out = new ArrayList<>();
        for (Event e : Sample.events()) {
            out.add(output(guest + " transform(Event) of sample event " + out.size(), runtime.apply(e)));
        }
        return out;
    }

    /** A result as the event it holds, or null when filtered; throws when the transform failed. */
    public static Event output(String what, TransformResult r) {
        if (r instanceof TransformResult.Ok) {
            return ((TransformResult.Ok) r).event();
        }
        if (r instanceof TransformResult.Filtered) {
            return null;
        }
        throw new IllegalStateException(what + " failed: " + ((TransformResult.Failed) r).error());
    }

    /** Functions from a sample event's index to what some implementation made of it. */
    @FunctionalInterface
    public interface Outputs {
        Event of(int index) throws Exception;
    }

    /**
     * Checks {@code actual} against the guest's outputs over every sample event (as {@link Event}s:
     * null for filtered), throwing {@link IllegalStateException} at the first difference.
     */
    public static void checkAgainst(List<Event> expected, String what, Outputs actual) {
        for (int i = 0; i < expected.size(); i++) {
            Event got;
            try {
                got = actual.of(i);
            } catch (Exception e) {
                throw new IllegalStateException(what + ", sample event " + i + ": " + e, e);
            }
            if (!Objects.equals(expected.get(i), got)) {
                throw new IllegalStateException(what + ", sample event " + i + ": expected the guest's output "
                        + expected.get(i) + " but got " + got);
            }
        }
    }

    /**
     * Checks the Java twin's two forms against the guest over the sample; for a routing case, also that
     * each form names the guest's topic for each event ({@link #guestTopics()}).
     */
    public void checkJava(List<Event> expected, JavaTransform twin) {
        List<Event> events = Sample.events();
        List<byte[]> json = Sample.json();
        checkAgainst(expected, guest + " javaObject", i -> twin.object(events.get(i)));
        checkAgainst(expected, guest + " javaBytes", i -> parseOrNull(twin.bytes(json.get(i))));
        if (routes) {
            JavaTransform.RouteByTable router = (JavaTransform.RouteByTable) twin;
            List<String> topics = guestTopics();
            checkTopics(topics, guest + " javaObject", i -> {
                router.object(events.get(i));
                return router.topic();
            });
            checkTopics(topics, guest + " javaBytes", i -> {
                router.bytes(json.get(i));
                return router.topic();
            });
        }
    }

    /** A routed result's topic; throws when the transform failed, filtered the event or named no topic. */
    public static String topic(String what, TransformResult r) {
        if (r instanceof TransformResult.Ok && ((TransformResult.Ok) r).topic() != null) {
            return ((TransformResult.Ok) r).topic();
        }
        throw new IllegalStateException(what + " named no topic: " + r);
    }

    /**
     * The topic the guest's {@code route} names for each sample event, in order: {@link WasmRuntime#process}
     * with {@code route} true on a fresh runtime on the interpreter.
     *
     * @throws IllegalStateException if this case does not route
     */
    public List<String> guestTopics() {
        if (!routes) {
            throw new IllegalStateException(guest + " does not route");
        }
        List<String> out = new ArrayList<>();
        try (WasmRuntime runtime = load().newRuntime()) {
            for (byte[] json : Sample.json()) {
                out.add(topic(guest + " process(route) of sample event " + out.size(),
                        runtime.process(json, 0, json.length, true)));
            }
        }
        return out;
    }

    /** Functions from a sample event's index to the topic some implementation named for it. */
    @FunctionalInterface
    public interface Topics {
        String of(int index) throws Exception;
    }

    /**
     * Checks {@code actual}'s topics against {@code expected} over every sample event, throwing
     * {@link IllegalStateException} at the first difference.
     */
    public static void checkTopics(List<String> expected, String what, Topics actual) {
        for (int i = 0; i < expected.size(); i++) {
            String got;
            try {
                got = actual.of(i);
            } catch (Exception e) {
                throw new IllegalStateException(what + ", sample event " + i + ": " + e, e);
            }
            if (!Objects.equals(expected.get(i), got)) {
                throw new IllegalStateException(what + ", sample event " + i + ": expected the topic "
                        + expected.get(i) + " but got " + got);
            }
        }
    }

    /** Checks a runtime's (or pool's) {@code transformJson} against the guest over the sample. */
    public void checkJson(List<Event> expected, String what, java.util.function.Function<byte[], TransformResult> fromJson) {
        checkJson(expected, what + " transformJson", what, fromJson);
    }

    private static void checkJson(List<Event> expected, String label, String what,
            java.util.function.Function<byte[], TransformResult> fromJson) {
        List<byte[]> json = Sample.json();
        checkAgainst(expected, label, i -> output(what, fromJson.apply(json.get(i))));
    }

    /**
     * Checks a runtime's {@code process(json, 0, json.length, true)} (transform, then route) over the sample:
     * the guest's output events, and for each event the topic the Java twin names (both its forms).
     */
    public void checkRouted(List<Event> expected, String what, WasmRuntime runtime) {
        List<byte[]> json = Sample.json();
        List<Event> events = Sample.events();
        checkJson(expected, what + " process(route)", what, j -> runtime.process(j, 0, j.length, true));
        JavaTransform.RouteByTable twin = (JavaTransform.RouteByTable) newJava();
        List<String> fromTwin = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            try {
                twin.bytes(json.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String fromBytes = twin.topic();
            twin.object(events.get(i));
            if (!Objects.equals(fromBytes, twin.topic())) {
                throw new IllegalStateException(guest + " twin, sample event " + i + ": javaBytes named " + fromBytes
                        + ", javaObject " + twin.topic());
            }
            fromTwin.add(fromBytes);
        }
        checkTopics(fromTwin, what + " process(route) topic vs the Java twin's",
                i -> topic(what, runtime.process(json.get(i), 0, json.get(i).length, true)));
    }

    private static Event parseOrNull(byte[] json) throws EventFormatException {
        return json == null ? null : EventJson.fromJson(json);
    }
}
