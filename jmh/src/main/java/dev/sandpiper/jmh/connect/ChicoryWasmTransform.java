package dev.sandpiper.jmh.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventFormatException;
import dev.sandpiper.abi.EventJson;
import dev.sandpiper.connect.convert.RecordMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * The connect benchmarks' peer SMT: {@code WasmTransform}'s record handling with the guest run by Chicory's compiler
 * ({@link ChicoryGuest}) instead of Sandpiper's engine, so that only the engine differs. Per record, as
 * {@code WasmTransform} does it: the connect module's {@link RecordMapper#toEvent} (null: not a change event, passed
 * through), {@link EventJson#toJson}, the guest's {@code transform}, then, as the abi's runtime does with the output,
 * {@link EventJson#validate} and {@link EventJson#fromJson}, and {@link RecordMapper#toRecord}. A guest that filters
 * the event drops the record (null).
 *
 * <p>What it leaves out of {@code WasmTransform}'s work: the pool (one guest instance, no borrow and return), the
 * deadline and fuel accounting, the memory limit, the metrics (latency histogram, counters), {@code on.error} (any
 * failure throws a {@link DataException}) and replacing an instance after a trap.
 *
 * <p>Settings: {@code module} (a file), {@code config} (a JSON object for {@code init}, default {@code {}}),
 * {@code name}; {@code timeout.ms} and {@code memory.limit.mb} are only added to {@code init}'s config (as
 * {@code timeout_ms}, {@code memory_limit_mb}, which win on a clash, as in the abi), not enforced. Not thread-safe.
 */
public final class ChicoryWasmTransform<R extends ConnectRecord<R>> implements Transformation<R> {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define("module", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "the guest's .wasm file")
            .define("config", ConfigDef.Type.STRING, "{}", ConfigDef.Importance.MEDIUM, "JSON object for init")
            .define("name", ConfigDef.Type.STRING, "transform", ConfigDef.Importance.LOW, "name in logs")
            .define("timeout.ms", ConfigDef.Type.LONG, 50L, ConfigDef.Importance.LOW, "init's timeout_ms")
            .define("memory.limit.mb", ConfigDef.Type.INT, 16, ConfigDef.Importance.LOW, "init's memory_limit_mb");

    private final RecordMapper mapper = new RecordMapper();
    private ChicoryGuest guest;

    @Override
    public void configure(Map<String, ?> props) {
        Map<String, Object> settings = CONFIG_DEF.parse(props);
        try {
            byte[] wasm = Files.readAllBytes(Path.of((String) settings.get("module")));
            Map<String, Object> init = new LinkedHashMap<>(
                    JSON.readValue((String) settings.get("config"), new TypeReference<Map<String, Object>>() {}));
            init.put("timeout_ms", settings.get("timeout.ms"));
            init.put("memory_limit_mb", settings.get("memory.limit.mb"));
            guest = new ChicoryGuest(wasm, (String) settings.get("name"));
            guest.init(JSON.writeValueAsBytes(init));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public R apply(R record) {
        try {
            Event in = mapper.toEvent(record);
            if (in == null) {
                return record;
            }
            byte[] output = guest.transform(EventJson.toJson(in));
            if (output == null) {
                return null;
            }
            EventJson.validate(output);
            return mapper.toRecord(record, EventJson.fromJson(output), null);
        } catch (EventFormatException | IllegalStateException e) {
            throw new DataException("chicory transform failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /** Runs the guest's {@code shutdown}. */
    @Override
    public void close() {
        if (guest != null) {
            guest.shutdown();
            guest = null;
        }
    }
}
