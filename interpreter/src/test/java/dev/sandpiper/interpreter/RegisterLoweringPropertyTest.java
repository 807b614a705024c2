package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.code.CodeDump;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random i32 programs against a tree-walking reference written here: the register-form lowering
 * ({@link dev.sandpiper.interpreter.code.CodeTranslator}) must keep WebAssembly's order of effects
 * while it leaves {@code local.get}s and constants where they are. The programs mix what makes
 * that hard: a {@code local.get} still pending when a {@code local.tee} or {@code local.set} later in
 * the same expression overwrites the local, values carried by branches into the slots of blocks
 * with operands below them, {@code br_table}, {@code select}, calls, loops that write locals, and
 * comparisons feeding {@code if}/{@code br_if} (which fuse into compare-and-branch ops), early
 * returns by {@code br_if} with operands below, loads, stores, a global and an operator in stack form.
 *
 * <p>Each program is one function {@code (param i32 i32) (result i32)} with six more locals; it
 * returns its final expression mixed with every local and the global, and its memory must match
 * the reference's byte for byte, so a wrong write anywhere shows.
 */
class RegisterLoweringPropertyTest {
    private static final Opcode[] BINARY = {
        Opcode.I32_ADD, Opcode.I32_SUB, Opcode.I32_MUL, Opcode.I32_XOR, Opcode.I32_AND, Opcode.I32_SHL,
        Opcode.I32_SHR_U, Opcode.I32_LT_S, Opcode.I32_EQ, Opcode.I32_GE_U, Opcode.I32_NE,
        Opcode.I32_ROTL, // runs in stack form
    };
    /** Loads and stores address {@code (a & ADDRESS_MASK) + 4}: in bounds, anywhere in the first 1 KiB. */
    private static final int ADDRESS_MASK = 0x3FC;
    private static final int OFFSET = 4;
    private static final int BYTE_MASK = 0x1FF;
    /** Locals the programs read and write; locals 6 and 7 count the loops of depth 0 and 1. */
    private static final int USER_LOCALS = 6;
    private static final int MAX_LOOP_DEPTH = 2;

    sealed interface Expr
            permits Get, Const, Bin, Eqz, Tee, Select, Block, If, BrIf, BrOut, BrTable, Call, Loop, Load, Load8,
                    GlobalGet, ReturnIf {}

    record Get(int x) implements Expr {}

    record Const(int c) implements Expr {}

    record Bin(Opcode op, Expr a, Expr b) implements Expr {}

    /** {@code i32.eqz}: feeding a branch, it inverts the branch instead of running. */
    record Eqz(Expr a) implements Expr {}

    record Tee(int x, Expr e) implements Expr {}

    record Select(Expr a, Expr b, Expr c) implements Expr {}

    /** {@code block (result i32) body... e end}. */
    record Block(List<Stmt> body, Expr e) implements Expr {}

    record If(Expr c, Expr t, Expr f) implements Expr {}

    /** {@code block (result i32) v c br_if 0 drop rest end}: v when c holds, else rest. */
    record BrIf(Expr v, Expr c, Expr rest) implements Expr {}

    /** {@code block (result i32) below (block (result i32) v br 1 end) i32.add end}: v, below dropped. */
    record BrOut(Expr below, Expr v) implements Expr {}

    /** {@code block (block (result i32) v i br_table 0 1 end) i32.const 7 i32.add end}: v + 7 when i is 0, else v. */
    record BrTable(Expr v, Expr i) implements Expr {}

    /** {@code call $f (a, b)}, with {@code $f(a, b) = a - 2b}. */
    record Call(Expr a, Expr b) implements Expr {}

    /** Local {@code counter} = n; body repeated n times (n >= 1); then e. */
    record Loop(int counter, int n, List<Stmt> body, Expr e) implements Expr {}

    /** {@code i32.load offset=4} of {@code a & ADDRESS_MASK}. */
    record Load(Expr a) implements Expr {}

    /** {@code i32.load8_u offset=3} of {@code (a & BYTE_MASK) + (b & BYTE_MASK)}: the add fuses into the load. */
    record Load8(Expr a, Expr b) implements Expr {}

    record GlobalGet() implements Expr {}

    sealed interface Stmt permits Set, Drop, Put, GlobalSet {}

    record Set(int x, Expr e) implements Stmt {}

    record Drop(Expr e) implements Stmt {}

    /** {@code i32.store offset=4} of v at {@code a & ADDRESS_MASK}. */
    record Put(Expr a, Expr v) implements Stmt {}

