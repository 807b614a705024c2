package dev.sandpiper.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.text.Wat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store frees GC objects nothing reaches when the host's call returns (GcHeap, Store): garbage
 * made call after call stays under the memory limit, what globals, tables, element segments,
 * other objects and exception references reach survives intact, a long list is collected without
 * Java recursion, and a reference the host kept past its validity fails precisely.
 */
class GcCollectionTest {
    static final String WAT = """
            (module
              (type $node (struct (field $v i32) (field $next (ref null $node))))
              (type $bytes (array (mut i8)))
              (type $chunk (struct (field $data (ref $bytes)) (field $next (ref null $chunk))))
              (type $nodes (array (mut (ref null $node))))
              (import "host" "see" (func $see (param anyref)))
              (tag $boom (param (ref null $node)))
              (global $list (export "list") (mut (ref null $node)) (ref.null $node))
              (global $chunks (mut (ref null $chunk)) (ref.null $chunk))
              (global $any (mut anyref) (ref.null any))
              (global $exn (mut exnref) (ref.null exn))
              (global $ext (mut externref) (ref.null extern))
              (table $tab 2 anyref)
              (table $tab2 2 anyref)
              (elem $seg anyref
                (item (struct.new $node (i32.const 70) (ref.null $node)))
                (item (array.new_fixed $nodes 1 (struct.new $node (i32.const 71) (ref.null $node)))))

              ;; n nodes n, n-1, ..., 1 in front of $tail
              (func $build (param $n i32) (param $tail (ref null $node)) (result (ref null $node))
                (block $done
                  (loop $l
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $tail (struct.new $node (local.get $n) (local.get $tail)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $l)))
                (local.get $tail))
              (func $sum (param $l (ref null $node)) (result i32) (local $s i32)
                (block $end
                  (loop $walk
                    (local.set $s (i32.add (local.get $s)
                      (struct.get $node $v (br_on_null $end (local.get $l)))))
                    (local.set $l (struct.get $node $next (ref.as_non_null (local.get $l))))
                    (br $walk)))
                (local.get $s))

              ;; a 1 MiB array and a list of 100 nodes, both dropped: 5050
              (func (export "garbage") (result i32)
                (drop (array.new_default $bytes (i32.const 1048576)))
                (call $sum (call $build (i32.const 100) (ref.null $node))))
              ;; a 1 MiB array kept reachable from $chunks
              (func (export "keep")
                (global.set $chunks
                  (struct.new $chunk (array.new_default $bytes (i32.const 1048576)) (global.get $chunks))))
              (func (export "dropChunks") (global.set $chunks (ref.null $chunk)))
              (func (export "keepList") (param $n i32)
                (global.set $list (call $build (local.get $n) (ref.null $node))))
              (func (export "listSum") (result i32) (call $sum (global.get $list)))
              (func (export "dropList") (global.set $list (ref.null $node)))
              (func (export "make") (param $n i32) (result (ref null $node))
                (call $build (local.get $n) (ref.null $node)))
              (func (export "sumOf") (param (ref null $node)) (result i32) (call $sum (local.get 0)))
              (func (export "same") (param anyref anyref) (result i32)
                (ref.eq (ref.cast eqref (local.get 0)) (ref.cast eqref (local.get 1))))
              (func (export "noop"))
              (func (export "garbageThenTrap")
                (drop (array.new_default $bytes (i32.const 1048576)))
                (unreachable))
              (func (export "throwOut") (param $n i32)
                (throw $boom (call $build (local.get $n) (ref.null $node))))
              (func (export "show") (param $n i32)
                (call $see (call $build (local.get $n) (ref.null $node))))

              ;; objects reachable only through a global's array, a table, an externref global, an exnref global
              (func (export "setup")
                (global.set $any (array.new_fixed $nodes 2
                  (call $build (i32.const 3) (ref.null $node)) (ref.null $node)))
                (table.set $tab (i32.const 0) (call $build (i32.const 4) (ref.null $node)))
                (table.set $tab (i32.const 1) (ref.i31 (i32.const 42)))
                (global.set $ext (extern.convert_any (call $build (i32.const 5) (ref.null $node))))
                (block $h (result (ref null $node) exnref)
                  (try_table (catch_ref $boom $h)
                    (throw $boom (call $build (i32.const 6) (ref.null $node))))
                  (unreachable))
                (global.set $exn)
                (drop))
              ;; 6 + 10 + 42 + 15 + 21 + 70 + 71 = 235
              (func (export "check") (result i32)
                (local $s i32)
                (local.set $s (call $sum (array.get $nodes (ref.cast (ref $nodes) (global.get $any)) (i32.const 0))))
                (local.set $s (i32.add (local.get $s)
                  (call $sum (ref.cast (ref null $node) (table.get $tab (i32.const 0))))))
                (local.set $s (i32.add (local.get $s)
                  (i31.get_s (ref.cast (ref i31) (table.get $tab (i32.const 1))))))
                (local.set $s (i32.add (local.get $s)
                  (call $sum (ref.cast (ref null $node) (any.convert_extern (global.get $ext))))))
                (local.set $s (i32.add (local.get $s)
                  (call $sum (block $h (result (ref null $node))
                    (try_table (catch $boom $h) (throw_ref (global.get $exn)))
                    (unreachable)))))
                (table.init $tab2 $seg (i32.const 0) (i32.const 0) (i32.const 2))
                (local.set $s (i32.add (local.get $s)
                  (struct.get $node $v (ref.cast (ref $node) (table.get $tab2 (i32.const 0))))))
                (table.set $tab2 (i32.const 0) (ref.null any))
                (local.set $s (i32.add (local.get $s)
                  (struct.get $node $v (ref.as_non_null
                    (array.get $nodes (ref.cast (ref $nodes) (table.get $tab2 (i32.const 1))) (i32.const 0))))))
                (table.set $tab2 (i32.const 1) (ref.null any))
                (local.get $s)))
            """;

