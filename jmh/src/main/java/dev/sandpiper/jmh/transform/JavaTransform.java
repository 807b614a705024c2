package dev.sandpiper.jmh.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.Op;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The plain-Java twin of a guest transform: the same logic written the way a Java team would,
 * without WebAssembly. This is the "native" of seed 000's overhead target. Two forms:
 *
 * <ul>
 *   <li>{@link #bytes(byte[])}: canonical Event JSON in, JSON out, through Jackson's tree model
 *       ({@code ObjectMapper.readTree}, edit the {@link ObjectNode}, {@code writeValueAsBytes}), the
 *       same bytes-to-bytes work the runtime and guest do. Deliberately plain Jackson, not the ABI's
 *       codec. Decimals are read as exact {@code BigDecimal}s with their scale ({@code 100.50} stays
 *       {@code 100.50}), which CDC data needs; everything else is Jackson's default. Every form
 *       re-serializes the tree, including pass-through (parse, nothing, serialize) and drop-deletes
 *       (parse, test {@code op}, serialize), where the guest hands its input bytes back instead.
 *   <li>{@link #object(Event)}: an {@link Event} in, an {@code Event} out, no JSON at all.
 * </ul>
 *
 * Both return null when the event is filtered out. An input the guest would reject (-2, -3) throws
 * {@link IllegalArgumentException} or Jackson's exception; the benchmarks only feed valid events.
 * Instances are thread-safe ({@link RouteByTable#topic()} aside: it is the last topic any thread named).
 */
public abstract class JavaTransform {

    /** One mapper for all twins (thread-safe): exact decimals, Jackson defaults otherwise. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** What mask-pii writes for a masked value. */
    public static final String REDACTED = "***REDACTED***";

    /** Bytes form: parse with Jackson, {@link #apply}, serialize; null when filtered. */
    public final byte[] bytes(byte[] json) throws IOException {
        JsonNode tree = MAPPER.readTree(json);
        if (!(tree instanceof ObjectNode)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        ObjectNode out = apply((ObjectNode) tree, json.length);
        return out == null ? null : MAPPER.writeValueAsBytes(out);
    }

    /** Transforms a parsed event in place (or returns null to filter it); {@code length} is the input's. */
    protected abstract ObjectNode apply(ObjectNode event, int length) throws JsonProcessingException;

    /** Object form: the transformed event, or null when filtered. */
    public abstract Event object(Event event);

    /** The twin of {@code pass-through}: nothing to do. */
    public static final class PassThrough extends JavaTransform {
        @Override
        protected ObjectNode apply(ObjectNode event, int length) {
            return event;
        }

        @Override
        public Event object(Event event) {
            return event;
        }
    }

    /** The twin of {@code drop-deletes}: filters out events whose {@code op} is {@code delete}. */
    public static final class DropDeletes extends JavaTransform {
        @Override
        protected ObjectNode apply(ObjectNode event, int length) {
            JsonNode op = event.get("op");
            if (op == null || !op.isTextual()) {
                throw new IllegalArgumentException("op: missing or not a string");
            }
            return op.textValue().equals("delete") ? null : event;
        }

        @Override
        public Event object(Event event) {
            return event.op() == Op.DELETE ? null : event;
        }
    }

    /**
     * The twin of {@code route-by-table}: the event passes unchanged, and each call names its output topic,
     * {@code <prefix><table>} (the guest's {@code route}), which {@link #topic()} then returns. Both forms
     * compute the topic: the bytes form reads {@code table} from the parsed tree (a string, else
     * {@link IllegalArgumentException}, as the guest's -3) and re-serializes the unchanged tree, the
     * object form reads {@link Event#table()}.
     *
     * <p>The topic is stored in a field of the twin, an object reachable from the benchmark's state, so the
     * JIT cannot drop the work of building it even though the benchmark methods return only the event.
     * One instance per thread (as JMH's {@code Scope.Thread} states hold it) for {@link #topic()} to be the
     * topic of that thread's last call.
     */
    public static final class RouteByTable extends JavaTransform {
        private final String prefix;
        private String topic;

        public RouteByTable(String prefix) {
            this.prefix = prefix;
        }

        /** The topic the last {@link #bytes} or {@link #object} call named; null before the first. */
        public String topic() {
            return topic;
        }

        @Override
        protected ObjectNode apply(ObjectNode event, int length) {
            JsonNode table = event.get("table");
            if (table == null || !table.isTextual()) {
                throw new IllegalArgumentException("table: missing or not a string");
            }
            topic = prefix + table.textValue();
            return event;
        }

        @Override
        public Event object(Event event) {
            topic = prefix + event.table();
            return event;
        }
    }

    /**
     * The twin of {@code mask-pii}: in the top-level {@code before} and {@code after} objects, the
     * members named in {@code fields} whose value is a string become {@value #REDACTED}.
     */
    public static final class MaskPii extends JavaTransform {
        private final String[] fields;

        public MaskPii(List<String> fields) {
            this.fields = fields.toArray(new String[0]);
        }

        @Override
        protected ObjectNode apply(ObjectNode event, int length) {
            mask(event.get("before"));
            mask(event.get("after"));
            return event;
        }

        private void mask(JsonNode row) {
            if (row instanceof ObjectNode) {
                ObjectNode o = (ObjectNode) row;
                for (String f : fields) {
                    JsonNode v = o.get(f);
                    if (v != null && v.isTextual()) {
                        o.put(f, REDACTED);
                    }
                }
            }
        }

        @Override
        public Event object(Event event) {
            Map<String, Object> before = mask(event.before());
            Map<String, Object> after = mask(event.after());
            if (before == event.before() && after == event.after()) {
                return event;
            }
            return event.toBuilder().before(before).after(after).build();
        }

        /** The row with its matching string values masked: the same map when nothing matched. */
        private Map<String, Object> mask(Map<String, Object> row) {
            if (row == null) {
                return null;
            }
            Map<String, Object> out = null;
            for (String f : fields) {
                if (row.get(f) instanceof String) {
                    if (out == null) {
                        out = new LinkedHashMap<>(row);
                    }
                    out.put(f, REDACTED);
                }
            }
            return out == null ? row : out;
        }
    }

    /**
     * The twin of {@code enrich}: requires string {@code table} and {@code op}; logs
     * {@code enriched <table> <op>} at INFO and counts {@code events_enriched} (and, in the bytes
     * form, {@code bytes_in}); when {@code after} is an object, drops its {@code _table} and
     * {@code _tag} members and appends {@code _table} ({@code <schema>.<table>}, or {@code <table>}
     * without a schema) and {@code _tag}.
     */
    public static final class Enrich extends JavaTransform {
        private static final System.Logger LOG = System.getLogger("sandpiper.java.enrich");

        private final String tag;
        /** Like the guest's metrics: counters any thread may add to. */
        public final LongAdder eventsEnriched = new LongAdder();
        public final LongAdder bytesIn = new LongAdder();

        public Enrich(String tag) {
            this.tag = tag;
        }

        @Override
        protected ObjectNode apply(ObjectNode event, int length) {
            JsonNode table = event.get("table");
            JsonNode op = event.get("op");
            if (table == null || !table.isTextual() || op == null || !op.isTextual()) {
                throw new IllegalArgumentException("table and op must be strings");
            }
            log(table.textValue(), op.textValue());
            eventsEnriched.increment();
            bytesIn.add(length);
            JsonNode after = event.get("after");
            if (after instanceof ObjectNode) {
                ObjectNode a = (ObjectNode) after;
                a.remove("_table");
                a.remove("_tag");
                JsonNode schema = event.get("schema");
                a.put("_table", schema != null && schema.isTextual()
                        ? schema.textValue() + "." + table.textValue() : table.textValue());
                a.put("_tag", tag);
            }
            return event;
        }

        @Override
        public Event object(Event event) {
            log(event.table(), event.op().wireName());
            eventsEnriched.increment();
            Map<String, Object> after = event.after();
            if (after == null) {
                return event;
            }
            Map<String, Object> out = new LinkedHashMap<>(after.size() + 2);
            for (Map.Entry<String, Object> e : after.entrySet()) {
                String k = e.getKey();
                if (!k.equals("_table") && !k.equals("_tag")) {
                    out.put(k, e.getValue());
                }
            }
            out.put("_table", event.schema() != null ? event.schema() + "." + event.table() : event.table());
            out.put("_tag", tag);
            return event.toBuilder().after(out).build();
        }

        private static void log(String table, String op) {
            if (LOG.isLoggable(System.Logger.Level.INFO)) {
                LOG.log(System.Logger.Level.INFO, "enriched " + table + " " + op);
            }
        }
    }
}
