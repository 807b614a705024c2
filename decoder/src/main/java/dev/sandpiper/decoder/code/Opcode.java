package dev.sandpiper.decoder.code;

import dev.sandpiper.decoder.model.ValType;

/**
 * The catalogue of WebAssembly instructions (2.0, and the 3.0 proposals in {@link Feature}): each opcode once, with its binary encoding (prefix
 * byte, then sub-opcode), its text-format name, the {@link ImmediateKind} it carries, its
 * {@link Family} (spec 2.4 subsection), the {@link Feature} that introduced it, the memory access
 * width of loads and stores, and its stack signature when that is fixed.
 *
 * <p>A fixed signature is written {@code "pops:pushes"} with one letter per value: {@code i} i32,
 * {@code l} i64, {@code f} f32, {@code d} f64, {@code v} v128 (e.g. {@code i32.add} is {@code "ii:i"}).
 * Instructions whose typing depends on their immediates or on context (control, variables,
 * {@code select}, {@code drop}, references, most table instructions) have none
 * ({@link #hasFixedSignature()} is false) and are typed by hand-written validation rules.
 *
 * <p>Spec: 2.0, Binary Format > Instructions, {@code binary/instructions.html}; the appendix's
 * index of instructions, {@code appendix/index-instructions.html}.
 */
