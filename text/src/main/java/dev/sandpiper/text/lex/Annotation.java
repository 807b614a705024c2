package dev.sandpiper.text.lex;

/**
 * An annotation {@code (@id ...)} the lexer dropped from the token stream (3.0, Text Format >
 * Lexical Format > Annotations), kept aside for those that mean something (Appendix > Custom
 * Annotations: {@code @custom}).
 *
 * @param id the annotation's id, without {@code @}
 * @param content the source text between the id and the closing parenthesis
 * @param tokenIndex index of the token that follows the annotation in the token list
 * @param parent index of the {@code (} token of the form it is in, or -1 at the top level
 * @param line 1-based line of its opening parenthesis
 * @param column 1-based column of its opening parenthesis
 */
public record Annotation(String id, String content, int tokenIndex, int parent, int line, int column) {}
