;; slow: each of alloc, transform and output_len first spins for len * 100 loop
;; iterations, where len is the length of the event (alloc's argument), then does
;; its ordinary job: transform echoes its input. A test can size an event so that
;; each call alone takes well under timeout_ms while the three together overrun it.
(module
  (memory (export "memory") 1)
  (global $len (mut i32) (i32.const 0))

  (func $spin (param $iterations i32)
    (local $i i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (local.get $iterations)))
        (i32.store (i32.const 0) (local.get $i))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again))))

  (func (export "alloc") (param $len i32) (result i32)
    (local $pages i32)
    (if (i32.or (i32.lt_s (local.get $len) (i32.const 0))
                (i32.gt_u (local.get $len) (i32.const 0x7fff0000)))
      (then (return (i32.const -1))))
    (call $spin (i32.mul (local.get $len) (i32.const 100)))
    (local.set $pages
      (i32.shr_u (i32.add (i32.add (i32.const 4096) (local.get $len)) (i32.const 0xffff)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then (return (i32.const -1))))))
    (i32.const 4096))

  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (call $spin (i32.mul (local.get $len) (i32.const 100)))
    (global.set $len (local.get $len))
    (local.get $ptr))

  (func (export "output_len") (result i32)
    (call $spin (i32.mul (global.get $len) (i32.const 100)))
    (global.get $len))
)