public enum Opcode {
    UNREACHABLE(0, 0x00, "unreachable", Family.CONTROL, Feature.MVP, ImmediateKind.NONE, null, 0),
    NOP(0, 0x01, "nop", Family.CONTROL, Feature.MVP, ImmediateKind.NONE, ":", 0),
    BLOCK(0, 0x02, "block", Family.CONTROL, Feature.MVP, ImmediateKind.BLOCK_TYPE, null, 0),
    LOOP(0, 0x03, "loop", Family.CONTROL, Feature.MVP, ImmediateKind.BLOCK_TYPE, null, 0),
    IF(0, 0x04, "if", Family.CONTROL, Feature.MVP, ImmediateKind.BLOCK_TYPE, null, 0),
    ELSE(0, 0x05, "else", Family.CONTROL, Feature.MVP, ImmediateKind.NONE, null, 0),
    END(0, 0x0B, "end", Family.CONTROL, Feature.MVP, ImmediateKind.NONE, null, 0),
    BR(0, 0x0C, "br", Family.CONTROL, Feature.MVP, ImmediateKind.LABEL, null, 0),
    BR_IF(0, 0x0D, "br_if", Family.CONTROL, Feature.MVP, ImmediateKind.LABEL, null, 0),
    BR_TABLE(0, 0x0E, "br_table", Family.CONTROL, Feature.MVP, ImmediateKind.BR_TABLE, null, 0),
    RETURN(0, 0x0F, "return", Family.CONTROL, Feature.MVP, ImmediateKind.NONE, null, 0),
    CALL(0, 0x10, "call", Family.CONTROL, Feature.MVP, ImmediateKind.FUNC_INDEX, null, 0),
    CALL_INDIRECT(0, 0x11, "call_indirect", Family.CONTROL, Feature.MVP, ImmediateKind.CALL_INDIRECT, null, 0),
    RETURN_CALL(0, 0x12, "return_call", Family.CONTROL, Feature.TAIL_CALL, ImmediateKind.FUNC_INDEX, null, 0),
    RETURN_CALL_INDIRECT(0, 0x13, "return_call_indirect", Family.CONTROL, Feature.TAIL_CALL, ImmediateKind.CALL_INDIRECT, null, 0),
    CALL_REF(0, 0x14, "call_ref", Family.CONTROL, Feature.FUNCTION_REFERENCES, ImmediateKind.TYPE_INDEX, null, 0),
    RETURN_CALL_REF(0, 0x15, "return_call_ref", Family.CONTROL, Feature.FUNCTION_REFERENCES, ImmediateKind.TYPE_INDEX, null, 0),
    DROP(0, 0x1A, "drop", Family.PARAMETRIC, Feature.MVP, ImmediateKind.NONE, null, 0),
    SELECT(0, 0x1B, "select", Family.PARAMETRIC, Feature.MVP, ImmediateKind.NONE, null, 0),
    SELECT_T(0, 0x1C, "select_t", Family.PARAMETRIC, Feature.REFERENCE_TYPES, ImmediateKind.SELECT_TYPES, null, 0),
    LOCAL_GET(0, 0x20, "local.get", Family.VARIABLE, Feature.MVP, ImmediateKind.LOCAL_INDEX, null, 0),
    LOCAL_SET(0, 0x21, "local.set", Family.VARIABLE, Feature.MVP, ImmediateKind.LOCAL_INDEX, null, 0),
    LOCAL_TEE(0, 0x22, "local.tee", Family.VARIABLE, Feature.MVP, ImmediateKind.LOCAL_INDEX, null, 0),
    GLOBAL_GET(0, 0x23, "global.get", Family.VARIABLE, Feature.MVP, ImmediateKind.GLOBAL_INDEX, null, 0),
    GLOBAL_SET(0, 0x24, "global.set", Family.VARIABLE, Feature.MVP, ImmediateKind.GLOBAL_INDEX, null, 0),
    TABLE_GET(0, 0x25, "table.get", Family.TABLE, Feature.REFERENCE_TYPES, ImmediateKind.TABLE_INDEX, null, 0),
    TABLE_SET(0, 0x26, "table.set", Family.TABLE, Feature.REFERENCE_TYPES, ImmediateKind.TABLE_INDEX, null, 0),
    I32_LOAD(0, 0x28, "i32.load", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:i", 4),
    I64_LOAD(0, 0x29, "i64.load", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:l", 8),
    F32_LOAD(0, 0x2A, "f32.load", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:f", 4),
    F64_LOAD(0, 0x2B, "f64.load", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:d", 8),
    I32_LOAD8_S(0, 0x2C, "i32.load8_s", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:i", 1),
    I32_LOAD8_U(0, 0x2D, "i32.load8_u", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:i", 1),
    I32_LOAD16_S(0, 0x2E, "i32.load16_s", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:i", 2),
    I32_LOAD16_U(0, 0x2F, "i32.load16_u", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:i", 2),
    I64_LOAD8_S(0, 0x30, "i64.load8_s", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:l", 1),
    I64_LOAD8_U(0, 0x31, "i64.load8_u", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:l", 1),
    I64_LOAD16_S(0, 0x32, "i64.load16_s", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:l", 2),
    I64_LOAD16_U(0, 0x33, "i64.load16_u", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:l", 2),
    I64_LOAD32_S(0, 0x34, "i64.load32_s", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:l", 4),
    I64_LOAD32_U(0, 0x35, "i64.load32_u", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "i:l", 4),
    I32_STORE(0, 0x36, "i32.store", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "ii:", 4),
    I64_STORE(0, 0x37, "i64.store", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "il:", 8),
    F32_STORE(0, 0x38, "f32.store", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "if:", 4),
    F64_STORE(0, 0x39, "f64.store", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "id:", 8),
    I32_STORE8(0, 0x3A, "i32.store8", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "ii:", 1),
    I32_STORE16(0, 0x3B, "i32.store16", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "ii:", 2),
    I64_STORE8(0, 0x3C, "i64.store8", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "il:", 1),
    I64_STORE16(0, 0x3D, "i64.store16", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "il:", 2),
    I64_STORE32(0, 0x3E, "i64.store32", Family.MEMORY, Feature.MVP, ImmediateKind.MEMARG, "il:", 4),
    MEMORY_SIZE(0, 0x3F, "memory.size", Family.MEMORY, Feature.MVP, ImmediateKind.MEMORY_INDEX, ":i", 0),
    MEMORY_GROW(0, 0x40, "memory.grow", Family.MEMORY, Feature.MVP, ImmediateKind.MEMORY_INDEX, "i:i", 0),
    I32_CONST(0, 0x41, "i32.const", Family.NUMERIC, Feature.MVP, ImmediateKind.I32, ":i", 0),
    I64_CONST(0, 0x42, "i64.const", Family.NUMERIC, Feature.MVP, ImmediateKind.I64, ":l", 0),
    F32_CONST(0, 0x43, "f32.const", Family.NUMERIC, Feature.MVP, ImmediateKind.F32, ":f", 0),
    F64_CONST(0, 0x44, "f64.const", Family.NUMERIC, Feature.MVP, ImmediateKind.F64, ":d", 0),
    I32_EQZ(0, 0x45, "i32.eqz", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:i", 0),
    I32_EQ(0, 0x46, "i32.eq", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_NE(0, 0x47, "i32.ne", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_LT_S(0, 0x48, "i32.lt_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_LT_U(0, 0x49, "i32.lt_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_GT_S(0, 0x4A, "i32.gt_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_GT_U(0, 0x4B, "i32.gt_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_LE_S(0, 0x4C, "i32.le_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_LE_U(0, 0x4D, "i32.le_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_GE_S(0, 0x4E, "i32.ge_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_GE_U(0, 0x4F, "i32.ge_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I64_EQZ(0, 0x50, "i64.eqz", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "l:i", 0),
    I64_EQ(0, 0x51, "i64.eq", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:i", 0),
    I64_NE(0, 0x52, "i64.ne", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:i", 0),
    I64_LT_S(0, 0x53, "i64.lt_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:i", 0),
    I64_LT_U(0, 0x54, "i64.lt_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:i", 0),
    I64_GT_S(0, 0x55, "i64.gt_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:i", 0),
    I64_GT_U(0, 0x56, "i64.gt_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:i", 0),
    I64_LE_S(0, 0x57, "i64.le_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:i", 0),
    I64_LE_U(0, 0x58, "i64.le_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:i", 0),
    I64_GE_S(0, 0x59, "i64.ge_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:i", 0),
    I64_GE_U(0, 0x5A, "i64.ge_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:i", 0),
    F32_EQ(0, 0x5B, "f32.eq", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:i", 0),
    F32_NE(0, 0x5C, "f32.ne", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:i", 0),
    F32_LT(0, 0x5D, "f32.lt", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:i", 0),
    F32_GT(0, 0x5E, "f32.gt", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:i", 0),
    F32_LE(0, 0x5F, "f32.le", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:i", 0),
    F32_GE(0, 0x60, "f32.ge", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:i", 0),
    F64_EQ(0, 0x61, "f64.eq", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:i", 0),
    F64_NE(0, 0x62, "f64.ne", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:i", 0),
    F64_LT(0, 0x63, "f64.lt", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:i", 0),
    F64_GT(0, 0x64, "f64.gt", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:i", 0),
    F64_LE(0, 0x65, "f64.le", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:i", 0),
    F64_GE(0, 0x66, "f64.ge", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:i", 0),
    I32_CLZ(0, 0x67, "i32.clz", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:i", 0),
    I32_CTZ(0, 0x68, "i32.ctz", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:i", 0),
    I32_POPCNT(0, 0x69, "i32.popcnt", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:i", 0),
    I32_ADD(0, 0x6A, "i32.add", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_SUB(0, 0x6B, "i32.sub", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_MUL(0, 0x6C, "i32.mul", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_DIV_S(0, 0x6D, "i32.div_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_DIV_U(0, 0x6E, "i32.div_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_REM_S(0, 0x6F, "i32.rem_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_REM_U(0, 0x70, "i32.rem_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_AND(0, 0x71, "i32.and", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_OR(0, 0x72, "i32.or", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_XOR(0, 0x73, "i32.xor", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_SHL(0, 0x74, "i32.shl", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_SHR_S(0, 0x75, "i32.shr_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_SHR_U(0, 0x76, "i32.shr_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_ROTL(0, 0x77, "i32.rotl", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I32_ROTR(0, 0x78, "i32.rotr", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ii:i", 0),
    I64_CLZ(0, 0x79, "i64.clz", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "l:l", 0),
    I64_CTZ(0, 0x7A, "i64.ctz", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "l:l", 0),
    I64_POPCNT(0, 0x7B, "i64.popcnt", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "l:l", 0),
    I64_ADD(0, 0x7C, "i64.add", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_SUB(0, 0x7D, "i64.sub", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_MUL(0, 0x7E, "i64.mul", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_DIV_S(0, 0x7F, "i64.div_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_DIV_U(0, 0x80, "i64.div_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_REM_S(0, 0x81, "i64.rem_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_REM_U(0, 0x82, "i64.rem_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_AND(0, 0x83, "i64.and", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_OR(0, 0x84, "i64.or", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_XOR(0, 0x85, "i64.xor", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_SHL(0, 0x86, "i64.shl", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_SHR_S(0, 0x87, "i64.shr_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_SHR_U(0, 0x88, "i64.shr_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_ROTL(0, 0x89, "i64.rotl", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    I64_ROTR(0, 0x8A, "i64.rotr", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ll:l", 0),
    F32_ABS(0, 0x8B, "f32.abs", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:f", 0),
    F32_NEG(0, 0x8C, "f32.neg", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:f", 0),
    F32_CEIL(0, 0x8D, "f32.ceil", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:f", 0),
    F32_FLOOR(0, 0x8E, "f32.floor", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:f", 0),
    F32_TRUNC(0, 0x8F, "f32.trunc", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:f", 0),
    F32_NEAREST(0, 0x90, "f32.nearest", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:f", 0),
    F32_SQRT(0, 0x91, "f32.sqrt", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:f", 0),
    F32_ADD(0, 0x92, "f32.add", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:f", 0),
    F32_SUB(0, 0x93, "f32.sub", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:f", 0),
    F32_MUL(0, 0x94, "f32.mul", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:f", 0),
    F32_DIV(0, 0x95, "f32.div", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:f", 0),
    F32_MIN(0, 0x96, "f32.min", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:f", 0),
    F32_MAX(0, 0x97, "f32.max", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:f", 0),
    F32_COPYSIGN(0, 0x98, "f32.copysign", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "ff:f", 0),
    F64_ABS(0, 0x99, "f64.abs", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:d", 0),
    F64_NEG(0, 0x9A, "f64.neg", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:d", 0),
    F64_CEIL(0, 0x9B, "f64.ceil", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:d", 0),
    F64_FLOOR(0, 0x9C, "f64.floor", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:d", 0),
    F64_TRUNC(0, 0x9D, "f64.trunc", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:d", 0),
    F64_NEAREST(0, 0x9E, "f64.nearest", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:d", 0),
    F64_SQRT(0, 0x9F, "f64.sqrt", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:d", 0),
    F64_ADD(0, 0xA0, "f64.add", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:d", 0),
    F64_SUB(0, 0xA1, "f64.sub", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:d", 0),
    F64_MUL(0, 0xA2, "f64.mul", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:d", 0),
    F64_DIV(0, 0xA3, "f64.div", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:d", 0),
    F64_MIN(0, 0xA4, "f64.min", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:d", 0),
    F64_MAX(0, 0xA5, "f64.max", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:d", 0),
    F64_COPYSIGN(0, 0xA6, "f64.copysign", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "dd:d", 0),
    I32_WRAP_I64(0, 0xA7, "i32.wrap_i64", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "l:i", 0),
    I32_TRUNC_F32_S(0, 0xA8, "i32.trunc_f32_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:i", 0),
    I32_TRUNC_F32_U(0, 0xA9, "i32.trunc_f32_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:i", 0),
    I32_TRUNC_F64_S(0, 0xAA, "i32.trunc_f64_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:i", 0),
    I32_TRUNC_F64_U(0, 0xAB, "i32.trunc_f64_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:i", 0),
    I64_EXTEND_I32_S(0, 0xAC, "i64.extend_i32_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:l", 0),
    I64_EXTEND_I32_U(0, 0xAD, "i64.extend_i32_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:l", 0),
    I64_TRUNC_F32_S(0, 0xAE, "i64.trunc_f32_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:l", 0),
    I64_TRUNC_F32_U(0, 0xAF, "i64.trunc_f32_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:l", 0),
    I64_TRUNC_F64_S(0, 0xB0, "i64.trunc_f64_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:l", 0),
    I64_TRUNC_F64_U(0, 0xB1, "i64.trunc_f64_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:l", 0),
    F32_CONVERT_I32_S(0, 0xB2, "f32.convert_i32_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:f", 0),
    F32_CONVERT_I32_U(0, 0xB3, "f32.convert_i32_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:f", 0),
    F32_CONVERT_I64_S(0, 0xB4, "f32.convert_i64_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "l:f", 0),
    F32_CONVERT_I64_U(0, 0xB5, "f32.convert_i64_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "l:f", 0),
    F32_DEMOTE_F64(0, 0xB6, "f32.demote_f64", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:f", 0),
    F64_CONVERT_I32_S(0, 0xB7, "f64.convert_i32_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:d", 0),
    F64_CONVERT_I32_U(0, 0xB8, "f64.convert_i32_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:d", 0),
    F64_CONVERT_I64_S(0, 0xB9, "f64.convert_i64_s", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "l:d", 0),
    F64_CONVERT_I64_U(0, 0xBA, "f64.convert_i64_u", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "l:d", 0),
    F64_PROMOTE_F32(0, 0xBB, "f64.promote_f32", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:d", 0),
    I32_REINTERPRET_F32(0, 0xBC, "i32.reinterpret_f32", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "f:i", 0),
    I64_REINTERPRET_F64(0, 0xBD, "i64.reinterpret_f64", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "d:l", 0),
    F32_REINTERPRET_I32(0, 0xBE, "f32.reinterpret_i32", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "i:f", 0),
    F64_REINTERPRET_I64(0, 0xBF, "f64.reinterpret_i64", Family.NUMERIC, Feature.MVP, ImmediateKind.NONE, "l:d", 0),
    I32_EXTEND8_S(0, 0xC0, "i32.extend8_s", Family.NUMERIC, Feature.SIGN_EXTENSION, ImmediateKind.NONE, "i:i", 0),
    I32_EXTEND16_S(0, 0xC1, "i32.extend16_s", Family.NUMERIC, Feature.SIGN_EXTENSION, ImmediateKind.NONE, "i:i", 0),
    I64_EXTEND8_S(0, 0xC2, "i64.extend8_s", Family.NUMERIC, Feature.SIGN_EXTENSION, ImmediateKind.NONE, "l:l", 0),
    I64_EXTEND16_S(0, 0xC3, "i64.extend16_s", Family.NUMERIC, Feature.SIGN_EXTENSION, ImmediateKind.NONE, "l:l", 0),
    I64_EXTEND32_S(0, 0xC4, "i64.extend32_s", Family.NUMERIC, Feature.SIGN_EXTENSION, ImmediateKind.NONE, "l:l", 0),
    REF_NULL(0, 0xD0, "ref.null", Family.REFERENCE, Feature.REFERENCE_TYPES, ImmediateKind.REF_TYPE, null, 0),
    REF_IS_NULL(0, 0xD1, "ref.is_null", Family.REFERENCE, Feature.REFERENCE_TYPES, ImmediateKind.NONE, null, 0),
    REF_FUNC(0, 0xD2, "ref.func", Family.REFERENCE, Feature.REFERENCE_TYPES, ImmediateKind.FUNC_INDEX, null, 0),
    REF_AS_NON_NULL(0, 0xD4, "ref.as_non_null", Family.REFERENCE, Feature.FUNCTION_REFERENCES, ImmediateKind.NONE, null, 0),
    BR_ON_NULL(0, 0xD5, "br_on_null", Family.CONTROL, Feature.FUNCTION_REFERENCES, ImmediateKind.LABEL, null, 0),
    BR_ON_NON_NULL(0, 0xD6, "br_on_non_null", Family.CONTROL, Feature.FUNCTION_REFERENCES, ImmediateKind.LABEL, null, 0),
    REF_EQ(0, 0xD3, "ref.eq", Family.REFERENCE, Feature.GC, ImmediateKind.NONE, null, 0),
    STRUCT_NEW(0xFB, 0x00, "struct.new", Family.REFERENCE, Feature.GC, ImmediateKind.TYPE_INDEX, null, 0),
    STRUCT_NEW_DEFAULT(0xFB, 0x01, "struct.new_default", Family.REFERENCE, Feature.GC, ImmediateKind.TYPE_INDEX, null, 0),
    STRUCT_GET(0xFB, 0x02, "struct.get", Family.REFERENCE, Feature.GC, ImmediateKind.TWO_INDICES, null, 0),
    STRUCT_GET_S(0xFB, 0x03, "struct.get_s", Family.REFERENCE, Feature.GC, ImmediateKind.TWO_INDICES, null, 0),
    STRUCT_GET_U(0xFB, 0x04, "struct.get_u", Family.REFERENCE, Feature.GC, ImmediateKind.TWO_INDICES, null, 0),
    STRUCT_SET(0xFB, 0x05, "struct.set", Family.REFERENCE, Feature.GC, ImmediateKind.TWO_INDICES, null, 0),
    ARRAY_NEW(0xFB, 0x06, "array.new", Family.REFERENCE, Feature.GC, ImmediateKind.TYPE_INDEX, null, 0),
    ARRAY_NEW_DEFAULT(0xFB, 0x07, "array.new_default", Family.REFERENCE, Feature.GC, ImmediateKind.TYPE_INDEX, null, 0),
    ARRAY_NEW_FIXED(0xFB, 0x08, "array.new_fixed", Family.REFERENCE, Feature.GC, ImmediateKind.TWO_INDICES, null, 0),
    ARRAY_NEW_DATA(0xFB, 0x09, "array.new_data", Family.REFERENCE, Feature.GC, ImmediateKind.TWO_INDICES, null, 0),
    ARRAY_NEW_ELEM(0xFB, 0x0A, "array.new_elem", Family.REFERENCE, Feature.GC, ImmediateKind.TWO_INDICES, null, 0),
    ARRAY_GET(0xFB, 0x0B, "array.get", Family.REFERENCE, Feature.GC, ImmediateKind.TYPE_INDEX, null, 0),
    ARRAY_GET_S(0xFB, 0x0C, "array.get_s", Family.REFERENCE, Feature.GC, ImmediateKind.TYPE_INDEX, null, 0),
    ARRAY_GET_U(0xFB, 0x0D, "array.get_u", Family.REFERENCE, Feature.GC, ImmediateKind.TYPE_INDEX, null, 0),
    ARRAY_SET(0xFB, 0x0E, "array.set", Family.REFERENCE, Feature.GC, ImmediateKind.TYPE_INDEX, null, 0),
    ARRAY_LEN(0xFB, 0x0F, "array.len", Family.REFERENCE, Feature.GC, ImmediateKind.NONE, null, 0),
    ARRAY_FILL(0xFB, 0x10, "array.fill", Family.REFERENCE, Feature.GC, ImmediateKind.TYPE_INDEX, null, 0),
    ARRAY_COPY(0xFB, 0x11, "array.copy", Family.REFERENCE, Feature.GC, ImmediateKind.TWO_INDICES, null, 0),
    ARRAY_INIT_DATA(0xFB, 0x12, "array.init_data", Family.REFERENCE, Feature.GC, ImmediateKind.TWO_INDICES, null, 0),
    ARRAY_INIT_ELEM(0xFB, 0x13, "array.init_elem", Family.REFERENCE, Feature.GC, ImmediateKind.TWO_INDICES, null, 0),
    REF_TEST(0xFB, 0x14, "ref.test", Family.REFERENCE, Feature.GC, ImmediateKind.HEAP_TYPE, null, 0),
    REF_TEST_NULL(0xFB, 0x15, "ref.test", Family.REFERENCE, Feature.GC, ImmediateKind.HEAP_TYPE, null, 0),
    REF_CAST(0xFB, 0x16, "ref.cast", Family.REFERENCE, Feature.GC, ImmediateKind.HEAP_TYPE, null, 0),
    REF_CAST_NULL(0xFB, 0x17, "ref.cast", Family.REFERENCE, Feature.GC, ImmediateKind.HEAP_TYPE, null, 0),
    BR_ON_CAST(0xFB, 0x18, "br_on_cast", Family.CONTROL, Feature.GC, ImmediateKind.BR_ON_CAST, null, 0),
    BR_ON_CAST_FAIL(0xFB, 0x19, "br_on_cast_fail", Family.CONTROL, Feature.GC, ImmediateKind.BR_ON_CAST, null, 0),
    ANY_CONVERT_EXTERN(0xFB, 0x1A, "any.convert_extern", Family.REFERENCE, Feature.GC, ImmediateKind.NONE, null, 0),
    EXTERN_CONVERT_ANY(0xFB, 0x1B, "extern.convert_any", Family.REFERENCE, Feature.GC, ImmediateKind.NONE, null, 0),
    REF_I31(0xFB, 0x1C, "ref.i31", Family.REFERENCE, Feature.GC, ImmediateKind.NONE, null, 0),
    I31_GET_S(0xFB, 0x1D, "i31.get_s", Family.REFERENCE, Feature.GC, ImmediateKind.NONE, null, 0),
    I31_GET_U(0xFB, 0x1E, "i31.get_u", Family.REFERENCE, Feature.GC, ImmediateKind.NONE, null, 0),
    I32_TRUNC_SAT_F32_S(0xFC, 0x00, "i32.trunc_sat_f32_s", Family.NUMERIC, Feature.SATURATING_FLOAT_TO_INT, ImmediateKind.NONE, "f:i", 0),
    I32_TRUNC_SAT_F32_U(0xFC, 0x01, "i32.trunc_sat_f32_u", Family.NUMERIC, Feature.SATURATING_FLOAT_TO_INT, ImmediateKind.NONE, "f:i", 0),
    I32_TRUNC_SAT_F64_S(0xFC, 0x02, "i32.trunc_sat_f64_s", Family.NUMERIC, Feature.SATURATING_FLOAT_TO_INT, ImmediateKind.NONE, "d:i", 0),
    I32_TRUNC_SAT_F64_U(0xFC, 0x03, "i32.trunc_sat_f64_u", Family.NUMERIC, Feature.SATURATING_FLOAT_TO_INT, ImmediateKind.NONE, "d:i", 0),
    I64_TRUNC_SAT_F32_S(0xFC, 0x04, "i64.trunc_sat_f32_s", Family.NUMERIC, Feature.SATURATING_FLOAT_TO_INT, ImmediateKind.NONE, "f:l", 0),
    I64_TRUNC_SAT_F32_U(0xFC, 0x05, "i64.trunc_sat_f32_u", Family.NUMERIC, Feature.SATURATING_FLOAT_TO_INT, ImmediateKind.NONE, "f:l", 0),
    I64_TRUNC_SAT_F64_S(0xFC, 0x06, "i64.trunc_sat_f64_s", Family.NUMERIC, Feature.SATURATING_FLOAT_TO_INT, ImmediateKind.NONE, "d:l", 0),
    I64_TRUNC_SAT_F64_U(0xFC, 0x07, "i64.trunc_sat_f64_u", Family.NUMERIC, Feature.SATURATING_FLOAT_TO_INT, ImmediateKind.NONE, "d:l", 0),
    MEMORY_INIT(0xFC, 0x08, "memory.init", Family.MEMORY, Feature.BULK_MEMORY, ImmediateKind.MEMORY_INIT, "iii:", 0),
    DATA_DROP(0xFC, 0x09, "data.drop", Family.MEMORY, Feature.BULK_MEMORY, ImmediateKind.DATA_INDEX, ":", 0),
    MEMORY_COPY(0xFC, 0x0A, "memory.copy", Family.MEMORY, Feature.BULK_MEMORY, ImmediateKind.MEMORY_COPY, "iii:", 0),
    MEMORY_FILL(0xFC, 0x0B, "memory.fill", Family.MEMORY, Feature.BULK_MEMORY, ImmediateKind.MEMORY_INDEX, "iii:", 0),
    TABLE_INIT(0xFC, 0x0C, "table.init", Family.TABLE, Feature.BULK_MEMORY, ImmediateKind.TABLE_INIT, "iii:", 0),
    ELEM_DROP(0xFC, 0x0D, "elem.drop", Family.TABLE, Feature.BULK_MEMORY, ImmediateKind.ELEM_INDEX, ":", 0),
    TABLE_COPY(0xFC, 0x0E, "table.copy", Family.TABLE, Feature.BULK_MEMORY, ImmediateKind.TABLE_COPY, "iii:", 0),
    TABLE_GROW(0xFC, 0x0F, "table.grow", Family.TABLE, Feature.REFERENCE_TYPES, ImmediateKind.TABLE_INDEX, null, 0),
    TABLE_SIZE(0xFC, 0x10, "table.size", Family.TABLE, Feature.REFERENCE_TYPES, ImmediateKind.TABLE_INDEX, ":i", 0),
    TABLE_FILL(0xFC, 0x11, "table.fill", Family.TABLE, Feature.REFERENCE_TYPES, ImmediateKind.TABLE_INDEX, null, 0),
    V128_LOAD(0xFD, 0x00, "v128.load", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 16),
    V128_LOAD8X8_S(0xFD, 0x01, "v128.load8x8_s", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 8),
    V128_LOAD8X8_U(0xFD, 0x02, "v128.load8x8_u", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 8),
    V128_LOAD16X4_S(0xFD, 0x03, "v128.load16x4_s", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 8),
    V128_LOAD16X4_U(0xFD, 0x04, "v128.load16x4_u", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 8),
    V128_LOAD32X2_S(0xFD, 0x05, "v128.load32x2_s", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 8),
    V128_LOAD32X2_U(0xFD, 0x06, "v128.load32x2_u", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 8),
    V128_LOAD8_SPLAT(0xFD, 0x07, "v128.load8_splat", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 1),
    V128_LOAD16_SPLAT(0xFD, 0x08, "v128.load16_splat", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 2),
    V128_LOAD32_SPLAT(0xFD, 0x09, "v128.load32_splat", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 4),
    V128_LOAD64_SPLAT(0xFD, 0x0A, "v128.load64_splat", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 8),
    V128_STORE(0xFD, 0x0B, "v128.store", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "iv:", 16),
    V128_CONST(0xFD, 0x0C, "v128.const", Family.VECTOR, Feature.SIMD, ImmediateKind.V128, ":v", 0),
    I8X16_SHUFFLE(0xFD, 0x0D, "i8x16.shuffle", Family.VECTOR, Feature.SIMD, ImmediateKind.SHUFFLE, "vv:v", 0),
    I8X16_SWIZZLE(0xFD, 0x0E, "i8x16.swizzle", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_SPLAT(0xFD, 0x0F, "i8x16.splat", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "i:v", 0),
    I16X8_SPLAT(0xFD, 0x10, "i16x8.splat", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "i:v", 0),
    I32X4_SPLAT(0xFD, 0x11, "i32x4.splat", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "i:v", 0),
    I64X2_SPLAT(0xFD, 0x12, "i64x2.splat", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "l:v", 0),
    F32X4_SPLAT(0xFD, 0x13, "f32x4.splat", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "f:v", 0),
    F64X2_SPLAT(0xFD, 0x14, "f64x2.splat", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "d:v", 0),
    I8X16_EXTRACT_LANE_S(0xFD, 0x15, "i8x16.extract_lane_s", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "v:i", 0),
    I8X16_EXTRACT_LANE_U(0xFD, 0x16, "i8x16.extract_lane_u", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "v:i", 0),
    I8X16_REPLACE_LANE(0xFD, 0x17, "i8x16.replace_lane", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "vi:v", 0),
    I16X8_EXTRACT_LANE_S(0xFD, 0x18, "i16x8.extract_lane_s", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "v:i", 0),
    I16X8_EXTRACT_LANE_U(0xFD, 0x19, "i16x8.extract_lane_u", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "v:i", 0),
    I16X8_REPLACE_LANE(0xFD, 0x1A, "i16x8.replace_lane", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "vi:v", 0),
    I32X4_EXTRACT_LANE(0xFD, 0x1B, "i32x4.extract_lane", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "v:i", 0),
    I32X4_REPLACE_LANE(0xFD, 0x1C, "i32x4.replace_lane", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "vi:v", 0),
    I64X2_EXTRACT_LANE(0xFD, 0x1D, "i64x2.extract_lane", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "v:l", 0),
    I64X2_REPLACE_LANE(0xFD, 0x1E, "i64x2.replace_lane", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "vl:v", 0),
    F32X4_EXTRACT_LANE(0xFD, 0x1F, "f32x4.extract_lane", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "v:f", 0),
    F32X4_REPLACE_LANE(0xFD, 0x20, "f32x4.replace_lane", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "vf:v", 0),
    F64X2_EXTRACT_LANE(0xFD, 0x21, "f64x2.extract_lane", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "v:d", 0),
    F64X2_REPLACE_LANE(0xFD, 0x22, "f64x2.replace_lane", Family.VECTOR, Feature.SIMD, ImmediateKind.LANE, "vd:v", 0),
    I8X16_EQ(0xFD, 0x23, "i8x16.eq", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_NE(0xFD, 0x24, "i8x16.ne", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_LT_S(0xFD, 0x25, "i8x16.lt_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_LT_U(0xFD, 0x26, "i8x16.lt_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_GT_S(0xFD, 0x27, "i8x16.gt_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_GT_U(0xFD, 0x28, "i8x16.gt_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_LE_S(0xFD, 0x29, "i8x16.le_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_LE_U(0xFD, 0x2A, "i8x16.le_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_GE_S(0xFD, 0x2B, "i8x16.ge_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_GE_U(0xFD, 0x2C, "i8x16.ge_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_EQ(0xFD, 0x2D, "i16x8.eq", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_NE(0xFD, 0x2E, "i16x8.ne", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_LT_S(0xFD, 0x2F, "i16x8.lt_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_LT_U(0xFD, 0x30, "i16x8.lt_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_GT_S(0xFD, 0x31, "i16x8.gt_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_GT_U(0xFD, 0x32, "i16x8.gt_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_LE_S(0xFD, 0x33, "i16x8.le_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_LE_U(0xFD, 0x34, "i16x8.le_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_GE_S(0xFD, 0x35, "i16x8.ge_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_GE_U(0xFD, 0x36, "i16x8.ge_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_EQ(0xFD, 0x37, "i32x4.eq", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_NE(0xFD, 0x38, "i32x4.ne", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_LT_S(0xFD, 0x39, "i32x4.lt_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_LT_U(0xFD, 0x3A, "i32x4.lt_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_GT_S(0xFD, 0x3B, "i32x4.gt_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_GT_U(0xFD, 0x3C, "i32x4.gt_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_LE_S(0xFD, 0x3D, "i32x4.le_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_LE_U(0xFD, 0x3E, "i32x4.le_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_GE_S(0xFD, 0x3F, "i32x4.ge_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_GE_U(0xFD, 0x40, "i32x4.ge_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_EQ(0xFD, 0x41, "f32x4.eq", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_NE(0xFD, 0x42, "f32x4.ne", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_LT(0xFD, 0x43, "f32x4.lt", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_GT(0xFD, 0x44, "f32x4.gt", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_LE(0xFD, 0x45, "f32x4.le", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_GE(0xFD, 0x46, "f32x4.ge", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_EQ(0xFD, 0x47, "f64x2.eq", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_NE(0xFD, 0x48, "f64x2.ne", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_LT(0xFD, 0x49, "f64x2.lt", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_GT(0xFD, 0x4A, "f64x2.gt", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_LE(0xFD, 0x4B, "f64x2.le", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_GE(0xFD, 0x4C, "f64x2.ge", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    V128_NOT(0xFD, 0x4D, "v128.not", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    V128_AND(0xFD, 0x4E, "v128.and", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    V128_ANDNOT(0xFD, 0x4F, "v128.andnot", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    V128_OR(0xFD, 0x50, "v128.or", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    V128_XOR(0xFD, 0x51, "v128.xor", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    V128_BITSELECT(0xFD, 0x52, "v128.bitselect", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vvv:v", 0),
    V128_ANY_TRUE(0xFD, 0x53, "v128.any_true", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:i", 0),
    V128_LOAD8_LANE(0xFD, 0x54, "v128.load8_lane", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG_LANE, "iv:v", 1),
    V128_LOAD16_LANE(0xFD, 0x55, "v128.load16_lane", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG_LANE, "iv:v", 2),
    V128_LOAD32_LANE(0xFD, 0x56, "v128.load32_lane", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG_LANE, "iv:v", 4),
    V128_LOAD64_LANE(0xFD, 0x57, "v128.load64_lane", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG_LANE, "iv:v", 8),
    V128_STORE8_LANE(0xFD, 0x58, "v128.store8_lane", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG_LANE, "iv:", 1),
    V128_STORE16_LANE(0xFD, 0x59, "v128.store16_lane", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG_LANE, "iv:", 2),
    V128_STORE32_LANE(0xFD, 0x5A, "v128.store32_lane", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG_LANE, "iv:", 4),
    V128_STORE64_LANE(0xFD, 0x5B, "v128.store64_lane", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG_LANE, "iv:", 8),
    V128_LOAD32_ZERO(0xFD, 0x5C, "v128.load32_zero", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 4),
    V128_LOAD64_ZERO(0xFD, 0x5D, "v128.load64_zero", Family.MEMORY, Feature.SIMD, ImmediateKind.MEMARG, "i:v", 8),
    F32X4_DEMOTE_F64X2_ZERO(0xFD, 0x5E, "f32x4.demote_f64x2_zero", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F64X2_PROMOTE_LOW_F32X4(0xFD, 0x5F, "f64x2.promote_low_f32x4", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I8X16_ABS(0xFD, 0x60, "i8x16.abs", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I8X16_NEG(0xFD, 0x61, "i8x16.neg", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I8X16_POPCNT(0xFD, 0x62, "i8x16.popcnt", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I8X16_ALL_TRUE(0xFD, 0x63, "i8x16.all_true", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:i", 0),
    I8X16_BITMASK(0xFD, 0x64, "i8x16.bitmask", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:i", 0),
    I8X16_NARROW_I16X8_S(0xFD, 0x65, "i8x16.narrow_i16x8_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_NARROW_I16X8_U(0xFD, 0x66, "i8x16.narrow_i16x8_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_CEIL(0xFD, 0x67, "f32x4.ceil", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F32X4_FLOOR(0xFD, 0x68, "f32x4.floor", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F32X4_TRUNC(0xFD, 0x69, "f32x4.trunc", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F32X4_NEAREST(0xFD, 0x6A, "f32x4.nearest", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I8X16_SHL(0xFD, 0x6B, "i8x16.shl", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I8X16_SHR_S(0xFD, 0x6C, "i8x16.shr_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I8X16_SHR_U(0xFD, 0x6D, "i8x16.shr_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I8X16_ADD(0xFD, 0x6E, "i8x16.add", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_ADD_SAT_S(0xFD, 0x6F, "i8x16.add_sat_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_ADD_SAT_U(0xFD, 0x70, "i8x16.add_sat_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_SUB(0xFD, 0x71, "i8x16.sub", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_SUB_SAT_S(0xFD, 0x72, "i8x16.sub_sat_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_SUB_SAT_U(0xFD, 0x73, "i8x16.sub_sat_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_CEIL(0xFD, 0x74, "f64x2.ceil", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F64X2_FLOOR(0xFD, 0x75, "f64x2.floor", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I8X16_MIN_S(0xFD, 0x76, "i8x16.min_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_MIN_U(0xFD, 0x77, "i8x16.min_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_MAX_S(0xFD, 0x78, "i8x16.max_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I8X16_MAX_U(0xFD, 0x79, "i8x16.max_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_TRUNC(0xFD, 0x7A, "f64x2.trunc", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I8X16_AVGR_U(0xFD, 0x7B, "i8x16.avgr_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_EXTADD_PAIRWISE_I8X16_S(0xFD, 0x7C, "i16x8.extadd_pairwise_i8x16_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I16X8_EXTADD_PAIRWISE_I8X16_U(0xFD, 0x7D, "i16x8.extadd_pairwise_i8x16_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_EXTADD_PAIRWISE_I16X8_S(0xFD, 0x7E, "i32x4.extadd_pairwise_i16x8_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_EXTADD_PAIRWISE_I16X8_U(0xFD, 0x7F, "i32x4.extadd_pairwise_i16x8_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I16X8_ABS(0xFD, 0x80, "i16x8.abs", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I16X8_NEG(0xFD, 0x81, "i16x8.neg", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I16X8_Q15MULR_SAT_S(0xFD, 0x82, "i16x8.q15mulr_sat_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_ALL_TRUE(0xFD, 0x83, "i16x8.all_true", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:i", 0),
    I16X8_BITMASK(0xFD, 0x84, "i16x8.bitmask", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:i", 0),
    I16X8_NARROW_I32X4_S(0xFD, 0x85, "i16x8.narrow_i32x4_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_NARROW_I32X4_U(0xFD, 0x86, "i16x8.narrow_i32x4_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_EXTEND_LOW_I8X16_S(0xFD, 0x87, "i16x8.extend_low_i8x16_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I16X8_EXTEND_HIGH_I8X16_S(0xFD, 0x88, "i16x8.extend_high_i8x16_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I16X8_EXTEND_LOW_I8X16_U(0xFD, 0x89, "i16x8.extend_low_i8x16_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I16X8_EXTEND_HIGH_I8X16_U(0xFD, 0x8A, "i16x8.extend_high_i8x16_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I16X8_SHL(0xFD, 0x8B, "i16x8.shl", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I16X8_SHR_S(0xFD, 0x8C, "i16x8.shr_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I16X8_SHR_U(0xFD, 0x8D, "i16x8.shr_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I16X8_ADD(0xFD, 0x8E, "i16x8.add", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_ADD_SAT_S(0xFD, 0x8F, "i16x8.add_sat_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_ADD_SAT_U(0xFD, 0x90, "i16x8.add_sat_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_SUB(0xFD, 0x91, "i16x8.sub", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_SUB_SAT_S(0xFD, 0x92, "i16x8.sub_sat_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_SUB_SAT_U(0xFD, 0x93, "i16x8.sub_sat_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_NEAREST(0xFD, 0x94, "f64x2.nearest", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I16X8_MUL(0xFD, 0x95, "i16x8.mul", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_MIN_S(0xFD, 0x96, "i16x8.min_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_MIN_U(0xFD, 0x97, "i16x8.min_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_MAX_S(0xFD, 0x98, "i16x8.max_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_MAX_U(0xFD, 0x99, "i16x8.max_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_AVGR_U(0xFD, 0x9B, "i16x8.avgr_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_EXTMUL_LOW_I8X16_S(0xFD, 0x9C, "i16x8.extmul_low_i8x16_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_EXTMUL_HIGH_I8X16_S(0xFD, 0x9D, "i16x8.extmul_high_i8x16_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_EXTMUL_LOW_I8X16_U(0xFD, 0x9E, "i16x8.extmul_low_i8x16_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_EXTMUL_HIGH_I8X16_U(0xFD, 0x9F, "i16x8.extmul_high_i8x16_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_ABS(0xFD, 0xA0, "i32x4.abs", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_NEG(0xFD, 0xA1, "i32x4.neg", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_ALL_TRUE(0xFD, 0xA3, "i32x4.all_true", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:i", 0),
    I32X4_BITMASK(0xFD, 0xA4, "i32x4.bitmask", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:i", 0),
    I32X4_EXTEND_LOW_I16X8_S(0xFD, 0xA7, "i32x4.extend_low_i16x8_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_EXTEND_HIGH_I16X8_S(0xFD, 0xA8, "i32x4.extend_high_i16x8_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_EXTEND_LOW_I16X8_U(0xFD, 0xA9, "i32x4.extend_low_i16x8_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_EXTEND_HIGH_I16X8_U(0xFD, 0xAA, "i32x4.extend_high_i16x8_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_SHL(0xFD, 0xAB, "i32x4.shl", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I32X4_SHR_S(0xFD, 0xAC, "i32x4.shr_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I32X4_SHR_U(0xFD, 0xAD, "i32x4.shr_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I32X4_ADD(0xFD, 0xAE, "i32x4.add", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_SUB(0xFD, 0xB1, "i32x4.sub", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_MUL(0xFD, 0xB5, "i32x4.mul", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_MIN_S(0xFD, 0xB6, "i32x4.min_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_MIN_U(0xFD, 0xB7, "i32x4.min_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_MAX_S(0xFD, 0xB8, "i32x4.max_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_MAX_U(0xFD, 0xB9, "i32x4.max_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_DOT_I16X8_S(0xFD, 0xBA, "i32x4.dot_i16x8_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_EXTMUL_LOW_I16X8_S(0xFD, 0xBC, "i32x4.extmul_low_i16x8_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_EXTMUL_HIGH_I16X8_S(0xFD, 0xBD, "i32x4.extmul_high_i16x8_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_EXTMUL_LOW_I16X8_U(0xFD, 0xBE, "i32x4.extmul_low_i16x8_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_EXTMUL_HIGH_I16X8_U(0xFD, 0xBF, "i32x4.extmul_high_i16x8_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_ABS(0xFD, 0xC0, "i64x2.abs", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I64X2_NEG(0xFD, 0xC1, "i64x2.neg", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I64X2_ALL_TRUE(0xFD, 0xC3, "i64x2.all_true", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:i", 0),
    I64X2_BITMASK(0xFD, 0xC4, "i64x2.bitmask", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:i", 0),
    I64X2_EXTEND_LOW_I32X4_S(0xFD, 0xC7, "i64x2.extend_low_i32x4_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I64X2_EXTEND_HIGH_I32X4_S(0xFD, 0xC8, "i64x2.extend_high_i32x4_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I64X2_EXTEND_LOW_I32X4_U(0xFD, 0xC9, "i64x2.extend_low_i32x4_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I64X2_EXTEND_HIGH_I32X4_U(0xFD, 0xCA, "i64x2.extend_high_i32x4_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I64X2_SHL(0xFD, 0xCB, "i64x2.shl", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I64X2_SHR_S(0xFD, 0xCC, "i64x2.shr_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I64X2_SHR_U(0xFD, 0xCD, "i64x2.shr_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vi:v", 0),
    I64X2_ADD(0xFD, 0xCE, "i64x2.add", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_SUB(0xFD, 0xD1, "i64x2.sub", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_MUL(0xFD, 0xD5, "i64x2.mul", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_EQ(0xFD, 0xD6, "i64x2.eq", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_NE(0xFD, 0xD7, "i64x2.ne", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_LT_S(0xFD, 0xD8, "i64x2.lt_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_GT_S(0xFD, 0xD9, "i64x2.gt_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_LE_S(0xFD, 0xDA, "i64x2.le_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_GE_S(0xFD, 0xDB, "i64x2.ge_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_EXTMUL_LOW_I32X4_S(0xFD, 0xDC, "i64x2.extmul_low_i32x4_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_EXTMUL_HIGH_I32X4_S(0xFD, 0xDD, "i64x2.extmul_high_i32x4_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_EXTMUL_LOW_I32X4_U(0xFD, 0xDE, "i64x2.extmul_low_i32x4_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I64X2_EXTMUL_HIGH_I32X4_U(0xFD, 0xDF, "i64x2.extmul_high_i32x4_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_ABS(0xFD, 0xE0, "f32x4.abs", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F32X4_NEG(0xFD, 0xE1, "f32x4.neg", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F32X4_SQRT(0xFD, 0xE3, "f32x4.sqrt", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F32X4_ADD(0xFD, 0xE4, "f32x4.add", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_SUB(0xFD, 0xE5, "f32x4.sub", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_MUL(0xFD, 0xE6, "f32x4.mul", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_DIV(0xFD, 0xE7, "f32x4.div", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_MIN(0xFD, 0xE8, "f32x4.min", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_MAX(0xFD, 0xE9, "f32x4.max", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_PMIN(0xFD, 0xEA, "f32x4.pmin", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_PMAX(0xFD, 0xEB, "f32x4.pmax", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_ABS(0xFD, 0xEC, "f64x2.abs", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F64X2_NEG(0xFD, 0xED, "f64x2.neg", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F64X2_SQRT(0xFD, 0xEF, "f64x2.sqrt", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F64X2_ADD(0xFD, 0xF0, "f64x2.add", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_SUB(0xFD, 0xF1, "f64x2.sub", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_MUL(0xFD, 0xF2, "f64x2.mul", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_DIV(0xFD, 0xF3, "f64x2.div", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_MIN(0xFD, 0xF4, "f64x2.min", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_MAX(0xFD, 0xF5, "f64x2.max", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_PMIN(0xFD, 0xF6, "f64x2.pmin", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_PMAX(0xFD, 0xF7, "f64x2.pmax", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_TRUNC_SAT_F32X4_S(0xFD, 0xF8, "i32x4.trunc_sat_f32x4_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_TRUNC_SAT_F32X4_U(0xFD, 0xF9, "i32x4.trunc_sat_f32x4_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F32X4_CONVERT_I32X4_S(0xFD, 0xFA, "f32x4.convert_i32x4_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F32X4_CONVERT_I32X4_U(0xFD, 0xFB, "f32x4.convert_i32x4_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_TRUNC_SAT_F64X2_S_ZERO(0xFD, 0xFC, "i32x4.trunc_sat_f64x2_s_zero", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_TRUNC_SAT_F64X2_U_ZERO(0xFD, 0xFD, "i32x4.trunc_sat_f64x2_u_zero", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F64X2_CONVERT_LOW_I32X4_S(0xFD, 0xFE, "f64x2.convert_low_i32x4_s", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    F64X2_CONVERT_LOW_I32X4_U(0xFD, 0xFF, "f64x2.convert_low_i32x4_u", Family.VECTOR, Feature.SIMD, ImmediateKind.NONE, "v:v", 0),
    // Relaxed SIMD (3.0): sub-opcodes 0x100-0x113, two-byte LEB128 after the prefix.
    I8X16_RELAXED_SWIZZLE(0xFD, 0x100, "i8x16.relaxed_swizzle", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_RELAXED_TRUNC_F32X4_S(0xFD, 0x101, "i32x4.relaxed_trunc_f32x4_s", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_RELAXED_TRUNC_F32X4_U(0xFD, 0x102, "i32x4.relaxed_trunc_f32x4_u", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_RELAXED_TRUNC_F64X2_S_ZERO(0xFD, 0x103, "i32x4.relaxed_trunc_f64x2_s_zero", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "v:v", 0),
    I32X4_RELAXED_TRUNC_F64X2_U_ZERO(0xFD, 0x104, "i32x4.relaxed_trunc_f64x2_u_zero", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "v:v", 0),
    F32X4_RELAXED_MADD(0xFD, 0x105, "f32x4.relaxed_madd", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vvv:v", 0),
    F32X4_RELAXED_NMADD(0xFD, 0x106, "f32x4.relaxed_nmadd", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vvv:v", 0),
    F64X2_RELAXED_MADD(0xFD, 0x107, "f64x2.relaxed_madd", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vvv:v", 0),
    F64X2_RELAXED_NMADD(0xFD, 0x108, "f64x2.relaxed_nmadd", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vvv:v", 0),
    I8X16_RELAXED_LANESELECT(0xFD, 0x109, "i8x16.relaxed_laneselect", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vvv:v", 0),
    I16X8_RELAXED_LANESELECT(0xFD, 0x10A, "i16x8.relaxed_laneselect", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vvv:v", 0),
    I32X4_RELAXED_LANESELECT(0xFD, 0x10B, "i32x4.relaxed_laneselect", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vvv:v", 0),
    I64X2_RELAXED_LANESELECT(0xFD, 0x10C, "i64x2.relaxed_laneselect", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vvv:v", 0),
    F32X4_RELAXED_MIN(0xFD, 0x10D, "f32x4.relaxed_min", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vv:v", 0),
    F32X4_RELAXED_MAX(0xFD, 0x10E, "f32x4.relaxed_max", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_RELAXED_MIN(0xFD, 0x10F, "f64x2.relaxed_min", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vv:v", 0),
    F64X2_RELAXED_MAX(0xFD, 0x110, "f64x2.relaxed_max", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_RELAXED_Q15MULR_S(0xFD, 0x111, "i16x8.relaxed_q15mulr_s", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vv:v", 0),
    I16X8_RELAXED_DOT_I8X16_I7X16_S(0xFD, 0x112, "i16x8.relaxed_dot_i8x16_i7x16_s", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vv:v", 0),
    I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S(0xFD, 0x113, "i32x4.relaxed_dot_i8x16_i7x16_add_s", Family.VECTOR, Feature.RELAXED_SIMD, ImmediateKind.NONE, "vvv:v", 0),
    // Exception handling (3.0, Control Instructions) and its legacy instructions (3.0 appendix).
    THROW(0, 0x08, "throw", Family.CONTROL, Feature.EXCEPTIONS, ImmediateKind.TAG_INDEX, null, 0),
    THROW_REF(0, 0x0A, "throw_ref", Family.CONTROL, Feature.EXCEPTIONS, ImmediateKind.NONE, null, 0),
    TRY_TABLE(0, 0x1F, "try_table", Family.CONTROL, Feature.EXCEPTIONS, ImmediateKind.TRY_TABLE, null, 0),
    TRY(0, 0x06, "try", Family.CONTROL, Feature.LEGACY_EXCEPTIONS, ImmediateKind.BLOCK_TYPE, null, 0),
    CATCH(0, 0x07, "catch", Family.CONTROL, Feature.LEGACY_EXCEPTIONS, ImmediateKind.TAG_INDEX, null, 0),
    RETHROW(0, 0x09, "rethrow", Family.CONTROL, Feature.LEGACY_EXCEPTIONS, ImmediateKind.LABEL, null, 0),
    DELEGATE(0, 0x18, "delegate", Family.CONTROL, Feature.LEGACY_EXCEPTIONS, ImmediateKind.LABEL, null, 0),
    CATCH_ALL(0, 0x19, "catch_all", Family.CONTROL, Feature.LEGACY_EXCEPTIONS, ImmediateKind.NONE, null, 0);

    /** Prefix byte of the saturating-truncation, bulk-memory and table instructions. */
    public static final int PREFIX_FC = 0xFC;
    /** Prefix byte of the GC instructions (3.0, Aggregate Reference Instructions). */
    public static final int PREFIX_FB = 0xFB;
    /** Prefix byte of the vector (SIMD) instructions. */
    public static final int PREFIX_FD = 0xFD;

    private static final Opcode[] SINGLE = new Opcode[256];
    private static final Opcode[] FC = new Opcode[32];
    private static final Opcode[] FB = new Opcode[32];
    private static final Opcode[] FD = new Opcode[0x114];

    static {
        for (Opcode op : values()) {
            switch (op.prefix) {
                case 0 -> SINGLE[op.code] = op;
                case PREFIX_FC -> FC[op.code] = op;
                case PREFIX_FB -> FB[op.code] = op;
                default -> FD[op.code] = op;
            }
        }
    }

    private final int prefix;
    private final int code;
    private final String text;
    private final Family family;
    private final Feature feature;
    private final ImmediateKind immediate;
    private final ValType[] pops;
    private final ValType[] pushes;
    private final int memoryBytes;
    private final int lanes;

    Opcode(int prefix, int code, String text, Family family, Feature feature, ImmediateKind immediate,
            String signature, int memoryBytes) {
        this.prefix = prefix;
        this.code = code;
        this.text = text;
        this.family = family;
        this.feature = feature;
        this.immediate = immediate;
        if (signature == null) {
            this.pops = null;
            this.pushes = null;
        } else {
            int colon = signature.indexOf(':');
            this.pops = types(signature.substring(0, colon));
            this.pushes = types(signature.substring(colon + 1));
        }
        this.memoryBytes = memoryBytes;
        this.lanes = laneCount(text, immediate, memoryBytes);
    }

    private static ValType[] types(String letters) {
        ValType[] out = new ValType[letters.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (letters.charAt(i)) {
                case 'i' -> ValType.I32;
                case 'l' -> ValType.I64;
                case 'f' -> ValType.F32;
                case 'd' -> ValType.F64;
                case 'v' -> ValType.V128;
                default -> throw new IllegalArgumentException(letters);
            };
        }
        return out;
    }

    private static int laneCount(String text, ImmediateKind immediate, int memoryBytes) {
        if (immediate == ImmediateKind.MEMARG_LANE) {
            return 16 / memoryBytes;
        }
        if (immediate != ImmediateKind.LANE) {
            return 0;
        }
        String shape = text.substring(0, text.indexOf('.'));
        return Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
    }

    /** The single-byte opcode {@code code}, or null if none is defined. */
    public static Opcode single(int code) {
        return SINGLE[code];
    }

    /** The {@code 0xFC}-prefixed opcode with sub-opcode {@code code}, or null. */
    public static Opcode prefixedFC(long code) {
        return code >= 0 && code < FC.length ? FC[(int) code] : null;
    }

    /** The {@code 0xFB}-prefixed (GC) opcode with sub-opcode {@code code}, or null. */
    public static Opcode prefixedFB(long code) {
        return code >= 0 && code < FB.length ? FB[(int) code] : null;
    }

    /** The {@code 0xFD}-prefixed opcode with sub-opcode {@code code}, or null. */
    public static Opcode prefixedFD(long code) {
        return code >= 0 && code < FD.length ? FD[(int) code] : null;
    }

    /** 0 for single-byte opcodes, else {@link #PREFIX_FB}, {@link #PREFIX_FC} or {@link #PREFIX_FD}. */
    public int prefix() {
        return prefix;
    }

    /** The opcode byte, or the sub-opcode after the prefix. */
    public int code() {
        return code;
    }

    /** Text-format name, e.g. {@code i32.load8_s}. */
    public String text() {
        return text;
    }

    public Family family() {
        return family;
    }

    public Feature feature() {
        return feature;
    }

    public ImmediateKind immediate() {
        return immediate;
    }

    public boolean hasFixedSignature() {
        return pops != null;
    }

    /** Operand types popped, bottom first; only when {@link #hasFixedSignature()}. */
    public ValType[] pops() {
        return pops.clone();
    }

    /** Number of operands popped; only when {@link #hasFixedSignature()}. */
    public int popCount() {
        return pops.length;
    }

    /** Operand {@code i} popped (0 is the deepest); only when {@link #hasFixedSignature()}. */
    public ValType pop(int i) {
        return pops[i];
    }

    /** Number of results pushed; only when {@link #hasFixedSignature()}. */
    public int pushCount() {
        return pushes.length;
    }

    /** Result {@code i} pushed; only when {@link #hasFixedSignature()}. */
    public ValType push(int i) {
        return pushes[i];
    }

    /** Bytes a load or store accesses (its natural alignment is their log2); 0 for others. */
    public int memoryBytes() {
        return memoryBytes;
    }

    /** Number of lanes a lane index may address ({@link ImmediateKind#LANE} and {@link ImmediateKind#MEMARG_LANE}). */
    public int lanes() {
        return lanes;
    }

    @Override
    public String toString() {
        return text;
    }
}
