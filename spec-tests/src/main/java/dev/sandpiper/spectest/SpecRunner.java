package dev.sandpiper.spectest;

import dev.sandpiper.decoder.Features;
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
import dev.sandpiper.interpreter.ThrownException;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.interpreter.UninstantiableException;
import dev.sandpiper.interpreter.UnlinkableException;
import dev.sandpiper.text.CustomAnnotationException;
import dev.sandpiper.text.TextFormatException;
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
    /** Module definitions by name (3.0 script: definitions and named modules), for {@code module instance}. */
    private final Map<String, CompiledModule> definitions = new HashMap<>();
    /** The last module defined, for a {@code module instance} that names none. */
    private CompiledModule lastDefinition;
    private Instance current;
    private boolean currentFailed;

    private final Engine engine;
    private final Features features;

    /** A runner on the interpreter. */
    public SpecRunner(SpecScript script) {
        this(script, Engine.INTERPRETER);
    }

    /** A runner whose modules run on {@code engine} ({@link Engine#COMPILER} compiles every module as it loads). */
    public SpecRunner(SpecScript script, Engine engine) {
        this(script, engine, Features.all());
    }

    /**
     * A runner whose modules may use only {@code features}: {@link Features#wasm20()} for the 2.0
     * suite, whose scripts assert that 3.0 constructs (a second memory, a memory index byte) are
     * invalid or malformed.
     */
    public SpecRunner(SpecScript script, Engine engine, Features features) {
        this.script = script;
        this.engine = engine;
        this.features = features;
        SpectestModule.define(linker);
    }

    public SpecScript script() {
        return script;
    }

    /** Runs one command; never throws. */
    public Outcome run(Command c) {
        try {
            Directive d = c.directive();
            if (d instanceof Directive.Module m) {
                return module(m);
            } else if (d instanceof Directive.Definition def) {
                return define(def);
            } else if (d instanceof Directive.Instantiate i) {
                return instance(i);
            } else if (d instanceof Directive.Register r) {
                return register(r);
            } else if (d instanceof Directive.Perform p) {
                return action(p.action());
            } else if (d instanceof Directive.AssertReturn a) {
                return assertReturn(a);
            } else if (d instanceof Directive.AssertTrap t) {
                return assertTrap(t);
            } else if (d instanceof Directive.AssertException e) {
                return assertException(e);
            } else if (d instanceof Directive.AssertModule a) {
                return expectLoadFailure(a);
            } else if (d instanceof Directive.Unreadable u) {
                return Outcome.failed(u.reason());
            }
            return Outcome.failed("unknown command type " + c.type());
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.failed("unexpected " + e);
        }
    }

    private Outcome module(Directive.Module m) {
        try {
            CompiledModule compiled = load(m.source());
            remember(m.name(), compiled);
            Instance inst = linker.instantiate(compiled);
            current = inst;
            currentFailed = false;
            if (m.name() != null) {
                named.put(m.name(), inst);
            }
            return Outcome.PASSED;
        } catch (WasmException | UnsupportedOperationException e) {
            currentFailed = true;
            return Outcome.failed("module did not load: " + e.getMessage());
        }
    }

    /** A module definition (3.0 script): decoded, validated and compiled, not instantiated. */
    private Outcome define(Directive.Definition d) {
        try {
            remember(d.name(), load(d.source()));
            return Outcome.PASSED;
        } catch (WasmException | UnsupportedOperationException e) {
            return Outcome.failed("module definition did not load: " + e.getMessage());
        }
    }

    private void remember(String name, CompiledModule compiled) {
        lastDefinition = compiled;
        if (name != null) {
            definitions.put(name, compiled);
        }
    }

    /**
     * A new instance of a definition (3.0 script): instantiation is generative, so each command
     * makes a distinct instance with its own globals, tables, memories and tags.
     */
    private Outcome instance(Directive.Instantiate i) {
        CompiledModule def = i.definition() == null ? lastDefinition : definitions.get(i.definition());
        if (def == null) {
            currentFailed = true;
            return Outcome.failed("no module definition " + (i.definition() == null ? "before" : i.definition()));
        }
        try {
            Instance inst = linker.instantiate(def);
            current = inst;
            currentFailed = false;
            if (i.name() != null) {
                named.put(i.name(), inst);
            }
            return Outcome.PASSED;
        } catch (WasmException | UnsupportedOperationException e) {
            currentFailed = true;
            return Outcome.failed("module instance did not load: " + e.getMessage());
        }
    }

    private Instance instantiate(ScriptModule source) {
        return linker.instantiate(load(source));
    }

    private CompiledModule load(ScriptModule source) {
        // the text grammar follows the features: 2.0's u32 limits and offsets without memory64
        boolean memory64 = features.enabled(dev.sandpiper.decoder.code.Feature.MEMORY64);
        return WasmCompiler.standard().load(source.bytes(memory64), engine, features);
    }

    private Outcome register(Directive.Register r) {
        Instance inst = target(r.name());
        if (inst == null) {
            return Outcome.failed("no module to register");
        }
        linker.register(r.as(), inst);
        return Outcome.PASSED;
    }

    private Outcome action(Directive.Action a) {
        try {
            perform(a);
            return Outcome.PASSED;
        } catch (TrapException t) {
            return Outcome.failed("action trapped: " + t.getMessage());
        }
    }

    private Outcome assertReturn(Directive.AssertReturn a) {
        long[] results;
        try {
            results = perform(a.action());
        } catch (TrapException t) {
            return Outcome.failed("trapped: " + t.getMessage());
        }
        String mismatch = WastValues.mismatch(a.expected(), results);
        return mismatch == null ? Outcome.PASSED : Outcome.failed(mismatch);
    }

    private Outcome assertTrap(Directive.AssertTrap a) {
        String text = a.text();
        try {
            long[] results = perform(a.action());
            return Outcome.failed("returned " + results.length + " result slots; expected trap \"" + text + "\"");
        } catch (TrapException t) {
            if (a.exhaustion() && t.kind() != TrapKind.CALL_STACK_EXHAUSTED) {
                return Outcome.failed("expected exhaustion, got trap: " + t.getMessage());
            }
            return t.getMessage().contains(text) ? Outcome.PASSED
                    : Outcome.failed("expected trap \"" + text + "\", got \"" + t.getMessage() + "\"");
        }
    }

    /** The action must throw a WebAssembly exception that nothing catches: the host sees it (3.0). */
    private Outcome assertException(Directive.AssertException a) {
        try {
            long[] results = perform(a.action());
            return Outcome.failed("returned " + results.length + " result slots; expected an exception");
        } catch (ThrownException e) {
            return Outcome.PASSED;
        } catch (TrapException t) {
            return Outcome.failed("expected an exception, got trap: " + t.getMessage());
        }
    }

    /** Runs an invoke or get action; returns the result slots. */
    private long[] perform(Directive.Action action) {
        Instance inst = target(action.module());
        if (inst == null) {
            throw new IllegalStateException(currentFailed ? "the module under test failed to load" : "no module");
        }
        String field = action.field();
        if (action.get()) {
            Extern e = inst.export(field);
            if (!(e instanceof Global g)) {
                throw new IllegalStateException("no global export \"" + field + "\"");
            }
            return g.type().valType().slots() == 2 ? new long[] {g.value(), g.high()} : new long[] {g.value()};
        }
        return inst.call(field, WastValues.arguments(action.args()));
    }

    private Instance target(String name) {
        return name == null ? current : named.get(name);
    }

    /**
     * A module that must not load, failing the way the command says and with its text in the
     * message. A malformed text module may fail in the text parser ({@link TextFormatException}) or,
     * as a binary module does, in the decoder.
     */
    private Outcome expectLoadFailure(Directive.AssertModule a) {
        Class<? extends WasmException> expected = switch (a.failure()) {
            case MALFORMED -> MalformedModuleException.class;
            case MALFORMED_CUSTOM, INVALID_CUSTOM -> CustomAnnotationException.class;
            case INVALID -> InvalidModuleException.class;
            case UNLINKABLE -> UnlinkableException.class;
            case UNINSTANTIABLE -> UninstantiableException.class;
        };
        String text = a.text();
        try {
            instantiate(a.source());
            return Outcome.failed("module loaded; expected " + expected.getSimpleName() + " \"" + text + "\"");
        } catch (WasmException e) {
            boolean kind = expected.isInstance(e)
                    || (a.failure() == Directive.Failure.MALFORMED && a.source().isText() && e instanceof TextFormatException);
            if (e instanceof CustomAnnotationException c) {
                // a custom annotation is malformed, or well formed and invalid (3.0 script)
                kind = a.failure() == (c.invalid() ? Directive.Failure.INVALID_CUSTOM : Directive.Failure.MALFORMED_CUSTOM);
            }
            if (!kind) {
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
