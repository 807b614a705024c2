package dev.sandpiper.compiler.classfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one class file (JVMS 4.1) of version 49.0, so that the JVM checks it with the type-inferencing verifier
 * and no StackMapTable is needed (JVMS 4.10.2). Fields and methods are serialised as they are added; a method's
 * {@link Code} must use this writer's {@link #pool()}.
 */
public final class ClassWriter {
    private static final int MAGIC = 0xCAFEBABE;
    private static final int MAJOR_VERSION = 49;
    private static final int MINOR_VERSION = 0;

    private final ConstantPool pool = new ConstantPool();
    private final int access;
    private final int thisClass;
    private final int superClass;
    private final int[] interfaces;
    private final ByteVector fields = new ByteVector();
    private final ByteVector methods = new ByteVector(1024);
    private int fieldCount;
    private int methodCount;

    /** A {@code public final} class ({@code ACC_PUBLIC | ACC_FINAL | ACC_SUPER}). */
    public ClassWriter(String internalName, String superInternalName, String... interfaces) {
        this(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, internalName, superInternalName,
                interfaces);
    }

    /** A class with the given access flags; {@code superInternalName} is null only for {@code java/lang/Object}. */
    public ClassWriter(int access, String internalName, String superInternalName, String... interfaces) {
        this.access = access;
        this.thisClass = pool.classRef(internalName);
        this.superClass = superInternalName == null ? 0 : pool.classRef(superInternalName);
        this.interfaces = new int[interfaces.length];
        for (int i = 0; i < interfaces.length; i++) {
            this.interfaces[i] = pool.classRef(interfaces[i]);
        }
    }

    /** The constant pool shared by every {@link Code} of this class. */
    public ConstantPool pool() {
        return pool;
    }

    /** Adds a field without attributes (JVMS 4.5). */
    public void addField(int access, String name, String descriptor) {
        fields.u2(access).u2(pool.utf8(name)).u2(pool.utf8(descriptor)).u2(0);
        fieldCount = count(fieldCount, "fields");
    }

    /**
     * Adds a method with a Code attribute (JVMS 4.6, 4.7.3).
     *
     * @throws BranchOutOfRangeException if {@code code} has a branch that needs wide jumps
     * @throws CodeTooLargeException if {@code code} is over 65535 bytes
     */
    public void addMethod(int access, String name, String descriptor, Code code) {
        if (code.pool() != pool) {
            throw new IllegalArgumentException("the code was written against another constant pool");
        }
        ByteVector method = new ByteVector(code.length() + 64);
        method.u2(access).u2(pool.utf8(name)).u2(pool.utf8(descriptor)).u2(1);
        code.writeAttribute(method, pool.utf8("Code"));
        methods.bytes(method);
        methodCount = count(methodCount, "methods");
    }

    /** Adds an abstract or native method: no Code attribute. */
    public void addMethod(int access, String name, String descriptor) {
        methods.u2(access).u2(pool.utf8(name)).u2(pool.utf8(descriptor)).u2(0);
        methodCount = count(methodCount, "methods");
    }

    /** The class file. */
    public byte[] toBytes() {
        ByteVector out = new ByteVector(methods.size() + fields.size() + pool.size() * 8 + 64);
        out.u4(MAGIC).u2(MINOR_VERSION).u2(MAJOR_VERSION);
        pool.writeTo(out);
        out.u2(access).u2(thisClass).u2(superClass).u2(interfaces.length);
        for (int index : interfaces) {
            out.u2(index);
        }
        out.u2(fieldCount).bytes(fields);
        out.u2(methodCount).bytes(methods);
        out.u2(0); // no class attributes
        return out.toArray();
    }

    private static int count(int current, String what) {
        if (current == 65535) {
            throw new IllegalStateException("too many " + what);
        }
        return current + 1;
    }
}
