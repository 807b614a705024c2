package dev.sandpiper.text.num;

/**
 * Recognises the lexical forms of numbers (spec 6.3.1 Integers, 6.3.2 Floating-Point):
 *
 * <pre>
 * num    ::= digit ('_'? digit)*            hexnum ::= hexdigit ('_'? hexdigit)*
 * uN     ::= num | '0x' hexnum              sN     ::= ('+' | '-') uN
 * float  ::= num ('.' num?)? (('e' | 'E') ('+' | '-')? num)?
 * hexfloat ::= '0x' hexnum ('.' hexnum?)? (('p' | 'P') ('+' | '-')? num)?
 * fN     ::= ('+' | '-')? (float | hexfloat | 'inf' | 'nan' | 'nan:0x' hexnum)
 * </pre>
 */
public final class NumberSyntax {
    private NumberSyntax() {}

    /** Whether {@code s} is any integer or float literal. */
    public static boolean isNumber(String s) {
        int i = signLength(s);
        String m = s.substring(i);
        if (m.equals("inf") || m.equals("nan")) {
            return true;
        }
        if (m.startsWith("nan:0x")) {
            return digits(m, 6, true) == m.length() && m.length() > 6;
        }
        return isHexFloat(m) || isDecFloat(m);
    }

    /** Whether {@code s} is an integer literal: optionally signed, decimal or hex, no fraction. */
    public static boolean isInteger(String s) {
        String m = s.substring(signLength(s));
        if (m.startsWith("0x")) {
            return m.length() > 2 && digits(m, 2, true) == m.length();
        }
        return !m.isEmpty() && digits(m, 0, false) == m.length();
    }

    /** Whether {@code s} is an unsigned integer literal ({@code uN}). */
    public static boolean isNat(String s) {
        return !s.isEmpty() && s.charAt(0) != '+' && s.charAt(0) != '-' && isInteger(s);
    }

    static int signLength(String s) {
        return !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    }

    private static boolean isHexFloat(String m) {
        if (!m.startsWith("0x")) {
            return false;
        }
        int i = digits(m, 2, true);
        if (i <= 2) {
            return false;
        }
        if (i < m.length() && m.charAt(i) == '.') {
            i = digits(m, i + 1, true);
            if (i < 0) {
                return false;
            }
        }
        if (i < m.length() && (m.charAt(i) == 'p' || m.charAt(i) == 'P')) {
            i = exponent(m, i + 1);
        }
        return i == m.length();
    }

    private static boolean isDecFloat(String m) {
        int i = digits(m, 0, false);
        if (i <= 0) {
            return false;
        }
        if (i < m.length() && m.charAt(i) == '.') {
            i = digits(m, i + 1, false);
            if (i < 0) {
                return false;
            }
        }
        if (i < m.length() && (m.charAt(i) == 'e' || m.charAt(i) == 'E')) {
            i = exponent(m, i + 1);
        }
        return i == m.length();
    }

    /** Index after a signed decimal exponent starting at {@code i}, or -1 if malformed. */
    private static int exponent(String m, int i) {
        if (i < m.length() && (m.charAt(i) == '+' || m.charAt(i) == '-')) {
            i++;
        }
        int end = digits(m, i, false);
        return end == i ? -1 : end;
    }

    /**
     * Index after a run of digits with single {@code _} between digits starting at {@code i}; returns
     * {@code i} when there is no digit there, and -1 on a misplaced {@code _}.
     */
    static int digits(String m, int i, boolean hex) {
        if (i >= m.length() || !isDigit(m.charAt(i), hex)) {
            return i;
        }
        i++;
        while (i < m.length()) {
            char c = m.charAt(i);
            if (c == '_') {
                if (i + 1 >= m.length() || !isDigit(m.charAt(i + 1), hex)) {
                    return -1;
                }
                i += 2;
            } else if (isDigit(c, hex)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    static boolean isDigit(char c, boolean hex) {
        return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    }
}
