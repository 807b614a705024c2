package dev.sandpiper.decoder.model;

/**
 * The code of one defined function: its declared locals (parameters excluded) and the byte range of
 * its instructions, from the first instruction to just past the final {@code end}.
 *
 * <p>Spec: 2.0, Binary Format > Modules > Code Section, {@code binary/modules.html#code-section}.
 *
 * @param locals declared local types in order, expanded; never modify the array
 * @param codeStart offset of the first instruction
 * @param codeEnd offset just past the final {@code end}
 */
public record FunctionBody(ValType[] locals, int codeStart, int codeEnd) {}
