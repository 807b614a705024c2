package dev.sandpiper.abi;

import dev.sandpiper.decoder.ImplementationLimits;
import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.text.Wat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A module's bytes as read from a file or given by a caller, in either format, decided by content
 * rather than by name: a binary starts with the magic {@code \0asm} (spec 2.0, 5.5.16); text (spec
 * chapter 6), parsed to a binary by {@link Wat}, is what does not, when it opens (after white space)
 * with {@code (} or {@code ;} as every module text does, or when its file is named {@code .wat}.
 * Anything else (empty, a truncated or corrupt binary) goes to the decoder, so a broken binary keeps
 * the binary format's diagnosis ({@code magic header not detected}, {@code unexpected end}). Every
 * place that reads a module (the Java API, the transforms' specs, the command line) goes through here.
 */
public final class ModuleSource {
    private ModuleSource() {}

    /** Whether {@code bytes} start with the binary format's magic {@code \0asm}. */
    public static boolean isBinary(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm';
    }

    /**
     * The binary of {@code content}: itself when it is a binary, else its text parsed.
     *
     * @param fileName the name text-format errors start with ({@code FILE:LINE:COL: message})
     * @throws TextFormatException when the text is malformed
     */
    public static byte[] toBinary(byte[] content, String fileName) {
        return isText(content, fileName) ? Wat.parseModule(content, fileName) : content;
    }

    /** Whether {@code content} is to be read as the text format (see the class comment). */
    public static boolean isText(byte[] content, String fileName) {
        if (isBinary(content)) {
            return false;
        }
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".wat")) {
            return true;
        }
        for (byte b : content) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '(' || b == ';';
            }
        }
        return false;
    }

    /** Reads a module file within the decoder's size limit, and returns its binary (see {@link #toBinary}). */
    public static byte[] read(Path file) throws IOException {
        return toBinary(ImplementationLimits.readModule(file), file.toString());
    }

    /** Whether a file name names a module: {@code .wasm} or {@code .wat}, any case. */
    public static boolean isModuleName(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        return f.endsWith(".wasm") || f.endsWith(".wat");
    }
}
