package dev.sandpiper.text.module;

import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;

/**
 * The first pass over a module's fields: binds the identifiers of every index space in order
 * (spec 6.6.1: imports, including inline ones, come first in their space because they must precede
 * all definitions, spec 6.6.13), counts the element and data segments that inline table
 * {@code elem} and memory {@code data} abbreviations create, and reads the explicit type
 * definitions, so that any field may refer to any other.
 */
final class FieldScanner {
    private final ModuleContext m;
    private final TokenCursor c;
    /** The first function, table, memory or global definition seen (imports may not follow one). */
    private String firstDefinition;

    FieldScanner(ModuleContext m) {
        this.m = m;
        this.c = m.c;
    }

    /** Scans fields up to the closing parenthesis (or end of input); leaves the cursor where it started. */
    void scan() {
        int start = c.index();
        bindTypeNames();
        while (c.at(TokenKind.LPAREN)) {
            int field = c.index();
            c.next();
            Token k = c.peek();
            if (!k.is(TokenKind.KEYWORD)) {
                throw c.unexpected(k);
            }
            c.next();
            switch (k.text()) {
                case "type" -> TypeDefinitionParser.type(c, m.typeTable, m.typeTable.size());
                case "rec" -> TypeDefinitionParser.rec(c, m.typeTable);
                case "import" -> importField();
                case "func", "table", "memory", "global", "tag" -> definition(k);
                case "elem" -> m.elems.add(c.optionalId(), k, c);
                case "data" -> m.datas.add(c.optionalId(), k, c);
                case "export", "start" -> { }
                default -> throw c.unexpected(k);
            }
            c.seek(field);
            c.skip();
        }
        c.seek(start);
    }

    /**
     * Binds every type definition's name first: a type may name a later one (invalid, "unknown
     * type", which validation says, spec 3.0 Validation > Modules) or itself (a recursion group of
     * one), so names must resolve before any definition is read.
     */
    private void bindTypeNames() {
        int start = c.index();
        while (c.at(TokenKind.LPAREN)) {
            int field = c.index();
            c.next();
            Token k = c.peek();
            if (k.isKeyword("type")) {
                c.next();
                m.types.add(c.optionalId(), k, c);
            } else if (k.isKeyword("rec")) {
                c.next();
                while (c.atLParen("type")) {
                    int type = c.index();
                    c.next();
                    Token inner = c.next();
                    m.types.add(c.optionalId(), inner, c);
                    c.seek(type);
                    c.skip();
                }
            }
            c.seek(field);
            c.skip();
        }
        c.seek(start);
    }

    private void importField() {
        Token at = c.peek();
        c.string();
        c.string();
        c.expectLParen();
        Token kind = c.peek();
        if (!kind.is(TokenKind.KEYWORD)) {
            throw c.unexpected(kind);
        }
        c.next();
        checkImportOrder(at);
        space(kind).add(c.optionalId(), kind, c);
    }

    private void definition(Token k) {
        String id = c.optionalId();
        while (c.atLParen("export")) {
            c.skip();
        }
        if (c.atLParen("import")) {
            checkImportOrder(c.peek());
            space(k).add(id, k, c);
            return;
        }
        space(k).add(id, k, c);
        if (firstDefinition == null) {
            firstDefinition = k.text().equals("func") ? "function" : k.text();
        }
        if (k.text().equals("table") && SegmentParser.atInlineElem(c)) {
            m.elems.add(null, k, c);
        } else if (k.text().equals("memory") && c.atLParen("data")) {
            m.datas.add(null, k, c);
        }
    }

    private void checkImportOrder(Token at) {
        if (firstDefinition != null) {
            throw c.error(at, "import after " + firstDefinition);
        }
    }

    private IndexSpace space(Token kind) {
        return switch (kind.text()) {
            case "func" -> m.funcs;
            case "table" -> m.tables;
            case "memory" -> m.memories;
            case "global" -> m.globals;
            case "tag" -> m.tags;
            default -> throw c.unexpected(kind);
        };
    }
}
