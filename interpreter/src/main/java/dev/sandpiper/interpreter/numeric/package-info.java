/**
 * The numeric semantics of WebAssembly 2.0 as pure static functions on raw bits, shared by every
 * execution tier (spec 2.0, Execution > Numerics, {@code exec/numerics.html}).
 */
package dev.sandpiper.interpreter.numeric;
