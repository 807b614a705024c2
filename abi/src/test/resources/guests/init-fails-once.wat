;; init-fails-once: init returns 1 the first time it is called in an instance and 0
;; after that; every call adds 1 to metric "init_calls". transform echoes its input.
(module
  (import "env" "record_metric" (func $record_metric (param i32 i64)))
  (memory (export "memory") 1)
  (data (i32.const 16) "init_calls\00")
  (global $calls (mut i32) (i32.const 0))
  (global $out_len (mut i32) (i32.const 0))

  (func (export "alloc") (param $len i32) (result i32)
    (local $pages i32)
    (if (i32.or (i32.lt_s (local.get $len) (i32.const 0))
                (i32.gt_u (local.get $len) (i32.const 0x7fff0000)))
      (then (return (i32.const -1))))
    (local.set $pages
      (i32.shr_u (i32.add (i32.add (i32.const 4096) (local.get $len)) (i32.const 0xffff)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then (return (i32.const -1))))))
    (i32.const 4096))

  (func (export "init") (param i32 i32) (result i32)
    (call $record_metric (i32.const 16) (i64.const 1))
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.eq (global.get $calls) (i32.const 1)))

  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (global.set $out_len (local.get $len))
    (local.get $ptr))

  (func (export "output_len") (result i32) (global.get $out_len))
)
