/**
 * Engine kernels: the same small programs ({@code jmh/kernels/*.c}) run on Sandpiper's interpreter,
 * Sandpiper's compiled tier (with and without fuel counting), Chicory's interpreter, Chicory's
 * compiler and as plain Java. One class per kernel; its benchmark methods are named after the engine
 * ({@code sandpiper}, {@code sandpiperCompiled}, {@code sandpiperCompiledNoFuel}, {@code
 * chicoryInterpreter}, {@code chicoryCompiler}, {@code java}). Every setup checks its engine computes
 * the expected result ({@link dev.sandpiper.jmh.kernels.KernelExpectations}) before anything is
 * measured; the compiled tier's also that every function of the module was compiled.
 */
package dev.sandpiper.jmh.engine;
