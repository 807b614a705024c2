/**
 * The WebAssembly 2.0 text format (spec chapter 6, Text Format): {@link dev.sandpiper.text.Wat}
 * parses a module written in WAT into the binary format, which the decoder then reads like any
 * {@code .wasm} file. Errors are {@link dev.sandpiper.text.TextFormatException}s carrying
 * {@code FILE:LINE:COL} and the spec suite's wording.
 *
 * <p>Sub-packages: {@code lex} (characters to tokens, and the token cursor a script runner reuses),
 * {@code num} (numeric literals and names), {@code module} (module fields, instructions, and the
 * binary encoder).
 */
package dev.sandpiper.text;
