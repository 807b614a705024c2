;; probe: a pass-through transform that makes the host's lifecycle observable.
;;
;; - init(ptr, len) logs the config bytes it received at level 2 (info), exactly as
;;   received, and adds 1 to metric "init_calls". Returns 0.
;; - shutdown() adds 1 to metric "shutdown_calls". Returns 0.
;; - alloc(len) adds 1 to metric "alloc_calls", then returns 4096 (growing memory
;;   when needed), or -1 when len < 0 or memory cannot grow.
;; - transform(ptr, len):
;;   * input "!trap": executes unreachable;
;;   * input "!div0": divides by zero;
;;   * input "!oob": loads from address 0xFFFFFFF0;
;;   * input "!loop": loops forever (storing a counter to memory);
;;   * input "!hog": grows memory 15 pages (960 KiB) at a time until memory.grow
;;     returns -1, then executes unreachable (from 1 page, the 16 MiB limit of 256
;;     pages is reached exactly);
;;   * input "!recurse": recurses without end (a call stack overflow);
;;   * anything else: counts the event in this instance's counter (an i32 at address
;;     0, zero in every fresh instance), adds 1 to metric "transforms", sets metric
;;     "count" to the counter (count += counter - get_metric(count)), and returns the
;;     input unchanged (output = [ptr, ptr + len)).
(module
  (import "env" "log" (func $log (param i32 i32 i32)))
  (import "env" "get_metric" (func $get_metric (param i32) (result i64)))
  (import "env" "record_metric" (func $record_metric (param i32 i64)))
  (memory (export "memory") 1)

  (data (i32.const 16) "init_calls\00")
  (data (i32.const 32) "shutdown_calls\00")
  (data (i32.const 48) "transforms\00")
  (data (i32.const 64) "count\00")
  (data (i32.const 80) "alloc_calls\00")
  (data (i32.const 128) "!trap")
  (data (i32.const 144) "!div0")
  (data (i32.const 160) "!oob")
  (data (i32.const 176) "!loop")
  (data (i32.const 192) "!hog")
  (data (i32.const 208) "!recurse")

  (global $input_base i32 (i32.const 4096))
  (global $out_len (mut i32) (i32.const 0))

  ;; 1 when the len bytes at ptr equal the cmd_len bytes at cmd.
  (func $is (param $ptr i32) (param $len i32) (param $cmd i32) (param $cmd_len i32) (result i32)
    (local $i i32)
    (if (i32.ne (local.get $len) (local.get $cmd_len)) (then (return (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (if (i32.ne (i32.load8_u (i32.add (local.get $ptr) (local.get $i)))
                    (i32.load8_u (i32.add (local.get $cmd) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  (func $alloc (export "alloc") (param $len i32) (result i32)
    (local $pages i32)
    (call $record_metric (i32.const 80) (i64.const 1))
    (if (i32.or (i32.lt_s (local.get $len) (i32.const 0))
                (i32.gt_u (local.get $len) (i32.const 0x7fff0000)))
      (then (return (i32.const -1))))
    (local.set $pages
      (i32.shr_u (i32.add (i32.add (global.get $input_base) (local.get $len)) (i32.const 0xffff))
                 (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then (return (i32.const -1))))))
    (global.get $input_base))

  ;; never returns: each call makes another
  (func $down (param $depth i32) (result i32)
    (i32.add (i32.const 1) (call $down (i32.add (local.get $depth) (i32.const 1)))))

  (func (export "init") (param $ptr i32) (param $len i32) (result i32)
    (call $record_metric (i32.const 16) (i64.const 1))
    (call $log (i32.const 2) (local.get $ptr) (local.get $len))
    (i32.const 0))

  (func (export "shutdown") (result i32)
    (call $record_metric (i32.const 32) (i64.const 1))
    (i32.const 0))

  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (local $n i32)
    (if (call $is (local.get $ptr) (local.get $len) (i32.const 128) (i32.const 5))
      (then unreachable))
    (if (call $is (local.get $ptr) (local.get $len) (i32.const 144) (i32.const 5))
      (then (return (i32.div_s (i32.const 1) (i32.const 0)))))
    (if (call $is (local.get $ptr) (local.get $len) (i32.const 160) (i32.const 4))
      (then (return (i32.load (i32.const 0xFFFFFFF0)))))
    (if (call $is (local.get $ptr) (local.get $len) (i32.const 176) (i32.const 5))
      (then
        (loop $spin
          (i32.store (i32.const 4) (local.get $n))
          (local.set $n (i32.add (local.get $n) (i32.const 1)))
          (br $spin))))
    (if (call $is (local.get $ptr) (local.get $len) (i32.const 192) (i32.const 4))
      (then
        (loop $grow
          (br_if $grow (i32.ne (memory.grow (i32.const 15)) (i32.const -1))))
        unreachable))
    (if (call $is (local.get $ptr) (local.get $len) (i32.const 208) (i32.const 8))
      (then (return (call $down (i32.const 0)))))
    ;; an ordinary event: count it, publish the count, echo the input
    (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
    (call $record_metric (i32.const 48) (i64.const 1))
    (call $record_metric (i32.const 64)
      (i64.sub (i64.extend_i32_u (i32.load (i32.const 0))) (call $get_metric (i32.const 64))))
    (global.set $out_len (local.get $len))
    (local.get $ptr))

  (func (export "output_len") (result i32) (global.get $out_len))
)
