package dev.sandpiper.compiler.classfile;

import static dev.sandpiper.compiler.classfile.Opcodes.*;
import static java.lang.invoke.MethodType.methodType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.invoke.MethodHandle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Any constant pushed by {@link Code} comes back with the same bits. */
class ConstantsPropertyTest {

    @Property(tries = 200)
    void intsAndLongs(@ForAll int i, @ForAll long l) throws Throwable {
        MethodHandle f = Gen.method(methodType(long.class), false, c -> {
            c.longConst(l);
            c.intConst(i);
            c.op(I2L);
            c.op(LXOR);
            c.op(LRETURN);
        });
        assertEquals(l ^ i, (long) f.invokeExact());
    }

    @Property(tries = 200)
    void floatAndDoubleBits(@ForAll int fbits, @ForAll long dbits) throws Throwable {
        MethodHandle f = Gen.method(methodType(long.class), true, c -> {
            c.doubleConst(Double.longBitsToDouble(dbits));
            c.invoke(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J");
            c.floatConst(Float.intBitsToFloat(fbits));
            c.invoke(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I");
            c.op(I2L);
            c.op(LXOR);
            c.op(LRETURN);
        });
        assertEquals(dbits ^ fbits, (long) f.invokeExact());
    }
}
