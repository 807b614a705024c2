package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.name;
import static dev.sandpiper.decoder.ModuleBytes.section;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static dev.sandpiper.decoder.ModuleBytes.vec;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import org.junit.jupiter.api.Test;

/**
 * Exception handling at run time (spec 3.0, Execution > Instructions > {@code throw},
 * {@code throw_ref}, {@code try_table}): a host function's exception is caught by its tag; an
 * uncaught one reaches the host as a {@link ThrownException} naming its tag, the instance staying
 * usable; a trap is never caught, not even by {@code catch_all}; {@code throw_ref} throws the same
 * exception again; and a caught exception counts only the instructions that ran.
 */
class ExceptionsTest {
    private static final FuncType I32_TAG = FuncType.of(types(I32), types());

    /**
     * Types: 0 [] -> [], 1 [i32] -> [], 2 [i32] -> [i32], 3 [] -> [i32], 4 [] -> [i32 exnref].
     * Imports: func 0 host.throw (type 1), tag 0 host.tag (type 1). Tag 1 (type 1) defined, exported
     * "e". func 1 "catchHost"(n): the host throws n with tag 0, caught by (catch 0); func 2
     * "throwUncaught"(n): throw 1 n; func 3 "trapNotCaught": unreachable inside (catch_all);
     * func 4 "catchNested"(n): catches (tag 1) what func 2 throws; func 5 "recatch"(n): catch_ref
     * of throw 1 n, then throw_ref of it caught by (catch 1), returning the payload plus 1.
     */
    private static ModuleBytes module() {
        return ModuleBytes.module().type(types(), types()).type(types(I32), types()).type(types(I32), types(I32))
                .type(types(), types(I32)).type(types(), types(I32, ValType.EXNREF))
                .importFunc("host", "throw", 1)
                .rawImport(concat(name("host"), name("tag"), bytes(0x04, 0x00), u32(1)))
                .rawSectionAfter(5, section(13, vec(bytes(0x00, 1))))
                .rawExport(concat(name("e"), bytes(0x04), u32(1)))
                .function(2, Code.code().raw(0x02, 0x7F, 0x1F, 0x40, 1, 0x00, 0, 0, 0x20, 0, 0x10, 0, 0x0B,
                        0x41, 0x7F, 0x0F, 0x0B, 0x0B))
                .function(2, Code.code().raw(0x20, 0, 0x08, 1, 0x0B))
                .function(3, Code.code().raw(0x02, 0x40, 0x1F, 0x40, 1, 0x02, 0, 0x00, 0x0B, 0x0B, 0x41, 7, 0x0B))
                .function(2, Code.code().raw(0x02, 0x7F, 0x1F, 0x40, 1, 0x00, 1, 0, 0x20, 0, 0x10, 2, 0x1A, 0x0B,
                        0x41, 0x7F, 0x0F, 0x0B, 0x0B))
                .function(2, new ValType[] {ValType.EXNREF}, Code.code().raw(
                        0x02, 4, 0x1F, 0x40, 1, 0x01, 1, 0, 0x20, 0, 0x08, 1, 0x0B, 0x00, 0x0B, // block: i32 exnref
                        0x21, 1, 0x1A, // local.set 1 (the exnref), drop the payload
                        0x02, 0x7F, 0x1F, 0x40, 1, 0x00, 1, 0, 0x20, 1, 0x0A, 0x0B, 0x41, 0x7F, 0x0B,
                        0x41, 1, 0x6A, 0x0B))
                .export("catchHost", ExternKind.FUNC, 1).export("throwUncaught", ExternKind.FUNC, 2)
                .export("trapNotCaught", ExternKind.FUNC, 3).export("catchNested", ExternKind.FUNC, 4)
                .export("recatch", ExternKind.FUNC, 5);
    }

    private static Instance instantiate(Store store, Tag hostTag) {
        Linker linker = new Linker(store).define("host", "tag", hostTag)
                .defineFunction("host", "throw", I32_TAG, (ctx, args, results) -> {
                    throw new ThrownException(hostTag, args[0]);
                });
        return linker.instantiate(Wasm.compile(module()));
    }

    @Test
    void aHostFunctionsExceptionIsCaughtByItsTag() {
        Instance inst = instantiate(new Store(), new Tag("host.tag", I32_TAG));
        assertEquals(41, inst.call("catchHost", 41)[0]);
    }

    @Test
    void anUncaughtExceptionReachesTheHostNamingItsTag() {
        Instance inst = instantiate(new Store(), new Tag("host.tag", I32_TAG));
        ThrownException e = assertThrows(ThrownException.class, () -> inst.call("throwUncaught", 5));
        assertSame(inst.export("e"), e.tag());
        assertArrayEquals(new long[] {5}, e.payload());
        assertTrue(e.getMessage().contains("uncaught exception: e"), e.getMessage());
        // the store is left as after a trap: the instance runs on, and catches through a nested call
        assertEquals(3, inst.call("catchHost", 3)[0]);
        assertEquals(9, inst.call("catchNested", 9)[0]);
    }

    @Test
    void aTrapIsNotCaughtByCatchAll() {
        Instance inst = instantiate(new Store(), new Tag("host.tag", I32_TAG));
        TrapException trap = assertThrows(TrapException.class, () -> inst.call("trapNotCaught"));
        assertEquals(TrapKind.UNREACHABLE, trap.kind());
    }

    @Test
    void throwRefThrowsTheSameExceptionAgain() {
        Instance inst = instantiate(new Store(), new Tag("host.tag", I32_TAG));
        assertEquals(5, inst.call("recatch", 4)[0]);
    }

    @Test
    void anotherTagWithTheSameTypeIsNotCaught() {
        // the module imports one tag; the host throws with another of the same type
        Tag imported = new Tag("host.tag", I32_TAG);
        Tag other = new Tag("host.other", I32_TAG);
        Linker linker = new Linker(new Store()).define("host", "tag", imported)
                .defineFunction("host", "throw", I32_TAG, (ctx, args, results) -> {
                    throw new ThrownException(other, args[0]);
                });
        Instance inst = linker.instantiate(Wasm.compile(module()));
        ThrownException e = assertThrows(ThrownException.class, () -> inst.call("catchHost", 1));
        assertSame(other, e.tag());
    }

    @Test
    void aCaughtExceptionCountsOnlyTheInstructionsThatRan() {
        Store store = new Store();
        Instance inst = instantiate(store, new Tag("host.tag", I32_TAG));
        inst.call("catchHost", 1);
        // local.get, call; the i32.const and return after the call never ran
        assertEquals(2, store.lastCallInstructions());
        inst.call("catchNested", 1);
        // local.get, call, then in func 2: local.get, throw (the drop after the call never ran)
        assertEquals(4, store.lastCallInstructions());
    }

    @Test
    void aTagsTypeHasNoResultsAndAPayloadFitsIt() {
        assertThrows(IllegalArgumentException.class, () -> new Tag("t", FuncType.of(types(), types(I32))));
        assertThrows(IllegalArgumentException.class, () -> new ThrownException(new Tag("t", I32_TAG), 1, 2));
    }

    @Test
    void aTagImportMustHaveTheSameType() {
        Linker linker = new Linker(new Store()).define("host", "tag", new Tag("t", FuncType.of(types(), types())))
                .defineFunction("host", "throw", I32_TAG, (ctx, args, results) -> { });
        UnlinkableException e = assertThrows(UnlinkableException.class,
                () -> linker.instantiate(Wasm.compile(module())));
        assertTrue(e.getMessage().contains("incompatible import type"), e.getMessage());
    }
}
