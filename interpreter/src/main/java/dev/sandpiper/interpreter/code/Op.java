package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.Opcode;

/**
 * The interpreter's instruction set. A function's code is an {@code int[]}: each instruction is one
 * word holding its op, followed by its immediates, one word each ({@code [OP imm1 imm2]} below).
 * Branch targets are absolute word indices in the same array; {@code drop} and {@code keep} count
 * 64-bit slots of the value stack (a v128 takes two). Values live in a {@code long[]}: i32 and f32
 * bits sign-extended to 64 bits, i64 and f64 bits as they are, references as handles (null is
 * {@code -1}).
 *
 * <p>Naming: the Wasm instruction's name where one op implements one instruction; a width
 * ({@code LOAD32}, {@code STORE8}) where one op serves every instruction that moves those bytes;
 * {@code _WIDE} for the v128 (two-slot) variant; {@code _ADJ} for a branch that also moves its
 * label's values down over the ones it drops. Traps are listed in {@link CodeTranslator}, which
 * records where each trapping op may refund fuel.
 */
public final class Op {
    private Op() {}

    /** {@code [UNREACHABLE]} Traps: {@code unreachable}. */
    public static final int UNREACHABLE = 0;

    /** {@code [FUEL n]} Starts a basic block: charges {@code n} instructions of fuel, and every few thousand instructions polls the deadline and the interrupt flag. */
    public static final int FUEL = 1;

    /** {@code [BR target]} Jumps to {@code target}. */
    public static final int BR = 2;

    /** {@code [BR_ADJ target drop keep]} Moves the top {@code keep} slots down over {@code drop} slots, then jumps. */
    public static final int BR_ADJ = 3;

    /** {@code [BR_IF target]} Pops an i32; jumps when it is not zero. */
    public static final int BR_IF = 4;

    /** {@code [BR_IF_ADJ target drop keep]} Pops an i32; when not zero, adjusts the stack as {@link #BR_ADJ} and jumps. */
    public static final int BR_IF_ADJ = 5;

    /** {@code [BR_UNLESS target]} Pops an i32; jumps when it is zero ({@code if}). */
    public static final int BR_UNLESS = 6;

    /** {@code [BR_TABLE n (target drop keep)*(n+1)]} Pops an i32 index; takes entry {@code index}, or the last (default) when out of range, adjusts as {@link #BR_ADJ} and jumps. */
    public static final int BR_TABLE = 7;

    /** {@code [RETURN keep]} Moves the top {@code keep} slots to the frame base and returns to the caller. */
    public static final int RETURN = 8;

    /** {@code [CALL func]} Calls function {@code func} of the instance (index space including imports). */
    public static final int CALL = 9;

    /** {@code [CALL_INDIRECT typeId table]} Pops an i32 index into table {@code table}; calls the function there after checking its canonical type id. */
    public static final int CALL_INDIRECT = 10;

    /** {@code [DROP]} Pops one slot. */
    public static final int DROP = 11;

    /** {@code [DROP_N n]} Pops {@code n} slots (a v128 is two). */
    public static final int DROP_N = 12;

    /** {@code [SELECT]} Pops an i32 and two 1-slot values; pushes the first when the i32 is not zero, else the second. */
    public static final int SELECT = 13;

    /** {@code [SELECT_WIDE]} {@link #SELECT} of two-slot (v128) values. */
    public static final int SELECT_WIDE = 14;

    /** {@code [LOCAL_GET slot]} Pushes the local at frame slot {@code slot}. */
    public static final int LOCAL_GET = 15;

    /** {@code [LOCAL_SET slot]} Pops into the local at {@code slot}. */
    public static final int LOCAL_SET = 16;

    /** {@code [LOCAL_TEE slot]} Copies the top slot into the local at {@code slot}. */
    public static final int LOCAL_TEE = 17;

    /** {@code [LOCAL_GET_WIDE slot]} {@link #LOCAL_GET} of a v128 (two slots). */
    public static final int LOCAL_GET_WIDE = 18;

    /** {@code [LOCAL_SET_WIDE slot]} {@link #LOCAL_SET} of a v128. */
    public static final int LOCAL_SET_WIDE = 19;

    /** {@code [LOCAL_TEE_WIDE slot]} {@link #LOCAL_TEE} of a v128. */
    public static final int LOCAL_TEE_WIDE = 20;

    /** {@code [GLOBAL_GET global]} Pushes global {@code global}. */
    public static final int GLOBAL_GET = 21;

    /** {@code [GLOBAL_SET global]} Pops into global {@code global}. */
    public static final int GLOBAL_SET = 22;

    /** {@code [GLOBAL_GET_WIDE global]} {@link #GLOBAL_GET} of a v128 global. */
    public static final int GLOBAL_GET_WIDE = 23;

    /** {@code [GLOBAL_SET_WIDE global]} {@link #GLOBAL_SET} of a v128 global. */
    public static final int GLOBAL_SET_WIDE = 24;

    /** {@code [TABLE_GET table]} {@code table.get}. */
    public static final int TABLE_GET = 25;

