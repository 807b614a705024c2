package dev.sandpiper.text.module;

import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Element and data segments (spec 6.6.10, 6.6.11), with their abbreviations: {@code (offset e)} as
 * a single folded instruction, table and memory 0 when no {@code (table x)} / {@code (memory x)} is
 * given, a bare list of function indices after the offset, {@code (item e)} as a single folded
 * instruction, and the segments that inline {@code (elem ...)} of a table and {@code (data ...)}
 * of a memory define (spec 6.6.5, 6.6.6).
 *
 * <p>Encoding (spec 5.5.12): a segment of type {@code (ref func)} whose every element is a lone
 * {@code ref.func} (as {@code func x*} and bare indices are) is written as function indices, any
 * other as expressions, as the reference interpreter's encoder does. The index forms (flags 0 to 3
 * with element kind 0x00) have type {@code (ref func)} in 3.0 (Binary Format > Modules > Element
 * Section) and funcref in 2.0, so a segment written {@code funcref (ref.func x)...} keeps the
 * expression form, typed funcref in both: wast2json writes it as indices, which under 3.0 would
 * retype it {@code (ref func)} and let it initialise a {@code (ref func)} table (elem.wast expects
 * "type mismatch").
 */
final class SegmentParser {
    private static final byte[] OFFSET_ZERO = {0x41, 0x00, 0x0B};
    /** {@code i64.const 0}: the offset of an inline segment of a 64-bit memory or table (3.0). */
    private static final byte[] OFFSET_ZERO_64 = {0x42, 0x00, 0x0B};

    private final ModuleContext m;
    private final TokenCursor c;
    private final ModuleSections s;

    SegmentParser(ModuleContext m, ModuleSections s) {
        this.m = m;
        this.c = m.c;
        this.s = s;
    }

    private enum Mode { ACTIVE, PASSIVE, DECLARATIVE }

    /** After {@code (elem}: the rest of an element segment field. */
    void elem() {
        c.optionalId();
        if (c.acceptKeyword("declare")) {
            elemList(Mode.DECLARATIVE, 0, null, false);
            return;
        }
        int table = 0;
        boolean explicitTable = false;
        if (c.atLParen("table")) {
            c.next();
            c.next();
            table = m.tables.resolve(c);
            c.expectRParen();
            explicitTable = true;
        } else if (c.at(TokenKind.NUMBER)) {
            table = (int) c.u32();
            explicitTable = true;
        }
        // a parenthesis opens the offset, unless it opens the element list's (ref ...) type (3.0)
        if (explicitTable || c.at(TokenKind.LPAREN) && !c.atLParen("ref")) {
            byte[] offset = offset();
            elemList(Mode.ACTIVE, table, offset, true);
        } else {
            elemList(Mode.PASSIVE, 0, null, false);
        }
    }

    /** {@code elemlist ::= reftype elemexpr* | func funcidx*} (or, for active segments, bare funcidx*). */
    private void elemList(Mode mode, int table, byte[] offset, boolean bareIndices) {
        ValType type;
        List<byte[]> items = new ArrayList<>();
        if (c.acceptKeyword("func")) {
            type = ValType.REF_FUNC; // elemkind func: (ref func) in 3.0 (Text Format > Modules > Element Segments)
            funcIndices(items);
        } else if (atRefTypeKeyword(c) || c.atLParen("ref")) {
            type = Types.refType(c);
            while (c.at(TokenKind.LPAREN)) {
                items.add(elemExpr());
            }
        } else if (bareIndices) {
            type = ValType.REF_FUNC; // an abbreviation of func x*
            funcIndices(items);
        } else {
            throw c.unexpected(c.peek());
        }
        s.elements.add(encodeElem(mode, table, offset, type, items));
    }

    private void funcIndices(List<byte[]> items) {
        while (IndexSpace.atIndex(c)) {
            ByteSink e = new ByteSink();
            e.u8(0xD2);
            e.u32(m.funcs.resolve(c));
            e.u8(0x0B);
            items.add(e.toByteArray());
        }
    }

    /** {@code elemexpr ::= (item expr) | (instr)}. */
    private byte[] elemExpr() {
        if (c.atLParen("item")) {
            c.next();
            c.next();
            byte[] e = constant().expression();
            c.expectRParen();
            return e;
        }
        return constant().foldedExpression();
    }

    /** {@code (offset expr)} or one folded instruction. */
    private byte[] offset() {
        if (c.atLParen("offset")) {
            c.next();
            c.next();
            byte[] e = constant().expression();
            c.expectRParen();
            return e;
        }
        if (!c.at(TokenKind.LPAREN)) {
            throw c.unexpected(c.peek());
        }
        return constant().foldedExpression();
    }

    /** A reference type's keyword: funcref, externref, or a GC abbreviation such as i31ref (3.0). */
    private static boolean atRefTypeKeyword(TokenCursor c) {
        if (!c.at(TokenKind.KEYWORD)) {
            return false;
        }
        ValType t = Types.valType(c.peek().text());
        return t != null && t.isReference();
    }

