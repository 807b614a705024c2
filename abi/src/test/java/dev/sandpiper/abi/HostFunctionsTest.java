package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertFiltered;
import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.event;
import static dev.sandpiper.abi.Guests.testGuest;
import static dev.sandpiper.abi.Guests.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * contract.md, "Host functions" and decision 8: env.log, env.record_metric and env.get_metric as the guest sees
 * them. The {@code host-calls} guest runs one command per event (its input, sent with the bytes-level entry point)
 * and filters the event; log lines are captured from the transform's {@link System.Logger}.
 */
class HostFunctionsTest {
    private static final String PREFIX = "[host-calls] ";

    private LogCapture log;
    private WasmRuntime r;

    @BeforeEach
    void open() {
        log = LogCapture.transform("host-calls");
        r = Guests.runtime(testGuest("host-calls"));
    }

    @AfterEach
    void close() {
        r.close();
        log.close();
    }

    private TransformResult run(String command) {
        return r.transformJson(utf8(command));
    }

    /** A trap in a host function is a guest trap like any other: the next event on the runtime goes through. */
    private void assertTrapped(String command, String messageStart) {
        TransformError e = assertFailed(TransformError.Kind.TRAP, run(command));
        Guests.assertStartsWith("transform trapped: " + messageStart, e.message());
        assertEquals(event(1), assertOk(r.transform(event(1))));
    }

    // ---- log ----

    @Test
    void logLevelsZeroToFourAreTraceToErrorAndAnyOtherIsInfo() {
        assertFiltered(run("levels"));
        // the JDK's System.Logger over java.util.logging: TRACE=FINER, DEBUG=FINE, ERROR=SEVERE
        assertEquals(List.of(
                new LogCapture.Line(Level.FINER, PREFIX + "trace message"),
                new LogCapture.Line(Level.FINE, PREFIX + "debug message"),
                new LogCapture.Line(Level.INFO, PREFIX + "info message"),
                new LogCapture.Line(Level.WARNING, PREFIX + "warn message"),
                new LogCapture.Line(Level.SEVERE, PREFIX + "error message"),
                new LogCapture.Line(Level.INFO, PREFIX + "level 5 message"),
                new LogCapture.Line(Level.INFO, PREFIX + "level -1 message")), log.lines());
    }

    @Test
    void logGoesToTheLoggerNamedAfterTheTransform() {
        try (LogCapture named = LogCapture.transform("orders-audit");
                WasmRuntime renamed = Guests.load(Guests.config(testGuest("host-calls")).name("orders-audit"))
                        .newRuntime()) {
            assertFiltered(renamed.transformJson(utf8("levels")));
            assertEquals(7, named.count());
            assertEquals(new LogCapture.Line(Level.INFO, "[orders-audit] info message"), named.lines().get(2));
            assertEquals(0, log.count(), "nothing went to another transform's logger");
        }
    }

    @Test
    void invalidUtf8InALogMessageBecomesTheReplacementCharacter() {
        assertFiltered(run("bad-utf8"));
        // "bad \xFF byte, cut \xE2\x82": a stray byte and a truncated sequence, one U+FFFD each
        assertEquals(List.of(new LogCapture.Line(Level.INFO, PREFIX + "bad \uFFFD byte, cut \uFFFD")), log.lines());
    }

    @Test
    void anEmptyLogMessageIsLogged() {
        assertFiltered(run("log-empty"));
        assertEquals(List.of(new LogCapture.Line(Level.INFO, PREFIX)), log.lines());
    }

    @Test
    void aLogMessagePastTheEndOfMemoryTraps() {
        assertTrapped("log-oob", "out of bounds memory access: host access of 100 bytes at 65500 in a memory of "
                + "65536 bytes");
        assertEquals(0, log.count());
    }

    @Test
    void aLogPointerAbove2GibTraps() {
        assertTrapped("log-huge-ptr", "out of bounds memory access: host access of 4 bytes at 4294967280");
        assertEquals(0, log.count());
    }

    @Test
    void aNegativeLogLengthTraps() {
        assertTrapped("log-neg-len", "out of bounds memory access: log: negative length -1");
        assertEquals(0, log.count());
    }

    // ---- metric names ----

    @Test
    void aMetricNameOf256BytesIsAccepted() {
        assertFiltered(run("name-256"));
        assertEquals(Map.of("a".repeat(256), 1L), r.metrics());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "name-257|host function failed: record_metric: metric name at 8192 is longer than 256 bytes",
        "get-257|host function failed: get_metric: metric name at 8192 is longer than 256 bytes",
        "name-empty|host function failed: record_metric: empty metric name at 1504",
        "name-bad-utf8|host function failed: record_metric: metric name at 1280 is not valid UTF-8",
        "name-at-end|host function failed: record_metric: metric name at 65535 runs past the end of memory",
        "name-oob|out of bounds memory access: host access of 1 bytes at 70000"})
    void aBadMetricNameTraps(String command, String message) {
        assertTrapped(command, message);
        assertEquals(Map.of(), r.metrics(), "nothing was recorded");
    }

    @Test
    void aMetricNameIsUtf8() {
        assertFiltered(run("name-unicode"));
        assertEquals(Map.of("\u00e9v\u00e9nement\u2713", 1L), r.metrics());
    }

    // ---- metric values ----

    @Test
    void getMetricOfAnUnknownNameIsZero() {
        assertFiltered(run("get-unknown")); // got += get_metric("never_recorded")
        assertEquals(Map.of("got", 0L), r.metrics());
    }

    @Test
    void recordMetricAddsAndGetMetricReadsTheSum() {
        assertFiltered(run("get-known")); // x += 41; x += 1; got += get_metric("x")
        assertEquals(Map.of("x", 42L, "got", 42L), r.metrics());
        assertFiltered(run("sum"));       // sum += 5; sum += -8
        assertEquals(-3, r.metrics().get("sum"));
    }

    @Test
    void recordMetricWrapsAround() {
        assertFiltered(run("wrap"));      // w += 2^63-1; w += 1
        assertEquals(Long.MIN_VALUE, r.metrics().get("w"));
    }

    @Test
    void metricsBelongToTheirRuntime() {
        try (WasmRuntime other = Guests.runtime(testGuest("host-calls"))) {
            assertFiltered(run("sum"));
            assertFiltered(other.transformJson(utf8("wrap")));
            assertEquals(Map.of("sum", -3L), r.metrics());
            assertEquals(Map.of("w", Long.MIN_VALUE), other.metrics());
        }
    }

    @Test
    void metricsSurviveAHostFunctionTrap() {
        assertFiltered(run("sum"));
        assertTrapped("name-257", "host function failed: record_metric");
        assertEquals(Map.of("sum", -3L), r.metrics());
        assertFiltered(run("sum"));
        assertEquals(-6, r.metrics().get("sum"));
    }
}
