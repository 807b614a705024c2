package dev.sandpiper.text.module;

import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import dev.sandpiper.text.num.IntLiterals;
import dev.sandpiper.text.num.LiteralException;
import dev.sandpiper.text.num.NumberSyntax;
import dev.sandpiper.text.num.VectorShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The opcode and immediates of one non-structured instruction (spec 6.5.3 to 6.5.9, encoded per
 * spec 5.4), by the {@link dev.sandpiper.decoder.code.ImmediateKind} the opcode catalogue gives.
 * Optional indices default as the spec's abbreviations say (table 0 for {@code table.get},
 * {@code call_indirect}, {@code table.init}, {@code table.copy}; memory 0 for every memory
 * instruction, 3.0).
 */
final class InstructionImmediates {
    private final ModuleContext m;
    private final TokenCursor c;
    private final InstructionParser parser;

    InstructionImmediates(ModuleContext m, InstructionParser parser) {
        this.m = m;
        this.c = m.c;
        this.parser = parser;
    }

    void instruction(Opcode op, ByteSink out, boolean plain) {
        if (op == Opcode.SELECT) {
            select(out);
            return;
        }
        if (op.immediate() == dev.sandpiper.decoder.code.ImmediateKind.HEAP_TYPE) {
            // ref.test/ref.cast rt: the opcode says whether rt is nullable (3.0, Text Format).
            ValType t = Types.refType(c);
            opcode(t.isNullable() ? (op == Opcode.REF_TEST ? Opcode.REF_TEST_NULL : Opcode.REF_CAST_NULL) : op, out);
            out.s64(t.heapType());
            return;
        }
        opcode(op, out);
        switch (op.immediate()) {
            case NONE, BLOCK_TYPE, SELECT_TYPES -> { }
            case LABEL -> out.u32(parser.label());
            case BR_TABLE -> brTable(out);
            case FUNC_INDEX -> out.u32(m.funcs.resolve(c));
            case CALL_INDIRECT -> {
                int table = IndexSpace.atIndex(c) ? m.tables.resolve(c) : 0;
                out.u32(TypeUse.parse(c, m.types, false).resolve(c, m.typeTable));
                out.u32(table);
            }
            case LOCAL_INDEX -> out.u32(parser.locals().resolve(c));
            case GLOBAL_INDEX -> out.u32(m.globals.resolve(c));
            case TABLE_INDEX -> out.u32(IndexSpace.atIndex(c) ? m.tables.resolve(c) : 0);
            case MEMARG -> memarg(op, IndexSpace.atIndex(c) ? m.memories.resolve(c) : 0, out);
            case MEMORY_INDEX -> out.u32(IndexSpace.atIndex(c) ? m.memories.resolve(c) : 0);
            case I32 -> out.s64(c.i32());
            case I64 -> out.s64(c.i64());
            case F32 -> out.fixed(c.f32(), 4);
            case F64 -> out.fixed(c.f64(), 8);
            case REF_TYPE -> {
                // ref.null: funcref/externref as their type byte (2.0's encoding), a type index as an s33.
                // (func and extern encode as their 2.0 type bytes 0x70/0x6F, which are the same s33)
                out.s64(Types.heapType(c).heapType());
            }
            case TYPE_INDEX -> out.u32(m.types.resolve(c));
            case MEMORY_INIT -> memoryInit(out);
            case DATA_INDEX -> {
                m.usesDataIndices = true;
                out.u32(m.datas.resolve(c));
            }
            case MEMORY_COPY -> {
                int dst = 0;
                int src = 0;
                if (IndexSpace.atIndex(c)) {
                    dst = m.memories.resolve(c);
                    src = m.memories.resolve(c);
                }
                out.u32(dst);
                out.u32(src);
            }
            case TABLE_INIT -> tableInit(out);
            case ELEM_INDEX -> out.u32(m.elems.resolve(c));
            case TABLE_COPY -> {
                int dst = 0;
                int src = 0;
                if (IndexSpace.atIndex(c)) {
                    dst = m.tables.resolve(c);
                    src = m.tables.resolve(c);
                }
                out.u32(dst);
                out.u32(src);
            }
            case V128 -> v128Const(out);
            case SHUFFLE -> shuffle(out);
            case LANE -> out.u8(lane());
            case MEMARG_LANE -> {
                memarg(op, laneMemory(), out);
                out.u8(lane());
            }
            case TAG_INDEX -> out.u32(m.tags.resolve(c));
            case TRY_TABLE -> throw new AssertionError(op); // structured: InstructionParser
            case TWO_INDICES -> twoIndices(op, out);
            case HEAP_TYPE -> throw new AssertionError(op);
            case BR_ON_CAST -> {
                int label = parser.label();
                ValType from = Types.refType(c);
                ValType to = Types.refType(c);
                out.u8((from.isNullable() ? 1 : 0) | (to.isNullable() ? 2 : 0));
                out.u32(label);
                out.s64(from.heapType());
                out.s64(to.heapType());
            }
        }
    }