    /** {@code [TABLE_SET table]} {@code table.set}. */
    public static final int TABLE_SET = 26;

    /** {@code [TABLE_SIZE table]} {@code table.size}. */
    public static final int TABLE_SIZE = 27;

    /** {@code [TABLE_GROW table]} {@code table.grow}. */
    public static final int TABLE_GROW = 28;

    /** {@code [TABLE_FILL table]} {@code table.fill}. */
    public static final int TABLE_FILL = 29;

    /** {@code [TABLE_COPY dst src]} {@code table.copy}. */
    public static final int TABLE_COPY = 30;

    /** {@code [TABLE_INIT elem table]} {@code table.init}. */
    public static final int TABLE_INIT = 31;

    /** {@code [ELEM_DROP elem]} {@code elem.drop}. */
    public static final int ELEM_DROP = 32;

    /** {@code [LOAD32 offset]} Loads 4 bytes, sign-extended into the slot: {@code i32.load}, {@code f32.load}, {@code i64.load32_s}. */
    public static final int LOAD32 = 33;

    /** {@code [LOAD64 offset]} Loads 8 bytes: {@code i64.load}, {@code f64.load}. */
    public static final int LOAD64 = 34;

    /** {@code [LOAD8_S offset]} {@code i32.load8_s}, {@code i64.load8_s}. */
    public static final int LOAD8_S = 35;

    /** {@code [LOAD8_U offset]} {@code i32.load8_u}, {@code i64.load8_u}. */
    public static final int LOAD8_U = 36;

    /** {@code [LOAD16_S offset]} {@code i32.load16_s}, {@code i64.load16_s}. */
    public static final int LOAD16_S = 37;

    /** {@code [LOAD16_U offset]} {@code i32.load16_u}, {@code i64.load16_u}. */
    public static final int LOAD16_U = 38;

    /** {@code [LOAD32_U offset]} {@code i64.load32_u}. */
    public static final int LOAD32_U = 39;

    /** {@code [STORE32 offset]} Stores the low 4 bytes: {@code i32.store}, {@code f32.store}, {@code i64.store32}. */
    public static final int STORE32 = 40;

    /** {@code [STORE64 offset]} {@code i64.store}, {@code f64.store}. */
    public static final int STORE64 = 41;

    /** {@code [STORE8 offset]} {@code i32.store8}, {@code i64.store8}. */
    public static final int STORE8 = 42;

    /** {@code [STORE16 offset]} {@code i32.store16}, {@code i64.store16}. */
    public static final int STORE16 = 43;

    /** {@code [MEMORY_SIZE]} {@code memory.size}. */
    public static final int MEMORY_SIZE = 44;

    /** {@code [MEMORY_GROW]} {@code memory.grow}. */
    public static final int MEMORY_GROW = 45;

    /** {@code [MEMORY_FILL]} {@code memory.fill}. */
    public static final int MEMORY_FILL = 46;

    /** {@code [MEMORY_COPY]} {@code memory.copy}. */
    public static final int MEMORY_COPY = 47;

    /** {@code [MEMORY_INIT data]} {@code memory.init}. */
    public static final int MEMORY_INIT = 48;

    /** {@code [DATA_DROP data]} {@code data.drop}. */
    public static final int DATA_DROP = 49;

    /** {@code [CONST32 bits]} Pushes 32 bits, sign-extended: {@code i32.const}, {@code f32.const}. */
    public static final int CONST32 = 50;

    /** {@code [CONST64 low high]} Pushes {@code high << 32 | low}: {@code i64.const}, {@code f64.const}. */
    public static final int CONST64 = 51;

    /** {@code [REF_NULL]} Pushes the null reference. */
    public static final int REF_NULL = 52;

    /** {@code [REF_IS_NULL]} {@code ref.is_null}. */
    public static final int REF_IS_NULL = 53;

    /** {@code [REF_FUNC func]} Pushes a reference to function {@code func}. */
    public static final int REF_FUNC = 54;

    /** {@code [VECTOR subop ...]} A vector (SIMD) instruction: {@code subop} is the 0xFD sub-opcode; immediates follow as the vector executor defines. */
    public static final int VECTOR = 55;

