package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.ClassWriter;
import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.compiler.classfile.Label;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tail calls to other functions (spec 3.0, Execution > Instructions > {@code return_call},
 * {@code return_call_indirect}, {@code return_call_ref}: the callee replaces the caller's frame),
 * in constant JVM stack.
 *
 * <p>A function with such a tail call stores the callee's arguments in the context's results array,
 * the callee's index plus one in {@code Context.tail} and its fuel left in {@code Context.left}, and
 * returns a dummy value: a <em>pending tail call</em>. Only calls that can reach such a function
 * check for one, and it is known statically which can: a direct call to it, its case in a
 * {@code call_indirect} or {@code call_ref} dispatcher and in the host's {@code invoke}. There, when {@code tail} is set,
 * the dummy is dropped and a trampoline ({@code t<n>}, one per result types, as a tail callee's
 * results are its caller's) calls the pending callee, at the depth of the function it replaces,
 * and again while the callee leaves another pending tail call. Other calls pay nothing. Nothing is
 * allocated. A self tail call is a jump instead ({@code FunctionTranslator}).
 */
final class TailCalls {
    /** The most functions one trampoline switches over; functions tail-calling more stay interpreted. */
    static final int MAX_TARGETS = 128;
    private static final String CTX = "L" + JvmTypes.CONTEXT + ";";

    private final Module module;
    private final boolean[] hasMethod;
    /** By function index: has a tail call to another function, so it may return a pending tail call. */
    final boolean[] mayTail;
    /** By function index: its tail calls could reach more than {@link #MAX_TARGETS} functions. */
    final boolean[] refused;
    private final Set<Integer> direct = new HashSet<>();
    private final Set<String> indirectKeys = new HashSet<>();
    /** Trampolines asked for, by result types, with a representative type. */
    private final Map<String, FuncType> groups = new LinkedHashMap<>();

    TailCalls(Module module, boolean[] hasMethod) {
        this.module = module;
        this.hasMethod = hasMethod;
        int n = module.functionCount();
        int imported = module.importedFunctionCount();
        mayTail = new boolean[n];
        refused = new boolean[n];
        for (int f = imported; f < n; f++) {
            CodeReader r = module.codeReader(f - imported);
            while (r.hasNext()) {
                Opcode op = r.next();
                if (op == Opcode.RETURN_CALL && r.index() != f && r.index() >= imported) {
                    mayTail[f] = true;
                    direct.add(r.index());
                } else if (op == Opcode.RETURN_CALL_INDIRECT || op == Opcode.RETURN_CALL_REF) {
                    // Any function of the type may be the callee, as for call_indirect's dispatcher.
                    mayTail[f] = true;
                    indirectKeys.add(Linkage.key(module.types().get(r.index())));
                }
            }
        }
        for (int f = imported; f < n; f++) {
            if (mayTail[f] && targets(group(module.functionType(f))).size() > MAX_TARGETS) {
                mayTail[f] = false;
                refused[f] = true;
            }
        }
    }

    /** The trampoline group of a type: its results (a tail callee's results are its caller's). */
    static String group(FuncType t) {
        return t.results().toString();
    }

    /** The functions a pending tail call of this group may name: defined, with a method, and tail-called. */
    List<Integer> targets(String group) {
        List<Integer> out = new ArrayList<>();
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            FuncType t = module.functionType(f);
            if (hasMethod[f] && group(t).equals(group)
                    && (direct.contains(f) || indirectKeys.contains(Linkage.key(t)))) {
                out.add(f);
            }
        }
        return out;
    }

    private String trampoline(FuncType t) {
        groups.putIfAbsent(group(t), t);
        return "t" + new ArrayList<>(groups.keySet()).indexOf(group(t));
    }

    private static String descriptor(FuncType t) {
        return "(" + CTX + "I)" + JvmTypes.returnDescriptor(t);
    }

    /**
     * After a call to a function of type {@code t} that may leave a pending tail call, with its JVM
     * result on the stack: when {@code Context.tail} is set, replaces the result with the
     * trampoline's, running the callee at the room {@code loadRoom} pushes (the called function's).
     */
    void afterCall(Code c, FuncType t, int ctxSlot, Runnable loadRoom) {
        Label done = new Label();
        c.local(ALOAD, ctxSlot);
        c.field(GETFIELD, JvmTypes.CONTEXT, "tail", "I");
        c.jump(IFEQ, done);
        c.op(JvmTypes.returnDescriptor(t).equals("J") ? POP2 : POP);
        c.local(ALOAD, ctxSlot);
        loadRoom.run();
        c.invoke(INVOKESTATIC, ModuleTranslator.OWNER, trampoline(t), descriptor(t));
        c.place(done);
    }

    /**
     * Leaves a pending tail call of {@code callee} (type {@code t}) whose arguments are on the stack
     * (nothing under them), and returns a dummy of the caller's return type.
     */
    static void pend(Code c, FuncType t, int ctxSlot, Runnable loadLeft, int scratch, Runnable loadCallee) {
        storeArgs(c, t, ctxSlot, scratch);
        c.local(ALOAD, ctxSlot);
        loadCallee.run();
        c.op(ICONST_1);
        c.op(IADD);
        c.field(PUTFIELD, JvmTypes.CONTEXT, "tail", "I");
        c.local(ALOAD, ctxSlot);
        loadLeft.run();
        c.field(PUTFIELD, JvmTypes.CONTEXT, "left", "I");
        if (JvmTypes.returnDescriptor(t).equals("J")) {
            c.op(LCONST_0);
            c.op(LRETURN);
        } else {
            c.op(ICONST_0);
            c.op(IRETURN);
        }
    }

    /** Pops the arguments of {@code t} into the context's results array, in the value stack's layout. */
    private static void storeArgs(Code c, FuncType t, int ctxSlot, int scratch) {
        int entry = 0;
        for (ValType v : t.params()) {
            entry += JvmTypes.entries(JvmTypes.kind(v));
        }
        c.reserveLocals(scratch + 2);
        for (int i = t.params().size() - 1; i >= 0; i--) {
            char k = JvmTypes.kind(t.params().get(i));
            // From the top: a v128's high half first, then its low half.
            for (int e = JvmTypes.entries(k) - 1; e >= 0; e--) {
                entry--;
                if (k == 'I') {
                    c.op(I2L);
                }
                c.local(LSTORE, scratch);
                c.local(ALOAD, ctxSlot);
                c.field(GETFIELD, JvmTypes.CONTEXT, "results", "[J");
                c.intConst(entry);
                c.local(LLOAD, scratch);
                c.op(LASTORE);
            }
        }
    }

    /** Writes the trampolines asked for: {@code t<n>(ctx, room)}, a loop over pending tail calls. */
    void trampolines(ClassWriter cw) {
        for (Map.Entry<String, FuncType> e : List.copyOf(groups.entrySet())) {
            FuncType t = e.getValue();
            cw.addMethod(ACC_STATIC, trampoline(t), descriptor(t), trampolineCode(cw, t, targets(e.getKey())));
        }
    }

    private Code trampolineCode(ClassWriter cw, FuncType t, List<Integer> funcs) {
        Code c = new Code(cw.pool(), false);
        int ctx = 0;
        int room = 1;
        int left = 2;
        c.reserveLocals(3);
        Label loop = new Label();
        Label after = new Label();
        Label none = new Label();
        c.place(loop);
        c.local(ALOAD, ctx);
        c.field(GETFIELD, JvmTypes.CONTEXT, "left", "I");
        c.local(ISTORE, left);
        c.local(ALOAD, ctx);
        c.field(GETFIELD, JvmTypes.CONTEXT, "tail", "I");
        c.op(ICONST_1);
        c.op(ISUB);
        c.local(ALOAD, ctx);
        c.op(ICONST_0);
        c.field(PUTFIELD, JvmTypes.CONTEXT, "tail", "I");
        int[] keys = new int[funcs.size()];
        Label[] labels = new Label[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = funcs.get(i);
            labels[i] = new Label();
        }
        c.lookupSwitch(none, keys, labels);
        for (int i = 0; i < keys.length; i++) {
            c.place(labels[i]);
            FuncType g = module.functionType(keys[i]);
            int n = 0;
            for (ValType v : g.params()) {
                n = JvmTypes.loadResult(c, ctx, JvmTypes.kind(v), n);
            }
            c.local(ALOAD, ctx);
            c.local(ILOAD, room);
            c.local(ILOAD, left);
            c.invoke(INVOKESTATIC, ModuleTranslator.OWNER, Linkage.function(keys[i]), JvmTypes.function(g));
            c.jump(GOTO, after);
        }
        c.place(none);
        c.type(NEW, "java/lang/IllegalStateException");
        c.op(DUP);
        c.stringConst("no pending tail call to a function of this group");
        c.invoke(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V");
        c.op(ATHROW);
        c.place(after);
        boolean wide = JvmTypes.returnDescriptor(t).equals("J");
        Label done = new Label();
        c.local(ALOAD, ctx);
        c.field(GETFIELD, JvmTypes.CONTEXT, "tail", "I");
        c.jump(IFEQ, done);
        c.op(wide ? POP2 : POP);
        c.jump(GOTO, loop);
        c.place(done);
        Bridges.returnValue(c, t);
        return c;
    }
}
