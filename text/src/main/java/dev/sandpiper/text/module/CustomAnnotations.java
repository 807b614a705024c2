package dev.sandpiper.text.module;

import dev.sandpiper.text.CustomAnnotationException;
import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.text.lex.Annotation;
import dev.sandpiper.text.lex.Lexer;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenKind;
import dev.sandpiper.text.num.LiteralException;
import dev.sandpiper.text.num.Names;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code (@custom "name" place? datastring)} (3.0, Appendix > Custom Annotations): a custom
 * section with that name and content, at {@code (before first)}, {@code (after last)} (the
 * default), or before or after a section kind. Only a module field may be one; anywhere else it is
 * "misplaced @custom annotation". {@code (@name "text")} may stand only right after the keyword
 * (and identifier) of the form it names, a module at most once; it is checked, not encoded (an
 * implementation may ignore custom annotations). Branch hints are checked too: in a function, one
 * per instruction, on {@code if} or {@code br_if}. Errors are {@link CustomAnnotationException}s.
 * Other annotations mean nothing here.
 */
final class CustomAnnotations {
    /** The section kinds a custom section may be placed against, in binary order. */
    static final List<String> KINDS = List.of("type", "import", "func", "table", "memory", "tag", "global",
            "export", "start", "elem", "datacount", "code", "data");
    private static final Set<String> KIND_SET = Set.copyOf(KINDS);
    /** The id of a branch hint annotation. */
    static final String BRANCH_HINT = "metadata.code.branch_hint";
    /** The forms a {@code @name} may name (Appendix > Custom Annotations > Name Annotations). */
    private static final Set<String> NAMED = Set.of("module", "func", "tag", "global", "table", "memory", "type",
            "elem", "data", "local", "param", "field", "import");

    /**
     * One custom section to write.
     *
     * @param before whether it goes before {@code anchor} (else after)
     * @param anchor a section kind, {@code first} or {@code last}
     */
    record Section(boolean before, String anchor, byte[] name, byte[] content) {}

    private CustomAnnotations() {}

    /**
     * The custom sections of the module whose fields are the tokens {@code from} to {@code to}, in
     * the form opened at token {@code open} (-1: fields at the top level).
     */
    static List<Section> of(List<Annotation> annotations, List<Token> tokens, int open, int from, int to,
            String fileName) {
        List<Section> out = new ArrayList<>();
        List<Annotation> hints = new ArrayList<>();
        int moduleNames = 0;
        for (Annotation a : annotations) {
            if (a.tokenIndex() < from || a.tokenIndex() > to) {
                continue;
            }
            if (a.id().equals("name")) {
                if (!namePlace(a, tokens)) {
                    throw malformed(a, fileName, "misplaced @name annotation");
                }
                if (a.parent() == open && ++moduleNames > 1) {
                    throw malformed(a, fileName, "@name annotation: multiple module");
                }
                continue;
            }
            if (a.id().equals(BRANCH_HINT)) {
                hints.add(a);
                continue;
            }
            if (!a.id().equals("custom")) {
                continue;
            }
            if (a.parent() != open) {
                throw malformed(a, fileName, "misplaced @custom annotation");
            }
            out.add(read(a, fileName));
        }
        branchHints(hints, tokens, from, to, fileName);
        return out;
    }

    /** Whether a {@code @name} follows the keyword, or keyword and identifier, of a form that takes a name. */
    private static boolean namePlace(Annotation a, List<Token> tokens) {
        int p = a.parent();
        if (p < 0 || p + 1 >= tokens.size()) {
            return false;
        }
        Token keyword = tokens.get(p + 1);
        if (!keyword.is(TokenKind.KEYWORD) || !NAMED.contains(keyword.text())) {
            return false;
        }
        int at = a.tokenIndex();
        return at == p + 2 || (at == p + 3 && tokens.get(p + 2).is(TokenKind.ID));
    }