    record GlobalSet(Expr e) implements Stmt {}

    /** {@code v c br_if $function}: the function returns v when c holds, else the value is v. */
    record ReturnIf(Expr v, Expr c) implements Expr {}

    /** The reference's way out of a {@link ReturnIf}. */
    private static final class Returned extends RuntimeException {
        final int value;

        Returned(int value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /** The reference's state: locals, memory and the global. */
    private static final class State {
        final int[] locals = new int[USER_LOCALS + MAX_LOOP_DEPTH];
        final ByteBuffer memory = ByteBuffer.allocate(2048).order(ByteOrder.LITTLE_ENDIAN);
        int global;
    }

    @Property(tries = 3000)
    void programsComputeWhatTheReferenceComputes(@ForAll long seed, @ForAll int p0, @ForAll int p1) {
        Generator g = new Generator(new Random(seed));
        List<Stmt> body = g.stmts(3, 0);
        Expr result = g.expr(5, 0);

        Code code = Code.code();
        for (Stmt s : body) {
            emit(s, code, 0);
        }
        emit(result, code, 0);
        for (int x = 0; x < USER_LOCALS; x++) {
            code.localGet(x).i32Const(2 * x + 3).op(Opcode.I32_MUL).op(Opcode.I32_XOR);
        }
        code.globalGet(0).op(Opcode.I32_XOR);
        ModuleBytes m = ModuleBytes.module()
                .type(types(I32, I32), types(I32))
                .memory(1, 1)
                .global(I32, true, ModuleBytes.i32Expr(0))
                .function(0, new ValType[] {I32, I32, I32, I32, I32, I32}, code.end())
                .function(0, Code.code().localGet(0).localGet(1).i32Const(2).op(Opcode.I32_MUL)
                        .op(Opcode.I32_SUB).end())
                .export("f", ExternKind.FUNC, 0);

        State state = new State();
        state.locals[0] = p0;
        state.locals[1] = p1;
        int expected;
        try {
            for (Stmt s : body) {
                run(s, state);
            }
            expected = eval(result, state);
            for (int x = 0; x < USER_LOCALS; x++) {
                expected ^= state.locals[x] * (2 * x + 3);
            }
            expected ^= state.global;
        } catch (Returned early) {
            expected = early.value;
        }

        CompiledModule compiled = Wasm.compile(m);
        Instance instance = new Linker(new Store()).instantiate(compiled);
        int actual = (int) instance.call("f", p0, p1)[0];
        assertEquals(expected, actual, () -> body + "\n" + result + "\n" + CodeDump.dump(compiled.code(0)));
        byte[] memory = new byte[2048];
        instance.memory().read(0, memory, 0, memory.length);
        HexFormat hex = HexFormat.of();
        assertEquals(hex.formatHex(state.memory.array()), hex.formatHex(memory), "memory");
    }

    // ---- the reference ----

    private static void run(Stmt s, State st) {
        if (s instanceof Set set) {
            st.locals[set.x()] = eval(set.e(), st);
        } else if (s instanceof Drop d) {
            eval(d.e(), st);
        } else if (s instanceof Put store) {
            int a = eval(store.a(), st);
            st.memory.putInt((a & ADDRESS_MASK) + OFFSET, eval(store.v(), st));
        } else {
            st.global = eval(((GlobalSet) s).e(), st);
        }
    }

    private static int eval(Expr e, State st) {
        int[] l = st.locals;
        if (e instanceof Get g) {
            return l[g.x()];
        } else if (e instanceof Const c) {
            return c.c();
        } else if (e instanceof Bin b) {
            int x = eval(b.a(), st);
            int y = eval(b.b(), st);
            return switch (b.op()) {
                case I32_ADD -> x + y;
                case I32_SUB -> x - y;
                case I32_MUL -> x * y;
                case I32_XOR -> x ^ y;
                case I32_AND -> x & y;
                case I32_SHL -> x << (y & 31);
                case I32_SHR_U -> x >>> (y & 31);
                case I32_LT_S -> x < y ? 1 : 0;
                case I32_EQ -> x == y ? 1 : 0;
                case I32_GE_U -> Integer.toUnsignedLong(x) >= Integer.toUnsignedLong(y) ? 1 : 0;
                case I32_NE -> x != y ? 1 : 0;
                case I32_ROTL -> Integer.rotateLeft(x, y);
                default -> throw new IllegalStateException(b.op().toString());
            };
        } else if (e instanceof Eqz z) {
            return eval(z.a(), st) == 0 ? 1 : 0;
        } else if (e instanceof Tee t) {
            int v = eval(t.e(), st);
            l[t.x()] = v;
            return v;
        } else if (e instanceof Select s) {
            int a = eval(s.a(), st);
            int b = eval(s.b(), st);
            return eval(s.c(), st) != 0 ? a : b;
        } else if (e instanceof Block b) {
            for (Stmt s : b.body()) {
                run(s, st);
            }
            return eval(b.e(), st);
        } else if (e instanceof If i) {
            return eval(i.c(), st) != 0 ? eval(i.t(), st) : eval(i.f(), st);
        } else if (e instanceof BrIf b) {
            int v = eval(b.v(), st);
            return eval(b.c(), st) != 0 ? v : eval(b.rest(), st);
        } else if (e instanceof BrOut b) {
            eval(b.below(), st);
            return eval(b.v(), st);
        } else if (e instanceof BrTable b) {
            int v = eval(b.v(), st);
            return eval(b.i(), st) == 0 ? v + 7 : v;
        } else if (e instanceof Call c) {
            int a = eval(c.a(), st);
            return a - 2 * eval(c.b(), st);
        } else if (e instanceof Load load) {
            return st.memory.getInt((eval(load.a(), st) & ADDRESS_MASK) + OFFSET);
        } else if (e instanceof Load8 load) {
            int a = eval(load.a(), st) & BYTE_MASK;
            return st.memory.get(a + (eval(load.b(), st) & BYTE_MASK) + 3) & 0xFF;
        } else if (e instanceof GlobalGet) {
            return st.global;
        } else if (e instanceof ReturnIf r) {
            int v = eval(r.v(), st);
            if (eval(r.c(), st) != 0) {
                throw new Returned(v);
            }
            return v;
        } else {
            Loop loop = (Loop) e;
            l[loop.counter()] = loop.n();
            do {
                for (Stmt s : loop.body()) {
                    run(s, st);
                }
            } while (--l[loop.counter()] != 0);
            return eval(loop.e(), st);
        }
    }

    // ---- the WebAssembly ----

    /** Emits {@code s} inside {@code depth} labels of the function body (br_if {@code depth} returns). */
    private static void emit(Stmt s, Code c, int depth) {
        if (s instanceof Set set) {
            emit(set.e(), c, depth);
            c.localSet(set.x());
        } else if (s instanceof Drop d) {
            emit(d.e(), c, depth);
            c.drop();
        } else if (s instanceof Put store) {
            emit(store.a(), c, depth);
            c.i32Const(ADDRESS_MASK).op(Opcode.I32_AND);
            emit(store.v(), c, depth);
            c.mem(Opcode.I32_STORE, 2, OFFSET);
        } else {
            emit(((GlobalSet) s).e(), c, depth);
            c.globalSet(0);
        }
    }

    private static void emit(Expr e, Code c, int depth) {
        if (e instanceof Get g) {
            c.localGet(g.x());
        } else if (e instanceof Const k) {
            c.i32Const(k.c());
        } else if (e instanceof Bin b) {
            emit(b.a(), c, depth);
            emit(b.b(), c, depth);
            c.op(b.op());
        } else if (e instanceof Eqz z) {
            emit(z.a(), c, depth);
            c.op(Opcode.I32_EQZ);
        } else if (e instanceof Tee t) {
            emit(t.e(), c, depth);
            c.localTee(t.x());
        } else if (e instanceof Select s) {
            emit(s.a(), c, depth);
            emit(s.b(), c, depth);
            emit(s.c(), c, depth);
            c.select();
        } else if (e instanceof Block b) {
            c.block(I32);
            for (Stmt s : b.body()) {
                emit(s, c, depth + 1);
            }
            emit(b.e(), c, depth + 1);
            c.end();
        } else if (e instanceof If i) {
            emit(i.c(), c, depth);
            c.if_(I32);
            emit(i.t(), c, depth + 1);
            c.else_();
            emit(i.f(), c, depth + 1);
            c.end();
        } else if (e instanceof BrIf b) {
            c.block(I32);
            emit(b.v(), c, depth + 1);
            emit(b.c(), c, depth + 1);
            c.brIf(0).drop();
            emit(b.rest(), c, depth + 1);
            c.end();
        } else if (e instanceof BrOut b) {
            c.block(I32);
            emit(b.below(), c, depth + 1);
            c.block(I32);
            emit(b.v(), c, depth + 2);
            c.br(1).end().op(Opcode.I32_ADD).end();
        } else if (e instanceof BrTable b) {
            c.block(I32).block(I32);
            emit(b.v(), c, depth + 2);
            emit(b.i(), c, depth + 2);
            c.brTable(new long[] {0}, 1).end().i32Const(7).op(Opcode.I32_ADD).end();
        } else if (e instanceof Call k) {
            emit(k.a(), c, depth);
            emit(k.b(), c, depth);
            c.call(1);
        } else if (e instanceof Load load) {
            emit(load.a(), c, depth);
            c.i32Const(ADDRESS_MASK).op(Opcode.I32_AND).mem(Opcode.I32_LOAD, 2, OFFSET);
        } else if (e instanceof Load8 load) {
            emit(load.a(), c, depth);
            c.i32Const(BYTE_MASK).op(Opcode.I32_AND);
            emit(load.b(), c, depth);
            c.i32Const(BYTE_MASK).op(Opcode.I32_AND).op(Opcode.I32_ADD).mem(Opcode.I32_LOAD8_U, 0, 3);
        } else if (e instanceof GlobalGet) {
            c.globalGet(0);
        } else if (e instanceof ReturnIf r) {
            emit(r.v(), c, depth);
            emit(r.c(), c, depth);
            c.brIf(depth);
        } else {
            Loop loop = (Loop) e;
            c.i32Const(loop.n()).localSet(loop.counter()).loop();
            for (Stmt s : loop.body()) {
                emit(s, c, depth + 1);
            }
            c.localGet(loop.counter()).i32Const(1).op(Opcode.I32_SUB).localTee(loop.counter()).brIf(0).end();
            emit(loop.e(), c, depth);
        }
    }

    // ---- random programs ----

    private record Generator(Random r) {
        List<Stmt> stmts(int max, int loopDepth) {
            List<Stmt> list = new ArrayList<>();
            int n = r.nextInt(max + 1);
            for (int i = 0; i < n; i++) {
                Expr e = expr(3, loopDepth);
                list.add(switch (r.nextInt(8)) {
                    case 0, 1 -> new Drop(e);
                    case 2 -> new Put(expr(2, loopDepth), e);
                    case 3 -> new GlobalSet(e);
                    default -> new Set(r.nextInt(USER_LOCALS), e);
                });
            }
            return list;
        }

        Expr expr(int depth, int loopDepth) {
            if (depth == 0 || r.nextInt(5) == 0) {
                return switch (r.nextInt(8)) {
                    case 0, 1 -> new Const(constant());
                    case 2 -> new GlobalGet();
                    default -> new Get(r.nextInt(USER_LOCALS));
                };
            }
            int d = depth - 1;
            return switch (r.nextInt(16)) {
                case 0, 1, 2 -> new Bin(BINARY[r.nextInt(BINARY.length)], expr(d, loopDepth), expr(d, loopDepth));
                case 3 -> new Tee(r.nextInt(USER_LOCALS), expr(d, loopDepth));
                case 4 -> new Select(expr(d, loopDepth), expr(d, loopDepth), expr(d, loopDepth));
                case 5 -> new Block(stmts(2, loopDepth), expr(d, loopDepth));
                case 6 -> new If(expr(d, loopDepth), expr(d, loopDepth), expr(d, loopDepth));
                case 7 -> new BrIf(expr(d, loopDepth), expr(d, loopDepth), expr(d, loopDepth));
                case 8 -> new BrOut(expr(d, loopDepth), expr(d, loopDepth));
                case 9 -> new BrTable(expr(d, loopDepth), expr(d, loopDepth));
                case 10 -> new Call(expr(d, loopDepth), expr(d, loopDepth));
                case 11 -> new Load(expr(d, loopDepth));
                case 12 -> new ReturnIf(expr(d, loopDepth), expr(d, loopDepth));
                case 13 -> new Load8(expr(d, loopDepth), expr(d, loopDepth));
                case 14 -> new Eqz(expr(d, loopDepth));
                default -> loopDepth < MAX_LOOP_DEPTH
                        ? new Loop(USER_LOCALS + loopDepth, 1 + r.nextInt(3), stmts(2, loopDepth + 1),
                                expr(d, loopDepth))
                        : new Tee(r.nextInt(USER_LOCALS), expr(d, loopDepth));
            };
        }

        private int constant() {
            return switch (r.nextInt(4)) {
                case 0 -> r.nextInt(3) - 1;
                case 1 -> r.nextInt(64);
                default -> r.nextInt();
            };
        }
    }
}
