package dev.sandpiper.spectest;

import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.text.Wat;
import dev.sandpiper.text.lex.Lexer;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import dev.sandpiper.text.num.LiteralException;
import dev.sandpiper.text.num.Names;
import dev.sandpiper.text.script.ResultPattern;
import dev.sandpiper.text.script.ScriptLiterals;
import dev.sandpiper.text.script.ScriptValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code .wast} script (the reference interpreter's script format) into {@link Command}s,
 * with the text module's lexer and literal readers:
 *
 * <pre>
 * cmd    ::= module | (register name id?) | action | assertion
 * module ::= (module definition? id? field*) | (module definition? id? binary string*)
 *          | (module definition? id? quote string*) | (module instance id? id?)
 * action ::= (invoke id? name const*) | (get id? name)
 * result ::= const | ... | (either result+)
 * assertion ::= (assert_return action result*) | (assert_trap action failure)
 *             | (assert_exhaustion action failure) | (assert_trap module failure)
 *             | (assert_malformed module failure) | (assert_invalid module failure)
 *             | (assert_unlinkable module failure)
 * </pre>
 *
 * Modules are parsed when a command first runs, not here, so a malformed module is that command's
 * failure to load. Commands get wast2json's types and lines ({@code assert_trap} on a module is
 * {@code assert_uninstantiable}, a bare action is {@code action}, an assertion's line is that of
 * its action or module), so both forms of a script name their tests alike. A command this reader cannot make sense of becomes an
 * {@link Directive.Unreadable} and reading goes on with the next one.
 */
public final class WastReader {
    private final List<Token> tokens;
    private final String fileName;
    private final TokenCursor c;
    /** The script's annotations (3.0): a module's {@code @custom} ones become its custom sections. */
    private final List<dev.sandpiper.text.lex.Annotation> annotations = new ArrayList<>();

    private static final Set<String> COMMANDS = Set.of("module", "register", "invoke", "get", "assert_return",
            "assert_trap", "assert_exhaustion", "assert_malformed", "assert_invalid", "assert_unlinkable",
            "assert_uninstantiable", "assert_exception", "assert_malformed_custom", "assert_invalid_custom");

    private final String source;

    private WastReader(String source, String fileName) {
        this.source = source;
        this.fileName = fileName;
        this.tokens = Lexer.tokenize(source, fileName, annotations);
        this.c = new TokenCursor(tokens, fileName);
    }

    /**
     * The commands of a script.
     *
     * @param fileName used in test names and error positions
     * @throws TextFormatException if the script cannot be tokenized or is not a list of commands
     */
    public static List<Command> read(String source, String fileName) {
        return new WastReader(source, fileName).commands();
    }

    private List<Command> commands() {
        List<Command> out = new ArrayList<>();
        if (!c.atEnd() && c.lparenKeyword() != null && !COMMANDS.contains(c.lparenKeyword())) {
            // a script that is a module's fields alone (the reference interpreter reads it as one module)
            Token first = c.peek(1);
            out.add(new Command("module", first.line(), new Directive.Module(null, new ScriptModule(true,
                    (Boolean memory64) -> Wat.parse(source, fileName, memory64).binary())), null, "(module\n" + source + "\n)"));
            return out;
        }
        while (!c.atEnd()) {
            int start = c.index();
            Token open = c.expect(TokenKind.LPAREN);
            Token head = c.peek();
            c.seek(start);
            Command cmd;
            try {
                cmd = command(head);
            } catch (TextFormatException | IllegalArgumentException e) {
                cmd = new Command(head.is(TokenKind.KEYWORD) ? head.text() : "unknown", open.line(),
                        new Directive.Unreadable(e.getMessage()), null);
            }
            c.seek(start);
            c.skip(); // the whole form, wherever reading it stopped
            Token close = tokens.get(c.index() - 1);
            String text = source.substring(open.offset(), Math.min(source.length(), close.offset() + close.text().length()));
            out.add(new Command(cmd.type(), cmd.line(), cmd.directive(), null, text));
        }
        return out;
    }

