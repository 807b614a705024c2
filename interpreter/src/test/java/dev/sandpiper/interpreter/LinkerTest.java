package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.EXTERNREF;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Import resolution and matching (spec 2.0, Execution > Modules > Import Matching), and sharing
 * of imported functions, globals, tables and memories between instances and the host.
 */
class LinkerTest {
    private static final List<ValType> NONE = List.of();
    private static final HostFunction NOTHING = (ctx, args, results) -> { };

    private static Linker linker() {
        return new Linker(new Store());
    }

    private static UnlinkableException unlinkable(Linker linker, ModuleBytes module) {
        CompiledModule compiled = Wasm.compile(module);
        return assertThrows(UnlinkableException.class, () -> linker.instantiate(compiled));
    }

    @Test
    void importsResolveByModuleAndName() {
        // (import "a" "f" (func (result i32))) (import "b" "f" (func (result i32))) (import "a" "g" ...)
        // exports "af", "bf", "ag" calling each.
        HostFunction one = (ctx, args, results) -> results[0] = 1;
        HostFunction two = (ctx, args, results) -> results[0] = 2;
        HostFunction three = (ctx, args, results) -> results[0] = 3;
        Instance instance = linker()
                .defineFunction("a", "f", Wasm.funcType(NONE, types(I32)), one)
                .defineFunction("b", "f", Wasm.funcType(NONE, types(I32)), two)
                .defineFunction("a", "g", Wasm.funcType(NONE, types(I32)), three)
                .instantiate(Wasm.compile(ModuleBytes.module()
                        .type(NONE, types(I32))
                        .importFunc("a", "f", 0).importFunc("b", "f", 0).importFunc("a", "g", 0)
                        .function(0, Code.code().call(0).end())
                        .function(0, Code.code().call(1).end())
                        .function(0, Code.code().call(2).end())
                        .export("af", ExternKind.FUNC, 3).export("bf", ExternKind.FUNC, 4).export("ag", ExternKind.FUNC, 5)));
        assertEquals(1, instance.call("af")[0]);
        assertEquals(2, instance.call("bf")[0]);
        assertEquals(3, instance.call("ag")[0]);
    }

    @Test
    void aLaterDefinitionReplacesAnEarlierOne() {
        Linker linker = linker()
                .defineFunction("env", "f", Wasm.funcType(NONE, types(I32)), (ctx, args, results) -> results[0] = 1)
                .defineFunction("env", "f", Wasm.funcType(NONE, types(I32)), (ctx, args, results) -> results[0] = 2);
        assertEquals(2, ((FunctionInstance) linker.lookup("env", "f")).call()[0]);
        assertNull(linker.lookup("env", "g"));
        assertNull(linker.lookup("other", "f"));
    }

    @Test
    void unknownImport() {
        Linker linker = linker().defineFunction("env", "present", Wasm.funcType(NONE, NONE), NOTHING);
        UnlinkableException e = unlinkable(linker, ModuleBytes.module()
                .type(NONE, NONE)
                .importFunc("env", "present", 0)
                .importFunc("env", "missing", 0));
        assertEquals("unknown import env.missing", e.getMessage());
        // The same name under another module is not the import.
        e = unlinkable(linker().defineFunction("other", "missing", Wasm.funcType(NONE, NONE), NOTHING),
                ModuleBytes.module().type(NONE, NONE).importFunc("env", "missing", 0));
        assertEquals("unknown import env.missing", e.getMessage());
    }

    private static void assertIncompatible(Linker linker, ModuleBytes module, String why) {
        UnlinkableException e = unlinkable(linker, module);
        assertTrue(e.getMessage().startsWith("incompatible import type for env.x"), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage() + " should say " + why);
    }

