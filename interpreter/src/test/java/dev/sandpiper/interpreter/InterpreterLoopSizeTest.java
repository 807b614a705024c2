package dev.sandpiper.interpreter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * HotSpot's JIT compilers skip any method with more than 8000 bytes of bytecode ({@code
 * HugeMethodLimit}, with {@code -XX:+DontCompileHugeMethods}, the default). If the interpreter's
 * dispatch loop crossed that line it would silently run in HotSpot's own bytecode interpreter and
 * all WebAssembly would run many times slower; this catches it in the build instead.
 */
class InterpreterLoopSizeTest {

    private static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void interpreterLoopIsSmallEnoughForTheJit() throws IOException {
        int size = codeLength(Interpreter.class, "Interpreter", "execute");
        assertTrue(size > 0, "Interpreter.execute not found");
        assertTrue(size <= HUGE_METHOD_LIMIT, "Interpreter.execute has " + size
                + " bytes of bytecode; HotSpot does not JIT-compile methods over " + HUGE_METHOD_LIMIT);
    }

    /**
     * The largest code length of the methods called {@code name} in class {@code simpleName} of
     * {@code neighbour}'s package, or -1 when there is none.
     */
    static int codeLength(Class<?> neighbour, String simpleName, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = neighbour.getResourceAsStream(simpleName + ".class")) {
            if (in == null) {
                throw new IOException("class file not found: " + simpleName);
            }
            bytes = in.readAllBytes();
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.skipBytes(8); // magic, minor, major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.skipBytes(6); // access, this, super
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        skipMembers(in); // fields
        int longest = -1;
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            in.skipBytes(2);
            String methodName = utf8[in.readUnsignedShort()];
            in.skipBytes(2);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("Code") && methodName.equals(name)) {
                    in.skipBytes(4); // max_stack, max_locals
                    longest = Math.max(longest, in.readInt());
                    in.skipBytes(length - 8);
                } else {
                    in.skipBytes(length);
                }
            }
        }
        return longest;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int m = 0; m < members; m++) {
            in.skipBytes(6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipBytes(2);
                in.skipBytes(in.readInt());
            }
        }
    }
}
