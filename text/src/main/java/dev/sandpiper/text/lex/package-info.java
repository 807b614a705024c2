/**
 * Lexical structure of the text format (spec 6.2, 6.3): {@link dev.sandpiper.text.lex.Lexer} turns
 * source characters into {@link dev.sandpiper.text.lex.Token}s (white space and comments dropped,
 * strings decoded to bytes), and {@link dev.sandpiper.text.lex.TokenCursor} walks them as
 * S-expressions. The cursor is public so that a {@code .wast} script runner can read its commands
 * with the same lexer and hand each {@code (module ...)} to the module parser.
 */
package dev.sandpiper.text.lex;