    private static Section read(Annotation a, String fileName) {
        List<Token> t;
        try {
            t = Lexer.tokenize(a.content(), fileName);
        } catch (TextFormatException e) {
            throw error(a, fileName, e.reason());
        }
        int i = 0;
        if (!t.get(i).is(TokenKind.STRING)) {
            throw error(a, fileName, "missing section name");
        }
        byte[] name = t.get(i++).bytes();
        try {
            Names.decode(name);
        } catch (LiteralException e) {
            throw error(a, fileName, e.getMessage());
        }
        boolean before = false;
        String anchor = "last";
        if (t.get(i).is(TokenKind.LPAREN)) {
            Token where = t.get(i + 1);
            if (!where.isKeyword("before") && !where.isKeyword("after")) {
                throw error(a, fileName, "malformed placement");
            }
            before = where.isKeyword("before");
            Token kind = t.get(i + 2);
            boolean ok = kind.is(TokenKind.KEYWORD) && (KIND_SET.contains(kind.text())
                    || (before ? kind.text().equals("first") : kind.text().equals("last")));
            if (!ok) {
                throw error(a, fileName, "malformed section kind");
            }
            anchor = kind.text();
            if (!t.get(i + 3).is(TokenKind.RPAREN)) {
                throw error(a, fileName, "malformed placement");
            }
            i += 4;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (t.get(i).is(TokenKind.STRING)) {
            content.writeBytes(t.get(i++).bytes());
        }
        if (!t.get(i).is(TokenKind.EOF)) {
            throw error(a, fileName, "unexpected token");
        }
        return new Section(before, anchor, name, content.toByteArray());
    }

    private static CustomAnnotationException error(Annotation a, String fileName, String reason) {
        return malformed(a, fileName, "@custom annotation: " + reason);
    }

    private static CustomAnnotationException malformed(Annotation a, String fileName, String reason) {
        return new CustomAnnotationException(fileName, a.line(), a.column(), reason, false);
    }

    /**
     * Branch hints (Appendix > Custom Annotations > Branch Hints): each stands in a function's
     * body, at most one before an instruction (else malformed), and that instruction is {@code if}
     * or {@code br_if}, plain or folded (else invalid).
     */
    private static void branchHints(List<Annotation> hints, List<Token> tokens, int from, int to, String fileName) {
        if (hints.isEmpty()) {
            return;
        }
        List<int[]> functions = functionRanges(tokens, from, to);
        Set<Integer> hinted = new java.util.HashSet<>();
        for (Annotation a : hints) {
            boolean inFunction = functions.stream().anyMatch(r -> a.tokenIndex() > r[0] && a.tokenIndex() <= r[1]);
            if (!inFunction) {
                throw malformed(a, fileName, "@" + BRANCH_HINT + " annotation: not in a function");
            }
            if (!hinted.add(a.tokenIndex())) {
                throw malformed(a, fileName, "@" + BRANCH_HINT + " annotation: duplicate annotation");
            }
        }
        for (Annotation a : hints) {
            int at = a.tokenIndex();
            Token next = tokens.get(at).is(TokenKind.LPAREN) ? tokens.get(at + 1) : tokens.get(at);
            if (!next.isKeyword("if") && !next.isKeyword("br_if")) {
                throw new CustomAnnotationException(fileName, a.line(), a.column(),
                        "@" + BRANCH_HINT + " annotation: invalid target", true);
            }
        }
    }

    /** The token ranges ({@code (} to its {@code )}) of the {@code (func ...)} fields from {@code from} to {@code to}. */
    private static List<int[]> functionRanges(List<Token> tokens, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = from; i < to && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is(TokenKind.LPAREN)) {
                if (depth == 0 && tokens.get(i + 1).isKeyword("func")) {
                    start = i;
                }
                depth++;
            } else if (t.is(TokenKind.RPAREN)) {
                depth--;
                if (depth == 0 && start >= 0) {
                    out.add(new int[] {start, i});
                    start = -1;
                }
            }
        }
        return out;
    }
}
