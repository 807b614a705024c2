/*
 * json.wasm: a JSON tokenizer (lexer only, no structural validation).
 *
 *   int json_buf(int len)     returns the address of a buffer of at least len
 *                             bytes (the heap base, memory grown if needed) into
 *                             which the host writes the JSON text; 0 if len < 0
 *                             or memory cannot be grown.
 *   int json_tokens(int len)  scans the first len bytes of that buffer and
 *                             returns the number of tokens, or -1 if the input
 *                             is malformed.
 *
 * Tokens: each of { } [ ] : , ; each string; each number; each true/false/null.
 * Whitespace (space, \t, \n, \r) separates tokens and is not counted.
 * Malformed (-1): unterminated string; raw control byte (< 0x20) in a string;
 * unknown escape; \u not followed by 4 hex digits; a number not matching
 * -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; an incomplete or misspelled
 * literal; any other byte outside a string. Bytes >= 0x80 are accepted inside
 * strings without UTF-8 validation. Tokens need no separator: "1 2", "0123"
 * ("0" then "123") and "nulltrue" are all 2 tokens; bracket balance and the
 * grammar are not checked.
 */
#include "kernel.h"

static inline int is_digit(u32 c) { return c - '0' < 10u; }

static inline int is_hex(u32 c) {
    return c - '0' < 10u || (c | 0x20u) - 'a' < 6u;
}

EXPORT("json_buf")
int json_buf(int len) {
    if (len < 0) return 0;
    u8 *buf = heap_start();
    if (!ensure_memory((u64)(u32)buf + (u64)len)) return 0;
    return (int)(u32)buf;
}

EXPORT("json_tokens")
int json_tokens(int len) {
    if (len < 0) return -1;
    const u8 *p = heap_start();
    if (!memory_covers((u64)(u32)p + (u64)len)) return -1;
    u32 n = (u32)len;
    u32 i = 0;
    int count = 0;

    while (i < n) {
        u32 c = p[i];
        switch (c) {
        case ' ': case '\t': case '\n': case '\r':
            i++;
            break;

        case '{': case '}': case '[': case ']': case ':': case ',':
            i++;
            count++;
            break;

        case '"':
            i++;
            for (;;) {
                if (i >= n) return -1;
                c = p[i++];
                if (c == '"') break;
                if (c < 0x20) return -1;
                if (c != '\\') continue;
                if (i >= n) return -1;
                c = p[i++];
                switch (c) {
                case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                    break;
                case 'u':
                    if (n - i < 4) return -1;
                    if (!is_hex(p[i]) || !is_hex(p[i + 1]) || !is_hex(p[i + 2]) || !is_hex(p[i + 3])) {
                        return -1;
                    }
                    i += 4;
                    break;
                default:
                    return -1;
                }
            }
            count++;
            break;

        case 't':
            if (n - i < 4 || p[i + 1] != 'r' || p[i + 2] != 'u' || p[i + 3] != 'e') return -1;
            i += 4;
            count++;
            break;

        case 'f':
            if (n - i < 5 || p[i + 1] != 'a' || p[i + 2] != 'l' || p[i + 3] != 's' || p[i + 4] != 'e') {
                return -1;
            }
            i += 5;
            count++;
            break;

        case 'n':
            if (n - i < 4 || p[i + 1] != 'u' || p[i + 2] != 'l' || p[i + 3] != 'l') return -1;
            i += 4;
            count++;
            break;

        case '-': case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            if (c == '-') {
                i++;
                if (i >= n || !is_digit(p[i])) return -1;
            }
            if (p[i] == '0') {
                i++;
            } else {
                while (i < n && is_digit(p[i])) i++;
            }
            if (i < n && p[i] == '.') {
                i++;
                if (i >= n || !is_digit(p[i])) return -1;
                while (i < n && is_digit(p[i])) i++;
            }
            if (i < n && (p[i] | 0x20u) == 'e') {
                i++;
                if (i < n && (p[i] == '+' || p[i] == '-')) i++;
                if (i >= n || !is_digit(p[i])) return -1;
                while (i < n && is_digit(p[i])) i++;
            }
            count++;
            break;

        default:
            return -1;
        }
    }
    return count;
}
