package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.ClassWriter;
import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.compiler.classfile.Label;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The generated class's methods that are not function bodies: {@code invoke} (the host's entry:
 * arguments from a {@code long[]}, results to the context), the {@code call_indirect} dispatchers
 * (a switch from function index to method) and the bridges to functions the tier does not run (host
 * functions, other instances' functions, bodies left to the interpreter). Switches are split in
 * chunks of functions so no method grows past the JVM's limits.
 */
final class Bridges {
    private static final String OWNER = ModuleTranslator.OWNER;
    private static final String CTX = "L" + JvmTypes.CONTEXT + ";";
    private static final String INVOKE = "(I" + CTX + "[JIII)V";

    private final ClassWriter cw;
    private final Linkage link;
    private final int chunk;

    Bridges(ClassWriter cw, Linkage link, int chunk) {
        this.cw = cw;
        this.link = link;
        this.chunk = chunk;
    }

    /** Loads the WebAssembly parameters of {@code t} from slot {@code slot}; returns the slot after them. */
    static int loadParams(Code c, FuncType t, int slot) {
        for (ValType v : t.params()) {
            char k = JvmTypes.kind(v);
            c.local(k == 'I' ? ILOAD : LLOAD, slot);
            if (k == 'Q') {
                c.local(LLOAD, slot + 2);
            }
            slot += JvmTypes.slots(k);
        }
        return slot;
    }

    static void returnValue(Code c, FuncType t) {
        String r = JvmTypes.returnDescriptor(t);
        c.op(r.equals("V") ? RETURN : r.equals("J") ? LRETURN : IRETURN);
    }

    // ---- invoke ----

    /** {@code invoke(funcIndex, ctx, args, base, room, left)}: a switch over chunks of compiled functions. */
    void invoke() {
        List<Integer> funcs = new ArrayList<>();
        for (int f = 0; f < link.compiled.length; f++) {
            if (link.compiled[f]) {
                funcs.add(f);
            }
        }
        int chunks = Math.max(1, (link.compiled.length + chunk - 1) / chunk);
        Code c = new Code(cw.pool(), false);
        c.reserveLocals(7);
        Label[] targets = new Label[chunks];
        Label none = new Label();
        for (int k = 0; k < chunks; k++) {
            targets[k] = new Label();
        }
        c.local(ILOAD, 1);
        c.intConst(chunk);
        c.op(IDIV);
        c.tableSwitch(0, chunks - 1, none, targets);
        for (int k = 0; k < chunks; k++) {
            c.place(targets[k]);
            for (int slot : new int[] {1, 2, 3, 4, 5}) {
                c.local(slot == 2 || slot == 3 ? ALOAD : ILOAD, slot);
            }
            c.local(ILOAD, 6);
            c.invoke(INVOKESTATIC, OWNER, "invoke" + k, INVOKE);
            c.op(RETURN);
            invokeChunk(k, funcs);
        }
        c.place(none);
        unknownFunction(c);
        cw.addMethod(ACC_PUBLIC, "invoke", INVOKE, c);
    }

    private void invokeChunk(int k, List<Integer> funcs) {
        Code c = new Code(cw.pool(), false);
        c.reserveLocals(8);
        List<Integer> mine = new ArrayList<>();
        for (int f : funcs) {
            if (f / chunk == k) {
                mine.add(f);
            }
        }
        Label none = new Label();
        int[] keys = new int[mine.size()];
        Label[] labels = new Label[mine.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = mine.get(i);
            labels[i] = new Label();
        }
        c.local(ILOAD, 0);
        c.lookupSwitch(none, keys, labels);
        for (int i = 0; i < keys.length; i++) {
            c.place(labels[i]);
            FuncType t = link.module.functionType(keys[i]);
            int n = 0;
            for (ValType v : t.params()) {
                char kind = JvmTypes.kind(v);
                for (int e = 0; e < JvmTypes.entries(kind); e++) {
                    c.local(ALOAD, 2);
                    c.local(ILOAD, 3);
                    c.intConst(n++);
                    c.op(IADD);
                    c.op(LALOAD);
                }
                if (kind == 'I') {
                    c.op(L2I);
                }
            }
            c.local(ALOAD, 1);
            c.local(ILOAD, 4);
            c.local(ILOAD, 5);
            c.invoke(INVOKESTATIC, OWNER, Linkage.function(keys[i]), JvmTypes.function(t));
            if (link.tails.mayTail[keys[i]]) {
                link.tails.afterCall(c, t, 1, () -> c.local(ILOAD, 4));
            }
            String r = JvmTypes.returnDescriptor(t);
            if (JvmTypes.returnsFuel(t)) {
                c.local(ISTORE, 6);
                c.local(ALOAD, 1);
                c.local(ILOAD, 6);
                c.field(PUTFIELD, JvmTypes.CONTEXT, "left", "I");
            } else {
                if (r.equals("I")) {
                    c.op(I2L);
                }
                c.local(LSTORE, 6);
                c.local(ALOAD, 1);
                c.field(GETFIELD, JvmTypes.CONTEXT, "results", "[J");
                c.op(ICONST_0);
                c.local(LLOAD, 6);
                c.op(LASTORE);
                if (JvmTypes.returnKind(t) == 'Q') {
                    c.local(ALOAD, 1);
                    c.field(GETFIELD, JvmTypes.CONTEXT, "results", "[J");
                    c.op(ICONST_1);
                    c.local(ALOAD, 1);
                    c.field(GETFIELD, JvmTypes.CONTEXT, "high", "J");
                    c.op(LASTORE);
                }
            }
            c.op(RETURN);
        }
        c.place(none);
        unknownFunction(c);
        cw.addMethod(ACC_STATIC, "invoke" + k, "(I" + CTX + "[JIII)V", c);
    }

    private static void unknownFunction(Code c) {
        c.type(NEW, "java/lang/IllegalArgumentException");
        c.op(DUP);
        c.stringConst("not a compiled function");
        c.invoke(INVOKESPECIAL, "java/lang/IllegalArgumentException", "<init>", "(Ljava/lang/String;)V");
        c.op(ATHROW);
    }

    // ---- call_indirect dispatchers ----

    void dispatchers() {
        for (Map.Entry<String, FuncType> e : List.copyOf(link.dispatchers.entrySet())) {
            dispatcher(e.getKey(), e.getValue());
        }
    }

    private void dispatcher(String key, FuncType t) {
        List<Integer> funcs = new ArrayList<>();
        for (int f = 0; f < link.compiled.length; f++) {
            if (link.compiled[f] && Linkage.key(link.module.functionType(f)).equals(key)) {
                funcs.add(f);
            }
        }
        String name = link.dispatcher(t);
        String desc = Linkage.dispatcherDescriptor(t);
        int p = JvmTypes.slots(t.params());
        if (funcs.size() <= chunk) {
            cw.addMethod(ACC_STATIC, name, desc, dispatcherChunk(t, funcs, p));
            return;
        }
        // Many functions of one type: the first level picks the chunk by index, as in invoke.
        Code c = new Code(cw.pool(), false);
        c.reserveLocals(p + 4);
        int chunks = (link.compiled.length + chunk - 1) / chunk;
        Label[] targets = new Label[chunks];
        Label none = new Label();
        for (int k = 0; k < chunks; k++) {
            targets[k] = new Label();
        }
        c.local(ILOAD, p);
        c.intConst(chunk);
        c.op(IDIV);
        c.tableSwitch(0, chunks - 1, none, targets);
        for (int k = 0; k < chunks; k++) {
            c.place(targets[k]);
            List<Integer> mine = new ArrayList<>();
            for (int f : funcs) {
                if (f / chunk == k) {
                    mine.add(f);
                }
            }
            loadParams(c, t, 0);
            c.local(ILOAD, p);
            c.local(ALOAD, p + 1);
            c.local(ILOAD, p + 2);
            c.local(ILOAD, p + 3);
            c.invoke(INVOKESTATIC, OWNER, name + "$" + k, desc);
            returnValue(c, t);
            cw.addMethod(ACC_STATIC, name + "$" + k, desc, dispatcherChunk(t, mine, p));
        }
        c.place(none);
        // funcIndex -1: not compiled code of this instance; any chunk's default takes the bridge.
        loadParams(c, t, 0);
        c.local(ILOAD, p);
        c.local(ALOAD, p + 1);
        c.local(ILOAD, p + 2);
        c.local(ILOAD, p + 3);
        c.invoke(INVOKESTATIC, OWNER, name + "$0", desc);
        returnValue(c, t);
        cw.addMethod(ACC_STATIC, name, desc, c);
    }

    /** Params at 0.., then funcIndex at {@code p}, ctx, room (the caller's), left. */
    private Code dispatcherChunk(FuncType t, List<Integer> funcs, int p) {
        Code c = new Code(cw.pool(), false);
        c.reserveLocals(p + 4);
        Label other = new Label();
        int[] keys = new int[funcs.size()];
        Label[] labels = new Label[funcs.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = funcs.get(i);
            labels[i] = new Label();
        }
        c.local(ILOAD, p);
        c.lookupSwitch(other, keys, labels);
        for (int i = 0; i < keys.length; i++) {
            c.place(labels[i]);
            loadParams(c, t, 0);
            c.local(ALOAD, p + 1);
            c.local(ILOAD, p + 2);
            c.op(ICONST_1);
            c.op(ISUB);
            c.local(ILOAD, p + 3);
            c.invoke(INVOKESTATIC, OWNER, Linkage.function(keys[i]), JvmTypes.function(link.module.functionType(keys[i])));
            if (link.tails.mayTail[keys[i]]) {
                link.tails.afterCall(c, t, p + 1, () -> {
                    c.local(ILOAD, p + 2);
                    c.op(ICONST_1);
                    c.op(ISUB);
                });
            }
            returnValue(c, t);
        }
        c.place(other);
        loadParams(c, t, 0);
        c.local(ALOAD, p + 1);
        c.field(GETFIELD, JvmTypes.CONTEXT, "target", "Ldev/sandpiper/interpreter/FunctionInstance;");
        c.local(ALOAD, p + 1);
        c.local(ILOAD, p + 2);
        c.local(ILOAD, p + 3);
        c.invoke(INVOKESTATIC, OWNER, link.bridge(t), Linkage.bridgeDescriptor(t));
        returnValue(c, t);
        return c;
    }

    // ---- bridges to functions the tier does not run ----

    void bridges() {
        for (Map.Entry<String, FuncType> e : List.copyOf(link.bridges.entrySet())) {
            bridge(e.getValue());
        }
    }

    /** Params at 0.., then the FunctionInstance, ctx, room (the caller's), left. */
    private void bridge(FuncType t) {
        Code c = new Code(cw.pool(), false);
        int p = JvmTypes.slots(t.params());
        int f = p;
        int ctx = p + 1;
        int room = p + 2;
        int left = p + 3;
        int array = p + 4;
        int fuel = p + 5;
        c.reserveLocals(p + 6);
        c.intConst(t.paramSlots());
        c.newArray(T_LONG);
        c.local(ASTORE, array);
        int slot = 0;
        int entry = 0;
        for (int i = 0; i < t.params().size(); i++) {
            char k = JvmTypes.kind(t.params().get(i));
            // The value stack's layout: a v128 as two entries, low half first.
            for (int e = 0; e < JvmTypes.entries(k); e++) {
                c.local(ALOAD, array);
                c.intConst(entry++);
                c.local(k == 'I' ? ILOAD : LLOAD, slot + 2 * e);
                if (k == 'I') {
                    c.op(I2L);
                }
                c.op(LASTORE);
            }
            slot += JvmTypes.slots(k);
        }
        c.local(ALOAD, f);
        c.local(ALOAD, array);
        c.local(ALOAD, ctx);
        c.field(GETFIELD, JvmTypes.CONTEXT, "instance", "Ldev/sandpiper/interpreter/Instance;");
        c.local(ALOAD, ctx); // the caller's depth: the limit minus its room
        c.field(GETFIELD, JvmTypes.CONTEXT, "maxDepth", "I");
        c.local(ILOAD, room);
        c.op(ISUB);
        c.local(ILOAD, left);
        c.invoke(INVOKESTATIC, "dev/sandpiper/interpreter/TierSupport", "call",
                "(Ldev/sandpiper/interpreter/FunctionInstance;[JLdev/sandpiper/interpreter/Instance;II)[J");
        c.local(ASTORE, array);
        c.local(ALOAD, ctx);
        c.field(GETFIELD, JvmTypes.CONTEXT, "store", "Ldev/sandpiper/interpreter/Store;");
        c.invoke(INVOKESTATIC, "dev/sandpiper/interpreter/TierSupport", "fuelLeft", "(Ldev/sandpiper/interpreter/Store;)I");
        c.local(ISTORE, fuel);
        if (!JvmTypes.returnsFuel(t)) {
            c.local(ALOAD, ctx);
            c.local(ILOAD, fuel);
            c.field(PUTFIELD, JvmTypes.CONTEXT, "left", "I");
        }
        int n = t.results().size();
        if (JvmTypes.returnKind(t) == 'Q') {
            c.local(ALOAD, ctx);
            c.local(ALOAD, array);
            c.op(ICONST_1);
            c.op(LALOAD);
            c.field(PUTFIELD, JvmTypes.CONTEXT, "high", "J");
        }
        if (n == 1) {
            c.local(ALOAD, array);
            c.op(ICONST_0);
            c.op(LALOAD);
            if (JvmTypes.kind(t.results().get(0)) == 'I') {
                c.op(L2I);
            }
        } else if (n > 1) {
            c.local(ALOAD, array);
            c.op(ICONST_0);
            c.local(ALOAD, ctx);
            c.field(GETFIELD, JvmTypes.CONTEXT, "results", "[J");
            c.op(ICONST_0);
            c.intConst(t.resultSlots());
            c.invoke(INVOKESTATIC, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V");
        }
        if (JvmTypes.returnsFuel(t)) {
            c.local(ILOAD, fuel);
        }
        returnValue(c, t);
        cw.addMethod(ACC_STATIC, link.bridge(t), Linkage.bridgeDescriptor(t), c);
    }
}
