package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.event;
import static dev.sandpiper.abi.Guests.testGuest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * contract.md, "Lifecycle" and decisions 6 and 7: what {@code init} receives, when it runs, how init and shutdown
 * failures are reported, and that shutdown makes the next transform run init again. The guests make the lifecycle
 * visible: {@code probe} logs the config it receives and counts its init, shutdown and alloc calls in metrics.
 */
class LifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static long metric(WasmRuntime r, String name) {
        return r.metrics().getOrDefault(name, 0L);
    }

    /** Runs one event through a probe runtime and returns the config its init logged. */
    private static String configSeenByInit(WasmConfig.Builder config) {
        try (LogCapture log = LogCapture.transform("probe"); WasmRuntime r = Guests.load(config).newRuntime()) {
            assertOk(r.transform(event(1)));
            List<LogCapture.Line> lines = log.lines();
            assertEquals(1, lines.size(), () -> "log lines: " + lines);
            Guests.assertStartsWith("[probe] ", lines.get(0).message());
            return lines.get(0).message().substring("[probe] ".length());
        }
    }

    @Test
    void initReceivesTheHostLimitsAsAJsonObject() {
        assertEquals("{\"timeout_ms\":50,\"memory_limit_mb\":16}",
                configSeenByInit(Guests.config(testGuest("probe"))));
    }

    @Test
    void initReceivesTheUsersConfigMergedWithTheLimitsAndTheHostsValuesWin() throws Exception {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("fields_to_mask", List.of("email", "phone"));
        user.put("timeout_ms", 999);            // clashes: the host's value wins
        user.put("nested", Map.of("memory_limit_mb", 1));
        user.put("memory_limit_mb", "lots");    // clashes too
        user.put("big", 9223372036854775807L);
        user.put("price", new BigDecimal("100.50"));
        user.put("text", "héllo \"wörld\" ✓");
        user.put("none", null);
        String seen = configSeenByInit(Guests.config(testGuest("probe")).timeoutMs(70).memoryLimitMb(3)
                .initConfig(user));

        Map<String, Object> expected = new LinkedHashMap<>(user);
        expected.put("timeout_ms", 70);
        expected.put("memory_limit_mb", 3);
        assertEquals(JSON.readTree(JSON.writeValueAsBytes(expected)), JSON.readTree(seen));
        Guests.assertContains("\"price\":100.50", seen); // the decimal's scale is kept
    }

    @Test
    void initRunsLazilyOnceBeforeTheFirstTransform() {
        try (WasmRuntime r = Guests.runtime(testGuest("probe"))) {
            assertEquals(Map.of(), r.metrics(), "nothing runs before the first transform");
            for (int i = 1; i <= 3; i++) {
                assertOk(r.transform(event(i)));
            }
            assertEquals(1, metric(r, "init_calls"));
            assertEquals(3, metric(r, "transforms"));
            assertEquals(4, metric(r, "alloc_calls"), "one alloc for the init config, one per event");
        }
    }

    @Test
    void anExplicitInitRunsInitOnceAndTheFirstTransformDoesNotRepeatIt() throws Exception {
        try (WasmRuntime r = Guests.runtime(testGuest("probe"))) {
            r.init();
            assertEquals(1, metric(r, "init_calls"));
            r.init();
            assertOk(r.transform(event(1)));
            assertEquals(1, metric(r, "init_calls"));
        }
    }

    @Test
    void aNonZeroInitFailsTheTriggeringTransformAndTheNextTransformRetriesInit() {
        try (WasmRuntime r = Guests.runtime(testGuest("init-fails-once"))) {
            assertFailed(TransformError.Kind.GUEST_FAILURE, "init returned 1: the transform rejected its "
                    + "configuration {\"timeout_ms\":50,\"memory_limit_mb\":16}", r.transform(event(1)));
            assertEquals(1, metric(r, "init_calls"));

            assertEquals(event(2), assertOk(r.transform(event(2))));
            assertEquals(2, metric(r, "init_calls"));

            assertOk(r.transform(event(3)));
            assertEquals(2, metric(r, "init_calls"), "init succeeded; it does not run again");
        }
    }

    @Test
    void aNonZeroExplicitInitThrowsAndCanBeRetried() throws Exception {
        try (WasmRuntime r = Guests.runtime(testGuest("init-fails-once"))) {
            TransformException e = assertThrows(TransformException.class, r::init);
            assertEquals(TransformError.Kind.GUEST_FAILURE, e.error().kind());
            Guests.assertStartsWith("init returned 1: ", e.error().message());
            r.init();
            assertEquals(2, metric(r, "init_calls"));
            assertOk(r.transform(event(1)));
            assertEquals(2, metric(r, "init_calls"));
        }
    }

    @Test
    void aNonZeroShutdownThrowsATransformException() {
        try (WasmRuntime r = Guests.runtime(testGuest("shutdown-fails"))) {
            assertOk(r.transform(event(1)));
            TransformException e = assertThrows(TransformException.class, r::shutdown);
            assertEquals(new TransformError(TransformError.Kind.GUEST_FAILURE, "shutdown returned 3"), e.error());
            assertEquals(1, metric(r, "shutdown_calls"));
        }
    }

    @Test
    void afterAFailedShutdownTheNextTransformRunsInitAgain() {
        try (WasmRuntime r = Guests.runtime(testGuest("shutdown-fails"))) {
            assertOk(r.transform(event(1)));
            assertThrows(TransformException.class, r::shutdown);
            assertEquals(event(2), assertOk(r.transform(event(2))));
            assertEquals(2, metric(r, "init_calls"));
        }
    }

    @Test
    void afterShutdownTheNextTransformRunsInitAgain() throws Exception {
        try (WasmRuntime r = Guests.runtime(testGuest("probe"))) {
            assertOk(r.transform(event(1)));
            r.shutdown();
            assertEquals(1, metric(r, "shutdown_calls"));
            assertEquals(1, metric(r, "init_calls"));

            assertOk(r.transform(event(2)));
            assertEquals(2, metric(r, "init_calls"));
            assertOk(r.transform(event(3)));
            assertEquals(2, metric(r, "init_calls"));
        }
    }

    @Test
    void shutdownOfARuntimeThatNeverRanInitDoesNotCallTheGuest() throws Exception {
        try (WasmRuntime r = Guests.runtime(testGuest("probe"))) {
            r.shutdown();
            assertEquals(0, metric(r, "shutdown_calls"));
        }
    }

    @Test
    void closeShutsTheGuestDownOnceAndTheRuntimeRefusesFurtherEvents() {
        WasmRuntime r = Guests.runtime(testGuest("probe"));
        assertOk(r.transform(event(1)));
        r.close();
        assertEquals(1, metric(r, "shutdown_calls"));
        r.close();
        assertEquals(1, metric(r, "shutdown_calls"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.transform(event(2)));
        assertEquals("runtime is closed", e.getMessage());
    }

    @Test
    void closeLogsAFailedShutdownInsteadOfThrowing() {
        try (LogCapture log = LogCapture.transform("shutdown-fails")) {
            WasmRuntime r = Guests.runtime(testGuest("shutdown-fails"));
            assertOk(r.transform(event(1)));
            r.close();
            assertEquals(List.of(new LogCapture.Line(java.util.logging.Level.WARNING,
                    "shutdown failed on close: guest_failure: shutdown returned 3")), log.lines());
        }
    }

    @Test
    void aModuleWithoutInitAndShutdownRunsWithoutThem() throws Exception {
        try (WasmRuntime r = Guests.runtime(testGuest("outcomes"))) {
            r.init();
            assertEquals(event(1), assertOk(r.transform(event(1))));
            r.shutdown();
            assertEquals(event(2), assertOk(r.transform(event(2))));
        }
    }

    @Test
    void aStartFunctionThatTrapsFailsEachTransformAsATrapAndNeverThrows() {
        try (WasmRuntime r = Guests.runtime(testGuest("start-traps"))) {
            for (int i = 0; i < 3; i++) {
                TransformError e = assertFailed(TransformError.Kind.TRAP, r.transform(event(i)));
                Guests.assertStartsWith("instantiation failed: unreachable", e.message());
            }
            TransformException e = assertThrows(TransformException.class, r::init);
            assertEquals(TransformError.Kind.TRAP, e.error().kind());
        }
    }

    @Test
    void theSeedsCreateLoadsWithTheDefaults() throws Exception {
        Path module = testGuest("probe");
        try (WasmRuntime r = WasmRuntime.create(module)) {
            assertEquals(WasmConfig.of(module), r.module().config());
            assertEquals(50, r.module().timeoutMs());
            assertEquals(event(7), assertOk(r.transform(event(7))));
        }
    }
}
