package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ConstExpr;

/**
 * Finds where an expression (a function body or a constant expression) ends: decodes every
 * instruction and tracks block nesting until the {@code end} that closes the expression. As in
 * the reference interpreter, an {@code else} outside an {@code if}, or any {@code else} at the
 * expression's own level, is "END opcode expected". Decoding here establishes that the bytes are
 * well formed; typing is the validator's.
 *
 * <p>Spec: 2.0, Binary Format > Instructions > Control Instructions, {@code binary/instructions.html}.
 */
final class ExpressionReader {
    private final byte[] bytes;
    private final dev.sandpiper.decoder.Features features;
    /** Open blocks, innermost last: 1 for an {@code if} that has not seen its {@code else}. */
    private byte[] open = new byte[16];
    private boolean usesDataIndex;

    ExpressionReader(byte[] bytes, dev.sandpiper.decoder.Features features) {
        this.bytes = bytes;
        this.features = features;
    }

    /** Whether any expression read so far used {@code memory.init} or {@code data.drop}. */
    boolean usesDataIndex() {
        return usesDataIndex;
    }

    /** Reads from {@code in}'s position to the closing {@code end}; leaves {@code in} just past it. */
    int readToEnd(WasmReader in) {
        CodeReader code = new CodeReader(bytes, in.position(), in.limit(), features);
        int depth = 0;
        while (true) {
            Opcode op = code.next();
            switch (op) {
                case BLOCK, LOOP, IF, TRY_TABLE, TRY -> {
                    if (depth == open.length) {
                        open = java.util.Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = (byte) (op == Opcode.IF ? 1 : 0);
                }
                case ELSE -> {
                    if (depth == 0 || open[depth - 1] != 1) {
                        throw in.error("END opcode expected", code.opcodeOffset());
                    }
                    open[depth - 1] = 0;
                }
                case END -> {
                    if (depth == 0) {
                        in.position(code.position());
                        return code.position();
                    }
                    depth--;
                }
                case DELEGATE -> {
                    // ends a legacy try as end does (3.0 appendix); never the expression itself
                    if (depth == 0) {
                        throw in.error("END opcode expected", code.opcodeOffset());
                    }
                    depth--;
                }
                case MEMORY_INIT, DATA_DROP, ARRAY_NEW_DATA, ARRAY_INIT_DATA -> usesDataIndex = true;
                default -> { }
            }
        }
    }

    /** A constant expression: its instructions and final {@code end}. */
    ConstExpr constExpr(WasmReader in) {
        int start = in.position();
        int end = readToEnd(in);
        return new ConstExpr(start, end);
    }
}
