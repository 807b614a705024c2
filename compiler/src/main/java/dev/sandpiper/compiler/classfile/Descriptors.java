package dev.sandpiper.compiler.classfile;

/** Operand-stack slot counts read from field and method descriptors (JVMS 4.3.2, 4.3.3). */
final class Descriptors {
    private Descriptors() {
    }

    /** Slots a value of the field type {@code descriptor} takes: 2 for J and D, 0 for V, else 1. */
    static int slots(String descriptor) {
        return switch (descriptor.charAt(0)) {
            case 'J', 'D' -> 2;
            case 'V' -> 0;
            default -> 1;
        };
    }

    /** Slots the arguments of method {@code descriptor} take (without a receiver). */
    static int argumentSlots(String descriptor) {
        if (descriptor.isEmpty() || descriptor.charAt(0) != '(') {
            throw new IllegalArgumentException("not a method descriptor: " + descriptor);
        }
        int slots = 0;
        int i = 1;
        while (true) {
            char c = descriptor.charAt(i);
            if (c == ')') {
                return slots;
            }
            slots += (c == 'J' || c == 'D') ? 2 : 1;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            if (descriptor.charAt(i) == 'L') {
                i = descriptor.indexOf(';', i);
                if (i < 0) {
                    throw new IllegalArgumentException("bad method descriptor: " + descriptor);
                }
            }
            i++;
        }
    }

    /** Slots the result of method {@code descriptor} takes. */
    static int returnSlots(String descriptor) {
        int close = descriptor.lastIndexOf(')');
        if (close < 0 || close + 1 >= descriptor.length()) {
            throw new IllegalArgumentException("not a method descriptor: " + descriptor);
        }
        return slots(descriptor.substring(close + 1));
    }
}
