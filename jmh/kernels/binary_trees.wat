;; binary-trees: allocation-heavy GC kernel (WebAssembly 3.0 GC).
;; run(depth, iterations) builds `iterations` complete binary trees of `depth`
;; (2^(depth+1) - 1 structs each), walks each to count its nodes, and returns
;; the sum of the counts. The trees become garbage at once: what this measures
;; is struct.new, struct.get, null tests and the JVM collecting short-lived objects.
;; Plain-Java twin: dev.sandpiper.jmh.kernels.BinaryTreesJava.
(module
  (type $node (struct (field $left (ref null $node)) (field $right (ref null $node))))

  (func $make (param $depth i32) (result (ref $node))
    (if (result (ref $node)) (i32.eqz (local.get $depth))
      (then (struct.new $node (ref.null $node) (ref.null $node)))
      (else
        (struct.new $node
          (call $make (i32.sub (local.get $depth) (i32.const 1)))
          (call $make (i32.sub (local.get $depth) (i32.const 1)))))))

  (func $check (param $n (ref $node)) (result i32)
    (local $left (ref null $node))
    (local.set $left (struct.get $node $left (local.get $n)))
    (if (result i32) (ref.is_null (local.get $left))
      (then (i32.const 1))
      (else
        (i32.add
          (i32.const 1)
          (i32.add
            (call $check (ref.as_non_null (local.get $left)))
            (call $check (ref.as_non_null (struct.get $node $right (local.get $n)))))))))

  (func (export "run") (param $depth i32) (param $iterations i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $iterations)))
        (local.set $sum (i32.add (local.get $sum) (call $check (call $make (local.get $depth)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
