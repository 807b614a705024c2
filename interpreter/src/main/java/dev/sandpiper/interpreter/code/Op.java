package dev.sandpiper.interpreter.code;

/**
 * The interpreter's instruction set: register form. A function's code is an {@code int[]}; each
 * instruction is one word holding its op, then its immediates, one word each
 * ({@code [OP imm1 imm2]} below).
 *
 * <p><b>Slots.</b> A frame is a run of 64-bit slots of the store's {@code long[]}: the locals
 * (parameters first), then one slot per position of the Wasm operand stack (its <i>canonical</i>
 * slots; a v128 takes two). Operands and results of ops name slots by their index in the frame
 * ({@code d}, {@code a}, {@code b}, {@code s}...), so an op reads its operands where they are: a
 * local, or a canonical slot. The translator ({@link CodeTranslator}) decides which; values are i32
 * and f32 bits sign-extended to 64, i64 and f64 bits as they are, references as handles (null is
 * {@code -1}).
 *
 * <p><b>Control.</b> Branch targets are word indices: the {@code n} word of the target block's
 * {@code FUEL}. A branch charges that block's fuel and continues after it; a conditional branch not
 * taken does the same with the {@code FUEL} that always follows it.
 *
 * <p><b>Stack-form ops.</b> {@code NUMERIC}, {@code TABLE}, {@code MEMORY_BULK} and {@code VECTOR}
 * hand rarer instructions to helpers that work like a stack machine on the canonical slots: their
 * operands sit just below slot {@code top} and their results replace them there.
 *
 * <p>Naming: the Wasm instruction's name where one op implements one instruction; a width
 * ({@code LOAD32}, {@code STORE8}) where one op serves every instruction moving those bytes;
 * {@code _C} for a constant right operand; {@code _WIDE} / {@code MOV2} for v128 values.
 */
public final class Op {
    private Op() {}

    /** {@code [FUEL n]} Opens a basic block of {@code n} instructions; reached only by falling through (branches, calls and the entry charge the block and skip this op). */
    public static final int FUEL = 0;

    /** {@code [UNREACHABLE]} Traps: {@code unreachable}. */
    public static final int UNREACHABLE = 1;

    /** {@code [BR target]} Jumps to {@code target} (the n word of a block's FUEL). */
    public static final int BR = 2;

    /** {@code [BR_IF c target]} Jumps when the i32 in slot {@code c} is not zero; a FUEL follows for the fall-through. */
    public static final int BR_IF = 3;

    /** {@code [BR_UNLESS c target]} Jumps when the i32 in slot {@code c} is zero ({@code if}). */
    public static final int BR_UNLESS = 4;

    /** {@code [BR_IF_EQ a b target]} Jumps when i32 slot {@code a} eq slot {@code b}. */
    public static final int BR_IF_EQ = 5;

    /** {@code [BR_IF_NE a b target]} Jumps when i32 slot {@code a} ne slot {@code b}. */
    public static final int BR_IF_NE = 6;

    /** {@code [BR_IF_LT_S a b target]} Jumps when i32 slot {@code a} lt_s slot {@code b}. */
    public static final int BR_IF_LT_S = 7;

    /** {@code [BR_IF_LT_U a b target]} Jumps when i32 slot {@code a} lt_u slot {@code b}. */
    public static final int BR_IF_LT_U = 8;

    /** {@code [BR_IF_GT_S a b target]} Jumps when i32 slot {@code a} gt_s slot {@code b}. */
    public static final int BR_IF_GT_S = 9;

    /** {@code [BR_IF_GT_U a b target]} Jumps when i32 slot {@code a} gt_u slot {@code b}. */
    public static final int BR_IF_GT_U = 10;

    /** {@code [BR_IF_LE_S a b target]} Jumps when i32 slot {@code a} le_s slot {@code b}. */
    public static final int BR_IF_LE_S = 11;

    /** {@code [BR_IF_LE_U a b target]} Jumps when i32 slot {@code a} le_u slot {@code b}. */
    public static final int BR_IF_LE_U = 12;

    /** {@code [BR_IF_GE_S a b target]} Jumps when i32 slot {@code a} ge_s slot {@code b}. */
    public static final int BR_IF_GE_S = 13;

