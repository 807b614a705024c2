package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.EXTERNREF;
import static dev.sandpiper.decoder.model.ValType.F32;
import static dev.sandpiper.decoder.model.ValType.F64;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Host functions: values of every type crossing in both directions bit for bit (NaN payloads
 * included), access to the caller's memory, traps and failures thrown by the host, and the host
 * calling back into WebAssembly.
 */
class HostFunctionTest {
    private static final List<ValType> NONE = List.of();
    private static final List<ValType> ALL = types(I32, I64, F32, F64, EXTERNREF, FUNCREF);

    private static final int F32_SNAN = 0x7FA00001;
    private static final int F32_NEG_QNAN = 0xFFC00123;
    private static final long F64_SNAN = 0xFFF4000000000001L;
    private static final long F64_QNAN = 0x7FF8000000000ABCL;

    /**
     * (import "env" "echo" (func (param i32 i64 f32 f64 externref funcref) (result the same)))
     * func 1 "roundtrip": passes its six parameters to echo and returns echo's results.
     * func 2 "constants": passes i32 -7, i64 min, f32 sNaN 0x7FA00001, f64 sNaN 0xFFF4000000000001,
     *   ref.null extern and ref.func answer to echo; returns echo's results.
     * func 3 "answer": i32.const 42.
     */
    private static ModuleBytes echoModule() {
        return ModuleBytes.module()
                .type(ALL, ALL).type(NONE, ALL).type(NONE, types(I32))
                .importFunc("env", "echo", 0)
                .function(0, Code.code().localGet(0).localGet(1).localGet(2).localGet(3).localGet(4).localGet(5)
                        .call(0).end())
                .function(1, Wasm.f64Const(Wasm.f32Const(Code.code().i32Const(-7).i64Const(Long.MIN_VALUE), F32_SNAN),
                        F64_SNAN).refNull(EXTERNREF).refFunc(3).call(0).end())
                .function(2, Code.code().i32Const(42).end())
                .elemDeclarative(3)
                .export("roundtrip", ExternKind.FUNC, 1)
                .export("constants", ExternKind.FUNC, 2);
    }

    @Test
    void valuesOfEveryTypeCrossBitForBit() {
        List<long[]> seen = new ArrayList<>();
        Store store = new Store();
        Instance instance = new Linker(store)
                .defineFunction("env", "echo", Wasm.funcType(ALL, ALL), (ctx, args, results) -> {
                    seen.add(args.clone());
                    System.arraycopy(args, 0, results, 0, args.length);
                })
                .instantiate(Wasm.compile(echoModule()));

        long[] args = {0x80000001L, 0x0123456789ABCDEFL, F32_NEG_QNAN, F64_SNAN, 0x1234_5678_9ABC_DEF0L, Table.NULL};
        long[] results = instance.call("roundtrip", args);
        assertArrayEquals(lowBits(args), lowBits(seen.get(0)), "what the host received");
        assertArrayEquals(lowBits(args), lowBits(results), "what came back");

        long[] fromConstants = instance.call("constants");
        long[] received = seen.get(1);
        assertEquals(-7, (int) received[0]);
        assertEquals(Long.MIN_VALUE, received[1]);
        assertEquals(F32_SNAN, (int) received[2], "f32 signalling NaN payload");
        assertEquals(F64_SNAN, received[3], "f64 signalling NaN payload");
        assertEquals(Table.NULL, received[4], "ref.null extern");
        FunctionInstance answer = store.function(received[5]);
        assertEquals(42, answer.call()[0], "ref.func is a handle of the store");
        assertArrayEquals(lowBits(received), lowBits(fromConstants));
    }

    /** i32 and f32 values are the low 32 bits of their slots. */
    private static long[] lowBits(long[] values) {
        long[] out = values.clone();
        out[0] &= 0xFFFFFFFFL;
        out[2] &= 0xFFFFFFFFL;
        return out;
    }

    @Test
    void onlyTheLow32BitsOfI32AndF32ArgumentsCount() {
        // func 0 (param i32) (result i64): i64.extend_i32_u;  func 1 (param i32) (result i32): i32.load
        // func 2 (param f32) (result f64): f64.promote_f32;   func 3 (param i32) (result i32): i32.eqz
        Instance instance = Wasm.instantiate(ModuleBytes.module()
                .type(types(I32), types(I64)).type(types(I32), types(I32)).type(types(F32), types(F64))
                .memory(1, -1)
                .function(0, Code.code().localGet(0).op(Opcode.I64_EXTEND_I32_U).end())
                .function(1, Code.code().localGet(0).mem(Opcode.I32_LOAD, 2, 0).end())
                .function(2, Code.code().localGet(0).op(Opcode.F64_PROMOTE_F32).end())
                .function(1, Code.code().localGet(0).op(Opcode.I32_EQZ).end())
                .export("extend_u", ExternKind.FUNC, 0).export("load", ExternKind.FUNC, 1)
                .export("promote", ExternKind.FUNC, 2).export("eqz", ExternKind.FUNC, 3));
        instance.memory().writeInt(8, 99);
        long garbage = 0xDEADBEEF_00000000L;
        assertEquals(5, instance.call("extend_u", garbage | 5)[0]);
        assertEquals(0xFFFFFFFFL, instance.call("extend_u", -1L)[0]);
        assertEquals(99, instance.call("load", garbage | 8)[0]);
        assertEquals(1.5, Double.longBitsToDouble(instance.call("promote", garbage | Float.floatToIntBits(1.5f))[0]));
        assertEquals(1, instance.call("eqz", garbage)[0]);
    }

