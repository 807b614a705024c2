package dev.sandpiper.spectest;

import dev.sandpiper.text.script.ResultPattern;
import dev.sandpiper.text.script.ScriptValue;
import java.util.List;

/**
 * What one script command does, whichever form the script came in ({@code .wast} read by
 * {@link WastReader}, or wast2json's {@code .json} read by {@link SpecScript#read}): the model
 * {@link SpecRunner} executes. Values and result patterns are the text module's
 * {@link ScriptValue} and {@link ResultPattern}.
 */
public sealed interface Directive {

    /** {@code (module $name? ...)}: load and instantiate, make it current (and named). */
    record Module(String name, ScriptModule source) implements Directive {}

    /**
     * {@code (module definition $name? ...)} (3.0 script): decode and validate the module, keep it
     * (named) for {@link Instantiate}, do not instantiate it.
     */
    record Definition(String name, ScriptModule source) implements Directive {}

    /**
     * {@code (module instance $name? $definition?)} (3.0 script): a new instance of a definition
     * (the last one when unnamed), made current (and named); each is a distinct instance.
     */
    record Instantiate(String name, String definition) implements Directive {}

    /** {@code (register "as" $name?)}: make a module's exports importable as {@code as}. */
    record Register(String as, String name) implements Directive {}

    /** A bare action; passes unless it traps. */
    record Perform(Action action) implements Directive {}

    /** {@code (assert_return action result*)}. */
    record AssertReturn(Action action, List<ResultPattern> expected) implements Directive {
        public AssertReturn {
            expected = List.copyOf(expected);
        }
    }

    /** {@code (assert_trap action "text")}, or {@code assert_exhaustion} (the call stack must run out). */
    record AssertTrap(Action action, String text, boolean exhaustion) implements Directive {}

    /**
     * {@code (assert_exception action)}: the action must end in an uncaught WebAssembly exception
     * (3.0 script, exception handling).
     */
    record AssertException(Action action) implements Directive {}

    /**
     * A module that must fail to load: {@code assert_malformed}, {@code assert_invalid},
     * {@code assert_unlinkable}, or {@code assert_uninstantiable} ({@code assert_trap} on a module).
     */
    record AssertModule(Failure failure, ScriptModule source, String text) implements Directive {}

    /** A command that could not be read into this model (reported as failed, with the reason). */
    record Unreadable(String reason) implements Directive {}

    /** How a module of an {@link AssertModule} must fail. */
    enum Failure {
        MALFORMED("assert_malformed"),
        INVALID("assert_invalid"),
        UNLINKABLE("assert_unlinkable"),
        UNINSTANTIABLE("assert_uninstantiable"),
        /** 3.0 script: a custom annotation ({@code @custom}, {@code @name}) is malformed. */
        MALFORMED_CUSTOM("assert_malformed_custom"),
        /** 3.0 script: what a custom annotation says does not fit the module (branch hints). */
        INVALID_CUSTOM("assert_invalid_custom");

        private final String command;

        Failure(String command) {
            this.command = command;
        }

        /** The command type wast2json writes for it. */
        public String command() {
            return command;
        }
    }

    /**
     * {@code (invoke $module? "field" const*)} or {@code (get $module? "field")}.
     *
     * @param module the module's name, or null for the current module
     */
    record Action(boolean get, String module, String field, List<ScriptValue> args) {
        public Action {
            args = List.copyOf(args);
        }
    }
}
