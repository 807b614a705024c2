package dev.sandpiper.interpreter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.ImmediateKind;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.VectorReference.V;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The 22 vector memory instructions (loads, extending, splat, zero-filling and lane loads, stores
 * and lane stores) against a reference that reads and writes a {@code byte[]} copy of the memory,
 * written from the spec (2.0, Execution > Instructions > Memory Instructions): each runs in a real
 * module with one page of memory, one function per instruction, static offset and lane index.
 *
 * <p>Each try fills the memory with random bytes, runs every function at one address (edges around
 * 0, the end of memory and the top of the u32 range, or random), and checks each result; an access
 * whose effective address (u32 address plus u32 offset, without wrapping) plus its width passes the
 * end must trap with "out of bounds memory access". At the end of the try the whole memory must
 * equal the copy: stores wrote exactly their bytes, and trapping ones nothing.
 */
class VectorMemoryPropertyTest {
    private static final int SIZE = Memory.PAGE_SIZE;
    private static final long[] OFFSETS = {0, 1, 16, 65535, 0xFFFFFFFFL};

    /** One compiled function: its instruction, static offset and lane. */
    private record Access(Opcode op, long offset, int lane, FunctionInstance fn) {}

    static final List<Opcode> MEMORY_OPS = Arrays.stream(Opcode.values())
            .filter(op -> op.prefix() == Opcode.PREFIX_FD && op.memoryBytes() > 0).collect(Collectors.toList());

    private static final List<Access> ACCESSES = new ArrayList<>();
    private static final Instance INSTANCE;

    static {
        ModuleBytes m = ModuleBytes.module().memory(1, 1);
        Map<String, Integer> types = new HashMap<>();
        List<Object[]> defs = new ArrayList<>();
        for (Opcode op : MEMORY_OPS) {
            int lanes = op.immediate() == ImmediateKind.MEMARG_LANE ? op.lanes() : 1;
            for (long offset : OFFSETS) {
                for (int lane = 0; lane < lanes; lane++) {
                    List<ValType> params = List.of(op.pops());
                    List<ValType> results = op.pushCount() == 0 ? List.of() : List.of(op.push(0));
                    int t = types.computeIfAbsent(params + "->" + results, k -> {
                        m.type(params, results);
                        return types.size();
                    });
                    Code body = Code.code();
                    for (int i = 0; i < params.size(); i++) {
                        body.localGet(i);
                    }
                    body.op(op).u32(0).u32(offset);
                    if (op.immediate() == ImmediateKind.MEMARG_LANE) {
                        body.raw(lane);
                    }
                    m.function(t, body.end());
                    String name = op.text() + "/" + offset + "/" + lane;
                    m.export(name, ExternKind.FUNC, defs.size());
                    defs.add(new Object[] {op, offset, lane, name});
                }
            }
        }
        INSTANCE = new Linker(new Store()).instantiate(CompiledModule.compile(m.build()));
        for (Object[] d : defs) {
            ACCESSES.add(new Access((Opcode) d[0], (Long) d[1], (Integer) d[2], INSTANCE.function((String) d[3])));
        }
    }

    @Example
    void everyMemoryInstructionIsCovered() {
        assertEquals(22, MEMORY_OPS.size());
        assertEquals(MEMORY_OPS, ACCESSES.stream().map(Access::op).distinct().collect(Collectors.toList()));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void loadsAndStores(@ForAll("addresses") int address, @ForAll long lo, @ForAll long hi, @ForAll long seed) {
        byte[] mirror = new byte[SIZE];
        new Random(seed).nextBytes(mirror);
        Memory memory = INSTANCE.memory();
        memory.write(0, mirror);
        V v = new V(lo, hi);
        for (Access a : ACCESSES) {
            int size = a.op().memoryBytes();
            long ea = Integer.toUnsignedLong(address) + a.offset();
            boolean store = a.op().pushCount() == 0;
            boolean takesVector = a.op().popCount() == 2;
            long[] args = takesVector ? new long[] {address, lo, hi} : new long[] {address};
            String what = a.op() + " offset " + a.offset() + " lane " + a.lane() + " at " + Integer.toUnsignedString(address);
            if (ea + size > SIZE) {
                TrapException t = assertThrows(TrapException.class, () -> a.fn().call(args), what);
                assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, t.kind(), what);
                continue;
            }
            long[] r = a.fn().call(args);
            if (store) {
                store(a, v, mirror, (int) ea);
            } else {
                V expected = load(a, v, mirror, (int) ea);
                if (!expected.equals(new V(r[0], r[1]))) {
                    fail(what + ": expected " + expected + ", got " + new V(r[0], r[1]));
                }
            }
        }
        assertArrayEquals(mirror, memory.readBytes(0, SIZE), "memory after the stores");
    }