    /** {@code [BR_IF_GE_U a b target]} Jumps when i32 slot {@code a} ge_u slot {@code b}. */
    public static final int BR_IF_GE_U = 14;

    /** {@code [BR_IF_EQ_C a c target]} Jumps when i32 slot {@code a} eq the constant {@code c}. */
    public static final int BR_IF_EQ_C = 15;

    /** {@code [BR_IF_NE_C a c target]} Jumps when i32 slot {@code a} ne the constant {@code c}. */
    public static final int BR_IF_NE_C = 16;

    /** {@code [BR_IF_LT_S_C a c target]} Jumps when i32 slot {@code a} lt_s the constant {@code c}. */
    public static final int BR_IF_LT_S_C = 17;

    /** {@code [BR_IF_LT_U_C a c target]} Jumps when i32 slot {@code a} lt_u the constant {@code c}. */
    public static final int BR_IF_LT_U_C = 18;

    /** {@code [BR_IF_GT_S_C a c target]} Jumps when i32 slot {@code a} gt_s the constant {@code c}. */
    public static final int BR_IF_GT_S_C = 19;

    /** {@code [BR_IF_GT_U_C a c target]} Jumps when i32 slot {@code a} gt_u the constant {@code c}. */
    public static final int BR_IF_GT_U_C = 20;

    /** {@code [BR_IF_LE_S_C a c target]} Jumps when i32 slot {@code a} le_s the constant {@code c}. */
    public static final int BR_IF_LE_S_C = 21;

    /** {@code [BR_IF_LE_U_C a c target]} Jumps when i32 slot {@code a} le_u the constant {@code c}. */
    public static final int BR_IF_LE_U_C = 22;

    /** {@code [BR_IF_GE_S_C a c target]} Jumps when i32 slot {@code a} ge_s the constant {@code c}. */
    public static final int BR_IF_GE_S_C = 23;

    /** {@code [BR_IF_GE_U_C a c target]} Jumps when i32 slot {@code a} ge_u the constant {@code c}. */
    public static final int BR_IF_GE_U_C = 24;

    /** {@code [BR_TABLE i n keep src (target dst)*(n+1)]} Takes entry {@code i} (the i32 in slot {@code i}), or the last (default) when out of range; copies {@code keep} slots from {@code src} to the entry's {@code dst} when they differ, and jumps. */
    public static final int BR_TABLE = 25;

    /** {@code [RETURN k src]} Copies {@code k} slots from {@code src} to the frame base and returns. */
    public static final int RETURN = 26;

    /** {@code [RETURN1 src]} Returns the one slot {@code src}: {@link #RETURN} of a single-slot result. */
    public static final int RETURN1 = 27;

    /** {@code [CALL func base]} Calls function {@code func}; its arguments are the slots from {@code base}, where its results land. */
    public static final int CALL = 28;

    /** {@code [CALL_INDIRECT typeId table i base]} Calls the function at the index in slot {@code i} of table {@code table}, after checking its canonical type id; with table -1, {@code call_ref} of the function reference in slot {@code i} (null traps). */
    public static final int CALL_INDIRECT = 29;

    /** {@code [MOV d s]} Copies slot {@code s} to slot {@code d}. */
    public static final int MOV = 30;

    /** {@code [MOV2 d s]} Copies the two slots of a v128. */
    public static final int MOV2 = 31;

    /** {@code [CONST32 d v]} Sets slot {@code d} to the 32 bits {@code v}, sign-extended ({@code i32.const}, {@code f32.const}). */
    public static final int CONST32 = 32;

    /** {@code [CONST64 d lo hi]} Sets slot {@code d} to {@code hi << 32 | lo}. */
    public static final int CONST64 = 33;

    /** {@code [GLOBAL_GET d g]} Copies global {@code g} to slot {@code d}. */
    public static final int GLOBAL_GET = 34;

    /** {@code [GLOBAL_SET g s]} Copies slot {@code s} to global {@code g}. */
    public static final int GLOBAL_SET = 35;

    /** {@code [GLOBAL_GET_WIDE d g]} {@link #GLOBAL_GET} of a v128. */
    public static final int GLOBAL_GET_WIDE = 36;

    /** {@code [GLOBAL_SET_WIDE g s]} {@link #GLOBAL_SET} of a v128. */
    public static final int GLOBAL_SET_WIDE = 37;

