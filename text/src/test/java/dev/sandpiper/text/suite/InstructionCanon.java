package dev.sandpiper.text.suite;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Instructions as decoded values, independent of how wide their LEB128 integers were written: each
 * instruction as its opcode and every immediate the {@link CodeReader} gives for its kind. Written
 * apart from the printer, so that a printer that drops an immediate cannot agree with itself.
 */
final class InstructionCanon {
    private InstructionCanon() {}

    static String of(byte[] binary, int from, int to) {
        CodeReader r = new CodeReader(binary, from, to);
        StringBuilder sb = new StringBuilder();
        while (r.hasNext()) {
            Opcode op = r.next();
            sb.append(op.name());
            switch (op.immediate()) {
                case NONE -> { }
                case MEMORY_INDEX -> sb.append(" mem ").append(r.memoryIndex());
                case MEMORY_COPY -> sb.append(" mem ").append(r.memoryIndex()).append(' ').append(r.memoryIndex2());
                case MEMORY_INIT -> sb.append(' ').append(r.index()).append(" mem ").append(r.memoryIndex());
                case BLOCK_TYPE -> sb.append(' ').append(r.blockValType()).append(' ').append(r.blockType());
                case BR_TABLE -> {
                    for (int i = 0; i < r.tableCount(); i++) {
                        sb.append(' ').append(r.tableTarget(i));
                    }
                    sb.append(' ').append(r.index());
                }
                case CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> sb.append(' ').append(r.index()).append(' ').append(r.index2());
                case MEMARG -> sb.append(" mem ").append(r.memoryIndex()).append(' ').append(r.align())
                        .append(' ').append(r.offset());
                case MEMARG_LANE -> sb.append(" mem ").append(r.memoryIndex()).append(' ').append(r.align())
                        .append(' ').append(r.offset()).append(' ').append(r.lane());
                case I32, I64, F32, F64 -> sb.append(' ').append(r.constValue());
                case SELECT_TYPES -> {
                    for (int i = 0; i < r.selectTypeCount(); i++) {
                        sb.append(' ').append(r.selectType(i));
                    }
                }
                case REF_TYPE -> sb.append(' ').append(r.refType());
                case V128, SHUFFLE -> sb.append(' ').append(r.v128Low()).append(' ').append(r.v128High());
                case LANE -> sb.append(' ').append(r.lane());
                default -> sb.append(' ').append(r.index());
            }
            sb.append(';');
        }
        return sb.toString();
    }
}
