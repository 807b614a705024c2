package dev.sandpiper.jmh.connect;

import dev.sandpiper.connect.WasmTransform;
import dev.sandpiper.jmh.support.Check;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * What every SMT of the connect benchmarks must make of {@link DebeziumRecords}: the outputs of Sandpiper's
 * {@link WasmTransform} running mask-pii on the interpreter, themselves checked, record by record, against the
 * masking done by hand (the input record with each non-null {@link MaskPiiPlugin#FIELDS} value of {@code before} and
 * {@code after} replaced by {@link MaskPiiPlugin#REDACTED}, everything else equal), and each
 * checked to differ from its input (every record has an email to mask). Computed once per JVM.
 */
public final class ReferenceOutputs {
    private static List<SourceRecord> outputs;

    private ReferenceOutputs() {}

    /** The reference output of each record, in order. */
    public static synchronized List<SourceRecord> get() {
        if (outputs == null) {
            List<SourceRecord> out = new ArrayList<>();
            WasmTransform<SourceRecord> ours = new WasmTransform<>();
            ours.configure(MaskPiiPlugin.guestProps("interpreter"));
            try {
                for (SourceRecord r : DebeziumRecords.all()) {
                    SourceRecord o = ours.apply(r);
                    // every record has an email to mask: an output equal to its input would mean nothing was masked
                    Check.expect("record " + out.size() + " changed by masking", false, r.equals(o));
                    Check.expect("WasmTransform (engine interpreter) on record " + out.size(), maskedByHand(r), o);
                    out.add(o);
                }
            } finally {
                ours.close();
            }
            outputs = List.copyOf(out);
        }
        return outputs;
    }

    /** Checks that {@code smt} makes the reference output of every record; throws at the first difference. */
    public static void check(String what, Transformation<SourceRecord> smt) {
        List<SourceRecord> expected = get();
        List<SourceRecord> in = DebeziumRecords.all();
        for (int i = 0; i < in.size(); i++) {
            Check.expect(what + " on record " + i, expected.get(i), smt.apply(in.get(i)));
        }
    }

    static SourceRecord maskedByHand(SourceRecord r) {
        Struct envelope = (Struct) r.value();
        Struct out = new Struct(envelope.schema());
        for (Field f : envelope.schema().fields()) {
            Object v = envelope.getWithoutDefault(f.name());
            out.put(f, v instanceof Struct row && (f.name().equals("before") || f.name().equals("after")) ? masked(row) : v);
        }
        return r.newRecord(r.topic(), r.kafkaPartition(), r.keySchema(), r.key(), r.valueSchema(), out, r.timestamp(),
                r.headers());
    }

    private static Struct masked(Struct row) {
        Struct out = new Struct(row.schema());
        for (Field f : row.schema().fields()) {
            Object v = row.getWithoutDefault(f.name());
            out.put(f, v instanceof String && MaskPiiPlugin.FIELDS.contains(f.name()) ? MaskPiiPlugin.REDACTED : v);
        }
        return out;
    }
}