    /** First of the numeric ops, which keep the order of Wasm opcodes 0x45 ({@code i32.eqz}) to 0xC4 ({@code i64.extend32_s}). */
    public static final int NUMERIC_BASE = 64;
    /** {@code i32.eqz} */
    public static final int I32_EQZ = NUMERIC_BASE + 0x00;
    /** {@code i32.eq} */
    public static final int I32_EQ = NUMERIC_BASE + 0x01;
    /** {@code i32.ne} */
    public static final int I32_NE = NUMERIC_BASE + 0x02;
    /** {@code i32.lt_s} */
    public static final int I32_LT_S = NUMERIC_BASE + 0x03;
    /** {@code i32.lt_u} */
    public static final int I32_LT_U = NUMERIC_BASE + 0x04;
    /** {@code i32.gt_s} */
    public static final int I32_GT_S = NUMERIC_BASE + 0x05;
    /** {@code i32.gt_u} */
    public static final int I32_GT_U = NUMERIC_BASE + 0x06;
    /** {@code i32.le_s} */
    public static final int I32_LE_S = NUMERIC_BASE + 0x07;
    /** {@code i32.le_u} */
    public static final int I32_LE_U = NUMERIC_BASE + 0x08;
    /** {@code i32.ge_s} */
    public static final int I32_GE_S = NUMERIC_BASE + 0x09;
    /** {@code i32.ge_u} */
    public static final int I32_GE_U = NUMERIC_BASE + 0x0A;
    /** {@code i64.eqz} */
    public static final int I64_EQZ = NUMERIC_BASE + 0x0B;
    /** {@code i64.eq} */
    public static final int I64_EQ = NUMERIC_BASE + 0x0C;
    /** {@code i64.ne} */
    public static final int I64_NE = NUMERIC_BASE + 0x0D;
    /** {@code i64.lt_s} */
    public static final int I64_LT_S = NUMERIC_BASE + 0x0E;
    /** {@code i64.lt_u} */
    public static final int I64_LT_U = NUMERIC_BASE + 0x0F;
    /** {@code i64.gt_s} */
    public static final int I64_GT_S = NUMERIC_BASE + 0x10;
    /** {@code i64.gt_u} */
    public static final int I64_GT_U = NUMERIC_BASE + 0x11;
    /** {@code i64.le_s} */
    public static final int I64_LE_S = NUMERIC_BASE + 0x12;
    /** {@code i64.le_u} */
    public static final int I64_LE_U = NUMERIC_BASE + 0x13;
    /** {@code i64.ge_s} */
    public static final int I64_GE_S = NUMERIC_BASE + 0x14;
    /** {@code i64.ge_u} */
    public static final int I64_GE_U = NUMERIC_BASE + 0x15;
    /** {@code f32.eq} */
    public static final int F32_EQ = NUMERIC_BASE + 0x16;
    /** {@code f32.ne} */
    public static final int F32_NE = NUMERIC_BASE + 0x17;
    /** {@code f32.lt} */
    public static final int F32_LT = NUMERIC_BASE + 0x18;
    /** {@code f32.gt} */
    public static final int F32_GT = NUMERIC_BASE + 0x19;
    /** {@code f32.le} */
    public static final int F32_LE = NUMERIC_BASE + 0x1A;
    /** {@code f32.ge} */
    public static final int F32_GE = NUMERIC_BASE + 0x1B;
    /** {@code f64.eq} */
    public static final int F64_EQ = NUMERIC_BASE + 0x1C;
    /** {@code f64.ne} */
    public static final int F64_NE = NUMERIC_BASE + 0x1D;
    /** {@code f64.lt} */
    public static final int F64_LT = NUMERIC_BASE + 0x1E;
    /** {@code f64.gt} */
    public static final int F64_GT = NUMERIC_BASE + 0x1F;
    /** {@code f64.le} */
    public static final int F64_LE = NUMERIC_BASE + 0x20;
    /** {@code f64.ge} */
    public static final int F64_GE = NUMERIC_BASE + 0x21;
    /** {@code i32.clz} */
    public static final int I32_CLZ = NUMERIC_BASE + 0x22;
    /** {@code i32.ctz} */
    public static final int I32_CTZ = NUMERIC_BASE + 0x23;
    /** {@code i32.popcnt} */
    public static final int I32_POPCNT = NUMERIC_BASE + 0x24;
    /** {@code i32.add} */
    public static final int I32_ADD = NUMERIC_BASE + 0x25;
    /** {@code i32.sub} */
    public static final int I32_SUB = NUMERIC_BASE + 0x26;
    /** {@code i32.mul} */
    public static final int I32_MUL = NUMERIC_BASE + 0x27;
    /** {@code i32.div_s} */
    public static final int I32_DIV_S = NUMERIC_BASE + 0x28;
    /** {@code i32.div_u} */
    public static final int I32_DIV_U = NUMERIC_BASE + 0x29;
    /** {@code i32.rem_s} */
    public static final int I32_REM_S = NUMERIC_BASE + 0x2A;
    /** {@code i32.rem_u} */
    public static final int I32_REM_U = NUMERIC_BASE + 0x2B;
    /** {@code i32.and} */
    public static final int I32_AND = NUMERIC_BASE + 0x2C;
    /** {@code i32.or} */
    public static final int I32_OR = NUMERIC_BASE + 0x2D;
    /** {@code i32.xor} */
    public static final int I32_XOR = NUMERIC_BASE + 0x2E;
    /** {@code i32.shl} */
    public static final int I32_SHL = NUMERIC_BASE + 0x2F;
    /** {@code i32.shr_s} */
    public static final int I32_SHR_S = NUMERIC_BASE + 0x30;
    /** {@code i32.shr_u} */
    public static final int I32_SHR_U = NUMERIC_BASE + 0x31;
    /** {@code i32.rotl} */
    public static final int I32_ROTL = NUMERIC_BASE + 0x32;
    /** {@code i32.rotr} */
    public static final int I32_ROTR = NUMERIC_BASE + 0x33;
    /** {@code i64.clz} */
    public static final int I64_CLZ = NUMERIC_BASE + 0x34;
    /** {@code i64.ctz} */
    public static final int I64_CTZ = NUMERIC_BASE + 0x35;
    /** {@code i64.popcnt} */
    public static final int I64_POPCNT = NUMERIC_BASE + 0x36;
    /** {@code i64.add} */
    public static final int I64_ADD = NUMERIC_BASE + 0x37;
    /** {@code i64.sub} */
    public static final int I64_SUB = NUMERIC_BASE + 0x38;
    /** {@code i64.mul} */
    public static final int I64_MUL = NUMERIC_BASE + 0x39;
    /** {@code i64.div_s} */
    public static final int I64_DIV_S = NUMERIC_BASE + 0x3A;
    /** {@code i64.div_u} */
    public static final int I64_DIV_U = NUMERIC_BASE + 0x3B;
    /** {@code i64.rem_s} */
    public static final int I64_REM_S = NUMERIC_BASE + 0x3C;
    /** {@code i64.rem_u} */
    public static final int I64_REM_U = NUMERIC_BASE + 0x3D;
    /** {@code i64.and} */
    public static final int I64_AND = NUMERIC_BASE + 0x3E;
    /** {@code i64.or} */
    public static final int I64_OR = NUMERIC_BASE + 0x3F;
    /** {@code i64.xor} */
    public static final int I64_XOR = NUMERIC_BASE + 0x40;
    /** {@code i64.shl} */
    public static final int I64_SHL = NUMERIC_BASE + 0x41;
    /** {@code i64.shr_s} */
    public static final int I64_SHR_S = NUMERIC_BASE + 0x42;
    /** {@code i64.shr_u} */
    public static final int I64_SHR_U = NUMERIC_BASE + 0x43;
    /** {@code i64.rotl} */
    public static final int I64_ROTL = NUMERIC_BASE + 0x44;
    /** {@code i64.rotr} */
    public static final int I64_ROTR = NUMERIC_BASE + 0x45;
    /** {@code f32.abs} */
    public static final int F32_ABS = NUMERIC_BASE + 0x46;
    /** {@code f32.neg} */
    public static final int F32_NEG = NUMERIC_BASE + 0x47;
    /** {@code f32.ceil} */
    public static final int F32_CEIL = NUMERIC_BASE + 0x48;
    /** {@code f32.floor} */
    public static final int F32_FLOOR = NUMERIC_BASE + 0x49;
    /** {@code f32.trunc} */
    public static final int F32_TRUNC = NUMERIC_BASE + 0x4A;
    /** {@code f32.nearest} */
    public static final int F32_NEAREST = NUMERIC_BASE + 0x4B;
    /** {@code f32.sqrt} */
    public static final int F32_SQRT = NUMERIC_BASE + 0x4C;
    /** {@code f32.add} */
    public static final int F32_ADD = NUMERIC_BASE + 0x4D;
    /** {@code f32.sub} */
    public static final int F32_SUB = NUMERIC_BASE + 0x4E;
    /** {@code f32.mul} */
    public static final int F32_MUL = NUMERIC_BASE + 0x4F;
    /** {@code f32.div} */
    public static final int F32_DIV = NUMERIC_BASE + 0x50;
    /** {@code f32.min} */
    public static final int F32_MIN = NUMERIC_BASE + 0x51;
    /** {@code f32.max} */
    public static final int F32_MAX = NUMERIC_BASE + 0x52;
    /** {@code f32.copysign} */
    public static final int F32_COPYSIGN = NUMERIC_BASE + 0x53;
    /** {@code f64.abs} */
    public static final int F64_ABS = NUMERIC_BASE + 0x54;
    /** {@code f64.neg} */
    public static final int F64_NEG = NUMERIC_BASE + 0x55;
    /** {@code f64.ceil} */
    public static final int F64_CEIL = NUMERIC_BASE + 0x56;
    /** {@code f64.floor} */
    public static final int F64_FLOOR = NUMERIC_BASE + 0x57;
    /** {@code f64.trunc} */
    public static final int F64_TRUNC = NUMERIC_BASE + 0x58;
    /** {@code f64.nearest} */
    public static final int F64_NEAREST = NUMERIC_BASE + 0x59;
    /** {@code f64.sqrt} */
    public static final int F64_SQRT = NUMERIC_BASE + 0x5A;
    /** {@code f64.add} */
    public static final int F64_ADD = NUMERIC_BASE + 0x5B;
    /** {@code f64.sub} */
    public static final int F64_SUB = NUMERIC_BASE + 0x5C;
    /** {@code f64.mul} */
    public static final int F64_MUL = NUMERIC_BASE + 0x5D;
    /** {@code f64.div} */
    public static final int F64_DIV = NUMERIC_BASE + 0x5E;
    /** {@code f64.min} */
    public static final int F64_MIN = NUMERIC_BASE + 0x5F;
    /** {@code f64.max} */
    public static final int F64_MAX = NUMERIC_BASE + 0x60;
    /** {@code f64.copysign} */
    public static final int F64_COPYSIGN = NUMERIC_BASE + 0x61;
    /** {@code i32.wrap_i64} */
    public static final int I32_WRAP_I64 = NUMERIC_BASE + 0x62;
    /** {@code i32.trunc_f32_s} */
    public static final int I32_TRUNC_F32_S = NUMERIC_BASE + 0x63;
    /** {@code i32.trunc_f32_u} */
    public static final int I32_TRUNC_F32_U = NUMERIC_BASE + 0x64;
    /** {@code i32.trunc_f64_s} */
    public static final int I32_TRUNC_F64_S = NUMERIC_BASE + 0x65;
    /** {@code i32.trunc_f64_u} */
    public static final int I32_TRUNC_F64_U = NUMERIC_BASE + 0x66;
    /** {@code i64.extend_i32_s} */
    public static final int I64_EXTEND_I32_S = NUMERIC_BASE + 0x67;
    /** {@code i64.extend_i32_u} */
    public static final int I64_EXTEND_I32_U = NUMERIC_BASE + 0x68;
    /** {@code i64.trunc_f32_s} */
    public static final int I64_TRUNC_F32_S = NUMERIC_BASE + 0x69;
    /** {@code i64.trunc_f32_u} */
    public static final int I64_TRUNC_F32_U = NUMERIC_BASE + 0x6A;
    /** {@code i64.trunc_f64_s} */
    public static final int I64_TRUNC_F64_S = NUMERIC_BASE + 0x6B;
    /** {@code i64.trunc_f64_u} */
    public static final int I64_TRUNC_F64_U = NUMERIC_BASE + 0x6C;
    /** {@code f32.convert_i32_s} */
    public static final int F32_CONVERT_I32_S = NUMERIC_BASE + 0x6D;
    /** {@code f32.convert_i32_u} */
    public static final int F32_CONVERT_I32_U = NUMERIC_BASE + 0x6E;
    /** {@code f32.convert_i64_s} */
    public static final int F32_CONVERT_I64_S = NUMERIC_BASE + 0x6F;
    /** {@code f32.convert_i64_u} */
    public static final int F32_CONVERT_I64_U = NUMERIC_BASE + 0x70;
    /** {@code f32.demote_f64} */
    public static final int F32_DEMOTE_F64 = NUMERIC_BASE + 0x71;
    /** {@code f64.convert_i32_s} */
    public static final int F64_CONVERT_I32_S = NUMERIC_BASE + 0x72;
    /** {@code f64.convert_i32_u} */
    public static final int F64_CONVERT_I32_U = NUMERIC_BASE + 0x73;
    /** {@code f64.convert_i64_s} */
    public static final int F64_CONVERT_I64_S = NUMERIC_BASE + 0x74;
    /** {@code f64.convert_i64_u} */
    public static final int F64_CONVERT_I64_U = NUMERIC_BASE + 0x75;
    /** {@code f64.promote_f32} */
    public static final int F64_PROMOTE_F32 = NUMERIC_BASE + 0x76;
    /** {@code i32.reinterpret_f32} */
    public static final int I32_REINTERPRET_F32 = NUMERIC_BASE + 0x77;
    /** {@code i64.reinterpret_f64} */
    public static final int I64_REINTERPRET_F64 = NUMERIC_BASE + 0x78;
    /** {@code f32.reinterpret_i32} */
    public static final int F32_REINTERPRET_I32 = NUMERIC_BASE + 0x79;
    /** {@code f64.reinterpret_i64} */
    public static final int F64_REINTERPRET_I64 = NUMERIC_BASE + 0x7A;
    /** {@code i32.extend8_s} */
    public static final int I32_EXTEND8_S = NUMERIC_BASE + 0x7B;
    /** {@code i32.extend16_s} */
    public static final int I32_EXTEND16_S = NUMERIC_BASE + 0x7C;
    /** {@code i64.extend8_s} */
    public static final int I64_EXTEND8_S = NUMERIC_BASE + 0x7D;
    /** {@code i64.extend16_s} */
    public static final int I64_EXTEND16_S = NUMERIC_BASE + 0x7E;
    /** {@code i64.extend32_s} */
    public static final int I64_EXTEND32_S = NUMERIC_BASE + 0x7F;

