;; outcomes: lets a test choose what transform and output_len return.
;;
;; - transform(ptr, len): when len is 8, the input is two little-endian i32s r and n:
;;   transform returns r and output_len will return n. Any other input is echoed
;;   (returns ptr, and output_len returns len).
;; - output_len() adds 1 to metric "output_len_calls" before returning, so a test can
;;   tell whether the host called it.
;; - Address 1024 holds the 11 bytes {"hello":1}: JSON, but not an Event.
;; - alloc(len) returns 4096 (growing memory when needed), or -1 when it cannot.
(module
  (import "env" "record_metric" (func $record_metric (param i32 i64)))
  (memory (export "memory") 1)
  (data (i32.const 16) "output_len_calls\00")
  (data (i32.const 1024) "{\"hello\":1}")
  (global $input_base i32 (i32.const 4096))
  (global $out_len (mut i32) (i32.const 0))

  (func $alloc (export "alloc") (param $len i32) (result i32)
    (local $pages i32)
    (if (i32.or (i32.lt_s (local.get $len) (i32.const 0))
                (i32.gt_u (local.get $len) (i32.const 0x7fff0000)))
      (then (return (i32.const -1))))
    (local.set $pages
      (i32.shr_u (i32.add (i32.add (global.get $input_base) (local.get $len)) (i32.const 0xffff))
                 (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then (return (i32.const -1))))))
    (global.get $input_base))

  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (if (i32.eq (local.get $len) (i32.const 8))
      (then
        (global.set $out_len (i32.load offset=4 (local.get $ptr)))
        (return (i32.load (local.get $ptr)))))
    (global.set $out_len (local.get $len))
    (local.get $ptr))

  (func (export "output_len") (result i32)
    (call $record_metric (i32.const 16) (i64.const 1))
    (global.get $out_len))
)
