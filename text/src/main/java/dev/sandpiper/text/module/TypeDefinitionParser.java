package dev.sandpiper.text.module;

import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.CompositeType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.SubType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Type definitions in text: {@code (type id? subtype)} and {@code (rec (type ...)*)}, where
 * <pre>
 *   subtype  ::= (sub final? typeidx* comptype) | comptype
 *   comptype ::= (func param* result*) | (struct (field id? fieldtype)*) | (array fieldtype)
 *   fieldtype ::= storagetype | (mut storagetype),  storagetype ::= valtype | i8 | i16
 * </pre>
 * {@code (field fieldtype*)} without an identifier declares several fields.
 *
 * <p>Spec: 3.0, Text Format > Types > Composite Types, Recursive Types; Modules > Types.
 */
final class TypeDefinitionParser {
    private TypeDefinitionParser() {}

    /** After {@code (type}: the definition, up to (not including) its closing parenthesis. */
    static void type(TokenCursor c, TypeTable table, int groupStart) {
        c.optionalId(); // bound by the scanner's first pass
        int index = table.size();
        table.addExplicit(subType(c, table, index), groupStart);
    }

    /** After {@code (rec}: the group's {@code (type ...)} fields, up to its closing parenthesis. */
    static void rec(TokenCursor c, TypeTable table) {
        int start = table.size();
        while (c.atLParen("type")) {
            c.next();
            c.next();
            type(c, table, start);
            c.expectRParen();
        }
    }

    private static SubType subType(TokenCursor c, TypeTable table, int index) {
        if (c.atLParen("sub")) {
            c.next();
            c.next();
            boolean isFinal = false;
            if (c.peek().isKeyword("final")) {
                c.next();
                isFinal = true;
            }
            List<Integer> supers = new ArrayList<>();
            while (IndexSpace.atIndex(c)) {
                supers.add(c.typeIndex());
            }
            CompositeType ct = composite(c, table, index);
            c.expectRParen();
            return new SubType(isFinal, supers, ct);
        }
        return SubType.plain(composite(c, table, index));
    }

    private static CompositeType composite(TokenCursor c, TypeTable table, int index) {
        if (c.atLParen("func")) {
            c.next();
            c.next();
            return Types.funcType(c);
        }
        if (c.atLParen("struct")) {
            c.next();
            c.next();
            List<FieldType> fields = new ArrayList<>();
            IndexSpace names = table.fields(index);
            while (c.atLParen("field")) {
                c.next();
                Token at = c.next();
                if (c.at(TokenKind.ID)) {
                    names.add(c.optionalId(), at, c);
                    fields.add(fieldType(c));
                } else {
                    while (!c.atRParen()) {
                        names.add(null, at, c);
                        fields.add(fieldType(c));
                    }
                }
                c.expectRParen();
            }
            c.expectRParen();
            return new StructType(fields);
        }
        if (c.atLParen("array")) {
            c.next();
            c.next();
            FieldType f = fieldType(c);
            c.expectRParen();
            return new ArrayType(f);
        }
        throw c.unexpected(c.peek());
    }

    private static FieldType fieldType(TokenCursor c) {
        if (c.atLParen("mut")) {
            c.next();
            c.next();
            FieldType f = storage(c, true);
            c.expectRParen();
            return f;
        }
        return storage(c, false);
    }

    private static FieldType storage(TokenCursor c, boolean mutable) {
        Token t = c.peek();
        if (t.isKeyword("i8") || t.isKeyword("i16")) {
            c.next();
            return new FieldType(ValType.I32, t.isKeyword("i8") ? 8 : 16, mutable);
        }
        return new FieldType(Types.valType(c), 0, mutable);
    }
}
