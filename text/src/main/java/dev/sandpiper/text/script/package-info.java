/**
 * Values of the script format that {@code .wast} files use around modules (the reference
 * interpreter's script syntax: {@code invoke} arguments and {@code assert_return} results):
 * constants such as {@code (i32.const -1)}, {@code (v128.const f32x4 ...)}, {@code (ref.null func)},
 * {@code (ref.extern 1)}, and result patterns, which add {@code nan:canonical},
 * {@code nan:arithmetic} (alone or per vector lane) and {@code (ref.func)} / {@code (ref.extern)}
 * without an index. A script runner walks its commands with a
 * {@link dev.sandpiper.text.lex.TokenCursor} and reads these with {@link
 * dev.sandpiper.text.script.ScriptLiterals}.
 */
package dev.sandpiper.text.script;
