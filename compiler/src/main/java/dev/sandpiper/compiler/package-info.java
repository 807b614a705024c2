/**
 * The second execution tier: WebAssembly functions compiled to JVM bytecode.
 * {@link dev.sandpiper.compiler.WasmCompiler} compiles a module and attaches the result to it;
 * {@link dev.sandpiper.compiler.Engine} chooses the tier. The class writer is in {@code classfile},
 * the translation in {@code translate}, and what generated code calls at run time in
 * {@code runtime}, where the generated classes live.
 */
package dev.sandpiper.compiler;
