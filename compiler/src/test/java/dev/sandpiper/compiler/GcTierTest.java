package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import org.junit.jupiter.api.Test;

/**
 * The GC instructions compile (spec 3.0: structures, arrays, i31, casts, {@code br_on_cast},
 * {@code ref.eq}, the extern/any conversions): every function of these modules is compiled
 * ({@link Tiers#compiled} checks the report), and both tiers give the same results, traps and
 * instruction counts, under every small fuel budget too. Packed fields and elements widen as the
 * interpreter's, NaN payloads pass through fields and elements, v128 fields and elements keep both
 * halves, and a guest that allocates forever stops at the store's memory limit with the same trap
 * on both tiers, never an OutOfMemoryError.
 */
class GcTierTest {
    private static final String WAT = """
            (module
              (type $ii (func (param i32) (result i32)))
              (type $point (sub (struct (field $x (mut f32)) (field $y (mut f64)) (field $a (mut i8)) (field $b (mut i16)))))
              (type $point3 (sub $point (struct (field $x (mut f32)) (field $y (mut f64)) (field $a (mut i8))
                (field $b (mut i16)) (field $z i64))))
              (type $vec (struct (field $v (mut v128)) (field $n i32)))
              (type $bytes (array (mut i8)))
              (type $shorts (array (mut i16)))
              (type $ints (array (mut i32)))
              (type $floats (array (mut f32)))
              (type $doubles (array (mut f64)))
              (type $vecs (array (mut v128)))
              (type $funcs (array (mut (ref null $ii))))
              (type $node (struct (field $v i32) (field $next (ref null $node))))
              (type $cell (struct (field $v i32) (field $next anyref)))
              (data $d "\\01\\02\\03\\04\\05\\06\\07\\08\\09\\0a\\0b\\0c\\0d\\0e\\0f\\10\\ff\\fe\\fd\\fc")
              (elem $e (ref null $ii) (ref.func $inc) (ref.func $dbl) (ref.null $ii) (ref.func $inc))
              (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
              (func $dbl (type $ii) (i32.mul (local.get 0) (i32.const 2)))

              ;; i8 and i16 fields: get_s sign-extends, get_u zero-extends, set keeps the low bits
              (func (export "packed") (param $v i32) (result i32 i32 i32 i32)
                (local $p (ref $point))
                (local.set $p (struct.new $point (f32.const 0) (f64.const 0) (local.get $v) (local.get $v)))
                (struct.get_s $point $a (local.get $p))
                (struct.get_u $point $a (local.get $p))
                (struct.get_s $point $b (local.get $p))
                (struct.set $point $b (local.get $p) (i32.add (local.get $v) (i32.const 1)))
                (struct.get_u $point $b (local.get $p)))
              (func (export "packedArrays") (param $v i32) (result i32 i32 i32 i32)
                (local $b (ref $bytes)) (local $s (ref $shorts))
                (local.set $b (array.new $bytes (local.get $v) (i32.const 3)))
                (local.set $s (array.new_fixed $shorts 2 (local.get $v) (i32.const -1)))
                (array.set $bytes (local.get $b) (i32.const 1) (i32.const 0x1ff))
                (array.get_s $bytes (local.get $b) (i32.const 0))
                (array.get_u $bytes (local.get $b) (i32.const 1))
                (array.get_s $shorts (local.get $s) (i32.const 0))
                (array.get_u $shorts (local.get $s) (i32.const 1)))

              ;; NaN payloads through f32 and f64 fields and elements
              (func (export "nan32") (param $bits i32) (result i32 i32)
                (local $p (ref $point)) (local $f (ref $floats))
                (local.set $p (struct.new_default $point))
                (struct.set $point $x (local.get $p) (f32.reinterpret_i32 (local.get $bits)))
                (local.set $f (array.new_fixed $floats 2 (f32.const 0) (struct.get $point $x (local.get $p))))
                (i32.reinterpret_f32 (struct.get $point $x (local.get $p)))
                (i32.reinterpret_f32 (array.get $floats (local.get $f) (i32.const 1))))
              (func (export "nan64") (param $bits i64) (result i64 i64)
                (local $p (ref $point)) (local $d (ref $doubles))
                (local.set $p (struct.new $point (f32.const 1) (f64.reinterpret_i64 (local.get $bits)) (i32.const 0) (i32.const 0)))
                (local.set $d (array.new $doubles (struct.get $point $y (local.get $p)) (i32.const 4)))
                (array.fill $doubles (local.get $d) (i32.const 1) (f64.reinterpret_i64 (local.get $bits)) (i32.const 2))
                (i64.reinterpret_f64 (struct.get $point $y (local.get $p)))
                (i64.reinterpret_f64 (array.get $doubles (local.get $d) (i32.const 2))))

              ;; v128 fields and elements: both halves
              (func (export "vec") (param $lo i64) (param $hi i64) (result i64 i64 i64)
                (local $s (ref $vec)) (local $a (ref $vecs))
                (local.set $s (struct.new $vec (i64x2.replace_lane 1 (i64x2.splat (local.get $lo)) (local.get $hi)) (i32.const 7)))
                (local.set $a (array.new_default $vecs (i32.const 3)))
                (array.set $vecs (local.get $a) (i32.const 2) (struct.get $vec $v (local.get $s)))
                (array.copy $vecs $vecs (local.get $a) (i32.const 0) (local.get $a) (i32.const 1) (i32.const 2))
                (struct.set $vec $v (local.get $s) (array.get $vecs (local.get $a) (i32.const 1)))
                (i64x2.extract_lane 1 (struct.get $vec $v (local.get $s)))
                (i64x2.extract_lane 0 (array.get $vecs (local.get $a) (i32.const 2)))
                (i64.extend_i32_u (struct.get $vec $n (local.get $s))))
              (func (export "vecFill") (param $lo i64) (param $hi i64) (result i64 i64)
                (local $v v128) (local $a (ref $vecs))
                (local.set $v (i64x2.replace_lane 1 (i64x2.splat (local.get $lo)) (local.get $hi)))
                (local.set $a (array.new $vecs (local.get $v) (i32.const 4)))
                (array.fill $vecs (local.get $a) (i32.const 2) (v128.const i64x2 5 6) (i32.const 2))
                (local.set $a (array.new_fixed $vecs 3 (array.get $vecs (local.get $a) (i32.const 1)) (local.get $v)
                  (array.get $vecs (local.get $a) (i32.const 3))))
                (i64.add (i64x2.extract_lane 1 (array.get $vecs (local.get $a) (i32.const 0)))
                  (i64x2.extract_lane 0 (array.get $vecs (local.get $a) (i32.const 2))))
                (i64x2.extract_lane 1 (array.get $vecs (local.get $a) (i32.const 1))))

              ;; n ints i*i; fill k from d with 7; copy k from 0 to s (overlapping); a hash of the result
              (func (export "ints") (param $n i32) (param $d i32) (param $k i32) (param $s i32) (result i32)
                (local $a (ref $ints)) (local $i i32) (local $sum i32)
                (local.set $a (array.new_default $ints (local.get $n)))
                (block $done (loop $fill
                  (br_if $done (i32.ge_u (local.get $i) (array.len (local.get $a))))
                  (array.set $ints (local.get $a) (local.get $i) (i32.mul (local.get $i) (local.get $i)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $fill)))
                (array.fill $ints (local.get $a) (local.get $d) (i32.const 7) (local.get $k))
                (array.copy $ints $ints (local.get $a) (local.get $s) (local.get $a) (i32.const 0) (local.get $k))
                (local.set $i (i32.const 0))
                (block $end (loop $sum
                  (br_if $end (i32.eq (local.get $i) (local.get $n)))
                  (local.set $sum (i32.add (i32.mul (local.get $sum) (i32.const 31))
                    (array.get $ints (local.get $a) (local.get $i))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $sum)))
                (local.get $sum))

              ;; n bytes of the data from s (signed), and 6 shorts, k of them from the data at s into d (unsigned)
              (func (export "data") (param $s i32) (param $n i32) (param $d i32) (param $k i32) (result i64)
                (local $b (ref $bytes)) (local $h (ref $shorts)) (local $r i64) (local $i i32)
                (local.set $b (array.new_data $bytes $d (local.get $s) (local.get $n)))
                (local.set $h (array.new_default $shorts (i32.const 6)))
                (array.init_data $shorts $d (local.get $h) (local.get $d) (local.get $s) (local.get $k))
                (block $end (loop $l
                  (br_if $end (i32.ge_u (local.get $i) (i32.const 6)))
                  (local.set $r (i64.add (i64.mul (local.get $r) (i64.const 1000003))
                    (i64.extend_i32_u (array.get_u $shorts (local.get $h) (local.get $i)))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $l)))
                (local.set $i (i32.const 0))
                (block $end2 (loop $l2
                  (br_if $end2 (i32.ge_u (local.get $i) (array.len (local.get $b))))
                  (local.set $r (i64.add (i64.mul (local.get $r) (i64.const 31))
                    (i64.extend_i32_s (array.get_s $bytes (local.get $b) (local.get $i)))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $l2)))
                (local.get $r))
              (func (export "dataWide") (param $s i32) (result i32 i64)
                (array.get $ints (array.new_data $ints $d (local.get $s) (i32.const 4)) (i32.const 3))
                (i64.reinterpret_f64 (array.get $doubles (array.new_data $doubles $d (local.get $s) (i32.const 2)) (i32.const 1))))

              ;; n functions of the element segment from s, k of them overwritten from its start at d;
              ;; each non-null one applied to x in turn
              (func (export "elem") (param $s i32) (param $n i32) (param $d i32) (param $k i32) (param $x i32) (result i32)
                (local $f (ref $funcs)) (local $i i32) (local $r i32)
                (local.set $f (array.new_elem $funcs $e (local.get $s) (local.get $n)))
                (array.init_elem $funcs $e (local.get $f) (local.get $d) (i32.const 0) (local.get $k))
                (local.set $r (local.get $x))
                (block $end (loop $l
                  (br_if $end (i32.ge_u (local.get $i) (array.len (local.get $f))))
                  (block $skip
                    (local.set $r (call_ref $ii (local.get $r)
                      (br_on_null $skip (array.get $funcs (local.get $f) (local.get $i))))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $l)))
                (local.get $r))

              (func (export "i31") (param $v i32) (result i32 i32 i32)
                (local $r (ref i31))
                (local.set $r (ref.i31 (local.get $v)))
                (i31.get_s (local.get $r))
                (i31.get_u (local.get $r))
                (ref.eq (local.get $r) (ref.i31 (i32.and (local.get $v) (i32.const 0x7fffffff)))))
              (func (export "i31null") (param $v i32) (result i32)
                (i31.get_u (select (result i31ref) (ref.null i31) (ref.i31 (local.get $v)) (local.get $v))))
              (func (export "eq") (param $a i32) (param $b i32) (result i32 i32 i32)
                (local $s (ref $point))
                (local.set $s (struct.new_default $point))
                (ref.eq (ref.i31 (local.get $a)) (ref.i31 (local.get $b)))
                (ref.eq (local.get $s) (local.get $s))
                (ref.eq (local.get $s) (struct.new_default $point)))

              ;; a reference by k: 0 null, 1 i31, 2 point, 3 point3, 4 ints, 5 node, else the host value internalised
              (func $pick (param $k i32) (param $host externref) (result anyref)
                (block $b5 (block $b4 (block $b3 (block $b2 (block $b1 (block $b0
                  (br_table $b0 $b1 $b2 $b3 $b4 $b5 $b5 (local.get $k))
                  )
                  (return (ref.null any)))
                  (return (ref.i31 (local.get $k))))
                  (return (struct.new_default $point)))
                  (return (struct.new $point3 (f32.const 1) (f64.const 2) (i32.const 3) (i32.const 4) (i64.const 5))))
                  (return (array.new_default $ints (i32.const 2))))
                (if (i32.eq (local.get $k) (i32.const 5))
                  (then (return (struct.new $node (i32.const 9) (ref.null $node)))))
                (any.convert_extern (local.get $host)))
              (func (export "test") (param $k i32) (param $host externref) (result i32)
                (local $r anyref)
                (local.set $r (call $pick (local.get $k) (local.get $host)))
                (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or
                  (ref.test anyref (local.get $r))
                  (i32.shl (ref.test (ref any) (local.get $r)) (i32.const 1)))
                  (i32.shl (ref.test (ref eq) (local.get $r)) (i32.const 2)))
                  (i32.shl (ref.test (ref i31) (local.get $r)) (i32.const 3)))
                  (i32.shl (ref.test (ref struct) (local.get $r)) (i32.const 4)))
                  (i32.shl (ref.test (ref array) (local.get $r)) (i32.const 5)))
                  (i32.shl (ref.test (ref $point) (local.get $r)) (i32.const 6)))
                  (i32.shl (ref.test (ref null $point3) (local.get $r)) (i32.const 7)))
                  (i32.shl (ref.test nullref (local.get $r)) (i32.const 8))))
              (func (export "cast") (param $k i32) (result i32)
                (struct.get_u $point $a (ref.cast (ref $point) (call $pick (local.get $k) (ref.null extern)))))
              (func (export "castNull") (param $k i32) (result i32)
                (ref.is_null (ref.cast (ref null $point) (call $pick (local.get $k) (ref.null extern)))))

              ;; br_on_cast chains: 100 + an i31's value, a point3's z, 300 + a point's a, 400 + an array's
              ;; length, 5 for another non-null reference, 0 for null
              (func (export "classify") (param $k i32) (param $host externref) (result i32)
                (local $r anyref)
                (local.set $r (call $pick (local.get $k) (local.get $host)))
                (block $other (result anyref)
                  (block $arr (result (ref array))
                    (block $pt (result (ref $point))
                      (block $pt3 (result (ref $point3))
                        (block $i31 (result (ref i31))
                          (br_on_cast $i31 anyref (ref i31) (local.get $r))
                          (br_on_cast $pt3 anyref (ref $point3))
                          (br_on_cast $pt anyref (ref $point))
                          (br_on_cast $arr anyref (ref array))
                          (br $other))
                        (return (i32.add (i31.get_s) (i32.const 100))))
                      (return (i32.wrap_i64 (struct.get $point3 $z))))
                    (return (i32.add (struct.get_s $point $a) (i32.const 300))))
                  (return (i32.add (array.len) (i32.const 400))))
                (if (result i32) (ref.is_null) (then (i32.const 0)) (else (i32.const 5))))
              ;; br_on_cast with a value for the label under the reference, and an extra operand dropped
              (func (export "under") (param $k i32) (result i32)
                (block $b (result i32 (ref i31))
                  (i32.const 7)
                  (br_on_cast $b anyref (ref i31) (call $pick (local.get $k) (ref.null extern)))
                  (drop)
                  (drop)
                  (return (i32.const -1)))
                (i31.get_u)
                (i32.add))
              (func (export "dropped") (param $k i32) (result i32)
                (block $b (result anyref)
                  (i64.const 5)
                  (br_on_cast_fail $b anyref (ref null struct) (call $pick (local.get $k) (ref.null extern)))
                  (drop)
                  (drop)
                  (return (i32.const -1)))
                (ref.is_null))
              ;; a list of n cells ending in an i31, walked with br_on_cast_fail in a loop
              (func (export "walk") (param $n i32) (result i32)
                (local $r anyref) (local $c (ref null $cell)) (local $s i32)
                (local.set $r (ref.i31 (i32.const 1000)))
                (block $done (loop $build
                  (br_if $done (i32.eqz (local.get $n)))
                  (local.set $r (struct.new $cell (local.get $n) (local.get $r)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $build)))
                (block $end (result anyref)
                  (loop $walk
                    (br_on_cast_fail $end anyref (ref $cell) (local.get $r))
                    (local.set $c)
                    (local.set $s (i32.add (local.get $s) (struct.get $cell $v (local.get $c))))
                    (local.set $r (struct.get $cell $next (local.get $c)))
                    (br $walk))
                  (unreachable))
                (i32.add (i31.get_s (ref.cast (ref i31))) (local.get $s)))

              (func (export "extern") (param $x externref) (result externref i32)
                (local $a anyref)
                (local.set $a (any.convert_extern (local.get $x)))
                (extern.convert_any (local.get $a))
                (ref.test (ref i31) (local.get $a)))
              (func (export "externI31") (param $v i32) (result i32)
                (i31.get_s (ref.cast (ref i31) (any.convert_extern (extern.convert_any (ref.i31 (local.get $v)))))))

              ;; null references trap by kind
              (func (export "nulls") (param $k i32) (result i32)
                (block $b5 (block $b4 (block $b3 (block $b2 (block $b1 (block $b0
                  (br_table $b0 $b1 $b2 $b3 $b4 $b5 (local.get $k)))
                  (return (struct.get $node $v (ref.null $node))))
                  (return (array.len (ref.null array))))
                  (return (array.get $ints (ref.null $ints) (i32.const 0))))
                  (array.copy $ints $ints (array.new_default $ints (i32.const 1)) (i32.const 0) (ref.null $ints)
                    (i32.const 0) (i32.const 0))
                  (return (i32.const 3)))
                  (array.fill $ints (ref.null $ints) (i32.const 0) (i32.const 0) (i32.const 0))
                  (return (i32.const 4)))
                (struct.set $point $a (ref.null $point) (i32.const 1))
                (i32.const 5))

              ;; a list of n nodes n, n-1, ..., 1: the sum of its values
              (func $sum (param $n i32) (result i32)
                (local $list (ref null $node)) (local $s i32)
                (block $done
                  (loop $build
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $list (struct.new $node (local.get $n) (local.get $list)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $build)))
                (block $end
                  (loop $walk
                    (local.set $s (i32.add (local.get $s)
                      (struct.get $node $v (br_on_null $end (local.get $list)))))
                    (local.set $list (struct.get $node $next (ref.as_non_null (local.get $list))))
                    (br $walk)))
                (local.get $s))
              (func (export "sum") (param i32) (result i32) (i32.add (call $sum (local.get 0)) (i32.const 1)))
              (func $forever (param $size i32)
                (loop $l (drop (array.new_default $bytes (local.get $size))) (br $l)))
              (func (export "forever") (param i32) (call $forever (local.get 0)))
              (func (export "value") (param (ref null $node)) (result i32) (struct.get $node $v (local.get 0))))
            """;