    /** {@code [SELECT d a b c]} {@code d = c != 0 ? a : b}. */
    public static final int SELECT = 38;

    /** {@code [SELECT_WIDE d a b c]} {@link #SELECT} of v128 values. */
    public static final int SELECT_WIDE = 39;

    /** {@code [LOAD32 d a off]} Loads 4 bytes sign-extended ({@code i32.load}, {@code f32.load}, {@code i64.load32_s}) from address slot {@code a} + {@code off} into slot {@code d}. */
    public static final int LOAD32 = 40;

    /** {@code [LOAD64 d a off]} Loads 8 bytes from address slot {@code a} + {@code off} into slot {@code d}. */
    public static final int LOAD64 = 41;

    /** {@code [LOAD8_S d a off]} Loads 1 byte sign-extended from address slot {@code a} + {@code off} into slot {@code d}. */
    public static final int LOAD8_S = 42;

    /** {@code [LOAD8_U d a off]} Loads 1 byte zero-extended from address slot {@code a} + {@code off} into slot {@code d}. */
    public static final int LOAD8_U = 43;

    /** {@code [LOAD16_S d a off]} Loads 2 bytes sign-extended from address slot {@code a} + {@code off} into slot {@code d}. */
    public static final int LOAD16_S = 44;

    /** {@code [LOAD16_U d a off]} Loads 2 bytes zero-extended from address slot {@code a} + {@code off} into slot {@code d}. */
    public static final int LOAD16_U = 45;

    /** {@code [LOAD32_U d a off]} Loads 4 bytes zero-extended ({@code i64.load32_u}) from address slot {@code a} + {@code off} into slot {@code d}. */
    public static final int LOAD32_U = 46;

    /** {@code [LOAD8_U_X d a b off]} {@link #LOAD8_U} from address slot {@code a} + slot {@code b} (an {@code i32.add} fused into the load, wrapping at 32 bits) + {@code off}. */
    public static final int LOAD8_U_X = 47;

    /** {@code [STORE32 a v off]} Stores the low 4 bytes of slot {@code v} at address slot {@code a} + {@code off}. */
    public static final int STORE32 = 48;

    /** {@code [STORE64 a v off]} Stores 8 bytes of slot {@code v} at address slot {@code a} + {@code off}. */
    public static final int STORE64 = 49;

    /** {@code [STORE8 a v off]} Stores the low byte of slot {@code v} at address slot {@code a} + {@code off}. */
    public static final int STORE8 = 50;

    /** {@code [STORE16 a v off]} Stores the low 2 bytes of slot {@code v} at address slot {@code a} + {@code off}. */
    public static final int STORE16 = 51;

    /** {@code [MEMORY_SIZE d]} {@code memory.size} into slot {@code d}. */
    public static final int MEMORY_SIZE = 52;

    /** {@code [MEMORY_GROW d a]} {@code memory.grow} by slot {@code a}, the old size (or -1) into slot {@code d}. */
    public static final int MEMORY_GROW = 53;

    /** {@code [NUMERIC op top]} Any numeric instruction, in stack form: its operands are the slots just below slot {@code top} and its result replaces them (integer division, bit counts, float operators, conversions...). */
    public static final int NUMERIC = 54;

    /** {@code [TABLE op x y top]} Table instructions, {@code elem.drop} and {@code ref.func}, in stack form below slot {@code top}. */
    public static final int TABLE = 55;

    /** {@code [MEMORY_BULK op seg top]} {@code memory.fill/copy/init} and {@code data.drop}, in stack form below slot {@code top}. */
    public static final int MEMORY_BULK = 56;

    /** {@code [VECTOR words top subop ...]} A vector instruction in stack form below slot {@code top}; {@code words} counts the immediates, itself included. */
    public static final int VECTOR = 57;

    /** {@code [REF_IS_NULL d a]} {@code ref.is_null} of slot {@code a} into slot {@code d}. */
    public static final int REF_IS_NULL = 58;

    /** {@code [I32_EQZ d a]} {@code i32.eqz}. */
    public static final int I32_EQZ = 59;

