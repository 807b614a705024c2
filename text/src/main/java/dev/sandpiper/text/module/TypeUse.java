package dev.sandpiper.text.module;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A type use as written (spec 6.6.3): {@code (type x)? (param ...)* (result ...)*}, kept unresolved
 * so that it resolves at the point the binary needs it, which fixes the order in which implicit
 * types are inserted.
 *
 * @param explicit the type index given (a u32, so held as a long), or -1
 * @param at the {@code (type} token, or the first token of the use
 * @param params inline parameter types
 * @param paramIds identifier of each inline parameter, or null
 * @param results inline result types
 * @param hasInline whether any {@code param} or {@code result} clause was written
 */
public record TypeUse(long explicit, Token at, List<ValType> params, List<String> paramIds,
        List<ValType> results, boolean hasInline) {

    public FuncType inline() {
        return new FuncType(params, results);
    }

    /** Parses {@code (type x)?} then the inline part; {@code types} resolves {@code x}. */
    public static TypeUse parse(TokenCursor c, IndexSpace types, boolean paramIdsAllowed) {
        Token at = c.peek();
        long explicit = -1;
        if (c.atLParen("type")) {
            c.next();
            c.next();
            at = c.peek();
            explicit = Integer.toUnsignedLong(types.resolve(c));
            c.expectRParen();
        }
        TypeUse u = parseInline(c, paramIdsAllowed);
        return new TypeUse(explicit, at, u.params, u.paramIds, u.results, u.hasInline);
    }

    /** {@code (param ...)* (result ...)*}. */
    static TypeUse parseInline(TokenCursor c, boolean paramIdsAllowed) {
        Token at = c.peek();
        List<ValType> params = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        boolean any = false;
        while (c.atLParen("param")) {
            any = true;
            c.next();
            c.next();
            if (c.at(TokenKind.ID)) {
                Token id = c.next();
                if (!paramIdsAllowed) {
                    throw c.unexpected(id);
                }
                params.add(Types.valType(c));
                ids.add(id.text());
                c.expectRParen();
            } else {
                int before = params.size();
                Types.valTypesUntilRParen(c, params);
                for (int i = before; i < params.size(); i++) {
                    ids.add(null);
                }
            }
        }
        while (c.atLParen("result")) {
            any = true;
            c.next();
            c.next();
            Types.valTypesUntilRParen(c, results);
        }
        if (c.atLParen("param")) {
            // parameters after results: never well formed
            throw c.unexpected(c.peek(1));
        }
        return new TypeUse(-1, at, params, ids, results, any);
    }

    /**
     * The type index this use denotes: the explicit one (whose definition must then equal any inline
     * part: {@code inline function type}), else the smallest equal type, inserted if none.
     */
    public int resolve(TokenCursor c, TypeTable table) {
        if (explicit >= 0) {
            checkInline(c, table);
            return (int) explicit;
        }
        return table.findOrAdd(inline());
    }

    /** The function type denoted, without inserting anything (the inline one if the index is unknown). */
    public FuncType signature(TypeTable table) {
        if (explicit >= 0 && explicit < table.size()) {
            return table.get((int) explicit);
        }
        return inline();
    }

    void checkInline(TokenCursor c, TypeTable table) {
        if (!hasInline) {
            return;
        }
        if (explicit >= table.explicitCount()) {
            throw c.error(at, "unknown type");
        }
        if (!table.get((int) explicit).equals(inline())) {
            throw c.error(at, "inline function type");
        }
    }
}
