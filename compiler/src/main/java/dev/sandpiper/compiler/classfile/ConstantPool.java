package dev.sandpiper.compiler.classfile;

import java.util.HashMap;
import java.util.Map;

/**
 * The constant pool of one class file (JVMS 4.4). Every method returns the index of an entry, adding it on first use;
 * equal entries are shared. Floats and doubles are keyed by their raw bits, so {@code -0.0} and NaN payloads get
 * entries of their own. Long and double entries take two indices (JVMS 4.4.5).
 *
 * <p>The pool holds at most 65534 usable indices ({@code constant_pool_count} is a u2); adding past that throws
 * {@code IllegalStateException("constant pool full")}.
 */
public final class ConstantPool {
    // Tags, JVMS 4.4 table 4.4-B.
    static final int UTF8 = 1;
    static final int INTEGER = 3;
    static final int FLOAT = 4;
    static final int LONG = 5;
    static final int DOUBLE = 6;
    static final int CLASS = 7;
    static final int STRING = 8;
    static final int FIELDREF = 9;
    static final int METHODREF = 10;
    static final int INTERFACE_METHODREF = 11;
    static final int NAME_AND_TYPE = 12;

    private static final int MAX_COUNT = 65535;

    /** Identity of an entry for deduplication. */
    private record Key(int tag, Object a, Object b) {
    }

    private final Map<Key, Integer> indices = new HashMap<>();
    private final ByteVector entries = new ByteVector(1024);
    private int count = 1;

    /** A CONSTANT_Utf8 entry (JVMS 4.4.7), encoded in modified UTF-8. */
    public int utf8(String s) {
        Key key = new Key(UTF8, s, null);
        Integer known = indices.get(key);
        if (known != null) {
            return known;
        }
        byte[] encoded = ModifiedUtf8.encode(s);
        int index = reserve(key, 1);
        entries.u1(UTF8).u2(encoded.length).bytes(encoded);
        return index;
    }

    /** A CONSTANT_Class entry (JVMS 4.4.1) for an internal name such as {@code java/lang/Object} or {@code [J}. */
    public int classRef(String internalName) {
        return refTo(CLASS, internalName);
    }

    /** A CONSTANT_String entry (JVMS 4.4.3). */
    public int string(String s) {
        return refTo(STRING, s);
    }

    /** A CONSTANT_Integer entry (JVMS 4.4.4). */
    public int integer(int v) {
        Key key = new Key(INTEGER, v, null);
        Integer known = indices.get(key);
        if (known != null) {
            return known;
        }
        int index = reserve(key, 1);
        entries.u1(INTEGER).u4(v);
        return index;
    }

    /** A CONSTANT_Float entry (JVMS 4.4.4) holding the raw bits of {@code v}. */
    public int floatConst(float v) {
        int bits = Float.floatToRawIntBits(v);
        Key key = new Key(FLOAT, bits, null);
        Integer known = indices.get(key);
        if (known != null) {
            return known;
        }
        int index = reserve(key, 1);
        entries.u1(FLOAT).u4(bits);
        return index;
    }

    /** A CONSTANT_Long entry (JVMS 4.4.5); takes two indices. */
    public int longConst(long v) {
        Key key = new Key(LONG, v, null);
        Integer known = indices.get(key);
        if (known != null) {
            return known;
        }
        int index = reserve(key, 2);
        entries.u1(LONG).u8(v);
        return index;
    }

    /** A CONSTANT_Double entry (JVMS 4.4.5) holding the raw bits of {@code v}; takes two indices. */
    public int doubleConst(double v) {
        long bits = Double.doubleToRawLongBits(v);
        Key key = new Key(DOUBLE, bits, null);
        Integer known = indices.get(key);
        if (known != null) {
            return known;
        }
        int index = reserve(key, 2);
        entries.u1(DOUBLE).u8(bits);
        return index;
    }

    /** A CONSTANT_Fieldref entry (JVMS 4.4.2). */
    public int fieldRef(String owner, String name, String descriptor) {
        return memberRef(FIELDREF, owner, name, descriptor);
    }

    /** A CONSTANT_Methodref entry (JVMS 4.4.2) for a method of a class. */
    public int methodRef(String owner, String name, String descriptor) {
        return memberRef(METHODREF, owner, name, descriptor);
    }

    /** A CONSTANT_InterfaceMethodref entry (JVMS 4.4.2) for a method of an interface. */
    public int interfaceMethodRef(String owner, String name, String descriptor) {
        return memberRef(INTERFACE_METHODREF, owner, name, descriptor);
    }

    /** A CONSTANT_NameAndType entry (JVMS 4.4.6). */
    public int nameAndType(String name, String descriptor) {
        Key key = new Key(NAME_AND_TYPE, name, descriptor);
        Integer known = indices.get(key);
        if (known != null) {
            return known;
        }
        int nameIndex = utf8(name);
        int descriptorIndex = utf8(descriptor);
        int index = reserve(key, 1);
        entries.u1(NAME_AND_TYPE).u2(nameIndex).u2(descriptorIndex);
        return index;
    }

    /** The {@code constant_pool_count}: one more than the highest index in use (index 0 is never used). */
    public int size() {
        return count;
    }

    /** Writes {@code constant_pool_count} and the entries. */
    void writeTo(ByteVector out) {
        out.u2(count).bytes(entries);
    }

    private int refTo(int tag, String text) {
        Key key = new Key(tag, text, null);
        Integer known = indices.get(key);
        if (known != null) {
            return known;
        }
        int textIndex = utf8(text);
        int index = reserve(key, 1);
        entries.u1(tag).u2(textIndex);
        return index;
    }

    private int memberRef(int tag, String owner, String name, String descriptor) {
        Key key = new Key(tag, owner, new Key(NAME_AND_TYPE, name, descriptor));
        Integer known = indices.get(key);
        if (known != null) {
            return known;
        }
        int ownerIndex = classRef(owner);
        int nameAndTypeIndex = nameAndType(name, descriptor);
        int index = reserve(key, 1);
        entries.u1(tag).u2(ownerIndex).u2(nameAndTypeIndex);
        return index;
    }

    private int reserve(Key key, int width) {
        if (count + width > MAX_COUNT) {
            throw new IllegalStateException("constant pool full");
        }
        int index = count;
        count += width;
        indices.put(key, index);
        return index;
    }
}
