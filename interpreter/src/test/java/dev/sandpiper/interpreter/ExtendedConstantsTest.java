package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.expr;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extended constant expressions at instantiation (spec 3.0, Validation > Constant Expressions;
 * Execution > Modules > Instantiation): integer arithmetic over constants and immutable globals,
 * earlier defined globals included, in initialisers and segment offsets.
 */
class ExtendedConstantsTest {

    @Test
    void initialisersAndOffsetsComputeWithIntegerArithmetic() {
        // import "env" "base" i32 (10); g1 = base * 3 + 1 (31); g2 = i64 (5 - 7) * 4 (-8);
        // g3 = g1 - 1 (30, reading a defined global); data at g3 + 2 (32): "hi";
        // elem at g1 - 30 (1): func 0, in a table of 2.
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of())
                .importGlobal("env", "base", I32, false)
                .function(0, code().end())
                .table(FUNCREF, 2, 2)
                .memory(1, -1)
                .global(I32, false, expr(code().globalGet(0).i32Const(3).op(Opcode.I32_MUL).i32Const(1).op(Opcode.I32_ADD)))
                .global(I64, false, expr(code().i64Const(5).i64Const(7).op(Opcode.I64_SUB).i64Const(4).op(Opcode.I64_MUL)))
                .global(I32, false, expr(code().globalGet(1).i32Const(1).op(Opcode.I32_SUB)))
                .export("g1", ExternKind.GLOBAL, 1).export("g2", ExternKind.GLOBAL, 2).export("g3", ExternKind.GLOBAL, 3)
                .elemActive(expr(code().globalGet(1).i32Const(30).op(Opcode.I32_SUB)), 0)
                .dataActive(expr(code().globalGet(3).i32Const(2).op(Opcode.I32_ADD)), "hi".getBytes());
        Global base = new Global(new GlobalType(ValType.I32, false), 10);
        Instance instance = new Linker(new Store()).define("env", "base", base).instantiate(Wasm.compile(mb));
        assertEquals(31, ((Global) instance.export("g1")).value());
        assertEquals(-8, ((Global) instance.export("g2")).value());
        assertEquals(30, ((Global) instance.export("g3")).value());
        assertEquals("hi", instance.memory().readString(32, 2));
        assertEquals(Table.NULL, instance.tables[0].elements[0]);
        assertEquals(instance.functionHandle(0), instance.tables[0].elements[1]);
    }

    @Test
    void i32ArithmeticWrapsAt32Bits() {
        // g = 0x7FFFFFFF + 1 = i32 min; h = 0x10000 * 0x10000 = 0.
        Instance instance = Wasm.instantiate(ModuleBytes.module()
                .global(I32, false, expr(code().i32Const(Integer.MAX_VALUE).i32Const(1).op(Opcode.I32_ADD)))
                .global(I32, false, expr(code().i32Const(0x10000).i32Const(0x10000).op(Opcode.I32_MUL)))
                .export("g", ExternKind.GLOBAL, 0).export("h", ExternKind.GLOBAL, 1));
        assertEquals(Integer.MIN_VALUE, (int) ((Global) instance.export("g")).value());
        assertEquals(0, ((Global) instance.export("h")).value());
    }
}