    /** {@code [I32_ADD d a b]} {@code i32.add} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_ADD = 60;

    /** {@code [I32_SUB d a b]} {@code i32.sub} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_SUB = 61;

    /** {@code [I32_MUL d a b]} {@code i32.mul} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_MUL = 62;

    /** {@code [I32_AND d a b]} {@code i32.and} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_AND = 63;

    /** {@code [I32_OR d a b]} {@code i32.or} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_OR = 64;

    /** {@code [I32_XOR d a b]} {@code i32.xor} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_XOR = 65;

    /** {@code [I32_SHL d a b]} {@code i32.shl} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_SHL = 66;

    /** {@code [I32_SHR_S d a b]} {@code i32.shr_s} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_SHR_S = 67;

    /** {@code [I32_SHR_U d a b]} {@code i32.shr_u} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_SHR_U = 68;

    /** {@code [I32_ROTL d a b]} {@code i32.rotl} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_ROTL = 69;

    /** {@code [I32_ROTR d a b]} {@code i32.rotr} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_ROTR = 70;

    /** {@code [I32_EQ d a b]} {@code i32.eq} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_EQ = 71;

    /** {@code [I32_NE d a b]} {@code i32.ne} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_NE = 72;

    /** {@code [I32_LT_S d a b]} {@code i32.lt_s} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_LT_S = 73;

    /** {@code [I32_LT_U d a b]} {@code i32.lt_u} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_LT_U = 74;

    /** {@code [I32_GT_S d a b]} {@code i32.gt_s} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_GT_S = 75;

    /** {@code [I32_GT_U d a b]} {@code i32.gt_u} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_GT_U = 76;

    /** {@code [I32_LE_S d a b]} {@code i32.le_s} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_LE_S = 77;

    /** {@code [I32_LE_U d a b]} {@code i32.le_u} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_LE_U = 78;

    /** {@code [I32_GE_S d a b]} {@code i32.ge_s} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_GE_S = 79;

    /** {@code [I32_GE_U d a b]} {@code i32.ge_u} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I32_GE_U = 80;

    /** {@code [I32_ADD_C d a c]} {@code i32.add} of slot {@code a} and the constant {@code c}. */
    public static final int I32_ADD_C = 81;

    /** {@code [I32_SUB_C d a c]} {@code i32.sub} of slot {@code a} and the constant {@code c}. */
    public static final int I32_SUB_C = 82;

    /** {@code [I32_MUL_C d a c]} {@code i32.mul} of slot {@code a} and the constant {@code c}. */
    public static final int I32_MUL_C = 83;

    /** {@code [I32_AND_C d a c]} {@code i32.and} of slot {@code a} and the constant {@code c}. */
    public static final int I32_AND_C = 84;

    /** {@code [I32_OR_C d a c]} {@code i32.or} of slot {@code a} and the constant {@code c}. */
    public static final int I32_OR_C = 85;

    /** {@code [I32_XOR_C d a c]} {@code i32.xor} of slot {@code a} and the constant {@code c}. */
    public static final int I32_XOR_C = 86;

    /** {@code [I32_SHL_C d a c]} {@code i32.shl} of slot {@code a} and the constant {@code c}. */
    public static final int I32_SHL_C = 87;

    /** {@code [I32_SHR_S_C d a c]} {@code i32.shr_s} of slot {@code a} and the constant {@code c}. */
    public static final int I32_SHR_S_C = 88;

    /** {@code [I32_SHR_U_C d a c]} {@code i32.shr_u} of slot {@code a} and the constant {@code c}. */
    public static final int I32_SHR_U_C = 89;

    /** {@code [I32_ROTL_C d a c]} {@code i32.rotl} of slot {@code a} and the constant {@code c}. */
    public static final int I32_ROTL_C = 90;

    /** {@code [I32_ROTR_C d a c]} {@code i32.rotr} of slot {@code a} and the constant {@code c}. */
    public static final int I32_ROTR_C = 91;

    /** {@code [I32_EQ_C d a c]} {@code i32.eq} of slot {@code a} and the constant {@code c}. */
    public static final int I32_EQ_C = 92;

    /** {@code [I32_NE_C d a c]} {@code i32.ne} of slot {@code a} and the constant {@code c}. */
    public static final int I32_NE_C = 93;

    /** {@code [I32_LT_S_C d a c]} {@code i32.lt_s} of slot {@code a} and the constant {@code c}. */
    public static final int I32_LT_S_C = 94;

    /** {@code [I32_LT_U_C d a c]} {@code i32.lt_u} of slot {@code a} and the constant {@code c}. */
    public static final int I32_LT_U_C = 95;