    private static final long NAN32 = 0x7FA0_1234L;
    private static final long NAN64 = 0xFFF0_0000_DEAD_BEEFL;
    private static final long I31_LOOKALIKE = 1L << 62 | 5;
    private static final long OBJECT_LOOKALIKE = 1L << 61;

    /** Every export with arguments covering its paths: results and traps. */
    private static final Object[][] CALLS = {
        {"packed", 0L}, {"packed", 0x7FL}, {"packed", 0x80L}, {"packed", 0xFFFF_8081L}, {"packed", 0x1_2345L},
        {"packedArrays", 0x80L}, {"packedArrays", 0xFFFF_FFFFL}, {"packedArrays", 0x7FFFL},
        {"nan32", NAN32}, {"nan32", (long) 0xFFC0_0001}, {"nan64", NAN64}, {"nan64", 0x7FF8_0000_0000_0001L},
        {"vec", 0x0123_4567_89AB_CDEFL, 0xFEDC_BA98_7654_3210L}, {"vecFill", 11L, 22L},
        {"ints", 10L, 2L, 3L, 5L}, {"ints", 10L, 9L, 3L, 0L}, {"ints", 10L, 0L, 3L, 8L}, {"ints", 0L, 0L, 0L, 0L},
        {"ints", 0xFFFF_FFFFL, 0L, 0L, 0L},
        {"data", 2L, 5L, 1L, 4L}, {"data", 0L, 20L, 0L, 6L}, {"data", 16L, 5L, 0L, 0L}, {"data", 0L, 1L, 0L, 11L},
        {"data", 0L, 1L, 4L, 3L}, {"dataWide", 0L}, {"dataWide", 4L}, {"dataWide", 5L},
        {"elem", 0L, 4L, 2L, 2L, 5L}, {"elem", 1L, 3L, 0L, 0L, 5L}, {"elem", 3L, 2L, 0L, 1L, 5L},
        {"elem", 2L, 3L, 0L, 0L, 5L}, {"elem", 0L, 2L, 1L, 2L, 5L},
        {"i31", 0L}, {"i31", 0x4000_0000L}, {"i31", 0xFFFF_FFFFL}, {"i31", 0x8000_0001L}, {"i31null", 0L},
        {"i31null", 1L}, {"eq", 3L, 3L}, {"eq", 3L, 0x8000_0003L}, {"eq", 1L, 2L},
        {"cast", 2L}, {"cast", 3L}, {"cast", 0L}, {"cast", 1L}, {"cast", 5L},
        {"castNull", 0L}, {"castNull", 2L}, {"castNull", 4L},
        {"under", 1L}, {"under", 2L}, {"under", 0L}, {"dropped", 0L}, {"dropped", 2L}, {"dropped", 1L},
        {"walk", 0L}, {"walk", 5L}, {"externI31", 0x4000_0001L},
        {"nulls", 0L}, {"nulls", 1L}, {"nulls", 2L}, {"nulls", 3L}, {"nulls", 4L}, {"nulls", 5L},
        {"sum", 0L}, {"sum", 1L}, {"sum", 100L},
    };

