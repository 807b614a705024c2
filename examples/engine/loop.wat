;; Never returns: stopped by --timeout-ms or --fuel.
(module
  (func (export "spin") (result i32)
    (local $i i32)
    (loop $forever
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $forever))
    (local.get $i)))
