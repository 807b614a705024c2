;; shutdown-fails: shutdown always returns 3. init adds 1 to metric "init_calls" and
;; returns 0; shutdown adds 1 to metric "shutdown_calls". transform echoes its input.
(module
  (import "env" "record_metric" (func $record_metric (param i32 i64)))
  (memory (export "memory") 1)
  (data (i32.const 16) "init_calls\00")
  (data (i32.const 32) "shutdown_calls\00")
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
    (i32.const 0))

  (func (export "shutdown") (result i32)
    (call $record_metric (i32.const 32) (i64.const 1))
    (i32.const 3))

  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (global.set $out_len (local.get $len))
    (local.get $ptr))

  (func (export "output_len") (result i32) (global.get $out_len))
)