    /**
     * A type index, then a field ({@code struct.get $t $f}, by name in the type's fields), a count
     * ({@code array.new_fixed}), a data or element segment, or a second type ({@code array.copy}).
     */
    private void twoIndices(Opcode op, ByteSink out) {
        int type = m.types.resolve(c);
        out.u32(type);
        switch (op) {
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U, STRUCT_SET -> {
                if (c.at(TokenKind.ID) && type >= 0 && type < m.typeTable.size()) {
                    out.u32(m.typeTable.fields(type).resolve(c));
                } else {
                    out.u32(c.u32());
                }
            }
            case ARRAY_NEW_FIXED -> out.u32(c.u32());
            case ARRAY_NEW_DATA, ARRAY_INIT_DATA -> {
                m.usesDataIndices = true;
                out.u32(m.datas.resolve(c));
            }
            case ARRAY_NEW_ELEM, ARRAY_INIT_ELEM -> out.u32(m.elems.resolve(c));
            default -> out.u32(m.types.resolve(c));
        }
    }

    static void opcode(Opcode op, ByteSink out) {
        if (op.prefix() == 0) {
            out.u8(op.code());
        } else {
            out.u8(op.prefix());
            out.u32(op.code());
        }
    }

    /** {@code select (result t*)*}: with result types it is the typed {@code select} (0x1C). */
    private void select(ByteSink out) {
        List<ValType> types = new ArrayList<>();
        while (c.atLParen("result")) {
            c.next();
            c.next();
            Types.valTypesUntilRParen(c, types);
        }
        if (types.isEmpty()) {
            out.u8(Opcode.SELECT.code());
            return;
        }
        out.u8(Opcode.SELECT_T.code());
        out.u32(types.size());
        for (ValType t : types) {
            out.valType(t);
        }
    }

    /** {@code br_table l* lN}: at least one label. */
    private void brTable(ByteSink out) {
        List<Integer> targets = new ArrayList<>();
        do {
            targets.add(parser.label());
        } while (c.at(TokenKind.ID) || c.at(TokenKind.NUMBER));
        out.u32(targets.size() - 1);
        for (int t : targets) {
            out.u32(t);
        }
    }

    /** {@code table.init x? y}: with one index it is the element segment (spec 6.5.5). */
    private void tableInit(ByteSink out) {
        int table = 0;
        if (IndexSpace.atIndex(c) && (c.peek(1).is(TokenKind.ID) || c.peek(1).is(TokenKind.NUMBER))) {
            table = m.tables.resolve(c);
        }
        out.u32(m.elems.resolve(c));
        out.u32(table);
    }

    /**
     * {@code memory.init x? y} (3.0): with two indices the first is the memory, the second the data
     * segment; the binary holds the segment first.
     */
    private void memoryInit(ByteSink out) {
        m.usesDataIndices = true;
        int memory = 0;
        if (IndexSpace.atIndex(c) && (c.peek(1).is(TokenKind.ID) || c.peek(1).is(TokenKind.NUMBER))) {
            memory = m.memories.resolve(c);
        }
        out.u32(m.datas.resolve(c));
        out.u32(memory);
    }

    /**
     * The optional memory index of a lane load or store ({@code v128.load8_lane x? memarg lane}): an
     * index followed by a memarg field or another index is the memory, since the lane index comes
     * last.
     */
    private int laneMemory() {
        if (!IndexSpace.atIndex(c)) {
            return 0;
        }
        Token next = c.peek(1);
        boolean memargNext = next.is(TokenKind.KEYWORD)
                && (next.text().startsWith("offset=") || next.text().startsWith("align="));
        if (memargNext || next.is(TokenKind.ID) || next.is(TokenKind.NUMBER)) {
            return m.memories.resolve(c);
        }
        return 0;
    }