    private InstructionParser constant() {
        return new InstructionParser(m, new IndexSpace("local", "local"));
    }

    /**
     * Whether a table field goes on with {@code reftype (elem ...)} (spec 6.6.5's abbreviation), the
     * reftype a keyword or {@code (ref null? heaptype)} (3.0).
     */
    static boolean atInlineElem(TokenCursor c) {
        int after;
        if (c.atLParen("ref")) {
            after = c.peek(2).isKeyword("null") ? 5 : 4;
            if (!c.peek(after - 1).is(TokenKind.RPAREN)) {
                return false;
            }
        } else if (Types.atValType(c)) {
            after = 1;
        } else {
            return false;
        }
        return c.peek(after).is(TokenKind.LPAREN) && c.peek(after + 1).isKeyword("elem");
    }

    /**
     * After {@code reftype} in a table field: {@code (elem ...)}; returns the element count. The
     * offset is 0 of the table's address type ({@code address64}: i64, 3.0).
     */
    int inlineElem(int table, ValType type, boolean address64) {
        c.expectLParen("elem");
        List<byte[]> items = new ArrayList<>();
        if (c.at(TokenKind.LPAREN)) {
            while (c.at(TokenKind.LPAREN)) {
                items.add(elemExpr());
            }
        } else {
            funcIndices(items);
        }
        c.expectRParen();
        // the segment has the table's type (3.0, Text Format > Modules > Tables: reftype (elem ...))
        s.elements.add(encodeElem(Mode.ACTIVE, table, address64 ? OFFSET_ZERO_64 : OFFSET_ZERO, type, items));
        return items.size();
    }

    private static byte[] encodeElem(Mode mode, int table, byte[] offset, ValType type, List<byte[]> items) {
        boolean indices = type == ValType.REF_FUNC;
        for (byte[] item : items) {
            indices &= refFunc(item) >= 0;
        }
        int flags = switch (mode) {
            case ACTIVE -> table != 0 || (!indices && type != ValType.FUNCREF) ? 2 : 0;
            case PASSIVE -> 1;
            case DECLARATIVE -> 3;
        };
        if (!indices) {
            flags |= 4;
        }
        ByteSink e = new ByteSink();
        e.u8(flags);
        if (mode == Mode.ACTIVE) {
            if ((flags & 2) != 0) {
                e.u32(table);
            }
            e.bytes(offset);
        }
        if ((flags & 3) != 0) {
            if (indices) {
                e.u8(0x00);
            } else {
                e.valType(type);
            }
        }
        e.u32(items.size());
        for (byte[] item : items) {
            if (indices) {
                e.u32(refFunc(item));
            } else {
                e.bytes(item);
            }
        }
        return e.toByteArray();
    }

    /** The function index of an expression that is exactly {@code ref.func x end}, else -1. */
    private static int refFunc(byte[] e) {
        if (e.length < 3 || (e[0] & 0xFF) != 0xD2 || e[e.length - 1] != 0x0B) {
            return -1;
        }
        long v = 0;
        int shift = 0;
        int i = 1;
        while (i < e.length - 1) {
            int b = e[i++] & 0xFF;
            v |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return i == e.length - 1 ? (int) v : -1;
    }

    /** After {@code (data}: the rest of a data segment field. */
    void data() {
        c.optionalId();
        int memory = 0;
        boolean active = false;
        if (c.atLParen("memory")) {
            c.next();
            c.next();
            memory = m.memories.resolve(c);
            c.expectRParen();
            active = true;
        } else if (c.at(TokenKind.NUMBER)) {
            memory = (int) c.u32();
            active = true;
        }
        byte[] offset = null;
        if (active || c.at(TokenKind.LPAREN)) {
            offset = offset();
            active = true;
        }
        s.data.add(encodeData(active, memory, offset, strings()));
    }

    /**
     * After {@code (memory id? addrtype?}: {@code (data string*)}; returns the byte count. The
     * offset is 0 of the memory's address type ({@code address64}: i64, 3.0).
     */
    int inlineData(int memory, boolean address64) {
        c.expectLParen("data");
        byte[] bytes = strings();
        c.expectRParen();
        s.data.add(encodeData(true, memory, address64 ? OFFSET_ZERO_64 : OFFSET_ZERO, bytes));
        return bytes.length;
    }

    private byte[] strings() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (c.at(TokenKind.STRING)) {
            out.writeBytes(c.string());
        }
        return out.toByteArray();
    }

    private static byte[] encodeData(boolean active, int memory, byte[] offset, byte[] bytes) {
        ByteSink e = new ByteSink();
        if (!active) {
            e.u8(1);
        } else if (memory == 0) {
            e.u8(0);
            e.bytes(offset);
        } else {
            e.u8(2);
            e.u32(memory);
            e.bytes(offset);
        }
        e.vec(bytes);
        return e.toByteArray();
    }
}
