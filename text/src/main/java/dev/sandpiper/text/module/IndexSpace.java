package dev.sandpiper.text.module;

import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import java.util.HashMap;
import java.util.Map;

/**
 * One index space of spec 6.6.1 (Text Format > Modules > Indices): the identifiers bound in it, in
 * order. Indices may be written as a number or as an identifier ({@code idx ::= u32 | id}).
 */
public final class IndexSpace {
    private final String declared;
    private final String referred;
    private final Map<String, Integer> ids = new HashMap<>();
    private int count;

    /**
     * @param declared how a duplicate is reported ({@code duplicate func})
     * @param referred how an unbound identifier is reported ({@code unknown function})
     */
    public IndexSpace(String declared, String referred) {
        this.declared = declared;
        this.referred = referred;
    }

    /** Binds the next index to {@code id} (may be null); fails on a duplicate identifier. */
    public int add(String id, Token at, TokenCursor c) {
        if (id != null && ids.putIfAbsent(id, count) != null) {
            throw c.error(at, "duplicate " + declared + " " + id);
        }
        return count++;
    }

    public int size() {
        return count;
    }

    /** Whether the next token can be an index ({@code u32} or {@code id}). */
    public static boolean atIndex(TokenCursor c) {
        return c.at(TokenKind.ID) || c.at(TokenKind.NUMBER);
    }

    /** Reads an index: a number, or a bound identifier. */
    public int resolve(TokenCursor c) {
        Token t = c.peek();
        if (t.is(TokenKind.ID)) {
            c.next();
            Integer i = ids.get(t.text());
            if (i == null) {
                throw c.error(t, "unknown " + referred + " " + t.text());
            }
            return i;
        }
        return (int) c.u32();
    }

    /** The index bound to {@code id}, or -1. */
    public int lookup(String id) {
        Integer i = ids.get(id);
        return i == null ? -1 : i;
    }
}
