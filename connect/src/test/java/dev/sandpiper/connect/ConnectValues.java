package dev.sandpiper.connect;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Deep comparison of Connect values: {@code Struct.equals} compares byte arrays by content only at the top level of a
 * struct, not inside lists and maps, so values are first put in a comparable form (bytes as ByteBuffers, structs as
 * their schema and ordered fields).
 */
final class ConnectValues {
    private ConnectValues() {
    }

    static Object comparable(Object v) {
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b);
        }
        if (v instanceof Struct s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("$schema", s.schema());
            for (Field f : s.schema().fields()) {
                m.put(f.name(), comparable(s.getWithoutDefault(f.name())));
            }
            return m;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(e -> out.add(comparable(e)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, e) -> out.put(comparable(k), comparable(e)));
            return out;
        }
        return v;
    }

    /** Everything a record carries, comparable. */
    static List<Object> of(ConnectRecord<?> r) {
        List<Object> out = new ArrayList<>();
        out.add(r.topic());
        out.add(r.kafkaPartition());
        out.add(r.keySchema());
        out.add(comparable(r.key()));
        out.add(r.valueSchema());
        out.add(comparable(r.value()));
        out.add(r.timestamp());
        out.add(r.headers());
        return out;
    }
}
