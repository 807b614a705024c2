package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * How WebAssembly values are JVM values: raw bits, i32 and f32 as {@code int} ({@code 'I'}), i64,
 * f64 and references (store handles, null = -1) as {@code long} ({@code 'J'}). Floats never become
 * JVM floats on the stack or in locals, so NaN payloads survive every move. v128 is not compiled.
 */
final class JvmTypes {
    static final String CONTEXT = "dev/sandpiper/compiler/runtime/Context";
    /** The parameters every generated function takes after its WebAssembly ones: context, depth, fuel left. */
    static final String TAIL = "L" + CONTEXT + ";II";

    private JvmTypes() {}

    /** 'I' or 'J'; throws {@link Unsupported} for v128. */
    static char kind(ValType t) {
        return switch (t) {
            case I32, F32 -> 'I';
            case I64, F64, FUNCREF, EXTERNREF -> 'J';
            case V128 -> throw new Unsupported("uses v128 values");
        };
    }

    static int slots(char kind) {
        return kind == 'J' ? 2 : 1;
    }

    static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += slots(kind(t));
        }
        return n;
    }

    /** Whether a function of this type can be a JVM method here (no v128, parameter slots in range). */
    static boolean compilable(FuncType type) {
        for (ValType t : type.params()) {
            if (t == ValType.V128) {
                return false;
            }
        }
        for (ValType t : type.results()) {
            if (t == ValType.V128) {
                return false;
            }
        }
        // JVMS 4.3.3: at most 255 parameter slots; the tail takes 4, and a bridge adds a FunctionInstance.
        return slots(type.params()) + 5 <= 255;
    }

    /** The return descriptor: V for none or several results (those go through the context), else I or J. */
    static String returnDescriptor(FuncType type) {
        return type.results().size() == 1 ? String.valueOf(kind(type.results().get(0))) : "V";
    }

    /** The WebAssembly parameters' descriptor letters. */
    static String params(FuncType type) {
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
}
