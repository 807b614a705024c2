/**
 * Runs WebAssembly spec test scripts against the engine, from {@code .wast} files directly
 * ({@link dev.sandpiper.spectest.WastReader}, with the text module's lexer and literal readers) or
 * in the json form that wabt's {@code wast2json} writes: {@link dev.sandpiper.spectest.SpecScript}
 * reads either into the same {@link dev.sandpiper.spectest.Directive} model,
 * {@link dev.sandpiper.spectest.SpecRunner} runs its commands in order against the engine,
 * {@link dev.sandpiper.spectest.SuiteReport} tallies passed, failed and skipped commands per file.
 * Used by the JUnit suite in this module and by {@code sandpiper spec}.
 */
package dev.sandpiper.spectest;
