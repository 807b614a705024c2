package dev.sandpiper.text.module;

import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Module fields (spec 6.6.2 to 6.6.12), the second pass: each field in order, abbreviations
 * expanded where they stand (inline exports and imports, spec 6.6.4 to 6.6.7; implicit type uses,
 * spec 6.6.3), into {@link ModuleSections}. Element and data segments are {@link SegmentParser}'s.
 */
public final class ModuleParser {
    private final ModuleContext m;
    private final TokenCursor c;
    private final ModuleSections s = new ModuleSections();
    private final SegmentParser segments;
    private int funcCount;
    private int tableCount;
    private int memoryCount;
    private int globalCount;
    private int tagCount;

    private ModuleParser(TokenCursor c) {
        this.m = new ModuleContext(c);
        this.c = c;
        c.typeIndices(m.types::resolve);
        this.segments = new SegmentParser(m, s);
    }

    /**
     * Parses module fields from the cursor up to a closing parenthesis or the end of input (which is
     * left unconsumed) and returns the module's binary encoding.
     */
    public static byte[] parseFields(TokenCursor c) {
        return parseFields(c, -1);
    }

    /**
     * As {@link #parseFields(TokenCursor)}, for the fields of the form opened at token {@code open}
     * (-1: at the top level), which is where {@code @custom} annotations must stand.
     */
    public static byte[] parseFields(TokenCursor c, int open) {
        return new ModuleParser(c).run(open);
    }

    private byte[] run(int open) {
        int from = c.index();
        new FieldScanner(m).scan();
        while (c.at(TokenKind.LPAREN)) {
            field();
        }
        if (!c.atRParen() && !c.atEnd()) {
            throw c.unexpected(c.peek());
        }
        s.customs.addAll(CustomAnnotations.of(c.annotations(), c.tokens(), open, from, c.index(), c.fileName()));
        return BinaryEncoder.encode(m.typeTable, s, m.usesDataIndices);
    }

    private void field() {
        c.expectLParen();
        Token k = c.next();
        switch (k.text()) {
            case "type", "rec" -> {
                // read in the first pass; skip its content
                while (!c.atRParen()) {
                    c.skip();
                }
            }
            case "import" -> importField();
            case "func" -> func(k);
            case "table" -> table(k);
            case "memory" -> memory(k);
            case "global" -> global(k);
            case "tag" -> tag(k);
            case "export" -> export();
            case "start" -> start(k);
            case "elem" -> segments.elem();
            case "data" -> segments.data();
            default -> throw c.unexpected(k);
        }
        c.expectRParen();
    }

    /** {@code (import name name importdesc)} (spec 6.6.5). */
    private void importField() {
        byte[] module = name();
        byte[] field = name();
        c.expectLParen();
        Token kind = c.next();
        c.optionalId();
        importDesc(kind, module, field);
        c.expectRParen();
    }

    private void importDesc(Token kind, byte[] module, byte[] field) {
        ByteSink e = new ByteSink();
        e.vec(module);
        e.vec(field);
        switch (kind.text()) {
            case "func" -> {
                e.u8(0x00);
                e.u32(TypeUse.parse(c, m.types, true).resolve(c, m.typeTable));
                funcCount++;
            }
            case "table" -> {
                e.u8(0x01);
                tableType(e, false);
                tableCount++;
            }
            case "memory" -> {
                e.u8(0x02);
                limits(e);
                memoryCount++;
            }
            case "global" -> {
                e.u8(0x03);
                globalType(e);
                globalCount++;
            }
            case "tag" -> {
                e.u8(0x04);
                e.u8(0x00);
                e.u32(TypeUse.parse(c, m.types, true).resolve(c, m.typeTable));
                tagCount++;
            }
            default -> throw c.unexpected(kind);
        }
        s.imports.add(e.toByteArray());
    }

    private byte[] name() {
        return c.name().getBytes(StandardCharsets.UTF_8);
    }

    /** Inline exports {@code (export name)*} of a definition or import (spec 6.6.4 to 6.6.7). */
    private void inlineExports(ExternKind kind, int index) {
        while (c.atLParen("export")) {
            c.next();
            c.next();
            addExport(name(), kind, index);
            c.expectRParen();
        }
    }

