package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ConstExpr;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.ValType;

/**
 * Constant expressions: only {@code t.const}, {@code ref.null}, {@code ref.func} and
 * {@code global.get} of an immutable global, leaving exactly one value of the expected type.
 *
 * <p>Spec: 2.0, Validation > Instructions > Constant Expressions,
 * {@code valid/instructions.html#constant-expressions}.
 */
final class ConstantExpressions {
    private ConstantExpressions() {}

    /**
     * @param visibleGlobals how many globals (from index 0) the expression may read: in 2.0 only
     *     the imported ones (the spec's context C'), for initialisers and segment offsets alike
     */
    static void check(ModuleContext c, ConstExpr expr, ValType expected, int visibleGlobals) {
        CodeReader r = c.module.codeReader(expr);
        ValType result = null;
        int values = 0;
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
                case REF_NULL -> pushed = r.refType();
                case REF_FUNC -> {
                    int f = r.index();
                    if (f < 0 || f >= c.functionCount()) {
                        throw InvalidModuleException.atModule("unknown function " + Integer.toUnsignedString(f), at);
                    }
                    pushed = ValType.FUNCREF;
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
                case END -> {
                    if (values != 1 || result != expected) {
                        throw InvalidModuleException.atModule("type mismatch: constant expression must yield one "
                                + expected + (values == 0 ? ", yields nothing" : ", yields " + values
                                + " value(s) ending with " + result), expr.start());
                    }
                    return;
                }
                default -> throw InvalidModuleException.atModule(
                        "constant expression required: " + op + " is not constant", at);
            }
            result = pushed;
            values++;
        }
    }
}
