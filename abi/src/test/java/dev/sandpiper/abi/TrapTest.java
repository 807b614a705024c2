package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.event;
import static dev.sandpiper.abi.Guests.testGuest;
import static dev.sandpiper.abi.Guests.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * contract.md, "Lifecycle" step 3: a trap is a transform error carrying the trap's kind and message, and the host
 * process and other instances are unaffected.
 */
class TrapTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "!trap, transform trapped: unreachable",
        "!div0, transform trapped: integer divide by zero",
        "!oob,  transform trapped: out of bounds memory access"})
    void aTrapIsATransformErrorWithTheTrapsKindAndMessage(String command, String message) {
        try (WasmRuntime r = Guests.runtime(testGuest("probe"))) {
            TransformError e = assertFailed(TransformError.Kind.TRAP, r.transformJson(utf8(command)));
            Guests.assertStartsWith(message, e.message());
            assertEquals("trap: " + e.message(), e.toString());
        }
    }

    @Test
    void endlessRecursionStopsAtTheCallDepthLimitNotWithAStackOverflowInTheHost() {
        try (WasmRuntime r = Guests.runtime(testGuest("probe"))) {
            TransformError e = assertFailed(TransformError.Kind.LIMIT, r.transformJson(utf8("!recurse")));
            Guests.assertStartsWith("transform exhausted the call stack (call stack exhausted", e.message());
            assertEquals(event(1), assertOk(r.transform(event(1))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"!trap", "!div0", "!oob", "!recurse"})
    void aTrapInOneRuntimeDoesNotDisturbAnotherOfTheSameModule(String command) {
        WasmModule module = Guests.load(testGuest("probe"));
        try (WasmRuntime bystander = module.newRuntime(); WasmRuntime victim = module.newRuntime()) {
            assertOk(bystander.transform(event(1)));
            assertOk(bystander.transform(event(2)));
            assertEquals(TransformResult.Failed.class, victim.transformJson(utf8(command)).getClass());
            assertEquals(event(3), assertOk(bystander.transform(event(3))));
            assertEquals(3, bystander.metrics().get("count"), "the bystander's instance kept its state");
            assertEquals(1, bystander.metrics().get("init_calls"));
        }
    }
}