    /** First of the saturating truncations, in the order of their 0xFC sub-opcodes 0 to 7. */
    public static final int SAT_BASE = NUMERIC_BASE + 128;
    /** {@code i32.trunc_sat_f32_s} */
    public static final int I32_TRUNC_SAT_F32_S = SAT_BASE + 0;
    /** {@code i32.trunc_sat_f32_u} */
    public static final int I32_TRUNC_SAT_F32_U = SAT_BASE + 1;
    /** {@code i32.trunc_sat_f64_s} */
    public static final int I32_TRUNC_SAT_F64_S = SAT_BASE + 2;
    /** {@code i32.trunc_sat_f64_u} */
    public static final int I32_TRUNC_SAT_F64_U = SAT_BASE + 3;
    /** {@code i64.trunc_sat_f32_s} */
    public static final int I64_TRUNC_SAT_F32_S = SAT_BASE + 4;
    /** {@code i64.trunc_sat_f32_u} */
    public static final int I64_TRUNC_SAT_F32_U = SAT_BASE + 5;
    /** {@code i64.trunc_sat_f64_s} */
    public static final int I64_TRUNC_SAT_F64_S = SAT_BASE + 6;
    /** {@code i64.trunc_sat_f64_u} */
    public static final int I64_TRUNC_SAT_F64_U = SAT_BASE + 7;

