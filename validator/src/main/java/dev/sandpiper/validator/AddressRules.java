package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Family;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ValType;

/**
 * The operand types of memory and table instructions of fixed shape when a module has a 64-bit
 * memory or table: every address, size and delta has the address type of the memory or table it
 * refers to, and a copy between two of different address types counts its length in the narrower
 * one. Only consulted when some memory or table is 64-bit; otherwise the opcode's own (i32)
 * signature applies unchanged.
 *
 * <p>Spec: 3.0, Validation > Instructions > Memory Instructions and Table Instructions
 * ({@code memory.copy}: {@code [at1 at2 min(at1,at2)] -> []}; {@code memory.init}:
 * {@code [at i32 i32] -> []}).
 */
final class AddressRules {
    private AddressRules() {}

    /** Types {@code op} (whose immediates are checked) and returns true, or false when the signature stands. */
    static boolean apply(FunctionValidator v, Opcode op, CodeReader code) {
        TypeStack s = v.stack;
        ModuleContext c = v.context;
        if (op.family() == Family.MEMORY && op != Opcode.DATA_DROP) {
            ValType at = c.memoryAddress(code.memoryIndex());
            switch (op) {
                case MEMORY_SIZE -> s.pushOperand(at);
                case MEMORY_GROW -> {
                    s.popOperand(at);
                    s.pushOperand(at);
                }
                case MEMORY_FILL -> {
                    s.popOperand(at);
                    s.popOperand(ValType.I32);
                    s.popOperand(at);
                }
                case MEMORY_COPY -> {
                    ValType src = c.memoryAddress(code.memoryIndex2());
                    s.popOperand(narrower(at, src));
                    s.popOperand(src);
                    s.popOperand(at);
                }
                case MEMORY_INIT -> {
                    s.popOperand(ValType.I32);
                    s.popOperand(ValType.I32);
                    s.popOperand(at);
                }
                default -> access(v, op, at);
            }
            return true;
        }
        switch (op) {
            case TABLE_SIZE -> s.pushOperand(c.tableAddress(code.index()));
            case TABLE_COPY -> {
                ValType dst = c.tableAddress(code.index());
                ValType src = c.tableAddress(code.index2());
                s.popOperand(narrower(dst, src));
                s.popOperand(src);
                s.popOperand(dst);
            }
            case TABLE_INIT -> {
                s.popOperand(ValType.I32);
                s.popOperand(ValType.I32);
                s.popOperand(c.tableAddress(code.index2()));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A load or store (scalar or vector, lanes too): the address is the first operand. */
    private static void access(FunctionValidator v, Opcode op, ValType at) {
        TypeStack s = v.stack;
        for (int i = op.popCount() - 1; i >= 1; i--) {
            s.popOperand(op.pop(i));
        }
        s.popOperand(at);
        for (int i = 0; i < op.pushCount(); i++) {
            s.pushOperand(op.push(i));
        }
    }

    private static ValType narrower(ValType a, ValType b) {
        return a == ValType.I32 || b == ValType.I32 ? ValType.I32 : ValType.I64;
    }
}
