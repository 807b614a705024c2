package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import org.junit.jupiter.api.Test;

/**
 * The store's collector (interpreter/README.md, GC objects) runs when the outermost call returns
 * whichever tier ran its frames: with the compiler forced, every function below is compiled (the
 * GC instructions call into {@code TierGc}), and the store frees their garbage between calls, keeps
 * what a global reaches, and refuses a stale host reference, as the interpreter does.
 */
class GcCollectionTiersTest {
    private static final String WAT = """
            (module
              (type $node (struct (field $v i32) (field $next (ref null $node))))
              (type $bytes (array (mut i8)))
              (type $chunk (struct (field $data (ref $bytes)) (field $next (ref null $chunk))))
              (global $chunks (mut (ref null $chunk)) (ref.null $chunk))
              (func $build (param $n i32) (result (ref null $node)) (local $l (ref null $node))
                (block $done
                  (loop $again
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $l (struct.new $node (local.get $n) (local.get $l)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $again)))
                (local.get $l))
              (func $sum (param $l (ref null $node)) (result i32) (local $s i32)
                (block $end
                  (loop $walk
                    (local.set $s (i32.add (local.get $s)
                      (struct.get $node $v (br_on_null $end (local.get $l)))))
                    (local.set $l (struct.get $node $next (ref.as_non_null (local.get $l))))
                    (br $walk)))
                (local.get $s))
              (func $garbage (result i32)
                (drop (array.new_default $bytes (i32.const 1048576)))
                (call $sum (call $build (i32.const 100))))
              (func $keep
                (global.set $chunks
                  (struct.new $chunk (array.new_default $bytes (i32.const 1048576)) (global.get $chunks))))
              (func (export "garbage") (result i32) (i32.add (call $garbage) (i32.const 0)))
              (func (export "keep") (call $keep))
              (func (export "make") (param i32) (result (ref null $node)) (call $build (local.get 0)))
              (func (export "sumOf") (param (ref null $node)) (result i32) (call $sum (local.get 0)))
              (func (export "noop")))
            """;

    private static Instance compiledInstance(Store store) {
        CompiledModule m = CompiledModule.compile(Wat.parseModule(WAT, "gc-collection-tiers.wat"));
        CompileReport report = WasmCompiler.standard().compile(m);
        assertTrue(report.interpreted().isEmpty(), report.toString());
        return new Linker(store).instantiate(m);
    }

    @Test
    void garbageFromCompiledCallersIsFreedBetweenCalls() {
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(80)); // 5 MiB: four calls' worth
        Instance inst = compiledInstance(store);
        for (int i = 0; i < 1000; i++) {
            assertEquals(5050, inst.call("garbage")[0], "call " + i);
        }
    }

    @Test
    void whatAGlobalKeepsStillReachesTheLimit() {
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(80));
        Instance inst = compiledInstance(store);
        TrapException trap = assertThrows(TrapException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                inst.call("keep");
            }
        });
        assertEquals(TrapKind.GC_OUT_OF_MEMORY, trap.kind(), trap.getMessage());
    }

    @Test
    void aStaleHostReferenceFailsPrecisely() {
        Store store = new Store();
        Instance inst = compiledInstance(store);
        long ref = inst.call("make", 10)[0];
        store.collectGarbage(); // handed out by the last call: kept
        assertEquals(55, inst.call("sumOf", ref)[0]);
        inst.call("noop");
        store.collectGarbage(); // a call has returned since: freed
        TrapException trap = assertThrows(TrapException.class, () -> inst.call("sumOf", ref));
        assertEquals(TrapKind.STALE_REFERENCE, trap.kind());
        assertTrue(trap.getMessage().contains(Long.toHexString(ref)), trap.getMessage());
    }
}
