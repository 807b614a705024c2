package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertFiltered;
import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.assertOkBytes;
import static dev.sandpiper.abi.Guests.event;
import static dev.sandpiper.abi.Guests.testGuest;
import static dev.sandpiper.abi.Guests.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * contract.md, "Lifecycle" step 3 and decisions 3 and 13: how the host hands an event to the guest and reads the
 * outcome, with the checks in the contract's order. The {@code outcomes} guest returns the (r, n) pair a test sends
 * it as 8 bytes and counts its output_len calls; any other input it echoes.
 */
class TransformOutcomeTest {
    private WasmRuntime outcomes;

    @BeforeEach
    void open() {
        outcomes = Guests.runtime(testGuest("outcomes"));
    }

    @AfterEach
    void close() {
        outcomes.close();
    }

    /** Makes the outcomes guest's transform return r and its output_len return n. */
    private TransformResult returning(int r, int n) {
        byte[] cmd = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(r).putInt(n).array();
        return outcomes.transformJson(cmd);
    }

    private long outputLenCalls() {
        return outcomes.metrics().getOrDefault("output_len_calls", 0L);
    }

    /** Every outcome leaves the runtime usable: the next event goes through. */
    private void assertNextEventSucceeds() {
        Event next = event(99);
        assertEquals(next, assertOk(outcomes.transform(next)));
    }

    // ---- the guest's answer, checked in the contract's order ----

    @Test
    void minusOneIsFilteredWithoutCallingOutputLen() {
        assertFiltered(returning(-1, 5));
        assertEquals(0, outputLenCalls());
        assertNextEventSucceeds();
    }

