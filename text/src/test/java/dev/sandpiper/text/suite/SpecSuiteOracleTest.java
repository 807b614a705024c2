package dev.sandpiper.text.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.text.Wat;
import dev.sandpiper.text.WatModule;
import dev.sandpiper.text.lex.Lexer;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The official 2.0 suite as the oracle of the text parser.
 *
 * <p>Modules: for every command of every {@code .wast} that wast2json turned into a {@code .wasm}
 * ({@code module}, and the modules of {@code assert_invalid}, {@code assert_unlinkable},
 * {@code assert_uninstantiable} and {@code assert_trap}), the module text is taken from the
 * {@code .wast} at the command's line (the script is lexed once; the first {@code (module} at or
 * after that line is parsed with {@link Wat#parseModule(TokenCursor)}), and our binary must decode
 * to the same module as wast2json's, both decoded as 2.0 ({@link ModuleCanon} says what "same"
 * means, and {@link ModuleCanon#of20} why 2.0).
 *
 * <p>Malformed: every {@code assert_malformed} whose module is text (wast2json keeps its text as a
 * {@code .wat}) must be rejected with a {@link TextFormatException}; how many reasons start with
 * the suite's expected wording is reported.
 */
class SpecSuiteOracleTest {
    private static final Set<String> MODULE_COMMANDS =
            Set.of("module", "assert_invalid", "assert_unlinkable", "assert_uninstantiable", "assert_trap");

    @Test
    void everyModuleOfTheSuiteEncodesLikeWast2json() {
        Path suite = SuiteFiles.locate();
        Assumptions.assumeTrue(suite != null, SuiteFiles.missingMessage());
        int total = 0;
        int moduleCommands = 0;
        int moduleMatched = 0;
        int matched = 0;
        List<String> failures = new ArrayList<>();
        for (String script : SuiteFiles.scripts(suite)) {
            Path wast = suite.resolve("wast").resolve(script + ".wast");
            String source = new String(SuiteFiles.read(wast), StandardCharsets.UTF_8);
            List<Token> tokens = Lexer.tokenize(source, script + ".wast");
            TokenCursor cursor = new TokenCursor(tokens, script + ".wast");
            for (SuiteFiles.Command cmd : SuiteFiles.commands(suite, script)) {
                if (!MODULE_COMMANDS.contains(cmd.type()) || cmd.filename() == null
                        || !cmd.filename().endsWith(".wasm")) {
                    continue;
                }
                total++;
                boolean isModule = cmd.type().equals("module");
                if (isModule) {
                    moduleCommands++;
                }
                String where = script + ".wast:" + cmd.line() + " (" + cmd.type() + ")";
                try {
                    int at = moduleAt(tokens, cmd.line());
                    WatModule ours;
                    if (at >= 0) {
                        cursor.seek(at);
                        ours = Wat.parseModule(cursor);
                    } else {
                        ours = Wat.parse(source, script + ".wast"); // a script that is one inline module
                    }
                    byte[] theirs = SuiteFiles.read(suite.resolve("json").resolve(script).resolve(cmd.filename()));
                    String expected = ModuleCanon.of20(theirs);
                    String actual = ModuleCanon.of20(ours.binary());
                    if (expected.equals(actual)) {
                        matched++;
                        if (isModule) {
                            moduleMatched++;
                        }
                    } else {
                        failures.add(where + ": differs\n  expected " + firstDiff(expected, actual));
                    }
                } catch (RuntimeException e) {
                    failures.add(where + ": " + e);
                }
            }
        }
        System.out.printf("text oracle: module commands matched %d / %d; all module texts (with assert_invalid,"
                + " assert_unlinkable, assert_uninstantiable, assert_trap) matched %d / %d%n",
                moduleMatched, moduleCommands, matched, total);
        failures.stream().limit(60).forEach(f -> System.out.println("  FAIL " + f));
        assertEquals(List.of(), failures.size() > 60 ? failures.subList(0, 60) : failures);
        assertEquals(total, matched);
    }

    @Test
    void everyMalformedTextModuleIsRejected() {
        Path suite = SuiteFiles.locate();
        Assumptions.assumeTrue(suite != null, SuiteFiles.missingMessage());
        int total = 0;
        int rejected = 0;
        int worded = 0;
        List<String> accepted = new ArrayList<>();
        List<String> otherWording = new ArrayList<>();
        for (String script : SuiteFiles.scripts(suite)) {
            for (SuiteFiles.Command cmd : SuiteFiles.commands(suite, script)) {
                if (!cmd.type().equals("assert_malformed") || !"text".equals(cmd.moduleType())) {
                    continue;
                }
                total++;
                byte[] text = SuiteFiles.read(suite.resolve("json").resolve(script).resolve(cmd.filename()));
                String where = script + ".wast:" + cmd.line();
                try {
                    // the 2.0 suite's text grammar: u32 limits and offsets (3.0 reads u64s)
                    Wat.parseModule(text, cmd.filename(), false);
                    accepted.add(where + " expected \"" + cmd.text() + "\": "
                            + new String(text, StandardCharsets.UTF_8));
                } catch (TextFormatException e) {
                    rejected++;
                    if (e.reason().startsWith(cmd.text())) {
                        worded++;
                    } else {
                        otherWording.add(where + " expected \"" + cmd.text() + "\", got " + e.getMessage());
                    }
                }
            }
        }
        System.out.printf("text oracle: malformed text modules rejected %d / %d, with the suite's wording %d / %d%n",
                rejected, total, worded, total);
        accepted.stream().limit(60).forEach(f -> System.out.println("  ACCEPTED " + f));
        otherWording.stream().limit(40).forEach(f -> System.out.println("  WORDING " + f));
        assertTrue(accepted.isEmpty(), accepted.size() + " malformed modules accepted");
    }

    /**
     * Index of the first {@code (module} token at or after {@code line}, skipping the opening of an
     * assertion on that line; -1 when the command is not such a form (the whole script is one module).
     */
    private static int moduleAt(List<Token> tokens, int line) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.line() < line) {
                continue;
            }
            if (t.isKeyword("module") && i > 0 && tokens.get(i - 1).is(TokenKind.LPAREN)) {
                return i - 1; // "(" on an earlier line (wast2json gives the line of the keyword)
            }
            if (t.is(TokenKind.LPAREN) && tokens.get(i + 1).isKeyword("module")) {
                return i;
            }
            if (!(t.is(TokenKind.LPAREN) && tokens.get(i + 1).text().startsWith("assert_"))) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static String firstDiff(String expected, String actual) {
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<none>";
            String y = i < a.length ? a[i] : "<none>";
            if (!x.equals(y)) {
                return x + "\n  actual   " + y;
            }
        }
        return "?";
    }
}
