package dev.sandpiper.spectest;

import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.WasmException;
import dev.sandpiper.validator.InvalidModuleException;
import dev.sandpiper.validator.ModuleValidator;
import dev.sandpiper.validator.ValidatedModule;

/**
 * Runs the commands of one script, in order, against the engine. A command passes only when the
 * engine does exactly what the script asserts, including the kind of failure and its message
 * (the expected text must occur in the engine's message). Commands the engine cannot run yet are
 * skipped with a reason, never passed.
 */
public final class SpecRunner {
    private final SpecScript script;

    public SpecRunner(SpecScript script) {
        this.script = script;
    }

    public SpecScript script() {
        return script;
    }

    /** Runs one command; never throws. */
    public Outcome run(Command c) {
        try {
            return switch (c.type()) {
                case "module" -> module(c);
                case "assert_malformed" -> expectFailure(c, MalformedModuleException.class);
                case "assert_invalid" -> expectFailure(c, InvalidModuleException.class);
                default -> Outcome.skipped(c.type() + " needs the interpreter");
            };
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.failed("unexpected " + e);
        }
    }

    private Outcome module(Command c) {
        try {
            load(c);
            return Outcome.PASSED;
        } catch (WasmException e) {
            return Outcome.failed("module did not load: " + e.getMessage());
        }
    }

    private Outcome expectFailure(Command c, Class<? extends WasmException> expected) {
        if ("text".equals(c.text("module_type"))) {
            return Outcome.skipped("text-format module (no text parser)");
        }
        String text = c.text("text");
        try {
            load(c);
            return Outcome.failed("module loaded; expected " + kind(expected) + " \"" + text + "\"");
        } catch (WasmException e) {
            if (!expected.isInstance(e)) {
                return Outcome.failed("expected " + kind(expected) + " \"" + text + "\", got " + e.getClass().getSimpleName()
                        + ": " + e.getMessage());
            }
            if (!e.getMessage().contains(text)) {
                return Outcome.failed("expected message containing \"" + text + "\", got \"" + e.getMessage() + "\"");
            }
            return Outcome.PASSED;
        }
    }

    private ValidatedModule load(Command c) {
        byte[] bytes = script.moduleBytes(c.text("filename"));
        return ModuleValidator.validate(ModuleDecoder.decode(bytes));
    }

    private static String kind(Class<? extends WasmException> type) {
        return type == MalformedModuleException.class ? "malformed" : "invalid";
    }
}