    /**
     * First of the fused ops the translator forms from frequent sequences. A fused branch is
     * {@code [op target]} (or {@code [op c target]}) immediately followed by the fall-through
     * block's {@code FUEL n}; taken or not, it charges the entered block's fuel itself.
     */
    public static final int FUSED_BASE = SAT_BASE + 8;
    /** {@code [BR_IF_EQ target]}: {@code i32.eq} then {@code br_if} (or the inverse compare then {@code if}). */
    public static final int BR_IF_EQ = FUSED_BASE + 0;
    /** {@code [BR_IF_NE target]}: {@code i32.ne} then {@code br_if} (or the inverse compare then {@code if}). */
    public static final int BR_IF_NE = FUSED_BASE + 1;
    /** {@code [BR_IF_LT_S target]}: {@code i32.lt_s} then {@code br_if} (or the inverse compare then {@code if}). */
    public static final int BR_IF_LT_S = FUSED_BASE + 2;
    /** {@code [BR_IF_LT_U target]}: {@code i32.lt_u} then {@code br_if} (or the inverse compare then {@code if}). */
    public static final int BR_IF_LT_U = FUSED_BASE + 3;
    /** {@code [BR_IF_GT_S target]}: {@code i32.gt_s} then {@code br_if} (or the inverse compare then {@code if}). */
    public static final int BR_IF_GT_S = FUSED_BASE + 4;
    /** {@code [BR_IF_GT_U target]}: {@code i32.gt_u} then {@code br_if} (or the inverse compare then {@code if}). */
    public static final int BR_IF_GT_U = FUSED_BASE + 5;
    /** {@code [BR_IF_LE_S target]}: {@code i32.le_s} then {@code br_if} (or the inverse compare then {@code if}). */
    public static final int BR_IF_LE_S = FUSED_BASE + 6;
    /** {@code [BR_IF_LE_U target]}: {@code i32.le_u} then {@code br_if} (or the inverse compare then {@code if}). */
    public static final int BR_IF_LE_U = FUSED_BASE + 7;
    /** {@code [BR_IF_GE_S target]}: {@code i32.ge_s} then {@code br_if} (or the inverse compare then {@code if}). */
    public static final int BR_IF_GE_S = FUSED_BASE + 8;
    /** {@code [BR_IF_GE_U target]}: {@code i32.ge_u} then {@code br_if} (or the inverse compare then {@code if}). */
    public static final int BR_IF_GE_U = FUSED_BASE + 9;
    /** {@code [BR_IF_EQZ target]}: {@code i32.eqz} then {@code br_if}, or {@code if} on a value. */
    public static final int BR_IF_EQZ = FUSED_BASE + 10;
    /** {@code [I32_ADD_C c]}: {@code i32.const c} then {@code i32.add}. */
    public static final int I32_ADD_C = FUSED_BASE + 11;
    /** {@code [I32_SUB_C c]}: {@code i32.const c} then {@code i32.sub}. */
    public static final int I32_SUB_C = FUSED_BASE + 12;
    /** {@code [I32_MUL_C c]}: {@code i32.const c} then {@code i32.mul}. */
    public static final int I32_MUL_C = FUSED_BASE + 13;
    /** {@code [I32_AND_C c]}: {@code i32.const c} then {@code i32.and}. */
    public static final int I32_AND_C = FUSED_BASE + 14;
    /** {@code [I32_OR_C c]}: {@code i32.const c} then {@code i32.or}. */
    public static final int I32_OR_C = FUSED_BASE + 15;
    /** {@code [I32_XOR_C c]}: {@code i32.const c} then {@code i32.xor}. */
    public static final int I32_XOR_C = FUSED_BASE + 16;
    /** {@code [I32_SHL_C c]}: {@code i32.const c} then {@code i32.shl}. */
    public static final int I32_SHL_C = FUSED_BASE + 17;
    /** {@code [I32_SHR_S_C c]}: {@code i32.const c} then {@code i32.shr_s}. */
    public static final int I32_SHR_S_C = FUSED_BASE + 18;
    /** {@code [I32_SHR_U_C c]}: {@code i32.const c} then {@code i32.shr_u}. */
    public static final int I32_SHR_U_C = FUSED_BASE + 19;
    /** {@code [I32_EQ_C c]}: {@code i32.const c} then {@code i32.eq}. */
    public static final int I32_EQ_C = FUSED_BASE + 20;
    /** {@code [I32_NE_C c]}: {@code i32.const c} then {@code i32.ne}. */
    public static final int I32_NE_C = FUSED_BASE + 21;
    /** {@code [I32_LT_S_C c]}: {@code i32.const c} then {@code i32.lt_s}. */
    public static final int I32_LT_S_C = FUSED_BASE + 22;
    /** {@code [I32_LT_U_C c]}: {@code i32.const c} then {@code i32.lt_u}. */
    public static final int I32_LT_U_C = FUSED_BASE + 23;
    /** {@code [I32_GT_S_C c]}: {@code i32.const c} then {@code i32.gt_s}. */
    public static final int I32_GT_S_C = FUSED_BASE + 24;
    /** {@code [I32_GT_U_C c]}: {@code i32.const c} then {@code i32.gt_u}. */
    public static final int I32_GT_U_C = FUSED_BASE + 25;
    /** {@code [I32_LE_S_C c]}: {@code i32.const c} then {@code i32.le_s}. */
    public static final int I32_LE_S_C = FUSED_BASE + 26;
    /** {@code [I32_LE_U_C c]}: {@code i32.const c} then {@code i32.le_u}. */
    public static final int I32_LE_U_C = FUSED_BASE + 27;
    /** {@code [I32_GE_S_C c]}: {@code i32.const c} then {@code i32.ge_s}. */
    public static final int I32_GE_S_C = FUSED_BASE + 28;
    /** {@code [I32_GE_U_C c]}: {@code i32.const c} then {@code i32.ge_u}. */
    public static final int I32_GE_U_C = FUSED_BASE + 29;
    /** {@code [I32_ADD_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.add}. */
    public static final int I32_ADD_L = FUSED_BASE + 30;
    /** {@code [I32_SUB_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.sub}. */
    public static final int I32_SUB_L = FUSED_BASE + 31;
    /** {@code [I32_MUL_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.mul}. */
    public static final int I32_MUL_L = FUSED_BASE + 32;
    /** {@code [I32_AND_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.and}. */
    public static final int I32_AND_L = FUSED_BASE + 33;
    /** {@code [I32_OR_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.or}. */
    public static final int I32_OR_L = FUSED_BASE + 34;
    /** {@code [I32_XOR_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.xor}. */
    public static final int I32_XOR_L = FUSED_BASE + 35;
    /** {@code [I32_SHL_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.shl}. */
    public static final int I32_SHL_L = FUSED_BASE + 36;
    /** {@code [I32_SHR_S_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.shr_s}. */
    public static final int I32_SHR_S_L = FUSED_BASE + 37;
    /** {@code [I32_SHR_U_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.shr_u}. */
    public static final int I32_SHR_U_L = FUSED_BASE + 38;
    /** {@code [I32_EQ_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.eq}. */
    public static final int I32_EQ_L = FUSED_BASE + 39;
    /** {@code [I32_NE_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.ne}. */
    public static final int I32_NE_L = FUSED_BASE + 40;
    /** {@code [I32_LT_S_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.lt_s}. */
    public static final int I32_LT_S_L = FUSED_BASE + 41;
    /** {@code [I32_LT_U_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.lt_u}. */
    public static final int I32_LT_U_L = FUSED_BASE + 42;
    /** {@code [I32_GT_S_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.gt_s}. */
    public static final int I32_GT_S_L = FUSED_BASE + 43;
    /** {@code [I32_GT_U_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.gt_u}. */
    public static final int I32_GT_U_L = FUSED_BASE + 44;
    /** {@code [I32_LE_S_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.le_s}. */
    public static final int I32_LE_S_L = FUSED_BASE + 45;
    /** {@code [I32_LE_U_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.le_u}. */
    public static final int I32_LE_U_L = FUSED_BASE + 46;
    /** {@code [I32_GE_S_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.ge_s}. */
    public static final int I32_GE_S_L = FUSED_BASE + 47;
    /** {@code [I32_GE_U_L slot]}: {@code local.get} of the local at {@code slot} then {@code i32.ge_u}. */
    public static final int I32_GE_U_L = FUSED_BASE + 48;
    /** {@code [BR_IF_EQ_C c target]}: {@code i32.const c}, {@code i32.eq}, {@code br_if}. */
    public static final int BR_IF_EQ_C = FUSED_BASE + 49;
    /** {@code [BR_IF_NE_C c target]}: {@code i32.const c}, {@code i32.ne}, {@code br_if}. */
    public static final int BR_IF_NE_C = FUSED_BASE + 50;
    /** {@code [BR_IF_LT_S_C c target]}: {@code i32.const c}, {@code i32.lt_s}, {@code br_if}. */
    public static final int BR_IF_LT_S_C = FUSED_BASE + 51;
    /** {@code [BR_IF_LT_U_C c target]}: {@code i32.const c}, {@code i32.lt_u}, {@code br_if}. */
    public static final int BR_IF_LT_U_C = FUSED_BASE + 52;
    /** {@code [BR_IF_GT_S_C c target]}: {@code i32.const c}, {@code i32.gt_s}, {@code br_if}. */
    public static final int BR_IF_GT_S_C = FUSED_BASE + 53;
    /** {@code [BR_IF_GT_U_C c target]}: {@code i32.const c}, {@code i32.gt_u}, {@code br_if}. */
    public static final int BR_IF_GT_U_C = FUSED_BASE + 54;
    /** {@code [BR_IF_LE_S_C c target]}: {@code i32.const c}, {@code i32.le_s}, {@code br_if}. */
    public static final int BR_IF_LE_S_C = FUSED_BASE + 55;
    /** {@code [BR_IF_LE_U_C c target]}: {@code i32.const c}, {@code i32.le_u}, {@code br_if}. */
    public static final int BR_IF_LE_U_C = FUSED_BASE + 56;
    /** {@code [BR_IF_GE_S_C c target]}: {@code i32.const c}, {@code i32.ge_s}, {@code br_if}. */
    public static final int BR_IF_GE_S_C = FUSED_BASE + 57;
    /** {@code [BR_IF_GE_U_C c target]}: {@code i32.const c}, {@code i32.ge_u}, {@code br_if}. */
    public static final int BR_IF_GE_U_C = FUSED_BASE + 58;