    @Test
    void functionTypesMustBeEqual() {
        ModuleBytes wantsVoid = ModuleBytes.module().type(NONE, NONE).importFunc("env", "x", 0);
        assertIncompatible(linker().defineFunction("env", "x", Wasm.funcType(types(I32), NONE), NOTHING), wantsVoid,
                "expected function [] -> [], found [i32] -> []");
        assertIncompatible(linker().defineFunction("env", "x", Wasm.funcType(NONE, types(I32)), NOTHING), wantsVoid,
                "found [] -> [i32]");
        assertIncompatible(linker().define("env", "x", new Global(new GlobalType(I32, false), 0)), wantsVoid,
                "expected a function [] -> [], found a global");
        // The exact type links.
        linker().defineFunction("env", "x", Wasm.funcType(NONE, NONE), NOTHING).instantiate(Wasm.compile(wantsVoid));
    }

    @ParameterizedTest
    @CsvSource({
        // imported type and mutability, provided type and mutability, links?
        "i32, false, i32, false, true",
        "i32, true, i32, true, true",
        "i32, false, i64, false, false",
        "i32, true, i32, false, false",   // a mutable import needs a mutable global
        "i32, false, i32, true, false",   // and an immutable import an immutable one (2.0: types are equal)
        "i64, false, i32, false, false",
    })
    void globalTypesMustBeEqual(String wanted, boolean wantedMutable, String provided, boolean providedMutable,
            boolean links) {
        ModuleBytes module = ModuleBytes.module().importGlobal("env", "x", valType(wanted), wantedMutable);
        Linker linker = linker().define("env", "x", new Global(new GlobalType(valType(provided), providedMutable), 0));
        if (links) {
            linker.instantiate(Wasm.compile(module));
        } else {
            assertIncompatible(linker, module, "expected global");
        }
    }

    private static ValType valType(String text) {
        return text.equals("i32") ? I32 : I64;
    }

    @ParameterizedTest
    @CsvSource({
        // import's min, max (-1: none); provided table's min, max; links?
        "1, -1, 1, -1, true",
        "1, -1, 5, -1, true",     // larger minimum is fine
        "10, -1, 5, -1, false",   // smaller is not
        "1, 20, 1, -1, false",    // a maximum is required: none is not enough
        "1, 20, 1, 30, false",    // nor a larger one
        "10, 20, 15, 20, true",
        "10, 20, 15, 18, true",
    })
    void tableLimitsSubtyping(long min, long max, long providedMin, long providedMax, boolean links) {
        ModuleBytes module = ModuleBytes.module().importTable("env", "x", FUNCREF, min, max)
                .export("t", ExternKind.TABLE, 0);
        Table table = new Table(new TableType(FUNCREF, new Limits(providedMin, providedMax)), 1000);
        if (links) {
            assertSame(table, linker().define("env", "x", table).instantiate(Wasm.compile(module)).export("t"));
        } else {
            assertIncompatible(linker().define("env", "x", table), module, "expected table funcref");
        }
    }

    @Test
    void tableElementTypesMustBeEqual() {
        ModuleBytes module = ModuleBytes.module().importTable("env", "x", FUNCREF, 1, -1);
        Table externs = new Table(new TableType(EXTERNREF, new Limits(1, Limits.NO_MAX)), 10);
        assertIncompatible(linker().define("env", "x", externs), module, "found externref");
    }

    @Test
    void tableLimitsAreTheCurrentSize() {
        // A table grown from 1 to 4 elements matches an import requiring at least 4.
        Table table = new Table(new TableType(FUNCREF, new Limits(1, Limits.NO_MAX)), 10);
        ModuleBytes module = ModuleBytes.module().importTable("env", "x", FUNCREF, 4, -1);
        assertIncompatible(linker().define("env", "x", table), module, "found funcref 1..");
        assertEquals(1, table.grow(3, Table.NULL));
        linker().define("env", "x", table).instantiate(Wasm.compile(module));
    }

