package dev.sandpiper.abi;

import dev.sandpiper.interpreter.HostContext;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The three host functions of the contract, module {@code env} ({@code shared/abi/contract.md},
 * "Host functions"):
 * <ul>
 *   <li>{@code log(level, ptr, len)}: the UTF-8 message at ptr/len (invalid bytes become U+FFFD) goes
 *       to {@link System.Logger} {@code sandpiper.transform.<name>}; levels 0 trace, 1 debug, 2 info,
 *       3 warn, 4 error, anything else info;</li>
 *   <li>{@code record_metric(ptr, value)}: adds {@code value} (wrapping) to the metric named by the
 *       NUL-terminated UTF-8 string at ptr (1 to 256 bytes before the NUL);</li>
 *   <li>{@code get_metric(ptr) -> i64}: the metric's current value, 0 when never recorded.</li>
 * </ul>
 * A pointer or length outside memory, a name without a NUL within 256 bytes, an empty name or invalid
 * UTF-8 in a name traps the guest.
 */
final class HostImports {
    static final int MAX_METRIC_NAME = 256;

    private HostImports() {}

    static void define(Linker linker, String transformName, GuestMetrics metrics) {
        System.Logger logger = System.getLogger("sandpiper.transform." + transformName);
        String prefix = "[" + transformName + "] ";
        linker.defineFunction("env", "log", ContractCheck.HOST_FUNCTIONS.get("log"), (ctx, args, results) -> {
            int len = (int) args[2];
            if (len < 0) {
                throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS, "log: negative length " + len);
            }
            String message = memory(ctx).readString(Integer.toUnsignedLong((int) args[1]), len);
            logger.log(level((int) args[0]), prefix + message);
        });
        linker.defineFunction("env", "record_metric", ContractCheck.HOST_FUNCTIONS.get("record_metric"),
                (ctx, args, results) -> metrics.add(metricName(ctx, (int) args[0], "record_metric"), args[1]));
        linker.defineFunction("env", "get_metric", ContractCheck.HOST_FUNCTIONS.get("get_metric"),
                (ctx, args, results) -> results[0] = metrics.get(metricName(ctx, (int) args[0], "get_metric")));
    }

    static System.Logger.Level level(int level) {
        return switch (level) {
            case 0 -> System.Logger.Level.TRACE;
            case 1 -> System.Logger.Level.DEBUG;
            case 3 -> System.Logger.Level.WARNING;
            case 4 -> System.Logger.Level.ERROR;
            default -> System.Logger.Level.INFO;
        };
    }

    private static Memory memory(HostContext ctx) {
        Memory m = ctx.memory();
        if (m == null) {
            throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS, "the calling module has no memory");
        }
        return m;
    }

    /** The NUL-terminated UTF-8 name at {@code ptr}. */
    static String metricName(HostContext ctx, int ptr, String function) {
        Memory m = memory(ctx);
        long at = Integer.toUnsignedLong(ptr);
        int available = (int) Math.max(0, Math.min(MAX_METRIC_NAME + 1, m.byteSize() - at));
        byte[] bytes = m.readBytes(at, Math.max(available, 1));
        int len = 0;
        while (len < available && bytes[len] != 0) {
            len++;
        }
        if (len == available) {
            throw new TrapException(TrapKind.HOST_FAILURE, function + ": metric name at " + at
                    + (available > MAX_METRIC_NAME ? " is longer than " + MAX_METRIC_NAME + " bytes" : " runs past the end of memory")
                    + " (names are NUL-terminated UTF-8)");
        }
        if (len == 0) {
            throw new TrapException(TrapKind.HOST_FAILURE, function + ": empty metric name at " + at);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw new TrapException(TrapKind.HOST_FAILURE, function + ": metric name at " + at + " is not valid UTF-8");
        }
    }
}
