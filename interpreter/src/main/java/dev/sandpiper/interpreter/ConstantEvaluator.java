package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.model.ConstExpr;
import dev.sandpiper.decoder.model.Module;
import java.util.Arrays;

/**
 * Evaluates validated constant expressions at instantiation: global initialisers, segment offsets
 * and element expressions. With 3.0's extended constants an expression is a small stack program
 * ({@code i32/i64.add, sub, mul} over constants and immutable globals), so it runs on a stack of
 * slots; a v128 (only ever the expression's single value) keeps its high half beside its low one.
 * One evaluator serves one instantiation; the globals array it reads fills as initialisers run, and
 * validation guarantees an initialiser reads only globals before it.
 *
 * <p>Spec: 3.0, Execution > Instructions > Expressions; Validation > Instructions > Constant
 * Expressions, {@code valid/instructions.html#constant-expressions}.
 */
final class ConstantEvaluator {
    private final Module module;
    private final Store store;
    private final FunctionInstance[] functions;
    private final Global[] globals;
    private Instance instance;
    private long[] low = new long[4];
    private long[] high = new long[4];
    private int size;

    ConstantEvaluator(Module module, Store store, FunctionInstance[] functions, Global[] globals) {
        this.module = module;
        this.store = store;
        this.functions = functions;
        this.globals = globals;
    }

    /** The instance being built, whose store and types GC allocations use (3.0 GC constants). */
    void instance(Instance inst) {
        this.instance = inst;
    }

    /** Runs {@code expr}; returns its value's bits (the low half of a v128: see {@link #high()}). */
    long evaluate(ConstExpr expr) {
        CodeReader r = module.codeReader(expr);
        size = 0;
        while (true) {
            switch (r.next()) {
                case I32_CONST -> push((int) r.constValue(), 0);
                case I64_CONST -> push(r.constValue(), 0);
                case F32_CONST -> push((int) r.floatBits(), 0);
                case F64_CONST -> push(r.floatBits(), 0);
                case V128_CONST -> push(r.v128Low(), r.v128High());
                case REF_NULL -> push(Table.NULL, 0);
                case REF_FUNC -> push(store.handle(functions[r.index()]), 0);
                case GLOBAL_GET -> {
                    Global g = globals[r.index()];
                    push(g.value, g.high);
                }
                // i32 results are kept sign-extended, as everywhere on the interpreter's stack.
                case I32_ADD -> push((int) pop() + (int) pop(), 0);
                case I32_MUL -> push((int) pop() * (int) pop(), 0);
                case I32_SUB -> {
                    int b = (int) pop();
                    push((int) pop() - b, 0);
                }
                case I64_ADD -> push(pop() + pop(), 0);
                case I64_MUL -> push(pop() * pop(), 0);
                case I64_SUB -> {
                    long b = pop();
                    push(pop() - b, 0);
                }
                case REF_I31, ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> gc(r, 1);
                case STRUCT_NEW -> gc(r, instance.gcTypes().fields(r.index()).length);
                case STRUCT_NEW_DEFAULT -> gc(r, 0);
                case ARRAY_NEW -> gc(r, 2);
                case ARRAY_NEW_DEFAULT -> gc(r, 1);
                case ARRAY_NEW_FIXED -> gc(r, r.index2());
                case END -> {
                    return low[0];
                }
                default -> throw new IllegalStateException("validated constant expression expected");
            }
        }
    }

    /** The high half of the last value {@link #evaluate} returned when it was a v128, else 0. */
    long high() {
        return high[0];
    }

    /** The last value {@link #evaluate} returned. */
    long value() {
        return low[0];
    }

    /**
     * A GC instruction of a constant expression (3.0): its {@code operands} values are laid out in
     * slots as on the interpreter's stack and run through {@link GcOps}, whose result replaces them.
     */
    private void gc(CodeReader r, int operands) {
        int first = size - operands;
        long[] slots = new long[2 * operands + 2];
        int top = 0;
        for (int i = first; i < size; i++) {
            slots[top++] = low[i];
            if (isWide(r, i - first)) {
                slots[top++] = high[i];
            }
        }
        size = first;
        int[] code = {r.lastOpcode().ordinal(), r.index(), r.index2()};
        GcOps.execute(code, 0, slots, top, instance);
        push(slots[0], 0);
    }

    /** Whether operand {@code k} of the GC instruction just read is a v128 (two slots). */
    private boolean isWide(CodeReader r, int k) {
        var types = instance.gcTypes();
        return switch (r.lastOpcode()) {
            case STRUCT_NEW -> GcTypes.width(types.fields(r.index())[k]) == 2;
            case ARRAY_NEW -> k == 0 && GcTypes.width(types.element(r.index())) == 2;
            case ARRAY_NEW_FIXED -> GcTypes.width(types.element(r.index())) == 2;
            default -> false;
        };
    }

    private void push(long lo, long hi) {
        if (size == low.length) {
            low = Arrays.copyOf(low, size * 2);
            high = Arrays.copyOf(high, size * 2);
        }
        low[size] = lo;
        high[size++] = hi;
    }

    private long pop() {
        return low[--size];
    }
}