    /** Number of ops. */
    public static final int COUNT = FUSED_BASE + 59;

    private static final String[] NAMES = new String[COUNT];

    static {
        String[] structural = {
            "UNREACHABLE", "FUEL", "BR", "BR_ADJ", "BR_IF", "BR_IF_ADJ",
            "BR_UNLESS", "BR_TABLE", "RETURN", "CALL", "CALL_INDIRECT", "DROP",
            "DROP_N", "SELECT", "SELECT_WIDE", "LOCAL_GET", "LOCAL_SET", "LOCAL_TEE",
            "LOCAL_GET_WIDE", "LOCAL_SET_WIDE", "LOCAL_TEE_WIDE", "GLOBAL_GET", "GLOBAL_SET", "GLOBAL_GET_WIDE",
            "GLOBAL_SET_WIDE", "TABLE_GET", "TABLE_SET", "TABLE_SIZE", "TABLE_GROW", "TABLE_FILL",
            "TABLE_COPY", "TABLE_INIT", "ELEM_DROP", "LOAD32", "LOAD64", "LOAD8_S",
            "LOAD8_U", "LOAD16_S", "LOAD16_U", "LOAD32_U", "STORE32", "STORE64",
            "STORE8", "STORE16", "MEMORY_SIZE", "MEMORY_GROW", "MEMORY_FILL", "MEMORY_COPY",
            "MEMORY_INIT", "DATA_DROP", "CONST32", "CONST64", "REF_NULL", "REF_IS_NULL",
            "REF_FUNC", "VECTOR",
        };
        System.arraycopy(structural, 0, NAMES, 0, structural.length);
        String[] fused = {
            "BR_IF_EQ", "BR_IF_NE", "BR_IF_LT_S", "BR_IF_LT_U", "BR_IF_GT_S", "BR_IF_GT_U",
            "BR_IF_LE_S", "BR_IF_LE_U", "BR_IF_GE_S", "BR_IF_GE_U", "BR_IF_EQZ", "I32_ADD_C",
            "I32_SUB_C", "I32_MUL_C", "I32_AND_C", "I32_OR_C", "I32_XOR_C", "I32_SHL_C",
            "I32_SHR_S_C", "I32_SHR_U_C", "I32_EQ_C", "I32_NE_C", "I32_LT_S_C", "I32_LT_U_C",
            "I32_GT_S_C", "I32_GT_U_C", "I32_LE_S_C", "I32_LE_U_C", "I32_GE_S_C", "I32_GE_U_C",
            "I32_ADD_L", "I32_SUB_L", "I32_MUL_L", "I32_AND_L", "I32_OR_L", "I32_XOR_L",
            "I32_SHL_L", "I32_SHR_S_L", "I32_SHR_U_L", "I32_EQ_L", "I32_NE_L", "I32_LT_S_L",
            "I32_LT_U_L", "I32_GT_S_L", "I32_GT_U_L", "I32_LE_S_L", "I32_LE_U_L", "I32_GE_S_L",
            "I32_GE_U_L", "BR_IF_EQ_C", "BR_IF_NE_C", "BR_IF_LT_S_C", "BR_IF_LT_U_C", "BR_IF_GT_S_C",
            "BR_IF_GT_U_C", "BR_IF_LE_S_C", "BR_IF_LE_U_C", "BR_IF_GE_S_C", "BR_IF_GE_U_C",
        };
        System.arraycopy(fused, 0, NAMES, FUSED_BASE, fused.length);
        for (Opcode op : Opcode.values()) {
            if (op.prefix() == 0 && op.code() >= 0x45 && op.code() <= 0xC4) {
                NAMES[NUMERIC_BASE + op.code() - 0x45] = op.text();
            } else if (op.prefix() == Opcode.PREFIX_FC && op.code() < 8) {
                NAMES[SAT_BASE + op.code()] = op.text();
            }
        }
    }

    /** Printable name of {@code op}. */
    public static String name(int op) {
        return op >= 0 && op < COUNT && NAMES[op] != null ? NAMES[op] : "op" + op;
    }
}