    /**
     * {@code memarg ::= ('offset=' u64)? ('align=' u32)?} (spec 6.5.7; 3.0 reads the offset as a u64); the alignment defaults to the
     * access width and must be a power of two; the binary holds its log2, then the offset. A memory
     * other than 0 (3.0) sets bit 6 of the alignment field and follows it (spec 3.0 5.4.6).
     */
    private void memarg(Opcode op, int memory, ByteSink out) {
        long offset = 0;
        long align = op.memoryBytes();
        Token t = c.peek();
        if (t.is(TokenKind.KEYWORD) && t.text().startsWith("offset=")) {
            c.next();
            offset = u64(t, t.text().substring(7));
            t = c.peek();
        }
        if (t.is(TokenKind.KEYWORD) && t.text().startsWith("align=")) {
            c.next();
            // 3.0 writes alignments up to 2^63 (the exponent is then checked by validation)
            align = u64(t, t.text().substring(6));
            if (align == 0 || (align & (align - 1)) != 0) {
                throw c.error(t, "alignment must be a power of two");
            }
        }
        int flags = Long.numberOfTrailingZeros(align);
        if (memory != 0) {
            out.u32(flags | 0x40);
            out.u32(memory);
        } else {
            out.u32(flags);
        }
        out.u64(offset);
    }

    /** A 3.0 offset or alignment: a u64, which validation bounds (by the address type, the access width). */
    private long u64(Token at, String literal) {
        try {
            return c.memory64() ? IntLiterals.u64(literal) : IntLiterals.u32(literal);
        } catch (LiteralException e) {
            throw c.error(at, e.getMessage().equals("unexpected token") ? "unknown operator" : e.getMessage());
        }
    }

    /** A lane index that is no {@code u8}: the 2.0 suite words it the first way, the 3.0 suite the second. */
    private static final String LANE_OUT_OF_RANGE = "malformed lane index: i8 constant out of range";

    /** A lane index (spec 6.5.9): a {@code u8}. */
    private int lane() {
        Token t = c.number();
        if (!NumberSyntax.isNat(t.text())) {
            throw c.unexpected(t);
        }
        return laneValue(t);
    }

    private int laneValue(Token t) {
        long v;
        try {
            v = IntLiterals.u32(t.text());
        } catch (LiteralException e) {
            throw c.error(t, LANE_OUT_OF_RANGE);
        }
        if (v > 255) {
            throw c.error(t, LANE_OUT_OF_RANGE);
        }
        return (int) v;
    }

    /** {@code i8x16.shuffle laneidx^16}. */
    private void shuffle(ByteSink out) {
        List<Token> lanes = literals();
        if (lanes.size() != 16) {
            throw c.error(lanes.isEmpty() ? c.peek() : lanes.get(0), "invalid lane length");
        }
        for (Token t : lanes) {
            if (!NumberSyntax.isNat(t.text())) {
                throw c.error(t, LANE_OUT_OF_RANGE);
            }
            out.u8(laneValue(t));
        }
    }

    /** {@code v128.const shape literal^lanes} (spec 6.5.9). */
    private void v128Const(ByteSink out) {
        Token shapeToken = c.peek();
        VectorShape shape = shapeToken.is(TokenKind.KEYWORD) ? VectorShape.of(shapeToken.text()) : null;
        if (shape == null) {
            throw c.unexpected(shapeToken);
        }
        c.next();
        List<Token> lanes = literals();
        if (lanes.size() != shape.lanes()) {
            throw c.error(lanes.isEmpty() ? c.peek() : lanes.get(0), "wrong number of lane literals");
        }
        String[] text = new String[lanes.size()];
        for (int i = 0; i < text.length; i++) {
            Token t = lanes.get(i);
            try {
                shape.laneBits(t.text());
            } catch (LiteralException e) {
                throw c.error(t, e.getMessage());
            }
            text[i] = t.text();
        }
        out.bytes(shape.encode(text));
    }

    /** The run of number tokens at the cursor (a reserved token among them is an unknown operator). */
    private List<Token> literals() {
        List<Token> out = new ArrayList<>();
        while (c.at(TokenKind.NUMBER) || c.at(TokenKind.RESERVED)) {
            if (c.at(TokenKind.RESERVED)) {
                throw c.error("unknown operator");
            }
            out.add(c.next());
        }
        return out;
    }
}
