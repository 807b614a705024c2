;; plain: the smallest conforming guest with no optional exports: transform returns its input
;; unchanged. Tests use it where a module without a route export is needed.
(module
  (memory (export "memory") 1)
  (global $out_len (mut i32) (i32.const 0))
  (func (export "alloc") (param $len i32) (result i32)
    (local $need i32)
    (local.set $need (i32.shr_u (i32.add (local.get $len) (i32.const 66559)) (i32.const 16)))
    (if (i32.gt_u (local.get $need) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $need) (memory.size))) (i32.const -1))
          (then (return (i32.const -1))))))
    (i32.const 1024))
  (func (export "output_len") (result i32) (global.get $out_len))
  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (global.set $out_len (local.get $len))
    (local.get $ptr))
)
