;; pass-through: the no-op transform, for measuring what the host costs per event.
;; transform(ptr, len) returns ptr unchanged and output_len() returns len: the
;; output is the input, byte for byte. The guest reads nothing and checks nothing
;; (any bytes pass, JSON or not; the host still checks the output is an Event).
;;
;; alloc: a single input buffer at $input_base (4096), reused by every call. That
;; is enough for the contract's call pattern: each alloc is followed by exactly
;; one call that consumes the input (transform, or filter/route, which this
;; guest does not export), and the output of transform is that same input, read
;; by the host before its next alloc. alloc grows memory on demand to fit
;; 4096 + len bytes, and returns -1 for len < 0, len > 0x7fff0000, or when
;; memory.grow is refused (the host's memory limit).
;;
;; No imports; exports memory, alloc, transform, output_len only (init and
;; shutdown are optional in the contract: there is no configuration to read).
(module
  (memory (export "memory") 1)
  (global $input_base i32 (i32.const 4096))
  (global $out_len (mut i32) (i32.const 0))

  (func $alloc (export "alloc") (param $len i32) (result i32)
    (local $pages i32)
    (if (i32.or (i32.lt_s (local.get $len) (i32.const 0))
                (i32.gt_u (local.get $len) (i32.const 0x7fff0000)))
      (then (return (i32.const -1))))
    ;; pages needed = ceil((input_base + len) / 65536)
    (local.set $pages
      (i32.shr_u (i32.add (i32.add (global.get $input_base) (local.get $len)) (i32.const 0xffff))
                 (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then (return (i32.const -1))))))
    (global.get $input_base))

  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (global.set $out_len (local.get $len))
    (local.get $ptr))

  (func (export "output_len") (result i32)
    (global.get $out_len))
)