    static byte[] module() {
        return Wat.parseModule(WAT, "gc-tier.wat");
    }

    @Test
    void everyFunctionIsCompiled() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertTrue(report.interpreted().isEmpty(), report.interpreted().toString());
        assertEquals(CompiledModule.compile(module()).module().definedFunctionCount(), report.compiled(),
                report.toString());
    }

    @Test
    void bothTiersGiveTheSameResultsTrapsAndCounts() {
        CompiledModule[] tiers = Tiers.both(module());
        for (Object[] call : CALLS) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, (String) call[0], Tiers.args(call));
            assertEquals(o[0], o[1], java.util.Arrays.toString(call) + " (interpreter, compiled)");
        }
    }

    @Test
    void everyFuelBudgetStopsBothTiersAtTheSamePoint() {
        Tiers.assertEveryBudgetAgrees(Tiers.both(module()), new Object[][] {
            {"packed", 0x80L}, {"nan64", NAN64}, {"vecFill", 1L, 2L}, {"ints", 6L, 1L, 2L, 3L},
            {"ints", 6L, 5L, 2L, 3L}, {"data", 2L, 5L, 1L, 4L}, {"elem", 0L, 4L, 2L, 2L, 5L},
            {"i31null", 1L}, {"classify", 3L, -1L}, {"classify", 6L, 77L}, {"under", 1L}, {"dropped", 2L},
            {"walk", 4L}, {"cast", 1L}, {"nulls", 3L}, {"sum", 3L},
        });
    }

    @Test
    void resultsAreTheSpecs() {
        CompiledModule[] tiers = Tiers.both(module());
        for (int t = 0; t < 2; t++) {
            var in = Tiers.instantiate(tiers[t], ExecutionLimits.DEFAULT);
            String tier = Tiers.name(t);
            // 0x80 as i8 is -128 (get_s) or 128 (get_u); as i16 128; the i16 set to 0x81
            assertArrayEquals(new int[] {-128, 128, 128, 0x81}, ints(in.call("packed", 0x80)), tier);
            assertArrayEquals(new int[] {-1, 0xFF, -1, 0xFFFF}, ints(in.call("packedArrays", 0xFFFF_FFFFL)), tier);
            assertArrayEquals(new int[] {(int) NAN32, (int) NAN32}, ints(in.call("nan32", NAN32)), tier);
            assertArrayEquals(new long[] {NAN64, NAN64}, in.call("nan64", NAN64), tier);
            assertArrayEquals(new long[] {0xFEDC_BA98_7654_3210L, 0x0123_4567_89AB_CDEFL, 7},
                    in.call("vec", 0x0123_4567_89AB_CDEFL, 0xFEDC_BA98_7654_3210L), tier);
            assertArrayEquals(new long[] {22 + 5, 22}, in.call("vecFill", 11, 22), tier);
            assertArrayEquals(new int[] {0x3FFF_FFFF, 0x3FFF_FFFF, 1}, ints(in.call("i31", 0xBFFF_FFFFL)), tier);
            assertArrayEquals(new int[] {-0x4000_0000, 0x4000_0000, 1}, ints(in.call("i31", 0x4000_0000L)), tier);
            assertArrayEquals(new int[] {1, 1, 0}, ints(in.call("eq", 3, 0x8000_0003L)), tier);
            // the segment [inc dbl null inc] overwritten from 2 by [inc dbl]: dbl(inc(dbl(inc(5))))
            assertArrayEquals(new int[] {26}, ints(in.call("elem", 0, 4, 2, 2, 5)), tier);
            // little-endian from byte 4: the fourth i32 is bytes 16-19, the second f64 bytes 12-19
            assertArrayEquals(new long[] {0xFCFD_FEFFL, 0xFCFD_FEFF_100F_0E0DL},
                    new long[] {in.call("dataWide", 4)[0] & 0xFFFF_FFFFL, in.call("dataWide", 4)[1]}, tier);
            assertArrayEquals(new int[] {0, 101, 300, 5, 402, 5, 5},
                    new int[] {(int) in.call("classify", 0, -1)[0], (int) in.call("classify", 1, -1)[0],
                        (int) in.call("classify", 2, -1)[0], (int) in.call("classify", 3, -1)[0],
                        (int) in.call("classify", 4, -1)[0], (int) in.call("classify", 5, -1)[0],
                        (int) in.call("classify", 6, 77)[0]}, tier);
            assertArrayEquals(new int[] {5 + 4 + 3 + 2 + 1 + 1000}, ints(in.call("walk", 5)), tier);
            assertArrayEquals(new int[] {7 + 1}, ints(in.call("under", 1)), tier);
            assertArrayEquals(new int[] {-1}, ints(in.call("under", 2)), tier);
            assertArrayEquals(new int[] {0}, ints(in.call("dropped", 1)), tier);
            assertArrayEquals(new int[] {-1}, ints(in.call("dropped", 2)), tier);
            assertArrayEquals(new int[] {-1}, ints(in.call("dropped", 0)), tier);
            assertArrayEquals(new int[] {0b1_1000_0001}, ints(in.call("test", 0, -1)), tier);
            assertArrayEquals(new int[] {0b0_0000_1111}, ints(in.call("test", 1, -1)), tier);
            assertArrayEquals(new int[] {0b0_0101_0111}, ints(in.call("test", 2, -1)), tier);
            assertArrayEquals(new int[] {0b0_1101_0111}, ints(in.call("test", 3, -1)), tier);
            assertArrayEquals(new int[] {0b0_0010_0111}, ints(in.call("test", 4, -1)), tier);
            assertArrayEquals(new int[] {0b0_0000_0011}, ints(in.call("test", 6, 12345)), tier);
            assertArrayEquals(new int[] {0xC000_0001}, ints(in.call("externI31", 0x4000_0001L)), tier);
            assertArrayEquals(new int[] {3}, ints(in.call("cast", 3)), tier);
            assertArrayEquals(new int[] {1}, ints(in.call("castNull", 0)), tier);
            assertArrayEquals(new int[] {100 * 101 / 2 + 1}, ints(in.call("sum", 100)), tier);
        }
    }

    /** i32 results as ints (whatever the upper bits of their {@code long}s). */
    private static int[] ints(long[] results) {
        int[] r = new int[results.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (int) results[i];
        }
        return r;
    }

    @Test
    void castsAndConversionsOfHostValuesAgree() {
        CompiledModule[] tiers = Tiers.both(module());
        for (long host : new long[] {-1, 0, 12345, I31_LOOKALIKE, OBJECT_LOOKALIKE, 1L << 63}) {
            for (String name : new String[] {"extern", "test", "classify"}) {
                Outcome[] o = name.equals("extern")
                        ? Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, name, host)
                        : Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, name, 6, host);
                assertEquals(o[0], o[1], name + " of host value " + Long.toHexString(host) + " (interpreter, compiled)");
                assertNull(o[0].trap(), o[0].toString());
            }
            // any.convert_extern, then extern.convert_any: the host's own value again
            assertEquals(host, Tiers.call(Tiers.instantiate(tiers[1], ExecutionLimits.DEFAULT), "extern", host)
                    .results()[0]);
        }
    }

    @Test
    void aHostValueThatIsNoStructureTrapsPreciselyAndNullTrapsAsNull() {
        CompiledModule[] tiers = Tiers.both(module());
        for (long forged : new long[] {12345, OBJECT_LOOKALIKE}) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "value", forged);
            assertEquals(TrapKind.CAST_FAILURE, o[0].trap(), o[0].toString());
            assertEquals(o[0], o[1]);
        }
        Outcome[] nul = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "value", -1);
        assertEquals(TrapKind.NULL_STRUCTURE_REFERENCE, nul[0].trap(), nul[0].toString());
        assertEquals(nul[0], nul[1]);
        TrapKind[] kinds = {TrapKind.NULL_STRUCTURE_REFERENCE, TrapKind.NULL_ARRAY_REFERENCE,
            TrapKind.NULL_ARRAY_REFERENCE, TrapKind.NULL_ARRAY_REFERENCE, TrapKind.NULL_ARRAY_REFERENCE,
            TrapKind.NULL_STRUCTURE_REFERENCE};
        for (int k = 0; k < kinds.length; k++) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "nulls", k);
            assertEquals(kinds[k], o[1].trap(), "nulls " + k + ": " + o[1]);
        }
        assertEquals(TrapKind.CAST_FAILURE, Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "cast", 4)[1].trap());
        assertEquals(TrapKind.NULL_I31_REFERENCE, Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "i31null", 1)[1].trap());
        assertEquals(TrapKind.ARRAY_OUT_OF_BOUNDS,
                Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "ints", 10, 9, 3, 0)[1].trap());
        assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS,
                Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "data", 16, 5, 0, 0)[1].trap());
        assertEquals(TrapKind.TABLE_OUT_OF_BOUNDS,
                Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "elem", 3, 2, 0, 1, 5)[1].trap());
    }

    /**
     * One call per GC instruction (about 7 bytes with its context and constants) keeps a long GC
     * function small: 360 reads and 240 writes of fields and elements, with their operands and a
     * {@code br_if} every 19 instructions (2,280 instructions), stay under HotSpot's 8,000-byte
     * compile limit, so the function is compiled, and both tiers agree on it. (A block of thousands
     * of trapping instructions costs a trap handler per site, GC or memory alike, {@code FuelBlocks}.)
     */
    @Test
    void aLongGcFunctionStaysUnderHotSpotsLimit() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            body.append("(struct.set $p $a (local.get $p) (i32.add (struct.get $p $a (local.get $p)) (i32.const ")
                    .append(i).append(")))\n");
            body.append("(array.set $arr (local.get $x) (i32.const ").append(i % 8)
                    .append(") (i32.xor (array.get_u $arr (local.get $x) (i32.const ").append((i + 3) % 8)
                    .append(")) (struct.get $p $a (local.get $p))))\n");
            body.append("(br_if $b (i32.const 0))\n");
        }
        String wat = "(module (type $p (struct (field $a (mut i32)))) (type $arr (array (mut i16)))\n"
                + "(func (export \"long\") (param $n i32) (result i32) (local $p (ref $p)) (local $x (ref $arr))\n"
                + "(local.set $p (struct.new $p (local.get $n)))\n"
                + "(local.set $x (array.new $arr (local.get $n) (i32.const 8)))\n"
                + "(block $b " + body + ")\n(i32.add (struct.get $p $a (local.get $p)) (array.get_s $arr (local.get $x) (i32.const 5)))))";
        byte[] bytes = Wat.parseModule(wat, "long-gc.wat");
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(bytes));
        assertEquals(1, report.compiled(), report + " " + report.interpreted());
        CompiledModule[] tiers = Tiers.both(bytes);
        for (long n : new long[] {0, 7, 0xFFFF}) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "long", n);
            assertNull(o[0].trap(), o[0].toString());
            assertEquals(o[0], o[1], "long(" + n + ") (interpreter, compiled)");
        }
    }

    @Test
    void allocatingForeverStopsAtTheMemoryLimitOnBothTiers() {
        CompiledModule[] tiers = Tiers.both(module());
        ExecutionLimits limits = ExecutionLimits.DEFAULT.withMaxMemoryPages(16); // 1 MiB for GC objects
        Outcome[] o = Tiers.callBoth(tiers, limits, "forever", 1000);
        assertEquals(TrapKind.GC_OUT_OF_MEMORY, o[0].trap(), o[0].toString());
        assertEquals(o[0], o[1], "(interpreter, compiled)");
        // about 1 MiB / 1,040 bytes charged per array, a few instructions each: the limit stopped it
        assertTrue(o[0].instructions() > 1000 && o[0].instructions() < 20_000, o[0].toString());
        // one array larger than the whole limit traps at once, naming the limit, on both tiers
        for (CompiledModule tier : tiers) {
            TrapException t = assertThrows(TrapException.class,
                    () -> Tiers.instantiate(tier, limits).call("forever", 2_000_000));
            assertEquals(TrapKind.GC_OUT_OF_MEMORY, t.kind());
            assertTrue(t.getMessage().contains("1048576 bytes"), t.getMessage());
        }
        Outcome[] huge = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "ints", 0xFFFF_FFFFL, 0, 0, 0);
        assertEquals(TrapKind.GC_OUT_OF_MEMORY, huge[1].trap(), huge[1].toString());
        assertEquals(huge[0], huge[1]);
    }
}
