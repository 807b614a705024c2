;; filter: a guest with a filter export whose answer a test chooses by the input, for
;; WasmRuntime.filter and WasmRuntimePool.filter.
;;
;; - init(ptr, len) adds 1 to metric "init_calls" and returns 0 (so a test sees an
;;   instance replaced after a trap or timeout).
;; - alloc(len) returns 4096 (growing memory when needed), or -1 when len < 0 or
;;   memory cannot grow.
;; - filter(ptr, len) adds 1 to metric "filter_calls", then:
;;   * input "!drop": returns 0 (drop the event);
;;   * input "!trap": executes unreachable;
;;   * input "!loop": loops forever (storing a counter to memory);
;;   * anything else: returns 1 (keep the event).
;; - transform(ptr, len) adds 1 to metric "transform_calls" and echoes its input
;;   (output = [ptr, ptr + len)), so a test can tell that filter alone ran.
(module
  (import "env" "record_metric" (func $record_metric (param i32 i64)))
  (memory (export "memory") 1)

  (data (i32.const 16) "init_calls\00")
  (data (i32.const 32) "filter_calls\00")
  (data (i32.const 48) "transform_calls\00")
  (data (i32.const 128) "!drop")
  (data (i32.const 144) "!trap")
  (data (i32.const 160) "!loop")

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

  (func (export "init") (param $ptr i32) (param $len i32) (result i32)
    (call $record_metric (i32.const 16) (i64.const 1))
    (i32.const 0))

  (func (export "filter") (param $ptr i32) (param $len i32) (result i32)
    (local $n i32)
    (call $record_metric (i32.const 32) (i64.const 1))
    (if (call $is (local.get $ptr) (local.get $len) (i32.const 128) (i32.const 5))
      (then (return (i32.const 0))))
    (if (call $is (local.get $ptr) (local.get $len) (i32.const 144) (i32.const 5))
      (then unreachable))
    (if (call $is (local.get $ptr) (local.get $len) (i32.const 160) (i32.const 5))
      (then
        (loop $spin
          (i32.store (i32.const 4) (local.get $n))
          (local.set $n (i32.add (local.get $n) (i32.const 1)))
          (br $spin))))
    (i32.const 1))

  (func (export "transform") (param $ptr i32) (param $len i32) (result i32)
    (call $record_metric (i32.const 48) (i64.const 1))
    (global.set $out_len (local.get $len))
    (local.get $ptr))

  (func (export "output_len") (result i32) (global.get $out_len))
)