    /** {@code [I32_GT_S_C d a c]} {@code i32.gt_s} of slot {@code a} and the constant {@code c}. */
    public static final int I32_GT_S_C = 96;

    /** {@code [I32_GT_U_C d a c]} {@code i32.gt_u} of slot {@code a} and the constant {@code c}. */
    public static final int I32_GT_U_C = 97;

    /** {@code [I32_LE_S_C d a c]} {@code i32.le_s} of slot {@code a} and the constant {@code c}. */
    public static final int I32_LE_S_C = 98;

    /** {@code [I32_LE_U_C d a c]} {@code i32.le_u} of slot {@code a} and the constant {@code c}. */
    public static final int I32_LE_U_C = 99;

    /** {@code [I32_GE_S_C d a c]} {@code i32.ge_s} of slot {@code a} and the constant {@code c}. */
    public static final int I32_GE_S_C = 100;

    /** {@code [I32_GE_U_C d a c]} {@code i32.ge_u} of slot {@code a} and the constant {@code c}. */
    public static final int I32_GE_U_C = 101;

    /** {@code [I32_WRAP_I64 d a]} {@code i32.wrap_i64}. */
    public static final int I32_WRAP_I64 = 102;

    /** {@code [I32_EXTEND8_S d a]} {@code i32.extend8_s}, also {@code i64.extend8_s}. */
    public static final int I32_EXTEND8_S = 103;

    /** {@code [I32_EXTEND16_S d a]} {@code i32.extend16_s}, also {@code i64.extend16_s}. */
    public static final int I32_EXTEND16_S = 104;

    /** {@code [I64_EQZ d a]} {@code i64.eqz}. */
    public static final int I64_EQZ = 105;

    /** {@code [I64_ADD d a b]} {@code i64.add} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_ADD = 106;

    /** {@code [I64_SUB d a b]} {@code i64.sub} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_SUB = 107;

    /** {@code [I64_MUL d a b]} {@code i64.mul} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_MUL = 108;

    /** {@code [I64_AND d a b]} {@code i64.and} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_AND = 109;

    /** {@code [I64_OR d a b]} {@code i64.or} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_OR = 110;

    /** {@code [I64_XOR d a b]} {@code i64.xor} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_XOR = 111;

    /** {@code [I64_SHL d a b]} {@code i64.shl} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_SHL = 112;

    /** {@code [I64_SHR_S d a b]} {@code i64.shr_s} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_SHR_S = 113;

    /** {@code [I64_SHR_U d a b]} {@code i64.shr_u} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_SHR_U = 114;

    /** {@code [I64_ROTL d a b]} {@code i64.rotl} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_ROTL = 115;

    /** {@code [I64_ROTR d a b]} {@code i64.rotr} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_ROTR = 116;

    /** {@code [I64_EQ d a b]} {@code i64.eq} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_EQ = 117;

    /** {@code [I64_NE d a b]} {@code i64.ne} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_NE = 118;

    /** {@code [I64_LT_S d a b]} {@code i64.lt_s} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_LT_S = 119;

    /** {@code [I64_LT_U d a b]} {@code i64.lt_u} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_LT_U = 120;

    /** {@code [I64_GT_S d a b]} {@code i64.gt_s} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_GT_S = 121;

    /** {@code [I64_GT_U d a b]} {@code i64.gt_u} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_GT_U = 122;

    /** {@code [I64_LE_S d a b]} {@code i64.le_s} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_LE_S = 123;

    /** {@code [I64_LE_U d a b]} {@code i64.le_u} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_LE_U = 124;

    /** {@code [I64_GE_S d a b]} {@code i64.ge_s} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_GE_S = 125;

    /** {@code [I64_GE_U d a b]} {@code i64.ge_u} of slots {@code a} and {@code b} into slot {@code d}. */
    public static final int I64_GE_U = 126;

