package dev.sandpiper.text;

import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import dev.sandpiper.text.module.ModuleParser;
import dev.sandpiper.text.num.LiteralException;
import dev.sandpiper.text.num.Names;
import java.io.ByteArrayOutputStream;

/**
 * Entry point: WebAssembly text (spec 6.6.13 {@code module ::= (module id? field*)}, or the fields
 * alone, an abbreviation the spec allows) into the binary format.
 *
 * <pre>
 * byte[] wasm = Wat.parseModule(source, "example.wat");
 * Module module = ModuleDecoder.decode(wasm);
 * </pre>
 *
 * Script forms are accepted too: {@code (module $id? binary "..."*)} is the concatenated bytes,
 * {@code (module $id? quote "..."*)} is the concatenated text, parsed as a module, and 3.0's
 * {@code (module definition $id? ...)} is read as the module it defines (whether to instantiate it
 * is the script runner's business).
 */
public final class Wat {
    private Wat() {}

    /**
     * The binary encoding of the module in {@code source}.
     *
     * @param fileName used in error positions only
     * @throws TextFormatException if the text is malformed
     */
    public static byte[] parseModule(String source, String fileName) {
        return parse(source, fileName).binary();
    }

    /** The module in {@code source}, with its identifier; the whole source must be that module. */
    public static WatModule parse(String source, String fileName) {
        return parse(source, fileName, true);
    }

    /**
     * As {@link #parse(String, String)}, with 3.0's u64 limits and offsets ({@code memory64}) or
     * 2.0's u32 ones (for the 2.0 suite's text, where a larger literal is malformed).
     */
    public static WatModule parse(String source, String fileName, boolean memory64) {
        TokenCursor c = TokenCursor.of(source, fileName).memory64(memory64);
        WatModule m;
        if (c.atLParen("module")) {
            m = parseModule(c);
        } else {
            m = new WatModule(null, WatModule.Form.TEXT, ModuleParser.parseFields(c));
        }
        if (!c.atEnd()) {
            throw c.unexpected(c.peek());
        }
        return m;
    }

    /**
     * Reads one {@code (module ...)} at the cursor (a script runner's entry point) and leaves the
     * cursor after its closing parenthesis.
     */
    public static WatModule parseModule(TokenCursor c) {
        int open = c.index();
        c.expectLParen("module");
        if (c.atKeyword("definition")) {
            c.next(); // 3.0 script: a module definition, the same module text
        }
        String id = c.optionalId();
        WatModule m;
        if (c.atKeyword("binary")) {
            c.next();
            m = new WatModule(id, WatModule.Form.BINARY, strings(c));
        } else if (c.atKeyword("quote")) {
            Token at = c.next();
            byte[] text = strings(c);
            String source;
            try {
                source = Names.decode(text);
            } catch (LiteralException e) {
                throw c.error(at, e.getMessage());
            }
            m = new WatModule(id, WatModule.Form.QUOTE,
                    parse(source, c.fileName() + ":" + at.line() + " (quote)", c.memory64()).binary());
        } else {
            m = new WatModule(id, WatModule.Form.TEXT, ModuleParser.parseFields(c, open));
        }
        c.expectRParen();
        return m;
    }

    private static byte[] strings(TokenCursor c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (c.at(TokenKind.STRING)) {
            out.writeBytes(c.string());
        }
        return out.toByteArray();
    }

    /** Convenience: the text of a module as UTF-8 bytes (a {@code .wat} file's content). */
    public static byte[] parseModule(byte[] utf8Source, String fileName) {
        return parseModule(utf8Source, fileName, true);
    }

    /** As {@link #parseModule(byte[], String)}, under 3.0's ({@code memory64}) or 2.0's grammar of limits and offsets. */
    public static byte[] parseModule(byte[] utf8Source, String fileName, boolean memory64) {
        String source;
        try {
            source = Names.decode(utf8Source);
        } catch (LiteralException e) {
            throw new TextFormatException(fileName, 1, 1, e.getMessage());
        }
        return parse(source, fileName, memory64).binary();
    }
}
