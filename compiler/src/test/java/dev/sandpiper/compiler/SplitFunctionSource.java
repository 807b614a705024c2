package dev.sandpiper.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The text of a module whose function {@code big} (index {@link #BIG}) is a binary tree of 255
 * nested {@code block}s, {@code loop}s, {@code if}s with results and blocks with parameters, each
 * with loads and stores (i32, i64, f32, f64 with NaN payloads, v128), a call, a branch out of
 * nested regions (with a value when its label has one), a {@code br_table}, and, selected by the
 * argument {@code $n} ({@code kind * CASE + k}: at the k-th node run), a return from inside, a
 * division by zero, {@code memory.grow}, an out-of-bounds store and a call 100 deep. Stores past the
 * first page when the memory has grown check that the caller of a grown region re-reads memory 0.
 */
final class SplitFunctionSource {
    static final int BIG = 1;
    private static final int DEPTH = 7;
    /** {@code $n = kind * CASE + k}: the special case {@code kind} happens at the k-th node run. */
    static final int CASE = 100_000;
    static final int RETURN = 1;
    static final int DIVIDE = 2;
    static final int GROW = 3;
    static final int OUT_OF_BOUNDS = 4;
    /** A call 100 deep ({@code $rec}): past a depth limit under 102, it traps deep inside. */
    static final int DEEP_CALL = 5;

    private record Label(String name, boolean loop, boolean value) {}

    private final StringBuilder b = new StringBuilder();
    private int next;

    private SplitFunctionSource() {}

    static String wat() {
        SplitFunctionSource s = new SplitFunctionSource();
        s.module();
        return s.b.toString();
    }

    /** Arguments for {@code $n}: plain runs, and each special case at nodes near the root, in the middle and at leaves. */
    static List<Integer> interestingArguments() {
        List<Integer> out = new ArrayList<>(List.of(0, 5, 17, 200));
        for (int kind : new int[] {RETURN, DIVIDE, GROW, OUT_OF_BOUNDS, DEEP_CALL}) {
            for (int k : new int[] {1, 2, 9, 40, 95, 170, 333}) {
                out.add(kind * CASE + k);
            }
        }
        return out;
    }

    private void module() {
        b.append("(module (memory 1 3)\n");
        b.append("(func $mix (param i64 i64) (result i64) (i64.xor (i64.rotl (local.get 0) (i64.const 7)) (local.get 1)))\n");
        b.append("(func (export \"big\") (param $n i32) (param $x i64) (param $f f64) (result i64 f64)\n");
        b.append(" (local $i i32) (local $acc i64) (local $v v128) (local $g f32) (local $d f64) (local $zero i32) (local $c i32) (local $kind i32)\n");
        for (int k = 0; k <= DEPTH; k++) {
            b.append(" (local $k").append(k).append(" i32)");
        }
        b.append('\n');
        b.append(" (local.set $i (i32.and (local.get $n) (i32.const 0xFF)))\n");
        b.append(" (local.set $acc (local.get $x))\n");
        b.append(" (local.set $kind (i32.div_u (local.get $n) (i32.const ").append(CASE).append(")))\n");
        b.append(" (local.set $c (i32.rem_u (local.get $n) (i32.const ").append(CASE).append(")))\n");
        b.append(" (local.set $d (local.get $f))\n");
        b.append(" (local.set $g (f32.reinterpret_i32 (i32.const 0x7FA00001)))\n");
        b.append(" (local.set $v (v128.const i64x2 0x0102030405060708 0x7FF8000000000001))\n");
        b.append(" (block $out (result i64)\n");
        Deque<Label> outer = new ArrayDeque<>();
        outer.push(new Label("$out", false, true));
        node(0, outer);
        b.append("  (if (i32.ge_u (memory.size) (i32.const 2)) (then (i64.store offset=70000 (local.get $i) (local.get $acc))))\n");
        b.append("  (local.get $acc))\n");
        b.append(" (local.get $d))\n");
        b.append("(func $rec (param i32) (result i32)\n");
        b.append(" (if (result i32) (local.get 0) (then (i32.add (call $rec (i32.sub (local.get 0) (i32.const 1))) (i32.const 1)))");
        b.append(" (else (i32.const 0))))\n)\n");
    }

    private void node(int depth, Deque<Label> outer) {
        int id = next++;
        int kind = id % 4;
        if (kind == 1 && depth > 5) {
            kind = 0;
        }
        String name = "$b" + id;
        switch (kind) {
            case 0 -> {
                b.append("(block ").append(name).append('\n');
                body(id, depth, outer, new Label(name, false, false), true);
                b.append(")\n");
            }
            case 1 -> {
                String k = "$k" + depth;
                b.append("(local.set ").append(k).append(" (i32.const 0))\n");
                b.append("(loop ").append(name).append('\n');
                body(id, depth, outer, new Label(name, true, false), true);
                b.append("(br_if ").append(name).append(" (i32.lt_u (local.tee ").append(k).append(" (i32.add (local.get ")
                        .append(k).append(") (i32.const 1))) (i32.const 2))))\n");
            }
            case 2 -> {
                // An if with a result, over an operand (the JVM stack is not empty below it).
                b.append("(local.set $acc (i64.xor (local.get $acc) (if ").append(name)
                        .append(" (result i64) (i32.and (i32.wrap_i64 (local.get $acc)) (i32.const 1))\n(then\n");
                Label self = new Label(name, false, true);
                outer.push(self);
                ops(id, outer);
                if (depth < DEPTH) {
                    node(depth + 1, outer);
                }
                b.append("(local.get $acc))\n(else\n");
                if (depth < DEPTH) {
                    node(depth + 1, outer);
                }
                b.append("(i64.const ").append(id).append(")))))\n");
                outer.pop();
            }
            default -> {
                // A block with a parameter and a result.
                b.append("(local.get $acc) (block ").append(name).append(" (param i64) (result i64) (i64.const ")
                        .append(id).append(") (call $mix)\n");
                body(id, depth, outer, new Label(name, false, true), false);
                b.append(") (local.set $acc)\n");
            }
        }
    }

    private void body(int id, int depth, Deque<Label> outer, Label self, boolean tail) {
        outer.push(self);
        ops(id, outer);
        if (depth < DEPTH) {
            node(depth + 1, outer);
            node(depth + 1, outer);
        }
        if (tail) {
            b.append("(local.set $acc (i64.rotl (local.get $acc) (i64.const 3)))\n");
        }
        outer.pop();
    }

    /** Straight-line work, the special cases, a branch out and a br_table; leaves the stack as it was. */
    private void ops(int id, Deque<Label> outer) {
        int at = (id * 56) % 32000;
        b.append("(i64.store offset=").append(at).append(" (local.get $i) (call $mix (local.get $acc) (i64.const ")
                .append(id).append(")))\n");
        b.append("(local.set $acc (i64.add (local.get $acc) (i64.load offset=").append(at + 3).append(" (local.get $i))))\n");
        b.append("(local.set $d (f64.copysign (local.get $d) (f64.reinterpret_i64 (local.get $acc))))\n");
        b.append("(f64.store offset=").append(at + 8).append(" (local.get $i) (local.get $d))\n");
        b.append("(local.set $v (i32x4.add (local.get $v) (i32x4.splat (i32.wrap_i64 (local.get $acc)))))\n");
        b.append("(v128.store offset=").append(at + 16).append(" (local.get $i) (local.get $v))\n");
        b.append("(local.set $g (f32.neg (local.get $g)))\n");
        b.append("(f32.store offset=").append(at + 32).append(" (local.get $i) (local.get $g))\n");
        b.append("(local.set $acc (i64.xor (local.get $acc) (i64.load offset=").append(at + 20).append(" (local.get $i))))\n");
        b.append("(local.set $c (i32.sub (local.get $c) (i32.const 1)))\n(if (i32.eqz (local.get $c)) (then\n");
        when(RETURN, "(return (local.get $acc) (local.get $d))");
        when(DIVIDE, "(local.set $acc (i64.div_s (local.get $acc) (i64.extend_i32_u (local.get $zero))))");
        when(GROW, "(drop (memory.grow (i32.const 1)))");
        when(OUT_OF_BOUNDS, "(i32.store (i32.const 65534) (i32.const 1))");
        when(DEEP_CALL, "(local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (call $rec (i32.const 100)))))");
        b.append("))\n");
        b.append("(if (i32.ge_u (memory.size) (i32.const 2)) (then (i64.store offset=").append(65536 + id * 8)
                .append(" (local.get $i) (local.get $acc))))\n");
        // A branch out of the regions between here and an enclosing label (never a loop's head).
        List<Label> targets = new ArrayList<>();
        for (Label l : outer) {
            if (!l.loop()) {
                targets.add(l);
            }
        }
        // Mostly to a near label (1 in 32 runs of a node), so that most runs go through most of the tree.
        Label to = targets.get((id * 7) % Math.min(3, targets.size()));
        String cond = "(i32.eq (i32.and (i32.wrap_i64 (local.get $acc)) (i32.const 31)) (i32.const " + (id % 32) + "))";
        if (to.value()) {
            b.append("(drop (br_if ").append(to.name()).append(" (local.get $acc) ").append(cond).append("))\n");
        } else {
            b.append("(br_if ").append(to.name()).append(' ').append(cond).append(")\n");
        }
        if (id % 3 == 0) {
            String far = "$t" + id + "a";
            for (Label l : targets) {
                if (!l.value()) {
                    far = l.name();
                    break;
                }
            }
            b.append("(block $t").append(id).append("a (block $t").append(id).append("b\n");
            // Seven targets inside, the default (1 in 8) out of the node.
            b.append("(br_table");
            for (int t = 0; t < 7; t++) {
                b.append(" $t").append(id).append(t % 2 == 0 ? "a" : "b");
            }
            b.append(' ').append(far)
                    .append(" (i32.and (i32.wrap_i64 (i64.shr_u (local.get $acc) (i64.const 8))) (i32.const 7))))\n");
            b.append("(local.set $acc (i64.add (local.get $acc) (i64.const 3))))\n");
            b.append("(local.set $acc (i64.mul (local.get $acc) (i64.const 5)))\n");
        }
    }

    private void when(int kind, String then) {
        b.append("(if (i32.eq (local.get $kind) (i32.const ").append(kind).append(")) (then ").append(then).append("))\n");
    }
}
