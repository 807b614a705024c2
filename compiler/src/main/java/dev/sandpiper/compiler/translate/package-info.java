/**
 * WebAssembly to JVM bytecode: one static method per function, values as raw bits in JVM ints
 * and longs, fuel blocks and traps exactly as the interpreter counts them.
 */
package dev.sandpiper.compiler.translate;
