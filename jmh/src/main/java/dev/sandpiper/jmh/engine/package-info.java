/**
 * Engine kernels: the same small programs ({@code jmh/kernels/*.c}) run on Sandpiper's interpreter,
 * Chicory's interpreter, Chicory's compiler and as plain Java. One class per kernel; its benchmark
 * methods are named after the engine ({@code sandpiper}, {@code chicoryInterpreter}, {@code
 * chicoryCompiler}, {@code java}). Every setup checks its engine computes the expected result
 * ({@link dev.sandpiper.jmh.kernels.KernelExpectations}) before anything is measured.
 */
package dev.sandpiper.jmh.engine;
