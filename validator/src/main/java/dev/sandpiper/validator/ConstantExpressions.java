package dev.sandpiper.validator;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ConstExpr;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;

/**
 * Constant expressions: {@code t.const}, {@code ref.null}, {@code ref.func}, {@code global.get} of
 * an immutable global and, with {@link Feature#EXTENDED_CONST}, {@code i32/i64.add}, {@code sub}
 * and {@code mul}, typed as in a function body, leaving exactly one value of the expected type.
 *
 * <p>Spec: 2.0, Validation > Instructions > Constant Expressions,
 * {@code valid/instructions.html#constant-expressions}; 3.0, the same section (the arithmetic
 * instructions) and Validation > Modules > Modules (a global's initialiser may read the globals
 * defined before it, a segment's offset any global).
 */
final class ConstantExpressions {
    private ConstantExpressions() {}

    /**
     * @param visibleGlobals how many globals (from index 0) the expression may read: in 2.0 only
     *     the imported ones (the spec's context C'), for initialisers and segment offsets alike
     */
    static void check(ModuleContext c, ConstExpr expr, ValType expected, int visibleGlobals) {
        CodeReader r = c.module.codeReader(expr);
        boolean extended = c.module.features().enabled(Feature.EXTENDED_CONST);
        ValType[] stack = new ValType[4];
        int size = 0;
        while (true) {
            int at = r.position();
            Opcode op = r.next();
            ValType pushed;
            switch (op) {
                case I32_CONST -> pushed = ValType.I32;
                case I64_CONST -> pushed = ValType.I64;
                case F32_CONST -> pushed = ValType.F32;
                case F64_CONST -> pushed = ValType.F64;
                case V128_CONST -> pushed = ValType.V128;
                case REF_NULL -> {
                    pushed = r.refType();
                    if (pushed.isConcrete() && pushed.heapType() >= c.types.size()) {
                        throw InvalidModuleException.atModule("unknown type " + pushed.heapType(), at);
                    }
                }
                case REF_FUNC -> {
                    int f = r.index();
                    if (f < 0 || f >= c.functionCount()) {
                        throw InvalidModuleException.atModule("unknown function " + Integer.toUnsignedString(f), at);
                    }
                    pushed = ReferenceRules.funcRefType(c, f);
                }
                case GLOBAL_GET -> {
                    int g = r.index();
                    if (g < 0 || g >= visibleGlobals) {
                        throw InvalidModuleException.atModule("unknown global " + Integer.toUnsignedString(g), at);
                    }
                    GlobalType type = c.globals.get(g);
                    if (type.mutable()) {
                        throw InvalidModuleException.atModule(
                                "constant expression required: global " + g + " is mutable", at);
                    }
                    pushed = type.valType();
                }
                case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> {
                    if (!extended) {
                        throw InvalidModuleException.atModule("constant expression required: " + op
                                + " is not constant " + Features.notEnabled(Feature.EXTENDED_CONST), at);
                    }
                    pushed = op.push(0);
                    for (int i = 1; i >= 0; i--) {
                        if (size == 0 || stack[size - 1] != op.pop(i)) {
                            throw InvalidModuleException.atModule("type mismatch: " + op + " expects two "
                                    + pushed + " operands in a constant expression", at);
                        }
                        size--;
                    }
                }
                case REF_I31, ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY, STRUCT_NEW, STRUCT_NEW_DEFAULT, ARRAY_NEW,
                        ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED -> {
                    // Spec: 3.0, Validation > Constant Expressions: these GC instructions are constant.
                    ValType[] pops = ConstantGcTypes.pops(c, op, r, at);
                    for (int i = pops.length - 1; i >= 0; i--) {
                        if (size == 0 || !c.matches(stack[size - 1], pops[i])) {
                            throw InvalidModuleException.atModule("type mismatch: " + op + " expects " + pops[i]
                                    + " in a constant expression", at);
                        }
                        size--;
                    }
                    pushed = ConstantGcTypes.push(op, r, stack, size);
                }
                case END -> {
                    if (size != 1 || !c.matches(stack[0], expected)) {
                        throw InvalidModuleException.atModule("type mismatch: constant expression must yield one "
                                + expected + (size == 0 ? ", yields nothing" : ", yields " + size
                                + " value(s) ending with " + stack[size - 1]), expr.start());
                    }
                    return;
                }
                default -> throw InvalidModuleException.atModule(
                        "constant expression required: " + op + " is not constant", at);
            }
            if (size == stack.length) {
                stack = Arrays.copyOf(stack, size * 2);
            }
            stack[size++] = pushed;
        }
    }
}
