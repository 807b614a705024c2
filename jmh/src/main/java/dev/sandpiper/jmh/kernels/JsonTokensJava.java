package dev.sandpiper.jmh.kernels;

/**
 * Plain-Java twin of the {@code json} kernel: a JSON tokenizer that counts tokens.
 *
 * <p>The WebAssembly version is {@code kernels/json.wasm} (exports {@code json_buf(i32 len) -> i32}
 * giving the input buffer address and {@code json_tokens(i32 len) -> i32}), built from {@code
 * jmh/kernels/json.c}. For {@code kernels/sample.json} the count is {@link
 * KernelExpectations#JSON_SAMPLE_TOKENS}.
 *
 * <p>Tokens: each of <code>{ } [ ] : ,</code>, each string, each number, each
 * {@code true}/{@code false}/{@code null}; whitespace (space, tab, LF, CR) is skipped. Returns -1
 * for an unterminated string, a raw control byte (&lt; 0x20) in a string, an unknown escape, a
 * <code>&#92;u</code> without 4 hex digits, a malformed number, a bad literal, or any other byte outside a
 * string. Bytes &ge; 0x80 are accepted inside strings without UTF-8 validation. Only lexing:
 * bracket balance and grammar are not checked, and tokens need no separator.
 */
public final class JsonTokensJava {

    private JsonTokensJava() {}

    /** Token count of the whole array, or -1 if malformed. */
    public static int tokens(byte[] buf) {
        return tokens(buf, buf.length);
    }

    /** Token count of {@code buf[0..len)}, or -1 if malformed. */
    public static int tokens(byte[] p, int n) {
        if (n < 0) {
            return -1;
        }
        int i = 0;
        int count = 0;
        while (i < n) {
            int c = p[i] & 0xff;
            switch (c) {
                case ' ', '\t', '\n', '\r' -> i++;
                case '{', '}', '[', ']', ':', ',' -> {
                    i++;
                    count++;
                }
                case '"' -> {
                    i++;
                    while (true) {
                        if (i >= n) {
                            return -1;
                        }
                        c = p[i++] & 0xff;
                        if (c == '"') {
                            break;
                        }
                        if (c < 0x20) {
                            return -1;
                        }
                        if (c != '\\') {
                            continue;
                        }
                        if (i >= n) {
                            return -1;
                        }
                        c = p[i++] & 0xff;
                        switch (c) {
                            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> { }
                            case 'u' -> {
                                if (n - i < 4
                                        || !isHex(p[i]) || !isHex(p[i + 1]) || !isHex(p[i + 2]) || !isHex(p[i + 3])) {
                                    return -1;
                                }
                                i += 4;
                            }
                            default -> {
                                return -1;
                            }
                        }
                    }
                    count++;
                }
                case 't' -> {
                    if (n - i < 4 || p[i + 1] != 'r' || p[i + 2] != 'u' || p[i + 3] != 'e') {
                        return -1;
                    }
                    i += 4;
                    count++;
                }
                case 'f' -> {
                    if (n - i < 5 || p[i + 1] != 'a' || p[i + 2] != 'l' || p[i + 3] != 's' || p[i + 4] != 'e') {
                        return -1;
                    }
                    i += 5;
                    count++;
                }
                case 'n' -> {
                    if (n - i < 4 || p[i + 1] != 'u' || p[i + 2] != 'l' || p[i + 3] != 'l') {
                        return -1;
                    }
                    i += 4;
                    count++;
                }
                case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                    if (c == '-') {
                        i++;
                        if (i >= n || !isDigit(p[i])) {
                            return -1;
                        }
                    }
                    if (p[i] == '0') {
                        i++;
                    } else {
                        while (i < n && isDigit(p[i])) {
                            i++;
                        }
                    }
                    if (i < n && p[i] == '.') {
                        i++;
                        if (i >= n || !isDigit(p[i])) {
                            return -1;
                        }
                        while (i < n && isDigit(p[i])) {
                            i++;
                        }
                    }
                    if (i < n && (p[i] | 0x20) == 'e') {
                        i++;
                        if (i < n && (p[i] == '+' || p[i] == '-')) {
                            i++;
                        }
                        if (i >= n || !isDigit(p[i])) {
                            return -1;
                        }
                        while (i < n && isDigit(p[i])) {
                            i++;
                        }
                    }
                    count++;
                }
                default -> {
                    return -1;
                }
            }
        }
        return count;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
