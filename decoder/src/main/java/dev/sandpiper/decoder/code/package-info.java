/**
 * Instructions: the catalogue of every 2.0 opcode and those of the implemented 3.0 proposals ({@link dev.sandpiper.decoder.code.Opcode}) and a
 * cursor that decodes one instruction and its immediates at a time
 * ({@link dev.sandpiper.decoder.code.CodeReader}).
 *
 * <p>Spec: 2.0, Binary Format > Instructions, {@code binary/instructions.html}.
 */
package dev.sandpiper.decoder.code;
