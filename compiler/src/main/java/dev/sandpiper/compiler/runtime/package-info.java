/**
 * Static helpers that compiled WebAssembly code calls at run time, such as {@link
 * dev.sandpiper.compiler.runtime.Numeric}, the numeric instructions on raw bits with the
 * interpreter's exact semantics (spec 2.0, Execution > Numerics, {@code exec/numerics.html}).
 */
package dev.sandpiper.compiler.runtime;