    /** An inline import {@code (import name name)}, if present: the rest of the field is its type. */
    private boolean inlineImport(Token kind) {
        if (!c.atLParen("import")) {
            return false;
        }
        c.next();
        c.next();
        byte[] module = name();
        byte[] field = name();
        c.expectRParen();
        importDesc(kind, module, field);
        return true;
    }

    private void addExport(byte[] name, ExternKind kind, int index) {
        ByteSink e = new ByteSink();
        e.vec(name);
        e.u8(kind.code());
        e.u32(index);
        s.exports.add(e.toByteArray());
    }

    /** {@code (func id? typeuse local* instr*)} (spec 6.6.4). */
    private void func(Token kind) {
        c.optionalId();
        inlineExports(ExternKind.FUNC, funcCount);
        if (inlineImport(kind)) {
            return;
        }
        funcCount++;
        TypeUse use = TypeUse.parse(c, m.types, true);
        int typeIndex = use.resolve(c, m.typeTable);
        FuncType sig = typeIndex < m.typeTable.size() ? m.typeTable.get(typeIndex) : use.inline();
        IndexSpace locals = new IndexSpace("local", "local");
        if (use.hasInline()) {
            for (int i = 0; i < use.params().size(); i++) {
                locals.add(use.paramIds().get(i), use.at(), c);
            }
        } else {
            for (int i = 0; i < sig.params().size(); i++) {
                locals.add(null, use.at(), c);
            }
        }
        List<ValType> declared = new ArrayList<>();
        while (c.atLParen("local")) {
            c.next();
            c.next();
            if (c.at(TokenKind.ID)) {
                Token id = c.next();
                declared.add(Types.valType(c));
                locals.add(id.text(), id, c);
                c.expectRParen();
            } else {
                int before = declared.size();
                Types.valTypesUntilRParen(c, declared);
                for (int i = before; i < declared.size(); i++) {
                    locals.add(null, null, c);
                }
            }
        }
        ByteSink code = new ByteSink();
        localDeclarations(code, declared);
        code.bytes(new InstructionParser(m, locals).expression());
        s.functionTypes.add(typeIndex);
        s.codes.add(code.toByteArray());
    }

    /** Locals as runs of equal types (spec 5.5.13). */
    private static void localDeclarations(ByteSink out, List<ValType> locals) {
        int runs = 0;
        for (int i = 0; i < locals.size(); i++) {
            if (i == 0 || locals.get(i) != locals.get(i - 1)) {
                runs++;
            }
        }
        out.u32(runs);
        for (int i = 0; i < locals.size(); ) {
            int j = i;
            while (j < locals.size() && locals.get(j) == locals.get(i)) {
                j++;
            }
            out.u32(j - i);
            out.valType(locals.get(i));
            i = j;
        }
    }

    /** {@code (table id? tabletype)} or {@code (table id? reftype (elem ...))} (spec 6.6.5). */
    private void table(Token kind) {
        c.optionalId();
        int index = tableCount;
        inlineExports(ExternKind.TABLE, index);
        if (inlineImport(kind)) {
            return;
        }
        tableCount++;
        ByteSink e = new ByteSink();
        int mark = c.index();
        boolean address64 = addressType();
        if (SegmentParser.atInlineElem(c)) {
            ValType type = Types.refType(c);
            int n = segments.inlineElem(index, type, address64);
            e.valType(type);
            e.u8(address64 ? 0x05 : 0x01);
            e.u32(n);
            e.u32(n);
        } else {
            c.seek(mark);
            tableType(e, true);
        }
        s.tables.add(e.toByteArray());
    }

    /** {@code (memory id? memtype)} or {@code (memory id? (data string*))} (spec 6.6.6). */
    private void memory(Token kind) {
        c.optionalId();
        int index = memoryCount;
        inlineExports(ExternKind.MEMORY, index);
        if (inlineImport(kind)) {
            return;
        }
        memoryCount++;
        ByteSink e = new ByteSink();
        int mark = c.index();
        boolean address64 = addressType();
        if (c.atLParen("data")) {
            long pages = (segments.inlineData(index, address64) + 65535L) / 65536L;
            e.u8(address64 ? 0x05 : 0x01);
            e.u32(pages);
            e.u32(pages);
        } else {
            c.seek(mark);
            limits(e);
        }
        s.memories.add(e.toByteArray());
    }

