;; exceptions: a throw-heavy kernel (WebAssembly 3.0 exception handling).
;; run(n, depth) calls $dive(depth, i) n times; $dive recurses `depth` frames
;; and throws $found carrying i at the bottom when i is odd (returns i when
;; even). Each call sits in a try_table that catches $found and adds the
;; payload, so half the calls unwind `depth` frames to a handler. Returns the
;; sum of what every call returned or threw.
;; Plain-Java twin: dev.sandpiper.jmh.kernels.ExceptionsJava.
(module
  (tag $found (param i32))

  (func $dive (param $depth i32) (param $value i32) (result i32)
    (if (i32.eqz (local.get $depth))
      (then
        (if (i32.and (local.get $value) (i32.const 1))
          (then (throw $found (local.get $value))))
        (return (local.get $value))))
    (call $dive (i32.sub (local.get $depth) (i32.const 1)) (local.get $value)))

  (func (export "run") (param $n i32) (param $depth i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $sum
          (i32.add (local.get $sum)
            (block $caught (result i32)
              (try_table (result i32) (catch $found $caught)
                (call $dive (local.get $depth) (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
