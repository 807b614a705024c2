/**
 * A small writer of JVM class files, enough for the compiler's generated code: {@link
 * dev.sandpiper.compiler.classfile.ClassWriter} lays out a class of version 49.0 (checked by the type-inferencing
 * verifier, so no StackMapTable), {@link dev.sandpiper.compiler.classfile.ConstantPool} deduplicates its constants,
 * and {@link dev.sandpiper.compiler.classfile.Code} writes one method body with {@link
 * dev.sandpiper.compiler.classfile.Label}s, an exception table and operand-stack tracking for {@code max_stack}.
 * {@link dev.sandpiper.compiler.classfile.Opcodes} names the instructions and flags as the JVMS does.
 *
 * <p>Branches use 16-bit offsets unless a {@code Code} is made with wide jumps; an offset that does not fit raises
 * {@link dev.sandpiper.compiler.classfile.BranchOutOfRangeException} and the caller writes the method again with
 * wide jumps. A method over 65535 bytes raises {@link dev.sandpiper.compiler.classfile.CodeTooLargeException}.
 *
 * <p>Package-private helpers: {@code ByteVector} (the big-endian output buffer), {@code ModifiedUtf8} (JVMS 4.4.7),
 * {@code Descriptors} (slot counts of descriptors) and {@code StackEffects} (stack effects of operand-less
 * instructions).
 */
package dev.sandpiper.compiler.classfile;