    /** A trapping vector load counts the instructions before it and itself, and no more. */
    @Example
    void aTrappingVectorLoadCountsExactlyTheInstructionsExecuted() {
        ModuleBytes m = ModuleBytes.module().memory(1, 1);
        m.type(List.of(ValType.I32), List.of());
        m.function(0, Code.code().i32Const(0).drop().localGet(0).op(Opcode.V128_LOAD).u32(4).u32(0).drop().nop().nop()
                .end());
        m.export("f", ExternKind.FUNC, 0);
        Store store = new Store();
        Instance instance = new Linker(store).instantiate(CompiledModule.compile(m.build()));
        instance.call("f", SIZE - 16);
        assertEquals(7, store.lastCallInstructions());
        assertThrows(TrapException.class, () -> instance.call("f", SIZE - 15));
        assertEquals(4, store.lastCallInstructions());
    }

    // ------------------------------------------------------------------ reference

    private static ByteBuffer buffer(byte[] mirror) {
        return ByteBuffer.wrap(mirror).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code size} bytes at {@code ea}, little-endian, zero-extended. */
    private static long read(byte[] mirror, int ea, int size) {
        long r = 0;
        for (int i = size - 1; i >= 0; i--) {
            r = (r << 8) | (mirror[ea + i] & 0xFF);
        }
        return r;
    }

    private static V load(Access a, V v, byte[] mirror, int ea) {
        String name = a.op().text().substring("v128.".length());
        int size = a.op().memoryBytes();
        if (name.equals("load")) {
            return new V(buffer(mirror).getLong(ea), buffer(mirror).getLong(ea + 8));
        }
        if (name.matches("load\\d+x\\d+_[su]")) {
            // loadNxM: M lanes of N bits, each extended to 2N bits.
            int bits = Integer.parseInt(name.substring(4, name.indexOf('x')));
            long[] lanes = new long[64 / bits];
            for (int i = 0; i < lanes.length; i++) {
                long x = read(mirror, ea + i * bits / 8, bits / 8);
                lanes[i] = name.endsWith("_s") ? (x << (64 - bits)) >> (64 - bits) : x;
            }
            return VectorReference.pack(lanes, 2 * bits);
        }
        long x = read(mirror, ea, size);
        if (name.endsWith("_splat")) {
            long[] lanes = new long[16 / size];
            Arrays.fill(lanes, x);
            return VectorReference.pack(lanes, size * 8);
        }
        if (name.endsWith("_zero")) {
            long[] lanes = new long[16 / size];
            lanes[0] = x;
            return VectorReference.pack(lanes, size * 8);
        }
        long[] lanes = VectorReference.lanes(v, size * 8, false); // loadN_lane
        lanes[a.lane()] = x;
        return VectorReference.pack(lanes, size * 8);
    }

    private static void store(Access a, V v, byte[] mirror, int ea) {
        int size = a.op().memoryBytes();
        long[] lanes = VectorReference.lanes(v, size == 16 ? 8 : size * 8, false);
        if (size == 16) {
            for (int i = 0; i < 16; i++) {
                mirror[ea + i] = (byte) lanes[i];
            }
            return;
        }
        long x = lanes[a.lane()];
        for (int i = 0; i < size; i++) {
            mirror[ea + i] = (byte) (x >>> (8 * i));
        }
    }

    // ------------------------------------------------------------------ values

    @Provide
    Arbitrary<Integer> addresses() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0, 1, 7, 15, 16, SIZE - 17, SIZE - 16, SIZE - 15, SIZE - 9, SIZE - 8, SIZE - 7,
                        SIZE - 4, SIZE - 3, SIZE - 2, SIZE - 1, SIZE, SIZE + 1, -1, -16, Integer.MAX_VALUE,
                        Integer.MIN_VALUE)),
                Tuple.of(2, Arbitraries.integers().between(0, SIZE)),
                Tuple.of(1, Arbitraries.integers()));
    }
}
