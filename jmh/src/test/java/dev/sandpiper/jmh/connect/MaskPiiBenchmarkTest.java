package dev.sandpiper.jmh.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * The connect benchmark's setups and methods as JMH runs them: each state's setup (with its check against the
 * reference outputs), then each method over one full cycle of the records; and a wrong SMT is caught.
 */
class MaskPiiBenchmarkTest {

    @Test
    void recordsAreAMixOfOpsWithPiiToMask() {
        List<SourceRecord> records = DebeziumRecords.all();
        assertEquals(DebeziumRecords.SIZE, records.size());
        Map<String, Long> ops = records.stream().collect(java.util.stream.Collectors.groupingBy(
                r -> ((Struct) r.value()).getString("op"), java.util.stream.Collectors.counting()));
        assertEquals(Map.of("r", 8L, "c", 12L, "u", 16L, "d", 4L), ops);
        records.forEach(r -> ((Struct) r.value()).validate()); // every required field set, every value fits its schema
    }

    @Test
    void everySetupChecksAndEveryMethodGivesTheReferenceOutputs() {
        MaskPiiBenchmark b = new MaskPiiBenchmark();
        List<SourceRecord> expected = ReferenceOutputs.get();
        MaskPiiBenchmark.OnSandpiper sandpiper = new MaskPiiBenchmark.OnSandpiper();
        MaskPiiBenchmark.OnSandpiperInterpreter interpreter = new MaskPiiBenchmark.OnSandpiperInterpreter();
        MaskPiiBenchmark.OnChicory chicory = new MaskPiiBenchmark.OnChicory();
        MaskPiiBenchmark.OnMaskField maskField = new MaskPiiBenchmark.OnMaskField();
        sandpiper.setup();
        interpreter.setup();
        chicory.setup();
        maskField.setup();
        try {
            MaskPiiBenchmark.Records records = new MaskPiiBenchmark.Records();
            for (int i = 0; i < DebeziumRecords.SIZE; i++) {
                assertEquals(expected.get(i), b.sandpiper(sandpiper, records), "sandpiper " + i);
            }
            for (int i = 0; i < DebeziumRecords.SIZE; i++) {
                assertEquals(expected.get(i), b.sandpiperInterpreter(interpreter, records), "sandpiperInterpreter " + i);
            }
            for (int i = 0; i < DebeziumRecords.SIZE; i++) {
                assertEquals(expected.get(i), b.chicory(chicory, records), "chicory " + i);
            }
            for (int i = 0; i < DebeziumRecords.SIZE; i++) {
                assertEquals(expected.get(i), b.maskField(maskField, records), "maskField " + i);
            }
        } finally {
            sandpiper.close();
            interpreter.close();
            chicory.close();
            maskField.close();
        }
    }

    @Test
    void aSmtThatMasksDifferentlyIsCaught() {
        NestedMaskField<SourceRecord> wrong = new NestedMaskField<>();
        wrong.configure(Map.of("fields", "email,phone,ssn")); // MaskField's default: empty strings
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReferenceOutputs.check("MaskField without replacement", wrong));
        assertTrue(e.getMessage().startsWith("MaskField without replacement on record 0"), e.getMessage());
    }
}
