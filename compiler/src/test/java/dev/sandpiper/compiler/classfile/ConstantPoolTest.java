package dev.sandpiper.compiler.classfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConstantPoolTest {

    @Test
    void entriesAreSharedAndIndexedFromOne() {
        ConstantPool pool = new ConstantPool();
        assertEquals(1, pool.size());
        int utf8 = pool.utf8("java/lang/Object");
        assertEquals(1, utf8);
        int cls = pool.classRef("java/lang/Object");
        assertEquals(2, cls);
        assertEquals(cls, pool.classRef("java/lang/Object"));
        assertEquals(utf8, pool.utf8("java/lang/Object"));
        int m = pool.methodRef("java/lang/Object", "hashCode", "()I");
        assertEquals(m, pool.methodRef("java/lang/Object", "hashCode", "()I"));
        assertNotEquals(m, pool.interfaceMethodRef("java/lang/Object", "hashCode", "()I"));
        assertNotEquals(m, pool.fieldRef("java/lang/Object", "hashCode", "()I"));
        assertEquals(pool.nameAndType("hashCode", "()I"), pool.nameAndType("hashCode", "()I"));
        // a string and a utf8 with the same text are different entries; the string reuses the utf8
        int before = pool.size();
        int s = pool.string("java/lang/Object");
        assertEquals(before + 1, pool.size());
        assertNotEquals(utf8, s);
    }

    @Test
    void longAndDoubleTakeTwoSlots() {
        ConstantPool pool = new ConstantPool();
        int l = pool.longConst(1L << 40);
        assertEquals(1, l);
        assertEquals(3, pool.size());
        int d = pool.doubleConst(0.5);
        assertEquals(3, d);
        assertEquals(5, pool.size());
        assertEquals(l, pool.longConst(1L << 40));
        assertEquals(5, pool.integer(7));
        assertEquals(6, pool.size());
    }

    @Test
    void floatsAndDoublesAreKeyedByBits() {
        ConstantPool pool = new ConstantPool();
        assertNotEquals(pool.floatConst(0f), pool.floatConst(-0f));
        assertNotEquals(pool.doubleConst(0d), pool.doubleConst(-0d));
        float nan1 = Float.intBitsToFloat(0x7FC00001);
        float nan2 = Float.intBitsToFloat(0x7FC00002);
        assertNotEquals(pool.floatConst(nan1), pool.floatConst(nan2));
        assertEquals(pool.floatConst(nan1), pool.floatConst(nan1));
        assertEquals(pool.doubleConst(Double.NaN), pool.doubleConst(Double.NaN));
        assertNotEquals(pool.integer(0), pool.floatConst(0f));
    }

    @Test
    void fullPoolThrows() {
        ConstantPool pool = new ConstantPool();
        for (int i = 0; i < 65534; i++) {
            pool.integer(i);
        }
        assertEquals(65535, pool.size());
        assertEquals(5, pool.integer(4)); // existing entries are still found
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.integer(-1));
        assertEquals("constant pool full", e.getMessage());
    }

    @Test
    void longNeedsTwoFreeSlots() {
        ConstantPool pool = new ConstantPool();
        for (int i = 0; i < 65533; i++) {
            pool.integer(i);
        }
        assertThrows(IllegalStateException.class, () -> pool.longConst(1L << 50));
        assertEquals(65534, pool.integer(-1));
    }

    @Test
    void modifiedUtf8() {
        assertEquals(2, ModifiedUtf8.encode("\0").length);
        assertEquals(6, ModifiedUtf8.encode("\uD83D\uDE00").length);
        assertEquals(3, ModifiedUtf8.encode("a\u00e9").length);
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf8.encode("\u20ac".repeat(30000)));
    }
}
