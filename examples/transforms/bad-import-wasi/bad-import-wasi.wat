;; bad-import-wasi: imports wasi_snapshot_preview1.fd_write, a module other than
;; "env". Otherwise a working pass-through transform that also prints the
;; event with fd_write. The host must reject it before instantiation, naming
;; "wasi_snapshot_preview1.fd_write".
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
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
    ;; iovec {ptr, len} at 16, bytes written at 24; fd 1 = stdout
    (i32.store (i32.const 16) (local.get $ptr))
    (i32.store (i32.const 20) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))
    (global.set $out_len (local.get $len))
    (local.get $ptr))
  (func (export "output_len") (result i32) (global.get $out_len))
  (func (export "init") (param i32 i32) (result i32) (i32.const 0))
  (func (export "shutdown") (result i32) (i32.const 0))
)
