;; bad-infinite-loop: a contract-conforming module whose transform never
;; returns. Each iteration stores a counter to linear memory, so no optimizer
;; may drop the loop. The host must stop it at its deadline (timeout_ms) and
;; report a timeout, distinct from other errors.
(module
  (memory (export "memory") 1)
  (global $input_base i32 (i32.const 4096))
  (global $out_len (mut i32) (i32.const 0))
  ;; alloc: one input area at $input_base (each host write is followed by
  ;; exactly one call that consumes it, so the area is reused), grown on demand.
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
    (local $n i32)
    (loop $spin
      (i32.store (i32.const 0) (local.get $n))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $spin))
    (unreachable))
  (func (export "output_len") (result i32) (global.get $out_len))
  (func (export "init") (param i32 i32) (result i32) (i32.const 0))
  (func (export "shutdown") (result i32) (i32.const 0))
)
