/**
 * The rustcdc transform contract on the Java side: the canonical CDC {@link dev.sandpiper.abi.Event} model and its
 * exact JSON wire form (envelope version 1), as pinned down in {@code shared/abi/contract.md}.
 *
 * <p>What this package owns:
 * <ul>
 *   <li>the immutable model: {@link dev.sandpiper.abi.Event} (built with {@link dev.sandpiper.abi.EventBuilder}),
 *       {@link dev.sandpiper.abi.Op}, {@link dev.sandpiper.abi.Source}, {@link dev.sandpiper.abi.Snapshot},
 *       {@link dev.sandpiper.abi.Transaction};</li>
 *   <li>the codec {@link dev.sandpiper.abi.EventJson}: canonical serialisation (the bytes the host writes into a
 *       guest) and strict parsing (how a guest's output is checked), failing with
 *       {@link dev.sandpiper.abi.EventFormatException};</li>
 *   <li>{@link dev.sandpiper.abi.JsonLines}: one event per line input files.</li>
 * </ul>
 *
 * <p>Package-private classes are internals of the codec: the immutable JSON containers row images are made of
 * ({@code JsonObject}, {@code JsonArray}) and the rules that keep them canonical ({@code JsonValues}); the streaming
 * reader ({@code EventReader} for the envelope, {@code RowReader} and {@code KeyStack} for row values,
 * {@code SeenFields} for required and repeated fields) and writer ({@code EventWriter}); argument checks and
 * message text ({@code Checks}, {@code Describe}).
 */
package dev.sandpiper.abi;