    static final FuncType SEE = FuncType.of(List.of(ValType.ref(true, ValType.HEAP_ANY)), List.of());

    /** What the host function {@code see} was given last. */
    private long seen;

    static byte[] module() {
        return Wat.parseModule(WAT, "gc-collection.wat");
    }

    private Instance instantiate(Store store) {
        return instantiate(store, CompiledModule.compile(module()));
    }

    Instance instantiate(Store store, CompiledModule m) {
        Linker linker = new Linker(store);
        linker.defineFunction("host", "see", SEE, (ctx, args, results) -> seen = args[0]);
        return linker.instantiate(m);
    }

    @Test
    void garbageMadeCallAfterCallIsFreedUnderTheLimit() {
        // 5 MiB: room for four calls' worth of 1 MiB arrays, not for a thousand
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(80));
        Instance inst = instantiate(store);
        for (int i = 0; i < 1000; i++) {
            assertEquals(5050, inst.call("garbage")[0], "call " + i);
        }
        GcHeap heap = store.gcHeap();
        assertTrue(heap.collections() >= 200, heap.collections() + " collections");
        assertTrue(heap.used() <= 80 * 65536, heap.used() + " bytes in use");
    }

    @Test
    void freedObjectsGiveTheirBytesBackToTheMemoryBudget() {
        MemoryBudget budget = new MemoryBudget(8L << 20); // the binding limit: the page limit is 4 GiB
        Store store = new Store(ExecutionLimits.DEFAULT, budget);
        Instance inst = instantiate(store);
        for (int i = 0; i < 200; i++) {
            assertEquals(5050, inst.call("garbage")[0], "call " + i);
        }
        assertTrue(budget.used() < 4L << 20, budget.used() + " bytes held");
        store.collectGarbage();
        assertEquals(store.gcHeap().used() + 4 * 8, budget.used(),
                "the budget holds the two tables' four elements and exactly the live objects' charge");
    }

    @Test
    void whatAGlobalKeepsReachableStillReachesTheLimit() {
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(80));
        Instance inst = instantiate(store);
        TrapException trap = assertThrows(TrapException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                inst.call("keep");
            }
        });
        assertEquals(TrapKind.GC_OUT_OF_MEMORY, trap.kind(), trap.getMessage());
        assertTrue(store.gcHeap().collections() >= 1, "collected before giving up");
        // The store stays usable: once the chain is dropped, the next collection frees it.
        inst.call("dropChunks");
        store.collectGarbage();
        assertEquals(5050, inst.call("garbage")[0]);
    }

    @Test
    void objectsReachableFromEveryRootSurviveIntact() {
        Store store = new Store();
        Instance inst = instantiate(store);
        inst.call("setup");
        assertEquals(235, inst.call("check")[0]);
        int rooted = store.gcHeap().live();
        for (int i = 0; i < 3; i++) {
            inst.call("garbage");
            store.collectGarbage();
            assertEquals(235, inst.call("check")[0], "after collection " + i);
        }
        store.collectGarbage();
        store.collectGarbage();
        // what setup made, the segment's objects, and no garbage: the lists of 100 are gone
        assertTrue(store.gcHeap().live() <= rooted, store.gcHeap().live() + " live, " + rooted + " after setup");
        assertEquals(235, inst.call("check")[0]);
    }

    @Test
    void aMillionNodeListIsCollectedWithoutRecursion() {
        Store store = new Store();
        Instance inst = instantiate(store);
        int before = instantiateLive(store);
        inst.call("keepList", 1_000_000);
        store.collectGarbage();
        store.collectGarbage();
        assertEquals(before + 1_000_000, store.gcHeap().live());
        assertEquals((int) (1_000_000L * 1_000_001 / 2), (int) inst.call("listSum")[0]);
        inst.call("dropList");
        store.collectGarbage();
        store.collectGarbage();
        assertEquals(before, store.gcHeap().live());
        assertEquals(0, inst.call("listSum")[0]);
    }

    private static int instantiateLive(Store store) {
        return store.gcHeap().live();
    }

    @Test
    void aResultStaysValidUntilTheNextCallReturnsThenFailsPrecisely() {
        Store store = new Store();
        Instance inst = instantiate(store);
        long ref = inst.call("make", 10)[0];
        store.collectGarbage(); // the result was handed out in the call just made: kept
        assertEquals(55, inst.call("sumOf", ref)[0]);
        store.collectGarbage(); // a call has returned since: freed
        TrapException trap = assertThrows(TrapException.class, () -> inst.call("sumOf", ref));
        assertEquals(TrapKind.STALE_REFERENCE, trap.kind());
        assertTrue(trap.getMessage().contains("argument slot 0") && trap.getMessage().contains(Long.toHexString(ref)),
                trap.getMessage());
        // A new object may take the freed slot, under another handle: the old one stays stale.
        long fresh = inst.call("make", 1)[0];
        assertNotEquals(ref, fresh);
        assertEquals((int) ref, (int) fresh, "the freed slot is reused");
        assertEquals(1, inst.call("sumOf", fresh)[0]);
        assertThrows(TrapException.class, () -> inst.call("sumOf", ref));
        assertEquals(1, inst.call("same", fresh, fresh)[0]);
    }

    @Test
    void aStaleReferenceTheHostStoresInAGlobalOrReturnsFromAHostFunctionFailsPrecisely() {
        Store store = new Store();
        Linker linker = new Linker(store);
        long[] give = new long[1];
        linker.defineFunction("host", "see", SEE, (ctx, args, results) -> seen = args[0]);
        Instance inst = linker.instantiate(CompiledModule.compile(module()));
        long ref = inst.call("make", 2)[0];
        store.collectGarbage();
        inst.call("noop");
        store.collectGarbage();
        ((Global) inst.export("list")).set(ref); // not checked here: the host's own value
        TrapException trap = assertThrows(TrapException.class, () -> inst.call("listSum"));
        assertEquals(TrapKind.STALE_REFERENCE, trap.kind());
        assertTrue(trap.getMessage().contains(Long.toHexString(ref)), trap.getMessage());

        give[0] = ref;
        Linker other = new Linker(store);
        other.defineFunction("host", "get", FuncType.of(List.of(), List.of(ValType.ref(true, ValType.HEAP_ANY))),
                (ctx, args, results) -> results[0] = give[0]);
        Instance caller = other.instantiate(CompiledModule.compile(Wat.parseModule("""
                (module
                  (import "host" "get" (func $get (result anyref)))
                  (func (export "isNull") (result i32) (ref.is_null (call $get))))
                """, "get.wat")));
        TrapException result = assertThrows(TrapException.class, () -> caller.call("isNull"));
        assertEquals(TrapKind.STALE_REFERENCE, result.kind());
        assertTrue(result.getMessage().contains("result slot 0 of host host.get"), result.getMessage());
    }

    @Test
    void aCallThatTrapsIsASafePointToo() {
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(80));
        Instance inst = instantiate(store);
        inst.call("garbage");
        long collections = store.gcHeap().collections();
        assertThrows(TrapException.class, () -> inst.call("sumOf", 1L << 62 | 5)); // an i31 is no node
        assertEquals(collections, store.gcHeap().collections(), "nothing allocated since: no collection");
        assertThrows(TrapException.class, () -> inst.call("garbageThenTrap"));
        assertEquals(collections + 1, store.gcHeap().collections(), "collected as the trap reached the host");
    }

    @Test
    void aPinnedReferenceStaysValidUntilUnpinned() {
        Store store = new Store();
        Instance inst = instantiate(store);
        long ref = inst.call("make", 4)[0];
        store.pin(ref);
        for (int i = 0; i < 3; i++) {
            inst.call("garbage");
            store.collectGarbage();
        }
        assertEquals(10, inst.call("sumOf", ref)[0]);
        store.unpin(ref);
        inst.call("noop");
        store.collectGarbage();
        TrapException trap = assertThrows(TrapException.class, () -> store.pin(ref));
        assertEquals(TrapKind.STALE_REFERENCE, trap.kind());
    }

    @Test
    void exceptionPayloadsHostArgumentsAndGlobalReadsFollowTheSameRule() {
        Store store = new Store();
        Instance inst = instantiate(store);
        ThrownException thrown = assertThrows(ThrownException.class, () -> inst.call("throwOut", 5));
        long payload = thrown.payload()[0];
        store.collectGarbage();
        assertEquals(15, inst.call("sumOf", payload)[0]);

        inst.call("show", 6);
        long arg = seen;
        store.collectGarbage();
        assertEquals(21, inst.call("sumOf", arg)[0]);

        inst.call("keepList", 7);
        long read = ((Global) inst.export("list")).value();
        inst.call("dropList");
        store.collectGarbage();
        assertEquals(28, inst.call("sumOf", read)[0]);

        inst.call("noop");
        store.collectGarbage();
        for (long stale : new long[] {payload, arg, read}) {
            TrapException trap = assertThrows(TrapException.class, () -> inst.call("sumOf", stale));
            assertEquals(TrapKind.STALE_REFERENCE, trap.kind());
        }
    }

    @Test
    void readingOneGlobalOverAndOverHoldsOneEntry() {
        Store store = new Store();
        Instance inst = instantiate(store);
        inst.call("keepList", 3);
        Global list = (Global) inst.export("list");
        long first = list.value();
        for (int i = 0; i < 1_000_000; i++) {
            assertEquals(first, list.value());
        }
        assertTrue(store.gcHeap().host.count() < 4096, store.gcHeap().host.count() + " entries");
    }

    @Test
    void anExceptionHeldAsAReferenceKeepsItsPayloadAndIsFreedWithIt() {
        Store store = new Store();
        Instance inst = instantiate(store);
        inst.call("setup");
        int live = store.gcHeap().live();
        int exceptions = store.gcHeap().exceptions;
        assertEquals(1, exceptions);
        store.collectGarbage();
        store.collectGarbage();
        assertEquals(235, inst.call("check")[0]); // check rethrows and catches the exnref: the payload intact
        assertEquals(1, store.gcHeap().exceptions);
        assertEquals(live, store.gcHeap().live());
    }
}
