package dev.sandpiper.spectest;

import dev.sandpiper.spectest.features.Sexp;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the top-level forms of a script start and end, found with only parentheses, strings and
 * comments in mind (3.0, Text Format > Lexical Format). Used when the whole script cannot be
 * tokenized (a token of a later version of the text format, such as an annotation's {@code ,}):
 * each form is then read on its own, so one form the lexer rejects is one unreadable command rather
 * than a lost script.
 */
final class TopLevelForms {
    private TopLevelForms() {}

    /** The {@code [start, end)} character ranges of the top-level forms of {@code s}. */
    static List<int[]> of(String s) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (s.startsWith(";;", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("(;", i)) {
                i = Sexp.blockCommentEnd(s, i);
            } else if (ch == '"') {
                i = stringEnd(s, i);
            } else {
                if (ch == '(') {
                    if (depth++ == 0) {
                        start = i;
                    }
                } else if (ch == ')' && depth > 0 && --depth == 0) {
                    out.add(new int[] {start, i + 1});
                }
                i++;
            }
        }
        if (depth > 0) {
            out.add(new int[] {start, s.length()});
        }
        return out;
    }

    private static int stringEnd(String s, int i) {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** {@code s} with everything outside {@code [start, end)} blanked, line breaks kept, so positions stay. */
    static String only(String s, int start, int end) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(i >= start && i < end || ch == '\n' ? ch : ' ');
        }
        return b.toString();
    }

    /** The 1-based line of offset {@code at}. */
    static int line(String s, int at) {
        int line = 1;
        for (int i = 0; i < at && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
