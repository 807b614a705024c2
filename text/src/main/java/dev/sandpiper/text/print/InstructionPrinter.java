package dev.sandpiper.text.print;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Instructions in the flat (plain) form, one per line: {@code block}, {@code loop} and {@code if}
 * open a level that {@code else} splits and {@code end} closes; immediates after the name.
 * Instruction names, immediates and natural alignments come from the decoder's {@link Opcode}
 * catalogue, so nothing is listed twice.
 *
 * <p>Spec: 2.0, 6.5 Instructions ({@code text/instructions.html}): 6.5.2 control instructions
 * (labels as relative depths, block types as {@code (result t)} or {@code (type x)}), 6.5.5 memory
 * instructions ({@code offset=} and {@code align=} only where not the default), 6.5.7 vector
 * instructions.
 */
final class InstructionPrinter {
    private final Names names;

    InstructionPrinter(Names names) {
        this.names = names;
    }

    /**
     * Prints the instructions of an expression (a body or a constant expression) up to, not
     * including, its final {@code end}, each on its own line at {@code indent} spaces plus two per
     * open block. {@code func} is the function whose locals {@code local.get} names (-1 for none).
     */
    void printBody(StringBuilder sb, CodeReader r, int func, int indent) {
        int depth = 0;
        while (r.hasNext()) {
            Opcode op = r.next();
            if (op == Opcode.END) {
                if (depth == 0) {
                    return;
                }
                depth--;
            }
            if (op == Opcode.DELEGATE) {
                depth--; // ends its try as end does
            }
            int level = op == Opcode.ELSE || op == Opcode.CATCH || op == Opcode.CATCH_ALL ? depth - 1 : depth;
            sb.append(" ".repeat(indent + 2 * Math.max(level, 0)));
            instruction(sb, op, r, func);
            sb.append('\n');
            if (op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF || op == Opcode.TRY_TABLE
                    || op == Opcode.TRY) {
                depth++;
            }
        }
    }

    /** A constant expression on one line: its instructions separated by spaces, no final {@code end}. */
    void printInline(StringBuilder sb, CodeReader r) {
        boolean first = true;
        while (r.hasNext()) {
            Opcode op = r.next();
            if (op == Opcode.END) {
                return;
            }
            if (!first) {
                sb.append(' ');
            }
            first = false;
            instruction(sb, op, r, -1);
        }
    }

