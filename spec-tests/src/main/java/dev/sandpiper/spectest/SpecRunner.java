package dev.sandpiper.spectest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.WasmException;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Extern;
import dev.sandpiper.interpreter.Global;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.compiler.Engine;
import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.interpreter.UninstantiableException;
import dev.sandpiper.interpreter.UnlinkableException;
import dev.sandpiper.validator.InvalidModuleException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the commands of one script, in order, against the engine: modules are instantiated into one
 * store per script, with the {@code spectest} host module and whatever earlier commands
 * registered. A command passes only when the engine does exactly what the script asserts,
 * including the kind of failure and its message (the expected text must occur in the engine's
 * message). Commands the engine cannot run are skipped with a reason, never passed.
 */
public final class SpecRunner {
    private final SpecScript script;
    /** Generous for any suite command; a runaway loop is then a failed command, not a hung build. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private final Store store = new Store(ExecutionLimits.DEFAULT.withTimeout(CALL_TIMEOUT));
    private final Linker linker = new Linker(store);
    private final Map<String, Instance> named = new HashMap<>();
    private Instance current;
    private boolean currentFailed;

    private final Engine engine;

    /** A runner on the interpreter. */
    public SpecRunner(SpecScript script) {
        this(script, Engine.INTERPRETER);
    }

    /** A runner whose modules run on {@code engine} ({@link Engine#COMPILER} compiles every module as it loads). */
    public SpecRunner(SpecScript script, Engine engine) {
        this.script = script;
        this.engine = engine;
        SpectestModule.define(linker);
    }

    public SpecScript script() {
        return script;
    }

    /** Runs one command; never throws. */
    public Outcome run(Command c) {
        try {
            return switch (c.type()) {
                case "module" -> module(c);
                case "register" -> register(c);
                case "action" -> action(c);
                case "assert_return" -> assertReturn(c);
                case "assert_trap" -> assertTrap(c, false);
                case "assert_exhaustion" -> assertTrap(c, true);
                case "assert_malformed" -> expectLoadFailure(c, MalformedModuleException.class);
                case "assert_invalid" -> expectLoadFailure(c, InvalidModuleException.class);
                case "assert_unlinkable" -> expectLoadFailure(c, UnlinkableException.class);
                case "assert_uninstantiable" -> expectLoadFailure(c, UninstantiableException.class);
                default -> Outcome.failed("unknown command type " + c.type());
            };
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.failed("unexpected " + e);
        }
    }

    private Outcome module(Command c) {
        try {
            Instance inst = instantiate(c.text("filename"));
            current = inst;
            currentFailed = false;
            String name = c.text("name");
            if (name != null) {
                named.put(name, inst);
            }
            return Outcome.PASSED;
        } catch (WasmException | UnsupportedOperationException e) {
            currentFailed = true;
            return Outcome.failed("module did not load: " + e.getMessage());
        }
    }

    private Instance instantiate(String filename) {
        return linker.instantiate(WasmCompiler.standard().load(script.moduleBytes(filename), engine));
    }

    private Outcome register(Command c) {
        Instance inst = target(c.text("name"));
        if (inst == null) {
            return Outcome.failed("no module to register");
        }
        linker.register(c.text("as"), inst);
        return Outcome.PASSED;
    }

    private Outcome action(Command c) {
        try {
            perform(c.json().get("action"));
            return Outcome.PASSED;
        } catch (TrapException t) {
            return Outcome.failed("action trapped: " + t.getMessage());
        }
    }

    private Outcome assertReturn(Command c) {
        long[] results;
        try {
            results = perform(c.json().get("action"));
        } catch (TrapException t) {
            return Outcome.failed("trapped: " + t.getMessage());
        }
        String mismatch = WastValues.mismatch(c.json().get("expected"), results);
        return mismatch == null ? Outcome.PASSED : Outcome.failed(mismatch);
    }

    private Outcome assertTrap(Command c, boolean exhaustion) {
        String text = c.text("text");
        try {
            long[] results = perform(c.json().get("action"));
            return Outcome.failed("returned " + results.length + " result slots; expected trap \"" + text + "\"");
        } catch (TrapException t) {
            if (exhaustion && t.kind() != TrapKind.CALL_STACK_EXHAUSTED) {
                return Outcome.failed("expected exhaustion, got trap: " + t.getMessage());
            }
            return t.getMessage().contains(text) ? Outcome.PASSED
                    : Outcome.failed("expected trap \"" + text + "\", got \"" + t.getMessage() + "\"");
        }
    }

    /** Runs an invoke or get action; returns the result slots. */
    private long[] perform(JsonNode action) {
        Instance inst = target(action.has("module") ? action.get("module").asText() : null);
        if (inst == null) {
            throw new IllegalStateException(currentFailed ? "the module under test failed to load" : "no module");
        }
        String field = action.get("field").asText();
        String type = action.get("type").asText();
        if (type.equals("get")) {
            Extern e = inst.export(field);
            if (!(e instanceof Global g)) {
                throw new IllegalStateException("no global export \"" + field + "\"");
            }
            return g.type().valType().slots() == 2 ? new long[] {g.value(), g.high()} : new long[] {g.value()};
        }
        return inst.call(field, WastValues.arguments(action.get("args")));
    }

    private Instance target(String name) {
        return name == null ? current : named.get(name);
    }

    private Outcome expectLoadFailure(Command c, Class<? extends WasmException> expected) {
        if ("text".equals(c.text("module_type"))) {
            return Outcome.skipped("text-format module (no text parser)");
        }
        String text = c.text("text");
        try {
            instantiate(c.text("filename"));
            return Outcome.failed("module loaded; expected " + expected.getSimpleName() + " \"" + text + "\"");
        } catch (WasmException e) {
            if (!expected.isInstance(e)) {
                return Outcome.failed("expected " + expected.getSimpleName() + " \"" + text + "\", got "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (!e.getMessage().contains(text)) {
                return Outcome.failed("expected message containing \"" + text + "\", got \"" + e.getMessage() + "\"");
            }
            return Outcome.PASSED;
        }
    }
}
