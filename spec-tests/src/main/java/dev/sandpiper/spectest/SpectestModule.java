package dev.sandpiper.spectest;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.Global;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.interpreter.Table;
import java.util.List;

/**
 * The host module {@code spectest} the suite imports from, as the spec's reference interpreter
 * defines it: {@code print*} functions that do nothing, globals of value 666 / 666.6, a table
 * (funcref, 10..20) and a memory (1..2 pages).
 */
public final class SpectestModule {
    private SpectestModule() {}

    /** Defines {@code spectest.*} in {@code linker}. */
    public static void define(Linker linker) {
        print(linker, "print");
        print(linker, "print_i32", ValType.I32);
        print(linker, "print_i64", ValType.I64);
        print(linker, "print_f32", ValType.F32);
        print(linker, "print_f64", ValType.F64);
        print(linker, "print_i32_f32", ValType.I32, ValType.F32);
        print(linker, "print_f64_f64", ValType.F64, ValType.F64);
        linker.define("spectest", "global_i32", new Global(new GlobalType(ValType.I32, false), 666));
        linker.define("spectest", "global_i64", new Global(new GlobalType(ValType.I64, false), 666));
        linker.define("spectest", "global_f32",
                new Global(new GlobalType(ValType.F32, false), Float.floatToRawIntBits(666.6f)));
        linker.define("spectest", "global_f64",
                new Global(new GlobalType(ValType.F64, false), Double.doubleToRawLongBits(666.6)));
        linker.define("spectest", "table",
                new Table(new TableType(ValType.FUNCREF, new Limits(10, 20)), Integer.MAX_VALUE));
        // 3.0's spectest also has a 64-bit table (address type i64) for memory64's scripts
        linker.define("spectest", "table64", new Table(
                new TableType(ValType.FUNCREF, new Limits(10, 20, true, true)), Integer.MAX_VALUE));
        linker.define("spectest", "memory", new Memory(new MemoryType(new Limits(1, 2)), 2));
    }

    private static void print(Linker linker, String name, ValType... params) {
        linker.defineFunction("spectest", name, FuncType.of(List.of(params), List.of()), (ctx, args, results) -> { });
    }
}
