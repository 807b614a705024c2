/**
 * Modules of the text format (spec 6.6) and their instructions (spec 6.5), parsed in two passes:
 * {@link dev.sandpiper.text.module.FieldScanner} first binds every identifier of every index space
 * (so that fields may refer forward), then {@link dev.sandpiper.text.module.ModuleParser} reads each
 * field, expanding the abbreviations of spec 6.6 (inline imports, exports, elements and data,
 * implicit type uses, offsets), with {@link dev.sandpiper.text.module.InstructionParser} for
 * function bodies and constant expressions. {@link dev.sandpiper.text.module.BinaryEncoder} then
 * writes the binary format (spec 5).
 */
package dev.sandpiper.text.module;