    @Test
    void nanPayloadsSurviveLocalsGlobalsMemoryAndHostCalls() {
        // (import "env" "nan32" (func (result f32))) (import "env" "nan64" (func (result f64)))
        // (global $g (mut f64)) (memory 1)
        // func 2 "keep": memory[0] = nan32() (f32.store); $g = nan64(); memory[8] = $g (f64.store);
        // func 3 "load32" (result f32): f32.load 0;  func 4 "load64" (result f64): f64.load 8
        Instance instance = new Linker(new Store())
                .defineFunction("env", "nan32", Wasm.funcType(NONE, types(F32)), (ctx, args, r) -> r[0] = F32_SNAN)
                .defineFunction("env", "nan64", Wasm.funcType(NONE, types(F64)), (ctx, args, r) -> r[0] = F64_QNAN)
                .instantiate(Wasm.compile(ModuleBytes.module()
                        .type(NONE, types(F32)).type(NONE, types(F64)).type(NONE, NONE)
                        .importFunc("env", "nan32", 0).importFunc("env", "nan64", 1)
                        .memory(1, -1)
                        .global(F64, true, ModuleBytes.expr(Code.code().f64Const(0)))
                        .function(2, Code.code()
                                .i32Const(0).call(0).mem(Opcode.F32_STORE, 2, 0)
                                .call(1).globalSet(0)
                                .i32Const(8).globalGet(0).mem(Opcode.F64_STORE, 3, 0)
                                .end())
                        .function(0, Code.code().i32Const(0).mem(Opcode.F32_LOAD, 2, 0).end())
                        .function(1, Code.code().i32Const(8).mem(Opcode.F64_LOAD, 3, 0).end())
                        .export("keep", ExternKind.FUNC, 2)
                        .export("load32", ExternKind.FUNC, 3)
                        .export("load64", ExternKind.FUNC, 4)
                        .export("g", ExternKind.GLOBAL, 0)));
        instance.call("keep");
        assertEquals(F32_SNAN, instance.memory().readInt(0));
        assertEquals(F64_QNAN, instance.memory().readLong(8));
        assertEquals(F64_QNAN, ((Global) instance.export("g")).value());
        assertEquals(F32_SNAN, (int) instance.call("load32")[0]);
        assertEquals(F64_QNAN, instance.call("load64")[0]);
        instance.memory().writeInt(0, F32_NEG_QNAN);
        assertEquals(F32_NEG_QNAN, (int) instance.call("load32")[0]);
    }

    @Test
    void theHostReadsAndWritesTheCallersMemory() {
        // (import "env" "greet" (func (param ptr len) (result len))) (memory 1) (data (i32.const 16) "world")
        // func 1 "run": greet(16, 5), which writes "hello, " + name at 64 and returns its length.
        AtomicReference<Instance> caller = new AtomicReference<>();
        Instance instance = new Linker(new Store())
                .defineFunction("env", "greet", Wasm.funcType(types(I32, I32), types(I32)), (ctx, args, results) -> {
                    caller.set(ctx.caller());
                    String name = ctx.memory().readString((int) args[0], (int) args[1]);
                    byte[] out = ("hello, " + name).getBytes(StandardCharsets.UTF_8);
                    ctx.memory().write(64, out);
                    results[0] = out.length;
                })
                .instantiate(Wasm.compile(ModuleBytes.module()
                        .type(types(I32, I32), types(I32)).type(NONE, types(I32))
                        .importFunc("env", "greet", 0)
                        .memory(1, -1)
                        .function(1, Code.code().i32Const(16).i32Const(5).call(0).end())
                        .dataActive(ModuleBytes.i32Expr(16), "world".getBytes(StandardCharsets.US_ASCII))
                        .export("run", ExternKind.FUNC, 1)));
        assertEquals(12, instance.call("run")[0]);
        assertEquals("hello, world", instance.memory().readString(64, 12));
        assertSame(instance, caller.get());
    }

    @Test
    void aHostCalledDirectlyHasNoCaller() {
        AtomicReference<HostContext> context = new AtomicReference<>();
        Linker linker = new Linker(new Store()).defineFunction("env", "f", Wasm.funcType(types(I32), types(I32)),
                (ctx, args, results) -> {
                    context.set(ctx);
                    results[0] = args[0] + 1;
                });
        FunctionInstance f = (FunctionInstance) linker.lookup("env", "f");
        assertEquals(8, f.call(7)[0]);
        assertNull(context.get().caller());
        assertNull(context.get().memory());
    }