    /** {@code (global id? globaltype expr)} (spec 6.6.7). */
    private void global(Token kind) {
        c.optionalId();
        inlineExports(ExternKind.GLOBAL, globalCount);
        if (inlineImport(kind)) {
            return;
        }
        globalCount++;
        ByteSink e = new ByteSink();
        globalType(e);
        e.bytes(new InstructionParser(m, new IndexSpace("local", "local")).expression());
        s.globals.add(e.toByteArray());
    }

    /** {@code (tag id? typeuse)} with inline exports or an inline import (3.0, Text Format > Modules > Tags). */
    private void tag(Token kind) {
        c.optionalId();
        inlineExports(ExternKind.TAG, tagCount);
        if (inlineImport(kind)) {
            return;
        }
        tagCount++;
        ByteSink e = new ByteSink();
        e.u8(0x00);
        e.u32(TypeUse.parse(c, m.types, true).resolve(c, m.typeTable));
        s.tags.add(e.toByteArray());
    }

    /** {@code (export name exportdesc)} (spec 6.6.8). */
    private void export() {
        byte[] name = name();
        c.expectLParen();
        Token kind = c.next();
        int index = switch (kind.text()) {
            case "func" -> m.funcs.resolve(c);
            case "table" -> m.tables.resolve(c);
            case "memory" -> m.memories.resolve(c);
            case "global" -> m.globals.resolve(c);
            case "tag" -> m.tags.resolve(c);
            default -> throw c.unexpected(kind);
        };
        ExternKind k = switch (kind.text()) {
            case "func" -> ExternKind.FUNC;
            case "table" -> ExternKind.TABLE;
            case "memory" -> ExternKind.MEMORY;
            case "tag" -> ExternKind.TAG;
            default -> ExternKind.GLOBAL;
        };
        c.expectRParen();
        addExport(name, k, index);
    }

    /** {@code (start funcidx)} (spec 6.6.9); one at most. */
    private void start(Token k) {
        if (s.start != null) {
            throw c.error(k, "multiple start sections");
        }
        s.start = m.funcs.resolve(c);
    }

    /**
     * {@code tabletype ::= limits reftype}, and for a defined table (3.0) an optional initialiser
     * expression, which takes the binary form {@code 0x40 0x00 tabletype expr}.
     */
    private void tableType(ByteSink e, boolean defined) {
        ByteSink lim = new ByteSink();
        limits(lim);
        ValType type = Types.refType(c);
        if (defined && !c.atRParen()) {
            e.u8(0x40);
            e.u8(0x00);
            e.valType(type);
            e.append(lim);
            e.bytes(new InstructionParser(m, new IndexSpace("local", "local")).expression());
            return;
        }
        e.valType(type);
        e.append(lim);
    }

    /**
     * {@code addrtype? limits}, {@code limits ::= u64 u64?} (spec 3.0, Text Format > Types > Memory
     * Types, Table Types, Limits): an {@code i64} address type sets bit 2 of the limits flags, a
     * maximum bit 0; the bounds are u64s, which validation checks against the address type.
     */
    private void limits(ByteSink e) {
        boolean address64 = addressType();
        long min = c.u64();
        int flags = address64 ? 0x04 : 0x00;
        if (c.at(TokenKind.NUMBER)) {
            long max = c.u64();
            e.u8(flags | 0x01);
            e.u64(min);
            e.u64(max);
        } else {
            e.u8(flags);
            e.u64(min);
        }
    }

    /** An optional address type keyword: true for {@code i64}, false for {@code i32} or none. */
    private boolean addressType() {
        if (c.peek().isKeyword("i64")) {
            c.next();
            return true;
        }
        if (c.peek().isKeyword("i32")) {
            c.next();
        }
        return false;
    }

    /** {@code globaltype ::= valtype | (mut valtype)} (spec 6.4.7). */
    private void globalType(ByteSink e) {
        if (c.atLParen("mut")) {
            c.next();
            c.next();
            e.valType(Types.valType(c));
            e.u8(0x01);
            c.expectRParen();
        } else {
            e.valType(Types.valType(c));
            e.u8(0x00);
        }
    }
}
