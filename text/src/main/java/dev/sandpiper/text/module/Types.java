package dev.sandpiper.text.module;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import java.util.List;

/**
 * Types in text (spec 6.4): value types, reference and heap types, function types.
 */
public final class Types {
    private Types() {}

    /** The value type named by {@code keyword}, or null (spec 6.4.2, 6.4.3). */
    public static ValType valType(String keyword) {
        return switch (keyword) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            case "f64" -> ValType.F64;
            case "v128" -> ValType.V128;
            case "funcref" -> ValType.FUNCREF;
            case "externref" -> ValType.EXTERNREF;
            case "exnref" -> ValType.EXNREF; // 3.0, exception handling
            case "nullexnref" -> ValType.NULLEXNREF;
            // 3.0 GC's abbreviations (ref null ht) of the abstract heap types
            case "anyref" -> ValType.ref(true, ValType.HEAP_ANY);
            case "eqref" -> ValType.ref(true, ValType.HEAP_EQ);
            case "i31ref" -> ValType.ref(true, ValType.HEAP_I31);
            case "structref" -> ValType.ref(true, ValType.HEAP_STRUCT);
            case "arrayref" -> ValType.ref(true, ValType.HEAP_ARRAY);
            case "nullref" -> ValType.ref(true, ValType.HEAP_NONE);
            case "nullfuncref" -> ValType.ref(true, ValType.HEAP_NOFUNC);
            case "nullexternref" -> ValType.ref(true, ValType.HEAP_NOEXTERN);
            default -> null;
        };
    }

    /** The abstract heap type named {@code keyword} (3.0: func, extern, any, eq, i31, ...), or 0 for none. */
    public static int abstractHeap(String keyword) {
        return switch (keyword) {
            case "func" -> ValType.HEAP_FUNC;
            case "extern" -> ValType.HEAP_EXTERN;
            case "any" -> ValType.HEAP_ANY;
            case "eq" -> ValType.HEAP_EQ;
            case "i31" -> ValType.HEAP_I31;
            case "struct" -> ValType.HEAP_STRUCT;
            case "array" -> ValType.HEAP_ARRAY;
            case "none" -> ValType.HEAP_NONE;
            case "nofunc" -> ValType.HEAP_NOFUNC;
            case "noextern" -> ValType.HEAP_NOEXTERN;
            default -> 0;
        };
    }

    public static boolean atValType(TokenCursor c) {
        return c.at(TokenKind.KEYWORD) && valType(c.peek().text()) != null || c.atLParen("ref");
    }

    public static ValType valType(TokenCursor c) {
        if (c.atLParen("ref")) {
            return ref(c);
        }
        Token t = c.peek();
        ValType v = t.is(TokenKind.KEYWORD) ? valType(t.text()) : null;
        if (v == null && t.is(TokenKind.KEYWORD) && !InstructionParser.knows(t.text())) {
            // a word the text format has nowhere, such as the obsolete anyfunc (3.0 suite: "unknown operator anyfunc")
            throw c.error(t, "unknown operator " + t.text());
        }
        if (v == null) {
            throw c.unexpected(t);
        }
        c.next();
        return v;
    }

    /**
     * {@code (ref null? heaptype)} (spec 3.0, Text Format > Types > Reference Types); the
     * abbreviations funcref and externref are {@code (ref null func)} and {@code (ref null extern)}.
     */
    private static ValType ref(TokenCursor c) {
        c.next();
        c.next();
        boolean nullable = false;
        if (c.peek().isKeyword("null")) {
            c.next();
            nullable = true;
        }
        ValType t = heapType(c).withNullable(nullable);
        c.expectRParen();
        return t;
    }

    /** {@code reftype ::= funcref | externref | (ref null? heaptype)} (spec 6.4.2; 3.0). */
    public static ValType refType(TokenCursor c) {
        if (c.atLParen("ref")) {
            return ref(c);
        }
        Token t = c.peek();
        ValType v = t.is(TokenKind.KEYWORD) ? valType(t.text()) : null;
        if (v != null && v.isReference()) {
            c.next();
            return v;
        }
        throw c.unexpected(t);
    }

    /**
     * {@code heaptype ::= absheaptype | typeidx} (spec 6.4.2; 3.0 adds the type index and GC's
     * abstract heap types), as the
     * nullable reference type it denotes.
     */
    public static ValType heapType(TokenCursor c) {
        if (c.at(TokenKind.ID) || c.at(TokenKind.NUMBER)) {
            return ValType.ref(true, c.typeIndex());
        }
        Token t = c.peek();
        int heap = t.is(TokenKind.KEYWORD) ? abstractHeap(t.text()) : 0;
        if (heap != 0) {
            c.next();
            return ValType.ref(true, heap);
        }
        if (t.isKeyword("exn")) {
            c.next();
            return ValType.EXNREF;
        }
        if (t.isKeyword("noexn")) {
            c.next();
            return ValType.NULLEXNREF;
        }
        throw c.unexpected(t);
    }

    /**
     * {@code functype ::= (func param* result*)} after the {@code (func} keyword (spec 6.4.4);
     * consumes the closing parenthesis.
     */
    public static FuncType funcType(TokenCursor c) {
        TypeUse u = TypeUse.parseInline(c, true);
        c.expectRParen();
        return u.inline();
    }

    /** Value types until the closing parenthesis of a {@code (param ...)} or {@code (result ...)}. */
    static void valTypesUntilRParen(TokenCursor c, List<ValType> out) {
        while (!c.atRParen()) {
            out.add(valType(c));
        }
        c.expectRParen();
    }
}
