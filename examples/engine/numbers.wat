;; Arguments and results of each type: ./sandpiper invoke examples/engine/numbers.wasm mix i64:-1 f32:1.5 f64:0x1p-3
(module
  (func (export "mix") (param i64 f32 f64) (result i64 f32 f64 i32)
    (local.get 0) (local.get 1) (local.get 2)
    (i32.trunc_f64_s (f64.mul (local.get 2) (f64.const 8))))
  (func (export "div") (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))
  (func (export "nan_bits") (param f32) (result i32)
    (i32.reinterpret_f32 (local.get 0))))