    @Test
    void aHostGrowingTheCallersMemoryMidCallIsSeenAfterTheCall() {
        // func 1 "run": env.grow(); memory[70000] = 5; memory[70000]  -- the second page exists only after the call
        Instance instance = new Linker(new Store())
                .defineFunction("env", "grow", Wasm.funcType(NONE, NONE), (ctx, args, results) -> ctx.memory().grow(1))
                .instantiate(Wasm.compile(ModuleBytes.module()
                        .type(NONE, NONE).type(NONE, types(I32))
                        .importFunc("env", "grow", 0)
                        .memory(1, -1)
                        .function(1, Code.code().call(0)
                                .i32Const(70_000).i32Const(5).mem(Opcode.I32_STORE, 2, 0)
                                .i32Const(70_000).mem(Opcode.I32_LOAD, 2, 0).end())
                        .export("run", ExternKind.FUNC, 1)));
        assertEquals(5, instance.call("run")[0]);
        assertEquals(2, instance.memory().pages());
    }

    // ------------------------------------------------------------------ failures

    /** (import "env" "fail" (func)); func 1 "main": nop, call fail, i32.const 1 — named "main". */
    private static Instance failing(HostFunction fail) {
        return new Linker(new Store())
                .defineFunction("env", "fail", Wasm.funcType(NONE, NONE), fail)
                .instantiate(Wasm.compile(Wasm.withFunctionNames(ModuleBytes.module()
                        .type(NONE, NONE).type(NONE, types(I32))
                        .importFunc("env", "fail", 0)
                        .function(1, Code.code().nop().call(0).i32Const(1).end())
                        .export("main", ExternKind.FUNC, 1), null, "main")));
    }

    @Test
    void aTrapThrownByTheHostTrapsTheGuest() {
        TrapException thrown = new TrapException(TrapKind.UNREACHABLE, "policy says no");
        Instance instance = failing((ctx, args, results) -> {
            throw thrown;
        });
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("main"));
        assertSame(thrown, trap);
        assertEquals(TrapKind.UNREACHABLE, trap.kind());
        assertEquals("unreachable: policy says no (at func 1 main)", trap.getMessage());
        assertEquals(2, instance.store().lastCallInstructions(), "nop and the call");
    }

    @Test
    void anyOtherHostExceptionIsAHostFailureWithTheCause() {
        IllegalStateException boom = new IllegalStateException("boom");
        Instance instance = failing((ctx, args, results) -> {
            throw boom;
        });
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("main"));
        assertEquals(TrapKind.HOST_FAILURE, trap.kind());
        assertSame(boom, trap.getCause());
        assertTrue(trap.getMessage().startsWith("host function failed: env.fail: "), trap.getMessage());
        assertTrue(trap.getMessage().contains("boom"), trap.getMessage());
        assertTrue(trap.getMessage().endsWith("(at func 1 main)"), trap.getMessage());
        // The store carries on.
        Instance fine = failing((ctx, args, results) -> { });
        assertEquals(1, fine.call("main")[0]);
    }

    // ------------------------------------------------------------------ re-entry

    @Test
    void theHostCallsBackIntoWebAssembly() {
        // (import "env" "host" (func (param i32) (result i32)))
        // func 1 "countdown" (param n): n == 0 ? 0 : host(n - 1) + 1, where host(m) = countdown(m):
        // 50 levels of wasm -> host -> wasm.
        // func 2 "square" (param x): x * x; the host computes square(x) + 1 through the instance.
        AtomicReference<Instance> self = new AtomicReference<>();
        Instance instance = new Linker(new Store())
                .defineFunction("env", "host", Wasm.funcType(types(I32), types(I32)),
                        (ctx, args, results) -> results[0] = ctx.caller().call("countdown", args[0])[0])
                .defineFunction("env", "square_plus_one", Wasm.funcType(types(I32), types(I32)),
                        (ctx, args, results) -> results[0] = self.get().call("square", args[0])[0] + 1)
                .instantiate(Wasm.compile(ModuleBytes.module()
                        .type(types(I32), types(I32))
                        .importFunc("env", "host", 0)
                        .importFunc("env", "square_plus_one", 0)
                        .function(0, Code.code()
                                .localGet(0).op(Opcode.I32_EQZ)
                                .if_(I32).i32Const(0)
                                .else_().localGet(0).i32Const(1).op(Opcode.I32_SUB).call(0).i32Const(1).op(Opcode.I32_ADD)
                                .end().end())
                        .function(0, Code.code().localGet(0).localGet(0).op(Opcode.I32_MUL).end())
                        // func 4 "twice": square_plus_one(x) * 2
                        .function(0, Code.code().localGet(0).call(1).i32Const(2).op(Opcode.I32_MUL).end())
                        .export("countdown", ExternKind.FUNC, 2)
                        .export("square", ExternKind.FUNC, 3)
                        .export("twice", ExternKind.FUNC, 4)));
        self.set(instance);
        assertEquals(50, instance.call("countdown", 50)[0]);
        assertEquals(52, instance.call("twice", 5)[0]);
    }
}
