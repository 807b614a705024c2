/**
 * Literals of the text format: integers and floats in every form of spec 6.3.1 and 6.3.2 (signs,
 * {@code _} separators, hex, hex floats, {@code inf}, {@code nan}, {@code nan:0x...}) with the range
 * checks of each type, vector literals of every shape (spec 6.5.9, {@code v128.const}), and the
 * UTF-8 check of names (spec 6.3.4). The script layer reuses them for {@code (i32.const ...)}
 * arguments and results.
 */
package dev.sandpiper.text.num;
