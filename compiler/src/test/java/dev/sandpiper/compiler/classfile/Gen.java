package dev.sandpiper.compiler.classfile;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Test helper: builds classes named {@code dev/sandpiper/compiler/classfile/Gen} and loads them as hidden classes. */
final class Gen {
    static final String NAME = "dev/sandpiper/compiler/classfile/Gen";

    final ClassWriter writer;

    Gen() {
        this(new ClassWriter(NAME, "java/lang/Object"));
    }

    Gen(ClassWriter writer) {
        this.writer = writer;
    }

    /** A new Code for a static method whose parameters take {@code paramSlots} locals. */
    Code code(boolean wideJumps, int paramSlots) {
        Code code = new Code(writer.pool(), wideJumps);
        code.reserveLocals(paramSlots);
        return code;
    }

    void addStatic(String name, String descriptor, Code code) {
        writer.addMethod(ACC_PUBLIC | ACC_STATIC, name, descriptor, code);
    }

    /** Defines the class as a hidden class and returns a full-privilege lookup on it. */
    MethodHandles.Lookup define() throws IllegalAccessException {
        return MethodHandles.lookup().defineHiddenClass(writer.toBytes(), true);
    }

    /** Defines the class and finds one static method. */
    MethodHandle defineStatic(String name, MethodType type) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = define();
        return lookup.findStatic(lookup.lookupClass(), name, type);
    }

    /** Defines a class with one static method built by {@code body} and returns its handle. */
    static MethodHandle method(MethodType type, boolean wideJumps, java.util.function.Consumer<Code> body)
            throws ReflectiveOperationException {
        Gen gen = new Gen();
        int slots = 0;
        for (Class<?> p : type.parameterArray()) {
            slots += p == long.class || p == double.class ? 2 : 1;
        }
        Code code = gen.code(wideJumps, slots);
        body.accept(code);
        gen.addStatic("f", type.toMethodDescriptorString(), code);
        return gen.defineStatic("f", type);
    }
}
