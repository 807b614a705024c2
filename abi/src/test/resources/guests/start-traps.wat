;; start-traps: a conforming transform (echo) whose start function executes
;; unreachable, so no instance of it can ever be created.
(module
  (memory (export "memory") 1)
  (global $out_len (mut i32) (i32.const 0))
  (func $boom unreachable)
  (start $boom)
  (func (export "alloc") (param $len i32) (result i32) (i32.const 4096))
  (func (export "init") (param i32 i32) (result i32) (i32.const 0))
  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (global.set $out_len (local.get $len))
    (local.get $ptr))
  (func (export "output_len") (result i32) (global.get $out_len))
)