    @ParameterizedTest
    @CsvSource({
        "1, -1, 1, -1, true",
        "1, -1, 2, -1, true",
        "2, -1, 1, -1, false",
        "1, 2, 1, -1, false",
        "1, 2, 1, 3, false",
        "1, 2, 2, 2, true",
        "0, 0, 0, 0, true",
    })
    void memoryLimitsSubtyping(long min, long max, long providedMin, long providedMax, boolean links) {
        ModuleBytes module = ModuleBytes.module().importMemory("env", "x", min, max);
        Memory memory = new Memory(new MemoryType(new Limits(providedMin, providedMax)), 100);
        if (links) {
            Instance instance = linker().define("env", "x", memory).instantiate(Wasm.compile(module));
            assertSame(memory, instance.memory());
        } else {
            assertIncompatible(linker().define("env", "x", memory), module, "expected memory");
        }
        // Any other kind is not a memory.
        assertIncompatible(linker().define("env", "x", new Global(new GlobalType(I32, false), 0)), module,
                "expected a memory, found a global");
    }

    @Test
    void memoryLimitsAreTheCurrentSize() {
        Memory memory = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), 10);
        ModuleBytes module = ModuleBytes.module().importMemory("env", "x", 3, -1);
        assertIncompatible(linker().define("env", "x", memory), module, "found 1..");
        assertEquals(1, memory.grow(2));
        linker().define("env", "x", memory).instantiate(Wasm.compile(module));
    }

    // ------------------------------------------------------------------ sharing

    /**
     * Imports env.g (mut i32), env.mem (memory 1), env.tab (table 2 funcref) and exports:
     * "inc_g" (g += 1), "get_g", "store" (param addr value), "load" (param addr), "grow" (param delta),
     * "call_slot" (param i) (call_indirect [] -> [i32] through env.tab), and "seven" (i32.const 7), which
     * its active segment puts in table slot {@code slot}.
     */
    private static ModuleBytes sharer(int slot) {
        return ModuleBytes.module()
                .type(NONE, NONE).type(NONE, types(I32)).type(types(I32, I32), NONE).type(types(I32), types(I32))
                .importGlobal("env", "g", I32, true)
                .importMemory("env", "mem", 1, -1)
                .importTable("env", "tab", FUNCREF, 2, -1)
                .function(0, Code.code().globalGet(0).i32Const(1).op(Opcode.I32_ADD).globalSet(0).end())
                .function(1, Code.code().globalGet(0).end())
                .function(2, Code.code().localGet(0).localGet(1).mem(Opcode.I32_STORE, 2, 0).end())
                .function(3, Code.code().localGet(0).mem(Opcode.I32_LOAD, 2, 0).end())
                .function(3, Code.code().localGet(0).memoryGrow().end())
                .function(3, Code.code().localGet(0).callIndirect(1, 0).end())
                .function(1, Code.code().i32Const(7 + slot).end())
                .elemActive(ModuleBytes.i32Expr(slot), 6)
                .export("inc_g", ExternKind.FUNC, 0).export("get_g", ExternKind.FUNC, 1)
                .export("store", ExternKind.FUNC, 2).export("load", ExternKind.FUNC, 3)
                .export("grow", ExternKind.FUNC, 4).export("call_slot", ExternKind.FUNC, 5);
    }

    @Test
    void hostGlobalsMemoriesAndTablesAreShared() {
        Store store = new Store();
        Global g = new Global(new GlobalType(I32, true), 5);
        Memory mem = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), 10);
        Table tab = new Table(new TableType(FUNCREF, new Limits(2, Limits.NO_MAX)), 10);
        Linker linker = new Linker(store).define("env", "g", g).define("env", "mem", mem).define("env", "tab", tab);
        Instance a = linker.instantiate(Wasm.compile(sharer(0)));
        Instance b = linker.instantiate(Wasm.compile(sharer(1)));

        a.call("inc_g");
        assertEquals(6, b.call("get_g")[0]);
        assertEquals(6, g.value());
        g.set(10);
        assertEquals(10, a.call("get_g")[0]);

        a.call("store", 100, 0xCAFE);
        assertEquals(0xCAFE, b.call("load", 100)[0]);
        assertEquals(0xCAFE, mem.readInt(100));
        mem.writeInt(200, 77);
        assertEquals(77, a.call("load", 200)[0]);
        // One instance grows the shared memory; the other sees the new pages.
        assertEquals(1, a.call("grow", 1)[0]);
        b.call("store", 70_000, 9);
        assertEquals(9, a.call("load", 70_000)[0]);
        assertEquals(2, mem.pages());

        // Each instance's segment filled its own slot of the shared table; each calls the other's function.
        assertEquals(8, a.call("call_slot", 1)[0]);
        assertEquals(7, b.call("call_slot", 0)[0]);
    }

    @Test
    void registeredInstanceExportsAreImportable() {
        Store store = new Store();
        Global g = new Global(new GlobalType(I32, true), 0);
        Memory mem = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), 10);
        Table tab = new Table(new TableType(FUNCREF, new Limits(2, Limits.NO_MAX)), 10);
        Linker linker = new Linker(store).define("env", "g", g).define("env", "mem", mem).define("env", "tab", tab);
        // "lib" re-exports what it imported, under its own names, plus its functions.
        ModuleBytes lib = sharer(0)
                .export("g", ExternKind.GLOBAL, 0).export("mem", ExternKind.MEMORY, 0).export("tab", ExternKind.TABLE, 0);
        Instance libInstance = linker.instantiate(Wasm.compile(lib));
        linker.register("lib", libInstance);
        // The user imports lib.inc_g and everything sharer imports, now from "lib".
        ModuleBytes user = ModuleBytes.module()
                .type(NONE, NONE).type(NONE, types(I32))
                .importFunc("lib", "inc_g", 0)
                .importGlobal("lib", "g", I32, true)
                .importMemory("lib", "mem", 1, -1)
                .importTable("lib", "tab", FUNCREF, 2, -1)
                .function(1, Code.code().call(0).call(0).globalGet(0).end())
                .export("twice", ExternKind.FUNC, 1);
        Instance userInstance = linker.instantiate(Wasm.compile(user));
        assertEquals(2, userInstance.call("twice")[0]);
        assertEquals(2, g.value());
        assertSame(mem, userInstance.memory());
        assertSame(libInstance.export("inc_g"), linker.lookup("lib", "inc_g"));
    }

    /**
     * 3.0, Matching > External Types and Defined Types: a type index in an import's type and in the
     * export's type is compared as the type it names in its own module. The exporter's type 0 is
     * [] -> []; its function "f" takes a (ref 0) and its global "g" is a (ref null 0).
     */
    @Test
    void typedReferencesMatchByTheTypesTheirIndicesName() {
        ValType ref0 = ValType.ref(false, 0);
        ValType refNull0 = ValType.ref(true, 0);
        Linker linker = linker();
        Instance exporter = linker.instantiate(Wasm.compile(ModuleBytes.module()
                .type(NONE, NONE).type(types(ref0), NONE)
                .function(1, Code.code().end())
                .global(refNull0, false, ModuleBytes.refNullExpr(refNull0))
                .export("f", ExternKind.FUNC, 0).export("g", ExternKind.GLOBAL, 0)));
        linker.register("m", exporter);
        // Here type 0 is [i32] -> []: the same indices name another type.
        unlinkable(linker, ModuleBytes.module().type(types(I32), NONE).type(types(ref0), NONE).importFunc("m", "f", 1));
        unlinkable(linker, ModuleBytes.module().type(types(I32), NONE).importGlobal("m", "g", refNull0, false));
        // Here type 1 is [] -> []: other indices name the same type.
        ValType ref1 = ValType.ref(false, 1);
        linker.instantiate(Wasm.compile(ModuleBytes.module().type(types(I32), NONE).type(NONE, NONE)
                .type(types(ref1), NONE).importFunc("m", "f", 2).importGlobal("m", "g", ValType.ref(true, 1), false)));
        // An immutable (ref null $t) global also matches an import of funcref, its supertype.
        linker.instantiate(Wasm.compile(ModuleBytes.module().importGlobal("m", "g", FUNCREF, false)));
    }
}
