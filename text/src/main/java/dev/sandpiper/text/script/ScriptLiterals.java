package dev.sandpiper.text.script;

import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import dev.sandpiper.text.module.Types;
import dev.sandpiper.text.num.LiteralException;
import dev.sandpiper.text.num.VectorShape;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads script constants and result patterns at a {@link TokenCursor} (the script syntax of the
 * spec's reference interpreter: {@code const ::= (t.const literal) | (v128.const shape literal*) |
 * (ref.null heaptype) | (ref.extern n)}; {@code result ::= const | (f.const nan:canonical) |
 * (f.const nan:arithmetic) | (v128.const fNxM lanepattern*) | (ref.func) | (ref.extern) | (either
 * result+)}).
 * Literals follow the text format's own rules, range checks included.
 */
public final class ScriptLiterals {
    private ScriptLiterals() {}

    /** One constant, e.g. an {@code invoke} argument. */
    public static ScriptValue constant(TokenCursor c) {
        ResultPattern p = parse(c, false);
        return ((ResultPattern.Exact) p).value();
    }

    /** One expected result of an {@code assert_return}, or {@code (either result+)} (3.0 script). */
    public static ResultPattern result(TokenCursor c) {
        if (c.atLParen("either")) {
            c.expectLParen("either");
            List<ResultPattern> alternatives = new ArrayList<>();
            do {
                alternatives.add(parse(c, true));
            } while (c.at(TokenKind.LPAREN));
            c.expectRParen();
            return new ResultPattern.Either(alternatives);
        }
        return parse(c, true);
    }

    /** Constants up to the closing parenthesis of the enclosing form. */
    public static List<ScriptValue> constants(TokenCursor c) {
        List<ScriptValue> out = new ArrayList<>();
        while (c.at(TokenKind.LPAREN)) {
            out.add(constant(c));
        }
        return out;
    }

    /** Result patterns up to the closing parenthesis of the enclosing form. */
    public static List<ResultPattern> results(TokenCursor c) {
        List<ResultPattern> out = new ArrayList<>();
        while (c.at(TokenKind.LPAREN)) {
            out.add(result(c));
        }
        return out;
    }

    private static ResultPattern parse(TokenCursor c, boolean pattern) {
        c.expectLParen();
        Token op = c.expect(TokenKind.KEYWORD);
        ResultPattern p = switch (op.text()) {
            case "i32.const" -> exact(ValType.I32, c.i32() & 0xFFFF_FFFFL);
            case "i64.const" -> exact(ValType.I64, c.i64());
            case "f32.const" -> pattern && atNanPattern(c) ? nan(c, ValType.F32) : exact(ValType.F32, c.f32() & 0xFFFF_FFFFL);
            case "f64.const" -> pattern && atNanPattern(c) ? nan(c, ValType.F64) : exact(ValType.F64, c.f64());
            case "v128.const" -> vector(c, pattern);
            // (ref.null) without a heap type (3.0 scripts): any null; a null matches by kind alone.
            case "ref.null" -> new ResultPattern.Exact(ScriptValue.nullRef(
                    pattern && c.atRParen() ? ValType.FUNCREF : Types.heapType(c)));
            case "ref.extern" -> pattern && c.atRParen() ? new ResultPattern.AnyRef(ValType.EXTERNREF)
                    : new ResultPattern.Exact(ScriptValue.externRef(c.u32()));
            case "ref.func" -> pattern && c.atRParen() ? new ResultPattern.AnyRef(ValType.FUNCREF)
                    : new ResultPattern.Exact(ScriptValue.funcRef(c.u32()));
            case "ref.host" -> new ResultPattern.Exact(ScriptValue.hostRef(c.u32()));
            case "ref.i31", "ref.struct", "ref.array", "ref.eq", "ref.any" -> {
                if (!pattern) {
                    throw c.error(op, "unknown operator");
                }
                yield new ResultPattern.AnyRef(ValType.ref(false, Types.abstractHeap(op.text().substring(4))));
            }
            default -> throw c.error(op, "unknown operator");
        };
        c.expectRParen();
        return p;
    }

    private static ResultPattern exact(ValType type, long bits) {
        return new ResultPattern.Exact(ScriptValue.number(type, bits));
    }

    private static boolean atNanPattern(TokenCursor c) {
        return c.atKeyword("nan:canonical") || c.atKeyword("nan:arithmetic");
    }

    private static ResultPattern nan(TokenCursor c, ValType type) {
        return new ResultPattern.Nan(type, c.next().text().equals("nan:canonical"));
    }

    private static ResultPattern vector(TokenCursor c, boolean pattern) {
        Token shapeToken = c.expect(TokenKind.KEYWORD);
        VectorShape shape = VectorShape.of(shapeToken.text());
        if (shape == null) {
            throw c.unexpected(shapeToken);
        }
        List<ResultPattern> lanes = new ArrayList<>();
        boolean anyNan = false;
        String[] literals = new String[shape.lanes()];
        for (int i = 0; i < shape.lanes(); i++) {
            if (pattern && shape.isFloat() && atNanPattern(c)) {
                lanes.add(nan(c, shape == VectorShape.F32X4 ? ValType.F32 : ValType.F64));
                anyNan = true;
                continue;
            }
            Token t = c.number();
            try {
                long bits = shape.laneBits(t.text());
                lanes.add(exact(shape == VectorShape.F64X2 ? ValType.F64 : ValType.F32, bits));
            } catch (LiteralException e) {
                throw c.error(t, e.getMessage());
            }
            literals[i] = t.text();
        }
        if (anyNan) {
            return new ResultPattern.Lanes(shape, lanes);
        }
        byte[] b = shape.encode(literals);
        long low = 0;
        long high = 0;
        for (int i = 7; i >= 0; i--) {
            low = low << 8 | (b[i] & 0xFF);
            high = high << 8 | (b[i + 8] & 0xFF);
        }
        return new ResultPattern.Exact(ScriptValue.v128(low, high));
    }
}
