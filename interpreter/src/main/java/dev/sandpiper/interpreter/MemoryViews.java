package dev.sandpiper.interpreter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian views of a memory's backing {@code byte[]} (the heap array of its
 * {@link java.nio.ByteBuffer}) for the interpreter's loads and stores. A static final
 * {@link VarHandle} view is always compiled to a single unaligned access, whereas a call on an
 * abstract {@code ByteBuffer} is only inlined when the JIT has profiled its call site; in a loop
 * holding every memory op, some sites are compiled before they have run, and stay virtual calls.
 */
final class MemoryViews {
    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private MemoryViews() {}
}
