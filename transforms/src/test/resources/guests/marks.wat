;; marks: a small, fast guest for the transform runtime's tests. Its behaviour is driven by marks
;; the test writes into the event, so one module gives every outcome cheaply:
;;   transform(ptr, len) works in place on the input and returns it (output_len = len), except:
;;     - the first "@@" becomes the two bytes of the config's "stamp" (default "v0"), so a test can
;;       tell which module version or configuration produced an output;
;;     - the first "!" followed by d drops the event (returns -1), f fails (returns -9),
;;       t traps (unreachable), l loops forever (a timeout).
;;   route(ptr, len) names the topic: the characters after the first `"table":"` up to the next
;;     `"` (-3 when there is none, -1 when empty).
;;   init(ptr, len) reads the two bytes after `"stamp":"` in the config, if present; returns 0.
;;   alloc(len) always returns 1024, growing memory to fit: the host never keeps an input across
;;     calls, and route's copy of the output lands on the same bytes.
(module
  (memory (export "memory") 1)
  (global $out_len (mut i32) (i32.const 0))
  (global $s0 (mut i32) (i32.const 118)) ;; 'v'
  (global $s1 (mut i32) (i32.const 48))  ;; '0'
  (data (i32.const 0) "\22stamp\22:\22")   ;; 9 bytes
  (data (i32.const 16) "\22table\22:\22")  ;; 9 bytes

  (func (export "alloc") (param $len i32) (result i32)
    (local $need i32)
    (if (i32.lt_s (local.get $len) (i32.const 0)) (then (return (i32.const -1))))
    (local.set $need
      (i32.shr_u (i32.add (local.get $len) (i32.const 66559)) (i32.const 16))) ;; (len + 1024 + 65535) / 65536
    (if (i32.gt_u (local.get $need) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $need) (memory.size))) (i32.const -1))
          (then (return (i32.const -1))))))
    (i32.const 1024))

  (func (export "output_len") (result i32) (global.get $out_len))

  ;; The address of the first occurrence of the $plen bytes at $pat in [$at, $at + $len), or -1.
  (func $find (param $at i32) (param $len i32) (param $pat i32) (param $plen i32) (result i32)
    (local $i i32) (local $j i32) (local $end i32)
    (local.set $end (i32.sub (i32.add (local.get $at) (local.get $len)) (local.get $plen)))
    (local.set $i (local.get $at))
    (block $none
      (loop $next
        (br_if $none (i32.gt_s (local.get $i) (local.get $end)))
        (local.set $j (i32.const 0))
        (block $mismatch
          (loop $cmp
            (if (i32.eq (local.get $j) (local.get $plen)) (then (return (local.get $i))))
            (br_if $mismatch (i32.ne (i32.load8_u (i32.add (local.get $i) (local.get $j)))
                                     (i32.load8_u (i32.add (local.get $pat) (local.get $j)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $cmp)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const -1))

  (func (export "init") (param $ptr i32) (param $len i32) (result i32)
    (local $p i32)
    (local.set $p (call $find (local.get $ptr) (local.get $len) (i32.const 0) (i32.const 9)))
    (if (i32.ge_s (local.get $p) (i32.const 0))
      (then
        (if (i32.le_u (i32.add (local.get $p) (i32.const 11)) (i32.add (local.get $ptr) (local.get $len)))
          (then
            (global.set $s0 (i32.load8_u (i32.add (local.get $p) (i32.const 9))))
            (global.set $s1 (i32.load8_u (i32.add (local.get $p) (i32.const 10))))))))
    (i32.const 0))

  (func (export "shutdown") (result i32) (i32.const 0))

  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (local $i i32) (local $end i32) (local $b i32) (local $c i32) (local $stamped i32)
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (local.set $i (local.get $ptr))
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (i32.add (local.get $i) (i32.const 1)) (local.get $end)))
        (local.set $b (i32.load8_u (local.get $i)))
        (local.set $c (i32.load8_u (i32.add (local.get $i) (i32.const 1))))
        (if (i32.eq (local.get $b) (i32.const 33)) ;; '!'
          (then
            (if (i32.eq (local.get $c) (i32.const 100)) (then (return (i32.const -1))))  ;; d
            (if (i32.eq (local.get $c) (i32.const 102)) (then (return (i32.const -9))))  ;; f
            (if (i32.eq (local.get $c) (i32.const 116)) (then (unreachable)))            ;; t
            (if (i32.eq (local.get $c) (i32.const 108)) (then (loop $forever (br $forever)))))) ;; l
        (if (i32.and (i32.eqz (local.get $stamped))
                     (i32.and (i32.eq (local.get $b) (i32.const 64)) (i32.eq (local.get $c) (i32.const 64))))
          (then
            (i32.store8 (local.get $i) (global.get $s0))
            (i32.store8 (i32.add (local.get $i) (i32.const 1)) (global.get $s1))
            (local.set $stamped (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
    (global.set $out_len (local.get $len))
    (local.get $ptr))

  (func (export "route") (param $ptr i32) (param $len i32) (result i32)
    (local $p i32) (local $start i32) (local $i i32) (local $end i32)
    (global.set $out_len (i32.const 0))
    (local.set $p (call $find (local.get $ptr) (local.get $len) (i32.const 16) (i32.const 9)))
    (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -3))))
    (local.set $start (i32.add (local.get $p) (i32.const 9)))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (local.set $i (local.get $start))
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (br_if $done (i32.eq (i32.load8_u (local.get $i)) (i32.const 34)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
    (if (i32.eq (local.get $i) (local.get $start)) (then (return (i32.const -1))))
    (global.set $out_len (i32.sub (local.get $i) (local.get $start)))
    (local.get $start))
)
