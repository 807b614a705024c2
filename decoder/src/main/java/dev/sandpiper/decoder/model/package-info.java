/**
 * The decoded module: immutable values named as in the spec's structure chapter (spec 2.0, 2 Structure,
 * {@code syntax/index.html}). Function bodies and constant expressions are not decoded into
 * instruction objects: they are views (byte ranges) read with {@link dev.sandpiper.decoder.code.CodeReader}.
 */
package dev.sandpiper.decoder.model;
