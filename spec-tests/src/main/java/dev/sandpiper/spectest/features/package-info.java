/**
 * Which WebAssembly 3.0 features a spec-script command needs, read from the command's content
 * alone: {@link dev.sandpiper.spectest.features.TextFeatures} for text and {@code quote} modules
 * and script forms, {@link dev.sandpiper.spectest.features.BinaryFeatures} for binary modules,
 * {@link dev.sandpiper.spectest.features.Feature} names them and
 * {@link dev.sandpiper.spectest.features.EngineFeatures} is the one switch saying which the engine
 * implements. Nothing here looks at what the engine does with a command, so a skip never hides a
 * failure. Depends on the JDK only.
 */
package dev.sandpiper.spectest.features;
