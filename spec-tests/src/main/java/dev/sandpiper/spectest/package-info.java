/**
 * Runs WebAssembly spec test scripts in the json form that wabt's {@code wast2json} writes (format:
 * {@code shared/wasm-testsuite/README.md}): {@link dev.sandpiper.spectest.SpecScript} reads a
 * script, {@link dev.sandpiper.spectest.SpecRunner} runs its commands in order against the engine,
 * {@link dev.sandpiper.spectest.SuiteReport} tallies passed, failed and skipped commands per file.
 * Used by the JUnit suite in this module and by {@code sandpiper spec}.
 */
package dev.sandpiper.spectest;