    /** {@code [I64_ADD_C d a c]} {@code i64.add} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_ADD_C = 127;

    /** {@code [I64_SUB_C d a c]} {@code i64.sub} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_SUB_C = 128;

    /** {@code [I64_AND_C d a c]} {@code i64.and} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_AND_C = 129;

    /** {@code [I64_OR_C d a c]} {@code i64.or} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_OR_C = 130;

    /** {@code [I64_XOR_C d a c]} {@code i64.xor} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_XOR_C = 131;

    /** {@code [I64_SHL_C d a c]} {@code i64.shl} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_SHL_C = 132;

    /** {@code [I64_SHR_S_C d a c]} {@code i64.shr_s} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_SHR_S_C = 133;

    /** {@code [I64_SHR_U_C d a c]} {@code i64.shr_u} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_SHR_U_C = 134;

    /** {@code [I64_ROTL_C d a c]} {@code i64.rotl} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_ROTL_C = 135;

    /** {@code [I64_ROTR_C d a c]} {@code i64.rotr} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_ROTR_C = 136;

    /** {@code [I64_EQ_C d a c]} {@code i64.eq} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_EQ_C = 137;

    /** {@code [I64_NE_C d a c]} {@code i64.ne} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_NE_C = 138;

    /** {@code [I64_LT_S_C d a c]} {@code i64.lt_s} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_LT_S_C = 139;

    /** {@code [I64_LT_U_C d a c]} {@code i64.lt_u} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_LT_U_C = 140;

    /** {@code [I64_GT_S_C d a c]} {@code i64.gt_s} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_GT_S_C = 141;

    /** {@code [I64_GT_U_C d a c]} {@code i64.gt_u} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_GT_U_C = 142;

    /** {@code [I64_LE_S_C d a c]} {@code i64.le_s} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_LE_S_C = 143;

    /** {@code [I64_LE_U_C d a c]} {@code i64.le_u} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_LE_U_C = 144;

    /** {@code [I64_GE_S_C d a c]} {@code i64.ge_s} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_GE_S_C = 145;

    /** {@code [I64_GE_U_C d a c]} {@code i64.ge_u} of slot {@code a} and the constant {@code c} (32 bits, sign-extended). */
    public static final int I64_GE_U_C = 146;

    /** {@code [I64_EXTEND_I32_S d a]} {@code i64.extend_i32_s}. */
    public static final int I64_EXTEND_I32_S = 147;

    /** {@code [I64_EXTEND_I32_U d a]} {@code i64.extend_i32_u}. */
    public static final int I64_EXTEND_I32_U = 148;

    /** {@code [F32_ADD d a b]} {@code f32.add} of slots {@code a} and {@code b}. */
    public static final int F32_ADD = 149;

    /** {@code [F32_SUB d a b]} {@code f32.sub} of slots {@code a} and {@code b}. */
    public static final int F32_SUB = 150;

    /** {@code [F32_MUL d a b]} {@code f32.mul} of slots {@code a} and {@code b}. */
    public static final int F32_MUL = 151;

    /** {@code [F32_DIV d a b]} {@code f32.div} of slots {@code a} and {@code b}. */
    public static final int F32_DIV = 152;

    /** {@code [F32_EQ d a b]} {@code f32.eq} of slots {@code a} and {@code b}. */
    public static final int F32_EQ = 153;

    /** {@code [F32_NE d a b]} {@code f32.ne} of slots {@code a} and {@code b}. */
    public static final int F32_NE = 154;

    /** {@code [F32_LT d a b]} {@code f32.lt} of slots {@code a} and {@code b}. */
    public static final int F32_LT = 155;

    /** {@code [F32_GT d a b]} {@code f32.gt} of slots {@code a} and {@code b}. */
    public static final int F32_GT = 156;

    /** {@code [F32_LE d a b]} {@code f32.le} of slots {@code a} and {@code b}. */
    public static final int F32_LE = 157;

    /** {@code [F32_GE d a b]} {@code f32.ge} of slots {@code a} and {@code b}. */
    public static final int F32_GE = 158;

    /** {@code [F64_ADD d a b]} {@code f64.add} of slots {@code a} and {@code b}. */
    public static final int F64_ADD = 159;

    /** {@code [F64_SUB d a b]} {@code f64.sub} of slots {@code a} and {@code b}. */
    public static final int F64_SUB = 160;

    /** {@code [F64_MUL d a b]} {@code f64.mul} of slots {@code a} and {@code b}. */
    public static final int F64_MUL = 161;

    /** {@code [F64_DIV d a b]} {@code f64.div} of slots {@code a} and {@code b}. */
    public static final int F64_DIV = 162;