    @ParameterizedTest
    @ValueSource(ints = {-2, -7, -1000, Integer.MIN_VALUE})
    void belowMinusOneIsAnErrorNamingTheCodeWithoutCallingOutputLen(int code) {
        assertFailed(TransformError.Kind.GUEST_FAILURE, "transform returned error code " + code, returning(code, 11));
        assertEquals(0, outputLenCalls());
        assertNextEventSucceeds();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -2, Integer.MIN_VALUE})
    void aNegativeOutputLenIsAnError(int n) {
        assertFailed(TransformError.Kind.GUEST_FAILURE, "output_len returned " + n, returning(1024, n));
        assertEquals(1, outputLenCalls());
        assertNextEventSucceeds();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1024, 65536, 0x7FFFFFF0, Integer.MAX_VALUE})
    void outputLenZeroIsFilteredAndNothingIsRead(int r) {
        // the pointer is not even checked: nothing is read
        assertFiltered(returning(r, 0));
        assertEquals(1, outputLenCalls());
        assertNextEventSucceeds();
    }

    @ParameterizedTest
    @CsvSource({
        "65000, 1000, 66000",
        "65536, 1, 65537",
        "0, 65537, 65537",
        "2147483647, 1, 2147483648",
        "2147483647, 2147483647, 4294967294"})
    void anOutputPastTheEndOfMemoryIsAnError(int r, int n, long end) {
        assertFailed(TransformError.Kind.INVALID_OUTPUT,
                "output [" + r + ", " + end + ") lies outside guest memory of 65536 bytes", returning(r, n));
        assertNextEventSucceeds();
    }

    @Test
    void anOutputEndingExactlyAtTheEndOfMemoryIsRead() {
        // [65535, 65536) is in bounds; the one byte read (a zero) is not an event
        TransformError e = assertFailed(TransformError.Kind.INVALID_OUTPUT, returning(65535, 1));
        Guests.assertStartsWith("output is not canonical Event JSON: ", e.message());
    }

    @Test
    void anOutputThatIsNotACanonicalEventIsAnError() {
        // address 1024 holds {"hello":1}
        assertFailed(TransformError.Kind.INVALID_OUTPUT, "output is not canonical Event JSON: op: missing required "
                + "field", returning(1024, 11));
        assertNextEventSucceeds();
    }

    @ParameterizedTest(name = "r={0}, n={1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // r < -1 wins over everything output_len would say
        "-2|-5|guest_failure: transform returned error code -2",
        // a negative length wins over an out-of-bounds pointer
        "2147483647|-5|guest_failure: output_len returned -5",
        // a zero length wins over an out-of-bounds pointer
        "2147483647|0|filtered",
        // bounds are checked before the bytes are parsed
        "65535|2|invalid_output: output [65535, 65537) lies outside guest memory of 65536 bytes"})
    void theChecksApplyInTheContractsOrder(int r, int n, String outcome) {
        TransformResult result = returning(r, n);
        String actual = result instanceof TransformResult.Failed f ? f.error().toString()
                : result instanceof TransformResult.Filtered ? "filtered" : result.toString();
        assertEquals(outcome, actual);
    }

    // ---- the input ----

    @Test
    void theGuestReceivesTheCanonicalSerialisationOfTheEvent() {
        // the probe echoes its input, so its output bytes are what it received
        try (WasmRuntime echo = Guests.runtime(testGuest("probe"))) {
            List<byte[]> lines = Guests.sampleLines(); // already canonical
            for (byte[] line : lines) {
                Event e;
                try {
                    e = EventJson.fromJson(line);
                } catch (EventFormatException ex) {
                    throw new AssertionError(ex);
                }
                TransformResult r = echo.transform(e);
                assertArrayEquals(line, assertOkBytes(r), () -> Guests.text(line));
                assertEquals(e, assertOk(r));
            }
        }
    }

    @Test
    void transformJsonPassesTheCallersBytesUnchanged() throws Exception {
        String json = "\n { \"table\" : \"us\\u0065rs\", \"op\":\"update\",\t\"ts\":7,\"envelope_version\":1,"
                + "\"source\":{\"timestamp\":1,\"offset\":\"0/1\",\"source_name\":\"pg\",\"extra\":[1,2]},"
                + "\"after\":{\"price\":100.50,\"big\":123456789012345678901234567890,\"e\":1E+2,\"s\":\"\\/\"},"
                + "\"unknown_field\":{\"x\":null} }\r\n";
        byte[] input = utf8(json);
        try (WasmRuntime echo = Guests.runtime(testGuest("probe"))) {
            TransformResult r = echo.transformJson(input);
            assertArrayEquals(input, assertOkBytes(r), "whitespace, key order, escapes and number text untouched");
            assertEquals(EventJson.fromJson(input), assertOk(r));
        }
    }

    @Test
    void transformJsonPassesOnlyTheGivenSlice() {
        byte[] event = EventJson.toJson(event(5));
        byte[] padded = new byte[event.length + 20];
        java.util.Arrays.fill(padded, (byte) '#');
        System.arraycopy(event, 0, padded, 10, event.length);
        try (WasmRuntime echo = Guests.runtime(testGuest("probe"))) {
            assertArrayEquals(event, assertOkBytes(echo.transformJson(padded, 10, event.length)));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"hello\":1}|op: missing required field",
        "not json|",
        "{\"op\":\"insert\",\"op\":\"insert\"}|"})
    void transformJsonStillRejectsAGuestOutputThatIsNotACanonicalEvent(String echoed, String detail) {
        try (WasmRuntime echo = Guests.runtime(testGuest("probe"))) {
            TransformError e = assertFailed(TransformError.Kind.INVALID_OUTPUT, echo.transformJson(utf8(echoed)));
            Guests.assertStartsWith("output is not canonical Event JSON: " + (detail == null ? "" : detail),
                    e.message());
        }
    }

    // ---- events the guest's memory cannot take ----

    private static Event eventOfAbout(int bytes) {
        return event(1).toBuilder().after(Fixtures.row("id", 1, "blob", "x".repeat(bytes))).build();
    }

    @Test
    void anEventLargerThanTheMemoryLimitFailsBeforeTheGuestIsCalled() {
        try (WasmRuntime r = Guests.load(Guests.config(testGuest("probe")).memoryLimitMb(1)).newRuntime()) {
            assertOk(r.transform(event(1)));
            long allocs = r.metrics().get("alloc_calls");

            Event big = eventOfAbout(1 << 20);
            int size = EventJson.toJson(big).length;
            assertFailed(TransformError.Kind.INVALID_INPUT, "event of " + size + " bytes exceeds memory_limit_mb 1",
                    r.transform(big));
            assertFailed(TransformError.Kind.INVALID_INPUT, r.transformJson(EventJson.toJson(big)));
            assertEquals(allocs, r.metrics().get("alloc_calls"), "alloc was not called");
            assertEquals(1, r.metrics().get("transforms"));

            assertOk(r.transform(event(2)));
        }
    }

    @Test
    void anAllocThatReturnsANegativePointerIsAnError() {
        // the event fits the 1 MiB limit, but not beside the probe's 4 KiB of data: alloc returns -1
        try (WasmRuntime r = Guests.load(Guests.config(testGuest("probe")).memoryLimitMb(1)).newRuntime()) {
            byte[] json = EventJson.toJson(eventOfAbout((1 << 20) - 2000));
            assertEquals(true, json.length <= 1 << 20 && json.length + 4096 > 1 << 20);
            assertFailed(TransformError.Kind.GUEST_FAILURE, "alloc(" + json.length + ") returned -1",
                    r.transformJson(json));
            assertEquals(0, r.metrics().getOrDefault("transforms", 0L));
            assertOk(r.transform(event(2)));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -2, -4096, Integer.MIN_VALUE})
    void anAllocReturningAnyNegativePointerIsAnErrorNamingIt(int ptr) throws Exception {
        try (WasmRuntime r = TestModule.conforming().returning("alloc", ptr).load().newRuntime()) {
            byte[] json = EventJson.toJson(event(1));
            assertFailed(TransformError.Kind.GUEST_FAILURE, "alloc(" + json.length + ") returned " + ptr,
                    r.transformJson(json));
        }
    }

    @Test
    void anAllocPointerWhereTheEventDoesNotFitIsAnError() throws Exception {
        // alloc always returns 0 and the memory is one page: a 70,000-byte event cannot be written
        try (WasmRuntime r = TestModule.conforming().load().newRuntime()) {
            byte[] json = EventJson.toJson(eventOfAbout(70_000));
            assertFailed(TransformError.Kind.GUEST_FAILURE, "alloc(" + json.length + ") returned a pointer where the "
                    + "event does not fit in guest memory of 65536 bytes", r.transformJson(json));
            assertFiltered(r.transform(event(1)));
        }
    }
}
