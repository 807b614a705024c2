;; Every instruction of WebAssembly 2.0 (all 0xFC and 0xFD ones included), one per line, in
;; the flat text format. InstructionsTest decodes all-instructions.wasm and checks that the
;; instructions of each function, in order, are named exactly by the lines of its body here: the
;; first word of every line inside a (func ...) that does not start with "(" or ";;". A function's
;; closing ")" stands alone on its line; `select (result t)` is the typed select (Opcode SELECT_T).
;; Use numeric indices only, so the test can read immediates back from the text.
;; Rebuild the binary with build.sh after editing.
(module
  (type (func))                                          ;; 0
  (type (func (param i32) (result i32)))                 ;; 1
  (type (func (param i32 i32) (result i32 i32)))         ;; 2: multi-value
  (table 1 externref)                                    ;; table 0
  (table 2 funcref)                                      ;; table 1
  (table 2 funcref)                                      ;; table 2
  (memory 1)
  (global (mut i32) (i32.const 0))                       ;; global 0
  (global (mut v128) (v128.const i64x2 0 0))             ;; global 1
  (data "hello")                                         ;; data 0 (passive)
  (elem func 0 1)                                        ;; elem 0 (passive), declares 0 and 1

  ;; function 0: control instructions, parametric and variable instructions
  (func (param i32) (result i32) (local i64 v128)
    nop
    block
    end
    block (result i32)
    i32.const 1
    end
    drop
    i32.const 2
    i32.const 3
    block (type 2)
    i32.add
    i32.const 4
    end
    drop
    drop
    loop
    end
    loop (result i64)
    i64.const 5
    end
    drop
    i32.const 6
    loop (type 1)
    end
    drop
    local.get 0
    if
    nop
    else
    nop
    end
    local.get 0
    if (result f32)
    f32.const 7
    else
    f32.const 8
    end
    drop
    i32.const 9
    local.get 0
    if (type 1)
    nop
    else
    i32.const 1
    i32.add
    end
    drop
    block
    local.get 0
    br_if 0
    end
    block
    block
    block
    local.get 0
    br_table 0 1 2 1
    end
    end
    end
    block
    br 0
    end
    local.get 0
    call 0
    drop
    local.get 0
    i32.const 0
    call_indirect 1 (type 1)
    drop
    i32.const 10
    i32.const 11
    local.get 0
    select
    drop
    f64.const 1
    f64.const 2
    local.get 0
    select (result f64)
    drop
    local.get 0
    local.set 0
    i64.const 12
    local.tee 1
    local.set 1
    global.get 1
    local.set 2
    global.get 0
    global.set 0
    local.get 0
    return
  )

  ;; function 1: unreachable
  (func
    unreachable
  )

  ;; function 2: reference and table instructions whose types depend on the table
  (func
    ref.null func
    ref.is_null
    drop
    ref.null extern
    drop
    ref.func 1
    drop
    i32.const 0
    table.get 1
    drop
    i32.const 0
    ref.null func
    table.set 1
    ref.null extern
    i32.const 1
    table.grow 0
    drop
    i32.const 0
    ref.func 0
    i32.const 1
    table.fill 2
  )

  ;; function 3: numeric instructions with a fixed signature
  (func
    i32.const -123456
    drop
    i64.const -9223372036854775808
    drop
    f32.const 1.5
    drop
    f64.const -0.25
    drop
    i32.const 0
    i32.eqz
    drop
    i32.const 0
    i32.const 0
    i32.eq
    drop
    i32.const 0
    i32.const 0
    i32.ne
    drop
    i32.const 0
    i32.const 0
    i32.lt_s
    drop
    i32.const 0
    i32.const 0
    i32.lt_u
    drop
    i32.const 0
    i32.const 0
    i32.gt_s
    drop
    i32.const 0
    i32.const 0
    i32.gt_u
    drop
    i32.const 0
    i32.const 0
    i32.le_s
    drop
    i32.const 0
    i32.const 0
    i32.le_u
    drop
    i32.const 0
    i32.const 0
    i32.ge_s
    drop
    i32.const 0
    i32.const 0
    i32.ge_u
    drop
    i64.const 0
    i64.eqz
    drop
    i64.const 0
    i64.const 0
    i64.eq
    drop
    i64.const 0
    i64.const 0
    i64.ne
    drop
    i64.const 0
    i64.const 0
    i64.lt_s
    drop
    i64.const 0
    i64.const 0
    i64.lt_u
    drop
    i64.const 0
    i64.const 0
    i64.gt_s
    drop
    i64.const 0
    i64.const 0
    i64.gt_u
    drop
    i64.const 0
    i64.const 0
    i64.le_s
    drop
    i64.const 0
    i64.const 0
    i64.le_u
    drop
    i64.const 0
    i64.const 0
    i64.ge_s
    drop
    i64.const 0
    i64.const 0
    i64.ge_u
    drop
    f32.const 0
    f32.const 0
    f32.eq
    drop
    f32.const 0
    f32.const 0
    f32.ne
    drop
    f32.const 0
    f32.const 0
    f32.lt
    drop
    f32.const 0
    f32.const 0
    f32.gt
    drop
    f32.const 0
    f32.const 0
    f32.le
    drop
    f32.const 0
    f32.const 0
    f32.ge
    drop
    f64.const 0
    f64.const 0
    f64.eq
    drop
    f64.const 0
    f64.const 0
    f64.ne
    drop
    f64.const 0
    f64.const 0
    f64.lt
    drop
    f64.const 0
    f64.const 0
    f64.gt
    drop
    f64.const 0
    f64.const 0
    f64.le
    drop
    f64.const 0
    f64.const 0
    f64.ge
    drop
    i32.const 0
    i32.clz
    drop
    i32.const 0
    i32.ctz
    drop
    i32.const 0
    i32.popcnt
    drop
    i32.const 0
    i32.const 0
    i32.add
    drop
    i32.const 0
    i32.const 0
    i32.sub
    drop
    i32.const 0
    i32.const 0
    i32.mul
    drop
    i32.const 0
    i32.const 0
    i32.div_s
    drop
    i32.const 0
    i32.const 0
    i32.div_u
    drop
    i32.const 0
    i32.const 0
    i32.rem_s
    drop
    i32.const 0
    i32.const 0
    i32.rem_u
    drop
    i32.const 0
    i32.const 0
    i32.and
    drop
    i32.const 0
    i32.const 0
    i32.or
    drop
    i32.const 0
    i32.const 0
    i32.xor
    drop
    i32.const 0
    i32.const 0
    i32.shl
    drop
    i32.const 0
    i32.const 0
    i32.shr_s
    drop
    i32.const 0
    i32.const 0
    i32.shr_u
    drop
    i32.const 0
    i32.const 0
    i32.rotl
    drop
    i32.const 0
    i32.const 0
    i32.rotr
    drop
    i64.const 0
    i64.clz
    drop
    i64.const 0
    i64.ctz
    drop
    i64.const 0
    i64.popcnt
    drop
    i64.const 0
    i64.const 0
    i64.add
    drop
    i64.const 0
    i64.const 0
    i64.sub
    drop
    i64.const 0
    i64.const 0
    i64.mul
    drop
    i64.const 0
    i64.const 0
    i64.div_s
    drop
    i64.const 0
    i64.const 0
    i64.div_u
    drop
    i64.const 0
    i64.const 0
    i64.rem_s
    drop
    i64.const 0
    i64.const 0
    i64.rem_u
    drop
    i64.const 0
    i64.const 0
    i64.and
    drop
    i64.const 0
    i64.const 0
    i64.or
    drop
    i64.const 0
    i64.const 0
    i64.xor
    drop
    i64.const 0
    i64.const 0
    i64.shl
    drop
    i64.const 0
    i64.const 0
    i64.shr_s
    drop
    i64.const 0
    i64.const 0
    i64.shr_u
    drop
    i64.const 0
    i64.const 0
    i64.rotl
    drop
    i64.const 0
    i64.const 0
    i64.rotr
    drop
    f32.const 0
    f32.abs
    drop
    f32.const 0
    f32.neg
    drop
    f32.const 0
    f32.ceil
    drop
    f32.const 0
    f32.floor
    drop
    f32.const 0
    f32.trunc
    drop
    f32.const 0
    f32.nearest
    drop
    f32.const 0
    f32.sqrt
    drop
    f32.const 0
    f32.const 0
    f32.add
    drop
    f32.const 0
    f32.const 0
    f32.sub
    drop
    f32.const 0
    f32.const 0
    f32.mul
    drop
    f32.const 0
    f32.const 0
    f32.div
    drop
    f32.const 0
    f32.const 0
    f32.min
    drop
    f32.const 0
    f32.const 0
    f32.max
    drop
    f32.const 0
    f32.const 0
    f32.copysign
    drop
    f64.const 0
    f64.abs
    drop
    f64.const 0
    f64.neg
    drop
    f64.const 0
    f64.ceil
    drop
    f64.const 0
    f64.floor
    drop
    f64.const 0
    f64.trunc
    drop
    f64.const 0
    f64.nearest
    drop
    f64.const 0
    f64.sqrt
    drop
    f64.const 0
    f64.const 0
    f64.add
    drop
    f64.const 0
    f64.const 0
    f64.sub
    drop
    f64.const 0
    f64.const 0
    f64.mul
    drop
    f64.const 0
    f64.const 0
    f64.div
    drop
    f64.const 0
    f64.const 0
    f64.min
    drop
    f64.const 0
    f64.const 0
    f64.max
    drop
    f64.const 0
    f64.const 0
    f64.copysign
    drop
    i64.const 0
    i32.wrap_i64
    drop
    f32.const 0
    i32.trunc_f32_s
    drop
    f32.const 0
    i32.trunc_f32_u
    drop
    f64.const 0
    i32.trunc_f64_s
    drop
    f64.const 0
    i32.trunc_f64_u
    drop
    i32.const 0
    i64.extend_i32_s
    drop
    i32.const 0
    i64.extend_i32_u
    drop
    f32.const 0
    i64.trunc_f32_s
    drop
    f32.const 0
    i64.trunc_f32_u
    drop
    f64.const 0
    i64.trunc_f64_s
    drop
    f64.const 0
    i64.trunc_f64_u
    drop
    i32.const 0
    f32.convert_i32_s
    drop
    i32.const 0
    f32.convert_i32_u
    drop
    i64.const 0
    f32.convert_i64_s
    drop
    i64.const 0
    f32.convert_i64_u
    drop
    f64.const 0
    f32.demote_f64
    drop
    i32.const 0
    f64.convert_i32_s
    drop
    i32.const 0
    f64.convert_i32_u
    drop
    i64.const 0
    f64.convert_i64_s
    drop
    i64.const 0
    f64.convert_i64_u
    drop
    f32.const 0
    f64.promote_f32
    drop
    f32.const 0
    i32.reinterpret_f32
    drop
    f64.const 0
    i64.reinterpret_f64
    drop
    i32.const 0
    f32.reinterpret_i32
    drop
    i64.const 0
    f64.reinterpret_i64
    drop
    i32.const 0
    i32.extend8_s
    drop
    i32.const 0
    i32.extend16_s
    drop
    i64.const 0
    i64.extend8_s
    drop
    i64.const 0
    i64.extend16_s
    drop
    i64.const 0
    i64.extend32_s
    drop
    f32.const 0
    i32.trunc_sat_f32_s
    drop
    f32.const 0
    i32.trunc_sat_f32_u
    drop
    f64.const 0
    i32.trunc_sat_f64_s
    drop
    f64.const 0
    i32.trunc_sat_f64_u
    drop
    f32.const 0
    i64.trunc_sat_f32_s
    drop
    f32.const 0
    i64.trunc_sat_f32_u
    drop
    f64.const 0
    i64.trunc_sat_f64_s
    drop
    f64.const 0
    i64.trunc_sat_f64_u
    drop
  )

  ;; function 4: memory instructions with a fixed signature
  (func
    i32.const 0
    i32.load
    drop
    i32.const 0
    i64.load offset=9
    drop
    i32.const 0
    f32.load offset=6 align=2
    drop
    i32.const 0
    f64.load
    drop
    i32.const 0
    i32.load8_s offset=33
    drop
    i32.const 0
    i32.load8_u offset=15 align=1
    drop
    i32.const 0
    i32.load16_s
    drop
    i32.const 0
    i32.load16_u offset=57
    drop
    i32.const 0
    i64.load8_s offset=24 align=1
    drop
    i32.const 0
    i64.load8_u
    drop
    i32.const 0
    i64.load16_s offset=81
    drop
    i32.const 0
    i64.load16_u offset=33 align=1
    drop
    i32.const 0
    i64.load32_s
    drop
    i32.const 0
    i64.load32_u offset=105
    drop
    i32.const 0
    i32.const 0
    i32.store offset=42 align=2
    i32.const 0
    i64.const 0
    i64.store
    i32.const 0
    f32.const 0
    f32.store offset=129
    i32.const 0
    f64.const 0
    f64.store offset=51 align=4
    i32.const 0
    i32.const 0
    i32.store8
    i32.const 0
    i32.const 0
    i32.store16 offset=153
    i32.const 0
    i64.const 0
    i64.store8 offset=60 align=1
    i32.const 0
    i64.const 0
    i64.store16
    i32.const 0
    i64.const 0
    i64.store32 offset=177
    memory.size
    drop
    i32.const 0
    memory.grow
    drop
    i32.const 0
    i32.const 0
    i32.const 0
    memory.init 0
    data.drop 0
    i32.const 0
    i32.const 0
    i32.const 0
    memory.copy
    i32.const 0
    i32.const 0
    i32.const 0
    memory.fill
    i32.const 0
    v128.load offset=87 align=8
    drop
    i32.const 0
    v128.load8x8_s
    drop
    i32.const 0
    v128.load8x8_u offset=249
    drop
    i32.const 0
    v128.load16x4_s offset=96 align=4
    drop
    i32.const 0
    v128.load16x4_u
    drop
    i32.const 0
    v128.load32x2_s offset=273
    drop
    i32.const 0
    v128.load32x2_u offset=105 align=4
    drop
    i32.const 0
    v128.load8_splat
    drop
    i32.const 0
    v128.load16_splat offset=297
    drop
    i32.const 0
    v128.load32_splat offset=114 align=2
    drop
    i32.const 0
    v128.load64_splat
    drop
    i32.const 0
    v128.const i64x2 0 0
    v128.store offset=321
    i32.const 0
    v128.const i64x2 0 0
    v128.load8_lane offset=123 align=1 15
    drop
    i32.const 0
    v128.const i64x2 0 0
    v128.load16_lane 7
    drop
    i32.const 0
    v128.const i64x2 0 0
    v128.load32_lane offset=345 3
    drop
    i32.const 0
    v128.const i64x2 0 0
    v128.load64_lane offset=132 align=4 1
    drop
    i32.const 0
    v128.const i64x2 0 0
    v128.store8_lane 15
    i32.const 0
    v128.const i64x2 0 0
    v128.store16_lane offset=369 7
    i32.const 0
    v128.const i64x2 0 0
    v128.store32_lane offset=141 align=2 3
    i32.const 0
    v128.const i64x2 0 0
    v128.store64_lane 1
    i32.const 0
    v128.load32_zero offset=393
    drop
    i32.const 0
    v128.load64_zero offset=150 align=4
    drop
  )

  ;; function 5: vector instructions with a fixed signature
  (func
    v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.swizzle
    drop
    i32.const 0
    i8x16.splat
    drop
    i32.const 0
    i16x8.splat
    drop
    i32.const 0
    i32x4.splat
    drop
    i64.const 0
    i64x2.splat
    drop
    f32.const 0
    f32x4.splat
    drop
    f64.const 0
    f64x2.splat
    drop
    v128.const i64x2 0 0
    i8x16.extract_lane_s 15
    drop
    v128.const i64x2 0 0
    i8x16.extract_lane_u 15
    drop
    v128.const i64x2 0 0
    i32.const 0
    i8x16.replace_lane 11
    drop
    v128.const i64x2 0 0
    i16x8.extract_lane_s 7
    drop
    v128.const i64x2 0 0
    i16x8.extract_lane_u 7
    drop
    v128.const i64x2 0 0
    i32.const 0
    i16x8.replace_lane 6
    drop
    v128.const i64x2 0 0
    i32x4.extract_lane 3
    drop
    v128.const i64x2 0 0
    i32.const 0
    i32x4.replace_lane 0
    drop
    v128.const i64x2 0 0
    i64x2.extract_lane 1
    drop
    v128.const i64x2 0 0
    i64.const 0
    i64x2.replace_lane 0
    drop
    v128.const i64x2 0 0
    f32x4.extract_lane 3
    drop
    v128.const i64x2 0 0
    f32.const 0
    f32x4.replace_lane 0
    drop
    v128.const i64x2 0 0
    f64x2.extract_lane 1
    drop
    v128.const i64x2 0 0
    f64.const 0
    f64x2.replace_lane 0
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.eq
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.ne
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.lt_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.lt_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.gt_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.gt_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.le_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.le_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.ge_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.ge_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.eq
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.ne
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.lt_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.lt_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.gt_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.gt_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.le_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.le_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.ge_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.ge_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.eq
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.ne
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.lt_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.lt_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.gt_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.gt_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.le_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.le_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.ge_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.ge_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.eq
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.ne
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.lt
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.gt
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.le
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.ge
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.eq
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.ne
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.lt
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.gt
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.le
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.ge
    drop
    v128.const i64x2 0 0
    v128.not
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    v128.and
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    v128.andnot
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    v128.or
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    v128.xor
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    v128.bitselect
    drop
    v128.const i64x2 0 0
    v128.any_true
    drop
    v128.const i64x2 0 0
    f32x4.demote_f64x2_zero
    drop
    v128.const i64x2 0 0
    f64x2.promote_low_f32x4
    drop
    v128.const i64x2 0 0
    i8x16.abs
    drop
    v128.const i64x2 0 0
    i8x16.neg
    drop
    v128.const i64x2 0 0
    i8x16.popcnt
    drop
    v128.const i64x2 0 0
    i8x16.all_true
    drop
    v128.const i64x2 0 0
    i8x16.bitmask
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.narrow_i16x8_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.narrow_i16x8_u
    drop
    v128.const i64x2 0 0
    f32x4.ceil
    drop
    v128.const i64x2 0 0
    f32x4.floor
    drop
    v128.const i64x2 0 0
    f32x4.trunc
    drop
    v128.const i64x2 0 0
    f32x4.nearest
    drop
    v128.const i64x2 0 0
    i32.const 0
    i8x16.shl
    drop
    v128.const i64x2 0 0
    i32.const 0
    i8x16.shr_s
    drop
    v128.const i64x2 0 0
    i32.const 0
    i8x16.shr_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.add
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.add_sat_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.add_sat_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.sub
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.sub_sat_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.sub_sat_u
    drop
    v128.const i64x2 0 0
    f64x2.ceil
    drop
    v128.const i64x2 0 0
    f64x2.floor
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.min_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.min_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.max_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.max_u
    drop
    v128.const i64x2 0 0
    f64x2.trunc
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i8x16.avgr_u
    drop
    v128.const i64x2 0 0
    i16x8.extadd_pairwise_i8x16_s
    drop
    v128.const i64x2 0 0
    i16x8.extadd_pairwise_i8x16_u
    drop
    v128.const i64x2 0 0
    i32x4.extadd_pairwise_i16x8_s
    drop
    v128.const i64x2 0 0
    i32x4.extadd_pairwise_i16x8_u
    drop
    v128.const i64x2 0 0
    i16x8.abs
    drop
    v128.const i64x2 0 0
    i16x8.neg
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.q15mulr_sat_s
    drop
    v128.const i64x2 0 0
    i16x8.all_true
    drop
    v128.const i64x2 0 0
    i16x8.bitmask
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.narrow_i32x4_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.narrow_i32x4_u
    drop
    v128.const i64x2 0 0
    i16x8.extend_low_i8x16_s
    drop
    v128.const i64x2 0 0
    i16x8.extend_high_i8x16_s
    drop
    v128.const i64x2 0 0
    i16x8.extend_low_i8x16_u
    drop
    v128.const i64x2 0 0
    i16x8.extend_high_i8x16_u
    drop
    v128.const i64x2 0 0
    i32.const 0
    i16x8.shl
    drop
    v128.const i64x2 0 0
    i32.const 0
    i16x8.shr_s
    drop
    v128.const i64x2 0 0
    i32.const 0
    i16x8.shr_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.add
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.add_sat_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.add_sat_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.sub
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.sub_sat_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.sub_sat_u
    drop
    v128.const i64x2 0 0
    f64x2.nearest
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.mul
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.min_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.min_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.max_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.max_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.avgr_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.extmul_low_i8x16_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.extmul_high_i8x16_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.extmul_low_i8x16_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i16x8.extmul_high_i8x16_u
    drop
    v128.const i64x2 0 0
    i32x4.abs
    drop
    v128.const i64x2 0 0
    i32x4.neg
    drop
    v128.const i64x2 0 0
    i32x4.all_true
    drop
    v128.const i64x2 0 0
    i32x4.bitmask
    drop
    v128.const i64x2 0 0
    i32x4.extend_low_i16x8_s
    drop
    v128.const i64x2 0 0
    i32x4.extend_high_i16x8_s
    drop
    v128.const i64x2 0 0
    i32x4.extend_low_i16x8_u
    drop
    v128.const i64x2 0 0
    i32x4.extend_high_i16x8_u
    drop
    v128.const i64x2 0 0
    i32.const 0
    i32x4.shl
    drop
    v128.const i64x2 0 0
    i32.const 0
    i32x4.shr_s
    drop
    v128.const i64x2 0 0
    i32.const 0
    i32x4.shr_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.add
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.sub
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.mul
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.min_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.min_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.max_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.max_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.dot_i16x8_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.extmul_low_i16x8_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.extmul_high_i16x8_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.extmul_low_i16x8_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i32x4.extmul_high_i16x8_u
    drop
    v128.const i64x2 0 0
    i64x2.abs
    drop
    v128.const i64x2 0 0
    i64x2.neg
    drop
    v128.const i64x2 0 0
    i64x2.all_true
    drop
    v128.const i64x2 0 0
    i64x2.bitmask
    drop
    v128.const i64x2 0 0
    i64x2.extend_low_i32x4_s
    drop
    v128.const i64x2 0 0
    i64x2.extend_high_i32x4_s
    drop
    v128.const i64x2 0 0
    i64x2.extend_low_i32x4_u
    drop
    v128.const i64x2 0 0
    i64x2.extend_high_i32x4_u
    drop
    v128.const i64x2 0 0
    i32.const 0
    i64x2.shl
    drop
    v128.const i64x2 0 0
    i32.const 0
    i64x2.shr_s
    drop
    v128.const i64x2 0 0
    i32.const 0
    i64x2.shr_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.add
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.sub
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.mul
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.eq
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.ne
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.lt_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.gt_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.le_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.ge_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.extmul_low_i32x4_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.extmul_high_i32x4_s
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.extmul_low_i32x4_u
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    i64x2.extmul_high_i32x4_u
    drop
    v128.const i64x2 0 0
    f32x4.abs
    drop
    v128.const i64x2 0 0
    f32x4.neg
    drop
    v128.const i64x2 0 0
    f32x4.sqrt
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.add
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.sub
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.mul
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.div
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.min
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.max
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.pmin
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f32x4.pmax
    drop
    v128.const i64x2 0 0
    f64x2.abs
    drop
    v128.const i64x2 0 0
    f64x2.neg
    drop
    v128.const i64x2 0 0
    f64x2.sqrt
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.add
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.sub
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.mul
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.div
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.min
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.max
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.pmin
    drop
    v128.const i64x2 0 0
    v128.const i64x2 0 0
    f64x2.pmax
    drop
    v128.const i64x2 0 0
    i32x4.trunc_sat_f32x4_s
    drop
    v128.const i64x2 0 0
    i32x4.trunc_sat_f32x4_u
    drop
    v128.const i64x2 0 0
    f32x4.convert_i32x4_s
    drop
    v128.const i64x2 0 0
    f32x4.convert_i32x4_u
    drop
    v128.const i64x2 0 0
    i32x4.trunc_sat_f64x2_s_zero
    drop
    v128.const i64x2 0 0
    i32x4.trunc_sat_f64x2_u_zero
    drop
    v128.const i64x2 0 0
    f64x2.convert_low_i32x4_s
    drop
    v128.const i64x2 0 0
    f64x2.convert_low_i32x4_u
    drop
  )

  ;; function 6: table instructions with a fixed signature
  (func
    i32.const 0
    i32.const 0
    i32.const 0
    table.init 1 0
    elem.drop 0
    i32.const 0
    i32.const 0
    i32.const 0
    table.copy 1 2
    table.size 1
    drop
  )

  ;; function 7: control instructions with a fixed signature
  (func
    nop
  )
)