    /** {@code [F64_EQ d a b]} {@code f64.eq} of slots {@code a} and {@code b}. */
    public static final int F64_EQ = 163;

    /** {@code [F64_NE d a b]} {@code f64.ne} of slots {@code a} and {@code b}. */
    public static final int F64_NE = 164;

    /** {@code [F64_LT d a b]} {@code f64.lt} of slots {@code a} and {@code b}. */
    public static final int F64_LT = 165;

    /** {@code [F64_GT d a b]} {@code f64.gt} of slots {@code a} and {@code b}. */
    public static final int F64_GT = 166;

    /** {@code [F64_LE d a b]} {@code f64.le} of slots {@code a} and {@code b}. */
    public static final int F64_LE = 167;

    /** {@code [F64_GE d a b]} {@code f64.ge} of slots {@code a} and {@code b}. */
    public static final int F64_GE = 168;

    /**
     * {@code [RETURN_CALL func base]} {@code return_call} (3.0): a function of this instance replaces
     * the caller's frame, its arguments moved from slot {@code base} to the frame base, so the call
     * depth and the frame stack stay as they are. Any other callee is called as by {@link #CALL},
     * and the {@link #RETURN} that the translator always emits next returns its results.
     */
    public static final int RETURN_CALL = 169;

    /** {@code [RETURN_CALL_INDIRECT typeId table i base]} (table -1: {@code return_call_ref} of the reference in slot {@code i}) {@code return_call_indirect}: {@link #CALL_INDIRECT}'s checks, then as {@link #RETURN_CALL}. */
    public static final int RETURN_CALL_INDIRECT = 170;

    /** {@code [MEMORY_X op mem x offLo offHi top]} A memory instruction on a memory other than memory 0 or on a 64-bit memory (3.0), in stack form below slot {@code top}; {@code x} is {@code memory.copy}'s source memory or {@code memory.init}'s segment, {@code offLo offHi} a load's or store's u64 offset. */
    public static final int MEMORY_X = 171;

    /** {@code [REF_AS_NON_NULL d a]} {@code ref.as_non_null}: slot {@code a} into slot {@code d}; traps on null (3.0). */
    public static final int REF_AS_NON_NULL = 172;

    /**
     * {@code [THROW tag src]} {@code throw} of tag {@code tag} (3.0) with the payload in the slots
     * from {@code src}; tag -1: {@code throw_ref} (or legacy {@code rethrow}) of the exception
     * reference in slot {@code src}, trapping on null.
     */
    public static final int THROW = 173;

    /**
     * {@code [CATCHES words start end depth limit n (tag flags dst target)*]} a handler of the
     * exceptions thrown by the ops ending in {@code (start, end]}: a {@code try_table}'s catch
     * clauses or a legacy {@code try}'s catches (tag -1: any tag), or with {@code limit >= 0} a
     * legacy {@code delegate} to the frame at control depth {@code limit}. Executing it does nothing
     * but skip its {@code words} immediates ({@link dev.sandpiper.interpreter.code.FunctionCode#handlers}
     * lists where these are).
     */
    public static final int CATCHES = 174;

    /** Number of ops. */
    /** {@code [GC words top op ...]} A GC instruction in stack form below slot {@code top} (3.0); {@code words} counts the immediates, itself included. */
    public static final int GC = 175;
    public static final int COUNT = 176;

