;; grow: declares a memory of 1 page with a maximum of 65536 pages (4 GiB), far above
;; any memory limit. transform grows memory one page at a time until memory.grow
;; returns -1, then sets metric "pages" to memory.size, adds the result of one more
;; memory.grow of 32767 pages to metric "big_grow" (-1 when refused), writes a byte
;; to the last byte of memory, and returns -1 (filtered).
(module
  (import "env" "record_metric" (func $record_metric (param i32 i64)))
  (memory (export "memory") 1 65536)
  (data (i32.const 16) "pages\00")
  (data (i32.const 32) "big_grow\00")

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

  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (loop $grow
      (br_if $grow (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    (call $record_metric (i32.const 16)
      (i64.extend_i32_u (memory.size)))
    (call $record_metric (i32.const 32) (i64.extend_i32_s (memory.grow (i32.const 32767))))
    (i32.store8 (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 1)) (i32.const 7))
    (i32.const -1))

  (func (export "output_len") (result i32) (i32.const 0))
)
