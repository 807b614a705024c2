;; host-calls: exercises the three host functions, one command per event. The input
;; (sent with the bytes-level entry point) is the command's name; transform runs it and
;; returns -1 (filtered). Any other input is echoed.
;;
;; log commands:
;;   levels        log(0, "trace message"), log(1, "debug message"), log(2, "info message"),
;;                 log(3, "warn message"), log(4, "error message"), log(5, "level 5 message"),
;;                 log(-1, "level -1 message")
;;   bad-utf8      log(2, "bad \FF byte, cut \E2\82") (invalid UTF-8)
;;   log-empty     log(2, 0, 0)
;;   log-oob       log(2, 65500, 100): [65500, 65600) ends past the 1-page memory
;;   log-huge-ptr  log(2, 0xFFFFFFF0, 4): a pointer above 2 GiB
;;   log-neg-len   log(2, 0, -1)
;; metric-name commands (record_metric(name, 1) unless noted):
;;   name-256      a name of 256 "a"s
;;   name-257      a name of 257 "b"s (traps)
;;   name-empty    the empty name (traps)
;;   name-bad-utf8 "bad\FFname" (traps)
;;   name-unicode  "événement✓" (UTF-8)
;;   name-at-end   "z" in the last byte of memory, no NUL after it (traps)
;;   name-oob      a name pointer of 70000, past the memory (traps)
;;   get-257       get_metric of a name of 257 "c"s (traps)
;; metric-value commands:
;;   get-unknown   record_metric("got", get_metric("never_recorded"))
;;   get-known     record_metric("x", 41); record_metric("x", 1);
;;                 record_metric("got", get_metric("x"))
;;   wrap          record_metric("w", 9223372036854775807); record_metric("w", 1)
;;   sum           record_metric("sum", 5); record_metric("sum", -8)
(module
  (import "env" "log" (func $log (param i32 i32 i32)))
  (import "env" "get_metric" (func $get_metric (param i32) (result i64)))
  (import "env" "record_metric" (func $record_metric (param i32 i64)))
  (memory (export "memory") 1)

  ;; command names, NUL-terminated, 32 bytes apart
  (data (i32.const 256) "levels\00")
  (data (i32.const 288) "bad-utf8\00")
  (data (i32.const 320) "log-empty\00")
  (data (i32.const 352) "log-oob\00")
  (data (i32.const 384) "log-huge-ptr\00")
  (data (i32.const 416) "log-neg-len\00")
  (data (i32.const 448) "name-256\00")
  (data (i32.const 480) "name-257\00")
  (data (i32.const 512) "name-empty\00")
  (data (i32.const 544) "name-bad-utf8\00")
  (data (i32.const 576) "name-unicode\00")
  (data (i32.const 608) "name-at-end\00")
  (data (i32.const 640) "name-oob\00")
  (data (i32.const 672) "get-257\00")
  (data (i32.const 704) "get-unknown\00")
  (data (i32.const 736) "get-known\00")
  (data (i32.const 768) "wrap\00")
  (data (i32.const 800) "sum\00")

  ;; log messages and metric names, NUL-terminated, 32 bytes apart
  (data (i32.const 1024) "trace message\00")
  (data (i32.const 1056) "debug message\00")
  (data (i32.const 1088) "info message\00")
  (data (i32.const 1120) "warn message\00")
  (data (i32.const 1152) "error message\00")
  (data (i32.const 1184) "level 5 message\00")
  (data (i32.const 1216) "level -1 message\00")
  (data (i32.const 1248) "bad \ff byte, cut \e2\82\00")
  (data (i32.const 1280) "bad\ffname\00")
  (data (i32.const 1312) "\c3\a9v\c3\a9nement\e2\9c\93\00")
  (data (i32.const 1344) "got\00")
  (data (i32.const 1376) "never_recorded\00")
  (data (i32.const 1408) "x\00")
  (data (i32.const 1440) "w\00")
  (data (i32.const 1472) "sum\00")
  (data (i32.const 1504) "\00")

  (global $out_len (mut i32) (i32.const 0))

  (func $strlen (param $s i32) (result i32)
    (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $s) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; 1 when the len input bytes at ptr equal the NUL-terminated command at cmd.
  (func $is (param $ptr i32) (param $len i32) (param $cmd i32) (result i32)
    (local $i i32)
    (if (i32.ne (local.get $len) (call $strlen (local.get $cmd))) (then (return (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (if (i32.ne (i32.load8_u (i32.add (local.get $ptr) (local.get $i)))
                    (i32.load8_u (i32.add (local.get $cmd) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  ;; log(level, the NUL-terminated string at s)
  (func $say (param $level i32) (param $s i32)
    (call $log (local.get $level) (local.get $s) (call $strlen (local.get $s))))

  ;; writes n copies of byte b at 8192 followed by a NUL; returns 8192
  (func $name (param $n i32) (param $b i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store8 (i32.add (i32.const 8192) (local.get $i)) (local.get $b))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store8 (i32.add (i32.const 8192) (local.get $n)) (i32.const 0))
    (i32.const 8192))

  (func (export "alloc") (param $len i32) (result i32)
    (local $pages i32)
    (if (i32.or (i32.lt_s (local.get $len) (i32.const 0))
                (i32.gt_u (local.get $len) (i32.const 0x7fff0000)))
      (then (return (i32.const -1))))
    (local.set $pages
      (i32.shr_u (i32.add (i32.add (i32.const 16384) (local.get $len)) (i32.const 0xffff)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then (return (i32.const -1))))))
    (i32.const 16384))

  (func (export "transform") (param $p i32) (param $l i32) (result i32)
    (if (call $is (local.get $p) (local.get $l) (i32.const 256))
      (then
        (call $say (i32.const 0) (i32.const 1024))
        (call $say (i32.const 1) (i32.const 1056))
        (call $say (i32.const 2) (i32.const 1088))
        (call $say (i32.const 3) (i32.const 1120))
        (call $say (i32.const 4) (i32.const 1152))
        (call $say (i32.const 5) (i32.const 1184))
        (call $say (i32.const -1) (i32.const 1216))
        (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 288))
      (then (call $say (i32.const 2) (i32.const 1248)) (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 320))
      (then (call $log (i32.const 2) (i32.const 0) (i32.const 0)) (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 352))
      (then (call $log (i32.const 2) (i32.const 65500) (i32.const 100)) (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 384))
      (then (call $log (i32.const 2) (i32.const 0xFFFFFFF0) (i32.const 4)) (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 416))
      (then (call $log (i32.const 2) (i32.const 0) (i32.const -1)) (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 448))
      (then
        (call $record_metric (call $name (i32.const 256) (i32.const 0x61)) (i64.const 1))
        (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 480))
      (then
        (call $record_metric (call $name (i32.const 257) (i32.const 0x62)) (i64.const 1))
        (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 512))
      (then (call $record_metric (i32.const 1504) (i64.const 1)) (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 544))
      (then (call $record_metric (i32.const 1280) (i64.const 1)) (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 576))
      (then (call $record_metric (i32.const 1312) (i64.const 1)) (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 608))
      (then
        (i32.store8 (i32.const 65535) (i32.const 0x7a))
        (call $record_metric (i32.const 65535) (i64.const 1))
        (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 640))
      (then (call $record_metric (i32.const 70000) (i64.const 1)) (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 672))
      (then
        (drop (call $get_metric (call $name (i32.const 257) (i32.const 0x63))))
        (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 704))
      (then
        (call $record_metric (i32.const 1344) (call $get_metric (i32.const 1376)))
        (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 736))
      (then
        (call $record_metric (i32.const 1408) (i64.const 41))
        (call $record_metric (i32.const 1408) (i64.const 1))
        (call $record_metric (i32.const 1344) (call $get_metric (i32.const 1408)))
        (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 768))
      (then
        (call $record_metric (i32.const 1440) (i64.const 9223372036854775807))
        (call $record_metric (i32.const 1440) (i64.const 1))
        (return (i32.const -1))))
    (if (call $is (local.get $p) (local.get $l) (i32.const 800))
      (then
        (call $record_metric (i32.const 1472) (i64.const 5))
        (call $record_metric (i32.const 1472) (i64.const -8))
        (return (i32.const -1))))
    (global.set $out_len (local.get $l))
    (local.get $p))

  (func (export "output_len") (result i32) (global.get $out_len))
)
