/**
 * Decoding of the WebAssembly 2.0 binary format into an immutable {@link dev.sandpiper.decoder.model.Module},
 * and of the 3.0 proposals implemented so far (tail calls, multiple memories, extended constants,
 * typed function references).
 *
 * <p>Entry point: {@link dev.sandpiper.decoder.ModuleDecoder#decode(byte[], Features)}, with the
 * {@link dev.sandpiper.decoder.Features} a module may use (all by default; a module using another
 * is refused naming the feature). The decoder checks exactly
 * what the binary format (spec chapter 5) requires and nothing the validation rules (chapter 3) own: a
 * module that decodes may still be invalid. Every defect raises {@link
 * dev.sandpiper.decoder.MalformedModuleException}, carrying the absolute byte offset and the wording
 * of the spec's reference interpreter; no input can make the decoder throw anything else, allocate
 * more than a small multiple of its input, or loop without consuming input.
 *
 * <p>Spec: WebAssembly Core Specification 2.0, 5 Binary Format, {@code binary/index.html}.
 */
package dev.sandpiper.decoder;
