package dev.sandpiper.jmh.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventJson;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.abi.WasmModule;
import dev.sandpiper.abi.WasmRuntime;
import dev.sandpiper.compiler.Engine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transform benchmarks' setups and methods, run as JMH would run them: the Java twins give the guests'
 * outputs over the 40 sample events (the setups' checks), a wrong twin is caught, and each benchmark method
 * returns those outputs in turn.
 */
class TransformBenchmarksTest {

    /** Each state's setup (with its checks), then each method over the whole sample: the guest's outputs in order. */
    @Test
    void everyTransformsSetupsAndMethods() throws Exception {
        TransformBenchmark b = new TransformBenchmark();
        for (String name : TransformBenchmark.TRANSFORMS) {
            TransformCase c = TransformCase.of(name);
            List<Event> expected = c.guestOutputs();

            TransformBenchmark.OnJava java = new TransformBenchmark.OnJava();
            java.transform = name;
            java.setup();
            TransformBenchmark.OnWasm wasm = new TransformBenchmark.OnWasm();
            wasm.transform = name;
            wasm.setup();
            TransformBenchmark.OnCompiled compiled = new TransformBenchmark.OnCompiled();
            compiled.transform = name;
            compiled.setup();
            try {
                // A state's methods share its cursor: each method gets one full cycle of the sample.
                for (int i = 0; i < Sample.SIZE; i++) {
                    String at = name + " wasmEvent, event " + i;
                    assertEquals(expected.get(i), TransformCase.output(at, b.wasmEvent(wasm)), at);
                }
                for (int i = 0; i < Sample.SIZE; i++) {
                    String at = name + " wasmJson, event " + i;
                    TransformResult r = b.wasmJson(wasm);
                    assertEquals(expected.get(i), TransformCase.output(at, r), at);
                    assertEquals(expectedTopic(c, i), topicOf(r), at);
                }
                for (int i = 0; i < Sample.SIZE; i++) {
                    String at = name + " compiledEvent, event " + i;
                    assertEquals(expected.get(i), TransformCase.output(at, b.compiledEvent(compiled)), at);
                }
                for (int i = 0; i < Sample.SIZE; i++) {
                    String at = name + " compiledJson, event " + i;
                    TransformResult r = b.compiledJson(compiled);
                    assertEquals(expected.get(i), TransformCase.output(at, r), at);
                    assertEquals(expectedTopic(c, i), topicOf(r), at);
                }
                for (int i = 0; i < Sample.SIZE; i++) {
                    byte[] bytes = b.javaBytes(java);
                    assertEquals(expected.get(i), bytes == null ? null : EventJson.fromJson(bytes), name + " javaBytes " + i);
                    if (c.routes()) {
                        assertEquals(expectedTopic(c, i), ((JavaTransform.RouteByTable) java.java).topic(),
                                name + " javaBytes topic " + i);
                    }
                }
                for (int i = 0; i < Sample.SIZE; i++) {
                    assertEquals(expected.get(i), b.javaObject(java), name + " javaObject " + i);
                    if (c.routes()) {
                        assertEquals(expectedTopic(c, i), ((JavaTransform.RouteByTable) java.java).topic(),
                                name + " javaObject topic " + i);
                    }
                }
                assertEquals(c.routes(), wasm.route, name);
                assertEquals(c.routes(), compiled.route, name);
                wasm.noFailures();
                assertEquals(0, wasm.failures);
                compiled.noFailures();
                assertEquals(0, compiled.failures);
            } finally {
                wasm.close();
                compiled.close();
            }
        }
    }

    /** The topic an output names; null when filtered (a failure already failed {@link TransformCase#output}). */
    private static String topicOf(TransformResult r) {
        return r instanceof TransformResult.Ok ? ((TransformResult.Ok) r).topic() : null;
    }

    /** The topic a JSON method must name for sample event {@code i}: {@code cdc.<table>} when routing, else none. */
    private static String expectedTopic(TransformCase c, int i) {
        return c.routes() ? "cdc." + Sample.events().get(i).table() : null;
    }

    /** Only route-by-table routes; the benchmark's parameter lists name every case, in the enum's order. */
    @Test
    void everyCaseIsBenchmarked() throws Exception {
        List<String> all = java.util.Arrays.stream(TransformCase.values()).map(TransformCase::guest).toList();
        assertEquals(all, List.of(TransformBenchmark.TRANSFORMS));
        for (Class<?> state : List.of(TransformBenchmark.OnRuntime.class, TransformBenchmark.OnJava.class)) {
            org.openjdk.jmh.annotations.Param p = state.getField("transform")
                    .getAnnotation(org.openjdk.jmh.annotations.Param.class);
            assertEquals(all, List.of(p.value()), state.getSimpleName());
        }
        for (TransformCase c : TransformCase.values()) {
            assertEquals(c == TransformCase.ROUTE_BY_TABLE, c.routes(), c.guest());
        }
        assertEquals(Map.of("topic_prefix", "cdc."), TransformCase.ROUTE_BY_TABLE.config());
        assertThrows(IllegalStateException.class, TransformCase.MASK_PII::guestTopics);
    }

    /**
     * route-by-table over the sample, as examples/transforms/README.md says: 23 events to users, 17 to
     * orders, here with the prefix {@code cdc.}; the guest's topics equal the twin's, and its output is its input.
     */
    @Test
    void routeByTableOverTheSample() throws Exception {
        List<String> topics = TransformCase.ROUTE_BY_TABLE.guestTopics();
        assertEquals(Sample.SIZE, topics.size());
        assertEquals(23, topics.stream().filter("cdc.users"::equals).count());
        assertEquals(17, topics.stream().filter("cdc.orders"::equals).count());
        JavaTransform.RouteByTable twin = (JavaTransform.RouteByTable) TransformCase.ROUTE_BY_TABLE.newJava();
        assertEquals(null, twin.topic());
        List<Event> events = Sample.events();
        List<byte[]> json = Sample.json();
        for (int i = 0; i < Sample.SIZE; i++) {
            assertSame(events.get(i), twin.object(events.get(i)));
            assertEquals(topics.get(i), twin.topic());
            assertEquals(events.get(i), EventJson.fromJson(twin.bytes(json.get(i))));
            assertEquals(topics.get(i), twin.topic());
        }
        try (WasmRuntime guest = TransformCase.ROUTE_BY_TABLE.load().newRuntime()) {
            for (byte[] e : json) {
                TransformResult.Ok ok = assertInstanceOf(TransformResult.Ok.class, guest.transformJson(e));
                assertEquals(new String(e, StandardCharsets.UTF_8), new String(ok.json(), StandardCharsets.UTF_8));
                assertEquals(null, ok.topic()); // transformJson does not route
            }
        }
        // A twin whose input lacks a string table fails, as the guest's route does (-3).
        assertThrows(IllegalArgumentException.class,
                () -> twin.bytes("{\"table\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    /** What the README says the guests do over the sample, seen in the twins' outputs. */
    @Test
    void twinsOverTheSample() throws Exception {
        List<Event> events = Sample.events();
        List<byte[]> json = Sample.json();

        JavaTransform mask = TransformCase.MASK_PII.newJava();
        int masked = 0;
        for (byte[] e : json) {
            masked += count(new String(mask.bytes(e), StandardCharsets.UTF_8), JavaTransform.REDACTED);
        }
        assertEquals(68, masked);

        JavaTransform drop = TransformCase.DROP_DELETES.newJava();
        assertEquals(5, json.stream().filter(e -> uncheckedBytes(drop, e) == null).count());
        assertEquals(5, events.stream().filter(e -> drop.object(e) == null).count());

        JavaTransform pass = TransformCase.PASS_THROUGH.newJava();
        for (int i = 0; i < events.size(); i++) {
            assertSame(events.get(i), pass.object(events.get(i)));
            assertEquals(events.get(i), EventJson.fromJson(pass.bytes(json.get(i))));
        }
    }

    /** The enrich twin counts what the guest records: 40 events, and the sample's bytes (17261). */
    @Test
    void enrichTwinCountsLikeTheGuest() throws Exception {
        JavaTransform.Enrich twin = (JavaTransform.Enrich) TransformCase.ENRICH.newJava();
        try (WasmRuntime guest = TransformCase.ENRICH.load().newRuntime()) {
            for (byte[] e : Sample.json()) {
                twin.bytes(e);
                assertInstanceOf(TransformResult.Ok.class, guest.transformJson(e));
            }
            assertEquals(Map.of("bytes_in", 17261L, "events_enriched", 40L), guest.metrics());
        }
        assertEquals(40, twin.eventsEnriched.sum());
        assertEquals(17261, twin.bytesIn.sum());
    }

    /** Exact decimals survive the bytes twin: 100.50 stays 100.50 (Jackson's default would print 100.5). */
    @Test
    void bytesTwinKeepsDecimalScale() throws Exception {
        byte[] in = Sample.json().stream().filter(e -> new String(e, StandardCharsets.UTF_8).contains("100.50"))
                .findFirst().orElseThrow();
        String out = new String(TransformCase.PASS_THROUGH.newJava().bytes(in), StandardCharsets.UTF_8);
        assertTrue(out.contains("100.50"), out);
        assertTrue(out.contains("1E+2") || !new String(in, StandardCharsets.UTF_8).contains("1E+2"), out);
    }

    /** A twin that differs from the guest (here: masks one field fewer) fails the setup's check. */
    @Test
    void aWrongTwinIsCaught() {
        List<Event> expected = TransformCase.MASK_PII.guestOutputs();
        JavaTransform wrong = new JavaTransform.MaskPii(List.of("email", "phone"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TransformCase.MASK_PII.checkJava(expected, wrong));
        assertTrue(e.getMessage().startsWith("mask-pii javaObject, sample event 0: expected the guest's output"),
                e.getMessage());
        JavaTransform enrichOtherTag = new JavaTransform.Enrich("other");
        assertThrows(IllegalStateException.class,
                () -> TransformCase.ENRICH.checkJava(TransformCase.ENRICH.guestOutputs(), enrichOtherTag));
        // Its events are right (passed through), its topics are not: caught by the topic check.
        JavaTransform routeOtherPrefix = new JavaTransform.RouteByTable("other.");
        IllegalStateException r = assertThrows(IllegalStateException.class,
                () -> TransformCase.ROUTE_BY_TABLE.checkJava(TransformCase.ROUTE_BY_TABLE.guestOutputs(), routeOtherPrefix));
        assertTrue(r.getMessage().startsWith("route-by-table javaObject, sample event 0: expected the topic cdc.users but "
                + "got other.users"), r.getMessage());
    }

    /** A runtime whose route names other topics than the twin fails the runtime setup's check. */
    @Test
    void aWrongRouteIsCaught() throws Exception {
        TransformCase c = TransformCase.ROUTE_BY_TABLE;
        WasmModule other = WasmModule.load(c.wasm(), dev.sandpiper.abi.WasmConfig.builder().name(c.guest())
                .initConfig(Map.of("topic_prefix", "other.")).engine(Engine.INTERPRETER).build());
        try (WasmRuntime runtime = other.newRuntime()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> c.checkRouted(c.guestOutputs(), "other", runtime));
            assertTrue(e.getMessage().startsWith("other process(route) topic vs the Java twin's, sample event 0: "
                    + "expected the topic cdc.users but got other.users"), e.getMessage());
        }
    }

    /**
     * The interpreter's states name their engine: with the runtime's default, auto, the guest would move
     * to compiled code in the middle of a run. The compiled states' modules are compiled.
     */
    @Test
    void enginesAreNamed() {
        assertEquals(Engine.INTERPRETER, TransformCase.MASK_PII.load().engine());
        assertFalse(TransformCase.MASK_PII.load().isCompiled());
        WasmModule compiled = TransformCase.MASK_PII.load(Engine.COMPILER);
        assertEquals(Engine.COMPILER, compiled.engine());
        assertTrue(compiled.isCompiled());
    }

    /** The compiled pool: the same outputs through both its methods. */
    @Test
    void compiledPoolSetupAndMethods() throws Exception {
        PoolBenchmark b = new PoolBenchmark();
        PoolBenchmark.CompiledPool pool = new PoolBenchmark.CompiledPool();
        pool.transform = "mask-pii";
        pool.setup();
        try {
            assertTrue(pool.pool.module().isCompiled());
            List<Event> expected = TransformCase.MASK_PII.guestOutputs();
            PoolBenchmark.Cursor cursor = new PoolBenchmark.Cursor();
            for (int i = 0; i < Sample.SIZE; i++) {
                TransformResult r = i % 2 == 0 ? b.compiledOneThread(pool, cursor) : b.compiledTwoThreads(pool, cursor);
                assertEquals(expected.get(i), TransformCase.output("compiled pool event " + i, r));
            }
            pool.noFailures();
        } finally {
            pool.close();
        }
    }

    /** The pool's setup checks it against the guest; both methods return the guest's outputs. */
    @Test
    void poolSetupAndMethods() throws Exception {
        PoolBenchmark b = new PoolBenchmark();
        PoolBenchmark.Pool pool = new PoolBenchmark.Pool();
        pool.transform = "mask-pii";
        pool.setup();
        try {
            assertEquals(PoolBenchmark.POOL_SIZE, pool.pool.size());
            List<Event> expected = TransformCase.MASK_PII.guestOutputs();
            PoolBenchmark.Cursor cursor = new PoolBenchmark.Cursor();
            for (int i = 0; i < Sample.SIZE; i++) {
                TransformResult r = i % 2 == 0 ? b.oneThread(pool, cursor) : b.twoThreads(pool, cursor);
                assertEquals(expected.get(i), TransformCase.output("pool event " + i, r));
            }
            pool.noFailures();
        } finally {
            pool.close();
        }
    }

    /** The cursor cycles the 40 events. */
    @Test
    void cursorCycles() {
        EventCursor c = new EventCursor();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < Sample.SIZE; i++) {
                assertEquals(i, c.next());
            }
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static byte[] uncheckedBytes(JavaTransform t, byte[] json) {
        try {
            return t.bytes(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