    private static final String[] NAMES = {
        "FUEL", "UNREACHABLE", "BR", "BR_IF", "BR_UNLESS", "BR_IF_EQ",
        "BR_IF_NE", "BR_IF_LT_S", "BR_IF_LT_U", "BR_IF_GT_S", "BR_IF_GT_U", "BR_IF_LE_S",
        "BR_IF_LE_U", "BR_IF_GE_S", "BR_IF_GE_U", "BR_IF_EQ_C", "BR_IF_NE_C", "BR_IF_LT_S_C",
        "BR_IF_LT_U_C", "BR_IF_GT_S_C", "BR_IF_GT_U_C", "BR_IF_LE_S_C", "BR_IF_LE_U_C", "BR_IF_GE_S_C",
        "BR_IF_GE_U_C", "BR_TABLE", "RETURN", "RETURN1", "CALL", "CALL_INDIRECT",
        "MOV", "MOV2", "CONST32", "CONST64", "GLOBAL_GET", "GLOBAL_SET",
        "GLOBAL_GET_WIDE", "GLOBAL_SET_WIDE", "SELECT", "SELECT_WIDE", "LOAD32", "LOAD64",
        "LOAD8_S", "LOAD8_U", "LOAD16_S", "LOAD16_U", "LOAD32_U", "LOAD8_U_X",
        "STORE32", "STORE64", "STORE8", "STORE16", "MEMORY_SIZE", "MEMORY_GROW",
        "NUMERIC", "TABLE", "MEMORY_BULK", "VECTOR", "REF_IS_NULL", "I32_EQZ",
        "I32_ADD", "I32_SUB", "I32_MUL", "I32_AND", "I32_OR", "I32_XOR",
        "I32_SHL", "I32_SHR_S", "I32_SHR_U", "I32_ROTL", "I32_ROTR", "I32_EQ",
        "I32_NE", "I32_LT_S", "I32_LT_U", "I32_GT_S", "I32_GT_U", "I32_LE_S",
        "I32_LE_U", "I32_GE_S", "I32_GE_U", "I32_ADD_C", "I32_SUB_C", "I32_MUL_C",
        "I32_AND_C", "I32_OR_C", "I32_XOR_C", "I32_SHL_C", "I32_SHR_S_C", "I32_SHR_U_C",
        "I32_ROTL_C", "I32_ROTR_C", "I32_EQ_C", "I32_NE_C", "I32_LT_S_C", "I32_LT_U_C",
        "I32_GT_S_C", "I32_GT_U_C", "I32_LE_S_C", "I32_LE_U_C", "I32_GE_S_C", "I32_GE_U_C",
        "I32_WRAP_I64", "I32_EXTEND8_S", "I32_EXTEND16_S", "I64_EQZ", "I64_ADD", "I64_SUB",
        "I64_MUL", "I64_AND", "I64_OR", "I64_XOR", "I64_SHL", "I64_SHR_S",
        "I64_SHR_U", "I64_ROTL", "I64_ROTR", "I64_EQ", "I64_NE", "I64_LT_S",
        "I64_LT_U", "I64_GT_S", "I64_GT_U", "I64_LE_S", "I64_LE_U", "I64_GE_S",
        "I64_GE_U", "I64_ADD_C", "I64_SUB_C", "I64_AND_C", "I64_OR_C", "I64_XOR_C",
        "I64_SHL_C", "I64_SHR_S_C", "I64_SHR_U_C", "I64_ROTL_C", "I64_ROTR_C", "I64_EQ_C",
        "I64_NE_C", "I64_LT_S_C", "I64_LT_U_C", "I64_GT_S_C", "I64_GT_U_C", "I64_LE_S_C",
        "I64_LE_U_C", "I64_GE_S_C", "I64_GE_U_C", "I64_EXTEND_I32_S", "I64_EXTEND_I32_U", "F32_ADD",
        "F32_SUB", "F32_MUL", "F32_DIV", "F32_EQ", "F32_NE", "F32_LT",
        "F32_GT", "F32_LE", "F32_GE", "F64_ADD", "F64_SUB", "F64_MUL",
        "F64_DIV", "F64_EQ", "F64_NE", "F64_LT", "F64_GT", "F64_LE",
        "F64_GE", "RETURN_CALL", "RETURN_CALL_INDIRECT", "MEMORY_X", "REF_AS_NON_NULL",
        "THROW", "CATCHES", "GC",
    };

    /** Immediate words of each op; -1 where the count is in the code ({@link #immediates}). */
    private static final int[] WIDTH = {
        1, 0, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, -1, 2, 1, 2, 4, 2, 2, 2, 3, 2, 2, 2, 2, 4, 4,
        3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 1, 2, 2, 4, 3, -1, 2, 2,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 4, 6, 2, 2, -1, -1,
    };

    /** Printable name of {@code op}. */
    public static String name(int op) {
        return op >= 0 && op < COUNT ? NAMES[op] : "op" + op;
    }

    /** Number of immediate words of the op at {@code pc}. */
    public static int immediates(int[] code, int pc) {
        int op = code[pc];
        if (op == BR_TABLE) {
            return 4 + 2 * (code[pc + 2] + 1);
        }
        if (op == VECTOR || op == CATCHES || op == GC) {
            return code[pc + 1];
        }
        return WIDTH[op];
    }
}