    /** One instruction: its name and immediates. */
    void instruction(StringBuilder sb, Opcode op, CodeReader r, int func) {
        sb.append(op == Opcode.SELECT_T ? "select" : op.text());
        switch (op.immediate()) {
            case NONE -> { }
            case MEMORY_INDEX -> memory(sb, r.memoryIndex());
            case MEMORY_COPY -> {
                if (r.memoryIndex() != 0 || r.memoryIndex2() != 0) {
                    sb.append(' ').append(Integer.toUnsignedString(r.memoryIndex()))
                            .append(' ').append(Integer.toUnsignedString(r.memoryIndex2()));
                }
            }
            case MEMORY_INIT -> {
                memory(sb, r.memoryIndex());
                sb.append(' ').append(Integer.toUnsignedString(r.index()));
            }
            case BLOCK_TYPE -> blockType(sb, r);
            case LABEL, GLOBAL_INDEX, TABLE_INDEX, DATA_INDEX, ELEM_INDEX, TAG_INDEX ->
                    sb.append(' ').append(Integer.toUnsignedString(r.index()));
            case BR_TABLE -> {
                for (int i = 0; i < r.tableCount(); i++) {
                    sb.append(' ').append(Integer.toUnsignedString(r.tableTarget(i)));
                }
                sb.append(' ').append(Integer.toUnsignedString(r.index()));
            }
            case FUNC_INDEX -> sb.append(' ').append(names.funcRef(r.index()));
            case TYPE_INDEX -> sb.append(' ').append(Integer.toUnsignedString(r.index()));
            case CALL_INDIRECT -> sb.append(' ').append(Integer.toUnsignedString(r.index2()))
                    .append(" (type ").append(Integer.toUnsignedString(r.index())).append(')');
            case LOCAL_INDEX -> sb.append(' ').append(func < 0 ? Integer.toUnsignedString(r.index())
                    : names.localRef(func, r.index()));
            case MEMARG -> memarg(sb, op, r);
            case I32 -> sb.append(' ').append((int) r.constValue());
            case I64 -> sb.append(' ').append(r.constValue());
            case F32 -> sb.append(' ').append(FloatText.f32((int) r.floatBits()));
            case F64 -> sb.append(' ').append(FloatText.f64(r.floatBits()));
            case SELECT_TYPES -> {
                sb.append(" (result");
                for (int i = 0; i < r.selectTypeCount(); i++) {
                    sb.append(' ').append(r.selectType(i));
                }
                sb.append(')');
            }
            case REF_TYPE -> sb.append(' ').append(Types.heapType(r.refType()));
            case TABLE_INIT -> sb.append(' ').append(Integer.toUnsignedString(r.index2()))
                    .append(' ').append(Integer.toUnsignedString(r.index()));
            case TABLE_COPY -> sb.append(' ').append(Integer.toUnsignedString(r.index()))
                    .append(' ').append(Integer.toUnsignedString(r.index2()));
            case V128 -> VectorText.i32x4(sb.append(' '), r.v128Low(), r.v128High());
            case SHUFFLE -> VectorText.laneBytes(sb, r.v128Low(), r.v128High());
            case LANE -> sb.append(' ').append(r.lane());
            case MEMARG_LANE -> {
                memarg(sb, op, r);
                sb.append(' ').append(r.lane());
            }
            case TRY_TABLE -> {
                blockType(sb, r);
                for (int i = 0; i < r.catchCount(); i++) {
                    sb.append(" (").append(CATCH_KEYWORDS[r.catchKind(i)]);
                    if (r.catchKind(i) <= CodeReader.CATCH_REF) {
                        sb.append(' ').append(Integer.toUnsignedString(r.catchTag(i)));
                    }
                    sb.append(' ').append(Integer.toUnsignedString(r.catchLabel(i))).append(')');
                }
            }
            case TWO_INDICES -> sb.append(' ').append(Integer.toUnsignedString(r.index()))
                    .append(' ').append(Integer.toUnsignedString(r.index2()));
            case HEAP_TYPE -> sb.append(' ').append(r.refType());
            case BR_ON_CAST -> sb.append(' ').append(Integer.toUnsignedString(r.index())).append(' ')
                    .append(r.castSource()).append(' ').append(r.refType());
            default -> throw new IllegalStateException("no text for " + op);
        }
    }

    /** {@code try_table}'s clauses by {@link CodeReader#catchKind} (3.0). */
    private static final String[] CATCH_KEYWORDS = {"catch", "catch_ref", "catch_all", "catch_all_ref"};

    private static void blockType(StringBuilder sb, CodeReader r) {
        if (r.blockValType() != null) {
            sb.append(" (result ").append(r.blockValType()).append(')');
        } else if (r.blockType() != CodeReader.BLOCK_EMPTY) {
            sb.append(" (type ").append(r.blockType()).append(')');
        }
    }

    /** A memory index, written only when it is not memory 0 (3.0; 2.0 has only memory 0). */
    private static void memory(StringBuilder sb, int index) {
        if (index != 0) {
            sb.append(' ').append(Integer.toUnsignedString(index));
        }
    }

    /**
     * The memory when not 0, {@code offset=} when not 0, {@code align=} when not the access width
     * (spec 6.5.5).
     */
    private static void memarg(StringBuilder sb, Opcode op, CodeReader r) {
        memory(sb, r.memoryIndex());
        if (r.offset() != 0) {
            sb.append(" offset=").append(Long.toUnsignedString(r.offset()));
        }
        int natural = Integer.numberOfTrailingZeros(op.memoryBytes());
        if (r.align() != natural) {
            sb.append(" align=");
            int a = r.align();
            // exponents past 63 cannot be written as a number; print the exponent's power anyway
            sb.append(a >= 0 && a < 64 ? Long.toUnsignedString(1L << a) : "0x1p" + Integer.toUnsignedString(a));
        }
    }
}