    private Command command(Token head) {
        String kw = head.is(TokenKind.KEYWORD) ? head.text() : "";
        // wast2json's line: that of the command's keyword, or for an assertion its action's or module's
        int line = kw.startsWith("assert_") ? c.peek(3).line() : c.peek(1).line();
        Directive d;
        String type = kw;
        switch (kw) {
            case "module" -> {
                if (c.peek(2).isKeyword("instance")) {
                    // 3.0 script: (module instance $I? $M?)
                    c.expectLParen("module");
                    c.next();
                    String name = c.optionalId();
                    String definition = c.optionalId();
                    c.expectRParen();
                    d = new Directive.Instantiate(name, definition);
                } else {
                    boolean definition = c.peek(2).isKeyword("definition");
                    ScriptModule m = module();
                    d = definition ? new Directive.Definition(moduleId, m) : new Directive.Module(moduleId, m);
                }
            }
            case "register" -> {
                c.expectLParen("register");
                String as = c.name();
                String name = c.optionalId();
                c.expectRParen();
                d = new Directive.Register(as, name);
            }
            case "invoke", "get" -> {
                type = "action";
                d = new Directive.Perform(action());
            }
            case "assert_return" -> {
                c.expectLParen(kw);
                Directive.Action a = action();
                List<ResultPattern> results = ScriptLiterals.results(c);
                c.expectRParen();
                d = new Directive.AssertReturn(a, results);
            }
            case "assert_exhaustion" -> {
                c.expectLParen(kw);
                Directive.Action a = action();
                d = new Directive.AssertTrap(a, failure(), true);
            }
            case "assert_trap" -> {
                c.expectLParen(kw);
                if (c.atLParen("module")) {
                    type = "assert_uninstantiable";
                    ScriptModule m = module();
                    d = new Directive.AssertModule(Directive.Failure.UNINSTANTIABLE, m, failure());
                } else {
                    Directive.Action a = action();
                    d = new Directive.AssertTrap(a, failure(), false);
                }
            }
            case "assert_exception" -> {
                c.expectLParen(kw);
                Directive.Action a = action();
                c.expectRParen();
                d = new Directive.AssertException(a);
            }
            case "assert_malformed", "assert_invalid", "assert_unlinkable", "assert_uninstantiable",
                    "assert_malformed_custom", "assert_invalid_custom" -> {
                c.expectLParen(kw);
                ScriptModule m = module();
                Directive.Failure f = switch (kw) {
                    case "assert_malformed" -> Directive.Failure.MALFORMED;
                    // 3.0 script: the text of a custom annotation is malformed (or invalid, as the
                    // reference interpreter checks what a custom section says)
                    case "assert_malformed_custom" -> Directive.Failure.MALFORMED_CUSTOM;
                    case "assert_invalid_custom" -> Directive.Failure.INVALID_CUSTOM;
                    case "assert_invalid" -> Directive.Failure.INVALID;
                    case "assert_unlinkable" -> Directive.Failure.UNLINKABLE;
                    default -> Directive.Failure.UNINSTANTIABLE;
                };
                d = new Directive.AssertModule(f, m, failure());
            }
            default -> throw c.error(head, "unknown script command " + head);
        }
        return new Command(type, line, d, null);
    }

    private String moduleId;

    /**
     * The {@code (module ...)} at the cursor, to be parsed when first needed; leaves the cursor after
     * it and its id in {@link #moduleId}.
     */
    private ScriptModule module() {
        int start = c.index();
        c.expectLParen("module");
        if (c.atKeyword("definition")) {
            c.next();
        }
        moduleId = c.optionalId();
        boolean binary = c.atKeyword("binary");
        c.seek(start);
        c.skip();
        String where = fileName;
        ScriptModule source = new ScriptModule(!binary, (Boolean memory64) -> {
            TokenCursor mc = new TokenCursor(tokens, where).memory64(memory64).annotations(annotations);
            mc.seek(start);
            return Wat.parseModule(mc).binary();
        });
        return source;
    }

    private Directive.Action action() {
        c.expectLParen();
        Token kind = c.next();
        boolean get;
        if (kind.isKeyword("invoke")) {
            get = false;
        } else if (kind.isKeyword("get")) {
            get = true;
        } else {
            throw c.unexpected(kind);
        }
        String module = c.optionalId();
        String field = c.name();
        List<ScriptValue> args = get ? List.of() : ScriptLiterals.constants(c);
        c.expectRParen();
        return new Directive.Action(get, module, field, args);
    }

    /** The failure text (a string, UTF-8) and the assertion's closing parenthesis. */
    private String failure() {
        Token t = c.expect(TokenKind.STRING);
        String text;
        try {
            text = Names.decode(t.bytes());
        } catch (LiteralException e) {
            throw c.error(t, e.getMessage());
        }
        c.expectRParen();
        return text;
    }
}
