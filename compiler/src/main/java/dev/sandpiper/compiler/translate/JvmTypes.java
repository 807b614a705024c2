package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * How WebAssembly values are JVM values: raw bits, i32 and f32 as {@code int} ({@code 'I'}), i64,
 * f64 and references (store handles, null = -1) as {@code long} ({@code 'J'}). Floats never become
 * JVM floats on the stack or in locals, so NaN payloads survive every move.
 *
 * <p>A v128 ({@code 'Q'}) is two {@code long}s, low half first: lane 0 in the lowest bits of the
 * low half, as in memory and in the interpreter's value stack. On the operand stack the high half
 * is on top; in locals the low half is at the slot, the high half two slots above; as a parameter it
 * is two {@code J}s in the descriptor. A function whose one result is a v128 returns the low half
 * and leaves the high half in {@code Context.high}; several results go through {@code
 * Context.results}, a v128 taking two entries (low, high) as in the value stack.
 */
final class JvmTypes {
    static final String CONTEXT = "dev/sandpiper/compiler/runtime/Context";
    /** The parameters every generated function takes after its WebAssembly ones: context, depth, fuel left. */
    static final String TAIL = "L" + CONTEXT + ";II";

    private JvmTypes() {}

    /** 'I', 'J' or 'Q' (v128). */
    static char kind(ValType t) {
        return switch (t.kind()) {
            case I32, F32 -> 'I';
            case I64, F64, FUNCREF, EXTERNREF, EXNREF, ANYREF -> 'J';
            case V128 -> 'Q';
        };
    }

    /** JVM slots (locals or operand stack) of a value of this kind. */
    static int slots(char kind) {
        return kind == 'Q' ? 4 : kind == 'J' ? 2 : 1;
    }

    /** The JVM descriptor letters of a value of this kind. */
    static String descriptor(char kind) {
        return kind == 'Q' ? "JJ" : String.valueOf(kind);
    }

    /** Entries ({@code long}s) a value of this kind takes in a value stack or a results array. */
    static int entries(char kind) {
        return kind == 'Q' ? 2 : 1;
    }

    /**
     * Pushes the value of this kind that starts at {@code entry} of the context's results array
     * (the context in local {@code ctxSlot}): an i32 narrowed, a v128 its two entries. Returns the
     * entry after it.
     */
    static int loadResult(Code c, int ctxSlot, char kind, int entry) {
        for (int e = 0; e < entries(kind); e++) {
            c.local(ALOAD, ctxSlot);
            c.field(GETFIELD, CONTEXT, "results", "[J");
            c.intConst(entry++);
            c.op(LALOAD);
        }
        if (kind == 'I') {
            c.op(L2I);
        }
        return entry;
    }

    static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += slots(kind(t));
        }
        return n;
    }

    /** Whether a function of this type can be a JVM method here (parameter slots in range). */
    static boolean compilable(FuncType type) {
        // JVMS 4.3.3: at most 255 parameter slots; the tail takes 4, and a bridge adds a FunctionInstance.
        return slots(type.params()) + 5 <= 255;
    }

    /**
     * The return descriptor: I or J for one result (a v128's low half; its high half goes through the
     * context), and I, the fuel left, for none or several (those go through the context).
     */
    static String returnDescriptor(FuncType type) {
        return type.results().size() == 1 ? String.valueOf(returnKind(type)).replace('Q', 'J') : "I";
    }

    /**
     * Whether a method of this type returns the fuel left as its JVM result: a function with no
     * result or several has the return register free, so the fuel left travels in it instead of
     * through {@code Context.left} (a store and a load per call saved).
     */
    static boolean returnsFuel(FuncType type) {
        return type.results().size() != 1;
    }

    /** The kind of the one result, or 'V' for none or several. */
    static char returnKind(FuncType type) {
        return type.results().size() == 1 ? kind(type.results().get(0)) : 'V';
    }

    /** The WebAssembly parameters' descriptor letters. */
    static String params(FuncType type) {
        StringBuilder sb = new StringBuilder();
        for (ValType t : type.params()) {
            sb.append(descriptor(kind(t)));
        }
        return sb.toString();
    }

    /** The WebAssembly parameters' kinds, one letter each ('Q' for a v128): part of a signature's key. */
    static String paramKinds(FuncType type) {
        StringBuilder sb = new StringBuilder();
        for (ValType t : type.params()) {
            sb.append(kind(t));
        }
        return sb.toString();
    }

    /** The descriptor of a generated function of this type. */
    static String function(FuncType type) {
        return "(" + params(type) + TAIL + ")" + returnDescriptor(type);
    }

    /** The {@code long} entries before result {@code i} in the context's results array. */
    static int resultEntry(FuncType type, int i) {
        int n = 0;
        for (int k = 0; k < i; k++) {
            n += entries(kind(type.results().get(k)));
        }
        return n;
    }
}
