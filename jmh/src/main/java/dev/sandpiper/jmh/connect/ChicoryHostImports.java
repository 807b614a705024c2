package dev.sandpiper.jmh.connect;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The contract's three host functions, module {@code env} ({@code shared/abi/contract.md}, "Host functions"), as
 * Chicory {@link HostFunction}s, with the semantics of the abi module's {@code HostImports}: {@code log(level, ptr,
 * len)} reads the UTF-8 message (invalid bytes become U+FFFD) and hands {@code [name] message} to {@link
 * System.Logger} {@code sandpiper.transform.<name>}; {@code record_metric(ptr, value)} adds (wrapping) to the metric
 * named by the NUL-terminated UTF-8 string at ptr (1 to 256 bytes); {@code get_metric(ptr)} reads it (0 when never
 * recorded). A bad pointer, length or name traps the guest.
 */
final class ChicoryHostImports {
    static final int MAX_METRIC_NAME = 256;

    private ChicoryHostImports() {}

    /** The three functions; metrics go to {@code metrics} (not thread-safe: one instance's calls are serial). */
    static ImportValues of(String transformName, Map<String, Long> metrics) {
        System.Logger logger = System.getLogger("sandpiper.transform." + transformName);
        String prefix = "[" + transformName + "] ";
        HostFunction log = new HostFunction("env", "log",
                FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I32), List.of()), (instance, args) -> {
                    int len = (int) args[2];
                    if (len < 0) {
                        throw new TrapException("log: negative length " + len);
                    }
                    String message = instance.memory().readString((int) args[1], len);
                    logger.log(level((int) args[0]), prefix + message);
                    return null;
                });
        HostFunction recordMetric = new HostFunction("env", "record_metric",
                FunctionType.of(List.of(ValType.I32, ValType.I64), List.of()), (instance, args) -> {
                    metrics.merge(metricName(instance.memory(), (int) args[0], "record_metric"), args[1], Long::sum);
                    return null;
                });
        HostFunction getMetric = new HostFunction("env", "get_metric",
                FunctionType.of(List.of(ValType.I32), List.of(ValType.I64)), (instance, args) ->
                        new long[] {metrics.getOrDefault(metricName(instance.memory(), (int) args[0], "get_metric"), 0L)});
        return ImportValues.builder().addFunction(log, recordMetric, getMetric).build();
    }

    private static System.Logger.Level level(int level) {
        return switch (level) {
            case 0 -> System.Logger.Level.TRACE;
            case 1 -> System.Logger.Level.DEBUG;
            case 3 -> System.Logger.Level.WARNING;
            case 4 -> System.Logger.Level.ERROR;
            default -> System.Logger.Level.INFO;
        };
    }

    /** The NUL-terminated UTF-8 name at {@code ptr}. */
    private static String metricName(Memory memory, int ptr, String function) {
        long at = Integer.toUnsignedLong(ptr);
        long size = (long) memory.pages() * Memory.PAGE_SIZE;
        int available = (int) Math.max(0, Math.min(MAX_METRIC_NAME + 1, size - at));
        byte[] bytes = available == 0 ? new byte[0] : memory.readBytes(ptr, available);
        int len = 0;
        while (len < available && bytes[len] != 0) {
            len++;
        }
        if (len == available) {
            throw new TrapException(function + ": metric name at " + at + (available > MAX_METRIC_NAME
                    ? " is longer than " + MAX_METRIC_NAME + " bytes" : " runs past the end of memory"));
        }
        if (len == 0) {
            throw new TrapException(function + ": empty metric name at " + at);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw new TrapException(function + ": metric name at " + at + " is not valid UTF-8");
        }
    }
}
