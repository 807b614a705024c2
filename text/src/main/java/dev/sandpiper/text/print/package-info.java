/**
 * Binary to text: {@link dev.sandpiper.text.print.WatPrinter} prints a decoded module in the text
 * format's flat form (spec 2.0, chapter 6, Text Format), with {@code $name} identifiers from the
 * name section where they are valid and unique, indices elsewhere. What it prints parses back
 * ({@link dev.sandpiper.text.Wat}) to the same module: floats exactly (hex floats, {@code nan:0x...}),
 * vectors as {@code i32x4} lanes.
 */
package dev.sandpiper.text.print;
