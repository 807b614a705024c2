package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.compiler.classfile.ConstantPool;
import dev.sandpiper.compiler.classfile.Label;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Family;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.FunctionBody;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.Table;
import dev.sandpiper.interpreter.TierMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates one function body into the code of a static JVM method
 * {@code f<index>(params..., Context ctx, int room, int left)}: WebAssembly locals are JVM
 * locals, the operand stack is the JVM operand stack, blocks are labels. Values are raw bits
 * ({@link JvmTypes}).
 *
 * <p>Control (spec 2.0, Execution > Instructions > Control Instructions): a branch carries its
 * label's values; when other operands lie between them and the label's base, they are dropped
 * through temporary locals on the taken path only. Code after an unconditional transfer is skipped
 * until the structure makes it reachable again, as the interpreter does, so both tiers execute and
 * count the same instructions. Fuel blocks open and close exactly where the interpreter's
 * {@code CodeTranslator} opens and closes them ({@link FuelBlocks}).
 */
final class FunctionTranslator {
    private static final String OPS = "dev/sandpiper/interpreter/TierOps";
    private static final String MEMORY_OPS = "dev/sandpiper/interpreter/TierMemory";
    private static final String LOOP_MEMORY_OPS = "dev/sandpiper/interpreter/TierLoopMemory";
    private static final String SUPPORT = "dev/sandpiper/interpreter/TierSupport";
    private static final String NUMERIC = "dev/sandpiper/compiler/runtime/Numeric";
    private static final String RUNTIME = "dev/sandpiper/compiler/runtime/Runtime";
    private static final String CTX = JvmTypes.CONTEXT;
    private static final String INSTANCE = "Ldev/sandpiper/interpreter/Instance;";
    private static final String MEMORY = "Ldev/sandpiper/interpreter/Memory;";
    private static final String GLOBALS = "[Ldev/sandpiper/interpreter/Global;";
    private static final String GLOBAL = "Ldev/sandpiper/interpreter/Global;";

    private final Linkage link;
    private final Module module;

    // Per function.
    private Code c;
    private FuelBlocks fuel;
    private final Frames frames = new Frames();
    final OperandTypes stack = new OperandTypes();
    private int ctxSlot;
    private int depthSlot;
    private int leftSlot;
    /** Locals set at entry: the memory, the globals array, the callees' depth. */
    private int memorySlot;
    /** Memory 0's array and size while this function runs ({@link #cacheMemory}), when it accesses it. */
    private int bytesSlot;
    private int sizeSlot;
    /** This function's small loops, whose accesses at offset 0 on memory 0 take TierLoopMemory's form. */
    private TightLoops tightLoops;
    private boolean cachesMemory;
    /** The function {@link #cachesMemory} and {@link #tightLoops} are about, or -1. */
    private int factsOf = -1;
    /** Where calls of the function being translated to itself go; null: its own method. */
    private String selfCallee;
    private int globalsSlot;
    private int nextDepthSlot;
    private int[] localSlot;
    private char[] localKind;
    private int tempBase;
    private int tempTop;
    private boolean live;
    private int deadNesting;
    private FuncType type;
    /** This function's index, and where its body starts after the entry checks (a self tail call's target). */
    private int self;
    private Label bodyStart;
    /** A comparison whose operands are on the stack but whose 0/1 result is not: fused into a following branch. */
    private Opcode pendingCompare;

    private final boolean countFuel;
    /** The instructions on 64-bit memories and tables (3.0 memory64). */
    private final Address64Instructions wide;
    private final VectorInstructions vectors = new VectorInstructions(this);
    /** Exception handling (3.0). */
    private final ExceptionInstructions exceptions = new ExceptionInstructions(this);
    /** The GC instructions (3.0). */
    private final GcInstructions gc;
    /** Calls of outlined regions, and the entry and exits of their methods ({@link Outliner}). */
    private final RegionCode regions = new RegionCode(this);

    /** Regions of the function translated into methods of their own, by start ({@link Outliner}); empty: none. */
    private Map<Integer, Region> outlines = Map.of();
    /** The region whose method is being translated, or null (the function's own method). */
    private Region helper;
    /** When measuring ({@link Outliner}): the code size of each region translated here, and the label types outside it. */
    private Map<Integer, int[]> sizes;
    private Map<Integer, List<List<ValType>>> outerLabels;

    /** {@code countFuel} false: only loop heads and function entries are charged (1 each), to poll. */
    FunctionTranslator(Linkage link, boolean countFuel) {
        this.link = link;
        this.module = link.module;
        this.countFuel = countFuel;
        this.wide = new Address64Instructions(this, module);
        this.gc = new GcInstructions(this, module, link.typeIds);
    }

    /**
     * The code of defined function {@code funcIndex}.
     *
     * @throws Unsupported when this function stays in the interpreter
     */
    Code translate(int funcIndex, ConstantPool pool, boolean wideJumps, boolean compactFuel, boolean planned) {
        readFacts(funcIndex);
        if (countFuel && planned) {
            // Twice: once to record the blocks and branches, once to charge on the edges (FuelPlan).
            FuelPlan.Recorder recorder = new FuelPlan.Recorder();
            translate(funcIndex, pool, wideJumps, compactFuel, false, recorder, null);
            return translate(funcIndex, pool, wideJumps, compactFuel, false, null, recorder.solve());
        }
        try {
            return translate(funcIndex, pool, wideJumps, compactFuel, false, null, null);
        } catch (FuelBlocks.WideChargesNeeded wide) {
            return translate(funcIndex, pool, wideJumps, compactFuel, true, null, null);
        }
    }

    /**
     * As {@link #translate(int, ConstantPool, boolean, boolean, boolean)}, with the function's calls
     * of itself going to method {@code callee}, its twin ({@link RecursionTwins}); null: its own.
     */
    Code translateCallingSelfAs(String callee, int funcIndex, ConstantPool pool, boolean wideJumps,
            boolean compactFuel, boolean planned) {
        selfCallee = callee;
        try {
            return translate(funcIndex, pool, wideJumps, compactFuel, planned);
        } finally {
            selfCallee = null;
        }
    }

    /**
     * The code of function {@code funcIndex} with the regions {@code outlines} as calls to their
     * methods, every block charging itself (no plan, {@link Outliner}); with {@code sizes} non-null,
     * records where each region's code starts and its size there, and the label types outside it in
     * {@code outer}.
     */
    Code translateSplit(int funcIndex, ConstantPool pool, boolean wideJumps, Map<Integer, Region> outlines,
            Map<Integer, int[]> sizes, Map<Integer, List<List<ValType>>> outer) {
        return translateOutlined(funcIndex, pool, wideJumps, outlines, null, sizes, outer);
    }

    /** The code of region {@code g}'s method, with the regions {@code outlines} inside it as calls ({@link Outliner}). */
    Code translateRegion(int funcIndex, Region g, ConstantPool pool, boolean wideJumps, Map<Integer, Region> outlines) {
        return translateOutlined(funcIndex, pool, wideJumps, outlines, g, null, null);
    }

    private Code translateOutlined(int funcIndex, ConstantPool pool, boolean wideJumps, Map<Integer, Region> regions,
            Region g, Map<Integer, int[]> measured, Map<Integer, List<List<ValType>>> outer) {
        readFacts(funcIndex);
        outlines = regions;
        helper = g;
        sizes = measured;
        outerLabels = outer;
        try {
            try {
                return translate(funcIndex, pool, wideJumps, false, false, null, null);
            } catch (FuelBlocks.WideChargesNeeded wide) {
                return translate(funcIndex, pool, wideJumps, false, true, null, null);
            }
        } finally {
            outlines = Map.of();
            helper = null;
            sizes = null;
            outerLabels = null;
        }
    }

    private Code translate(int funcIndex, ConstantPool pool, boolean wideJumps, boolean compactFuel,
            boolean wideCharges, FuelPlan.Recorder recorder, FuelPlan plan) {
        type = module.functionType(funcIndex);
        self = funcIndex;
        FunctionBody body = module.codes().get(funcIndex - module.importedFunctionCount());
        c = new Code(pool, wideJumps);
        if (helper == null) {
            layoutLocals(body);
        } else {
            layoutRegion(body);
        }
        fuel = new FuelBlocks(c, ctxSlot, leftSlot, nextDepthSlot + 1, link.frame(funcIndex), countFuel, compactFuel,
                wideCharges, recorder, plan);
        frames.clear();
        stack.clear();
        live = true;
        deadNesting = 0;
        pendingCompare = null;
        exceptions.reset();

        CodeReader r;
        int outside = 0;
        if (helper == null) {
            emitDepthCheck();
            emitEntryLocals();
            bodyStart = new Label();
            c.place(bodyStart);
            zeroLocals(body);
            frames.push(Frames.FUNC, List.of(), type.results(), new Label(), 0, 0);
            fuel.start(true, false, bodyStart);
            r = module.codeReader(funcIndex - module.importedFunctionCount());
        } else {
            r = Outliner.readerAt(module, funcIndex, helper.start);
            emitEntryLocals();
            bodyStart = new Label();
            c.place(bodyStart);
            outside = regions.enter(helper, type.results());
        }
        boolean first = helper != null;
        while (first || frames.depth() > outside) {
            Opcode op = r.next();
            if (live) {
                Region g = first || !Outliner.structured(op) ? null : outlines.get(r.opcodeOffset());
                first = false;
                int at = c.length();
                if (g != null) {
                    if (pendingCompare != null) {
                        materializeCompare();
                    }
                    regions.call(g, r);
                } else {
                    instruction(op, r);
                    if (sizes != null && Outliner.structured(op)) {
                        frames.measure(r.opcodeOffset(), at);
                        List<List<ValType>> labels = new ArrayList<>();
                        for (int f = 0; f < frames.innermost(); f++) {
                            labels.add(frames.labelTypes(f));
                        }
                        outerLabels.put(r.opcodeOffset(), labels);
                    }
                }
            } else {
                skipDead(op, r);
            }
        }
        if (helper != null) {
            regions.leave(helper);
        }
        exceptions.emitDispatch();
        fuel.finish();
        return c;
    }

    // ---- layout and entry ----

    private void layoutLocals(FunctionBody body) {
        int n = type.params().size() + body.locals().length;
        localSlot = new int[n];
        localKind = new char[n];
        int slot = 0;
        int k = 0;
        for (ValType t : type.params()) {
            localKind[k] = JvmTypes.kind(t);
            localSlot[k++] = slot;
            slot += JvmTypes.slots(localKind[k - 1]);
        }
        slot = layoutFrameSlots(slot);
        for (ValType t : body.locals()) {
            localKind[k] = JvmTypes.kind(t);
            localSlot[k++] = slot;
            slot += JvmTypes.slots(localKind[k - 1]);
        }
        if (slot > 60_000) {
            throw new Unsupported("too many locals for a JVM method");
        }
        tempBase = slot;
        tempTop = slot;
    }

    /**
     * Spec: a call past the depth limit traps before the callee's frame exists (as the interpreter).
     * {@code room} is the limit minus this frame's depth, so the check reads no field: negative traps.
     */
    private void emitDepthCheck() {
        Label ok = new Label();
        c.local(ILOAD, depthSlot);
        c.jump(IFGE, ok);
        loadContext();
        c.field(GETFIELD, CTX, "store", "Ldev/sandpiper/interpreter/Store;");
        c.local(ILOAD, leftSlot); // before the entry block: exact
        c.invoke(INVOKESTATIC, SUPPORT, "callStackExhausted",
                "(Ldev/sandpiper/interpreter/Store;I)Ldev/sandpiper/interpreter/TrapException;");
        c.op(ATHROW);
        c.place(ok);
    }

    private void emitEntryLocals() {
        loadContext();
        c.field(GETFIELD, CTX, "memory", MEMORY);
        c.local(ASTORE, memorySlot);
        cacheMemory();
        loadContext();
        c.field(GETFIELD, CTX, "globals", GLOBALS);
        c.local(ASTORE, globalsSlot);
        c.local(ILOAD, depthSlot);
        c.op(ICONST_1);
        c.op(ISUB);
        c.local(ISTORE, nextDepthSlot);
    }

    /**
     * Spec 2.0, 4.4.10 (function invocation): declared locals start at their type's default, zero
     * or, for a reference, null ({@code Table.NULL}, -1).
     */
    private void zeroLocals(FunctionBody body) {
        int params = type.params().size();
        for (int k = params; k < localSlot.length; k++) {
            switch (localKind[k]) {
                case 'I' -> c.op(ICONST_0);
                case 'J' -> {
                    if (body.locals()[k - params].isReference()) {
                        c.longConst(-1L);
                    } else {
                        c.op(LCONST_0);
                    }
                }
                default -> {
                    c.op(LCONST_0);
                    c.op(LCONST_0);
                }
            }
            store(localKind[k], localSlot[k]);
        }
    }

    void loadContext() {
        c.local(ALOAD, ctxSlot);
    }

    /** The local holding the context. */
    int contextSlot() {
        return ctxSlot;
    }

    /** The code being written (for {@link VectorInstructions}). */
    /** Whether memory {@code index} has address type i64 (3.0 memory64). */
    boolean memory64(int index) {
        return wide.memory(index);
    }

    Code code() {
        return c;
    }

    /**
     * The first of {@code n} scratch local slots, free between instructions (above every local and
     * below the temporaries of branches, which are only used within one instruction as well).
     */
    int scratch(int n) {
        c.reserveLocals(tempTop + n);
        return tempTop;
    }

    /** Pushes a value of kind {@code k} from local slot {@code slot} (a v128: low, then high half). */
    void load(char k, int slot) {
        c.local(k == 'I' ? ILOAD : LLOAD, slot);
        if (k == 'Q') {
            c.local(LLOAD, slot + 2);
        }
    }

    /** Pops a value of kind {@code k} into local slot {@code slot}. */
    void store(char k, int slot) {
        if (k == 'Q') {
            c.local(LSTORE, slot + 2);
        }
        c.local(k == 'I' ? ISTORE : LSTORE, slot);
    }

    /** Pops a value of kind {@code k} off the JVM stack. */
    private void discard(char k) {
        c.op(k == 'I' ? POP : POP2);
        if (k == 'Q') {
            c.op(POP2);
        }
    }

    // ---- one instruction of reachable code ----

    private void instruction(Opcode op, CodeReader r) {
        if (pendingCompare != null && op != Opcode.BR_IF && op != Opcode.IF) {
            materializeCompare();
        }
        switch (op) {
            case UNREACHABLE -> {
                fuel.cost();
                Label s = fuel.startSite();
                c.invoke(INVOKESTATIC, RUNTIME, "unreachable", "()Ldev/sandpiper/interpreter/TrapException;");
                fuel.endSite(s, false);
                c.op(ATHROW); // never reached: unreachable() throws, inside the site
                fuel.close();
                live = false;
            }
            case NOP -> fuel.cost();
            case BLOCK -> {
                FuncType t = blockType(r);
                frames.push(Frames.BLOCK, t.params(), t.results(), new Label(), stack.size() - t.params().size(),
                        stack.slotsBelow(t.params().size()));
            }
            case LOOP -> {
                FuncType t = blockType(r);
                Label head = new Label();
                fuel.close();
                c.place(head);
                fuel.loopHead(tightLoops.startsAt(r.opcodeOffset()), head);
                frames.push(Frames.LOOP, t.params(), t.results(), head, stack.size() - t.params().size(),
                        stack.slotsBelow(t.params().size()));
            }
            case IF -> {
                fuel.cost();
                FuncType t = blockType(r);
                Label otherwise = new Label();
                fuel.conditionalEdge(otherwise, () -> branchOnCondition(otherwise, false));
                fuel.close();
                fuel.start(false, true);
                int f = frames.push(Frames.IF, t.params(), t.results(), new Label(), stack.size() - t.params().size(),
                        stack.slotsBelow(t.params().size()));
                frames.setElse(f, otherwise);
            }
            case ELSE -> enterElse();
            case END -> end();
            case BR -> {
                fuel.cost();
                branch(frames.frameOfLabel(r.index()));
                fuel.close();
                live = false;
            }
            case BR_IF -> {
                fuel.cost();
                branchIf(frames.frameOfLabel(r.index()));
                fuel.close();
                fuel.start(false, true);
            }
            case BR_TABLE -> {
                fuel.cost();
                brTable(r);
                fuel.close();
                live = false;
            }
            case RETURN -> {
                fuel.cost();
                branch(0);
                fuel.close();
                live = false;
            }
            case CALL -> {
                fuel.cost();
                call(r.index());
            }
            case RETURN_CALL -> {
                fuel.cost();
                // The callee replaces this frame: what it throws passes this function's handlers (3.0).
                FuelBlocks.Catcher around = fuel.catcher(null);
                if (r.index() == self) {
                    selfTailCall();
                } else {
                    tailCall(r.index());
                }
                fuel.catcher(around);
                fuel.close();
                live = false;
            }
            case RETURN_CALL_INDIRECT -> {
                fuel.cost();
                FuelBlocks.Catcher around = fuel.catcher(null);
                tailCallIndirect(module.types().get(r.index()), r.index(), r.index2());
                fuel.catcher(around);
                fuel.close();
                live = false;
            }
            case CALL_INDIRECT -> {
                fuel.cost();
                callIndirect(module.types().get(r.index()), r.index(), r.index2());
            }
            case CALL_REF -> {
                fuel.cost();
                callRef(module.types().get(r.index()));
            }
            case RETURN_CALL_REF -> {
                fuel.cost();
                FuelBlocks.Catcher around = fuel.catcher(null);
                tailCallRef(module.types().get(r.index()));
                fuel.catcher(around);
                fuel.close();
                live = false;
            }
            case THROW, THROW_REF, RETHROW, TRY_TABLE, TRY, CATCH, CATCH_ALL, DELEGATE -> exceptions.instruction(op, r);
            case REF_AS_NON_NULL -> {
                fuel.cost();
                trapping(() -> c.invoke(INVOKESTATIC, RUNTIME, "nonNull", "(J)J"));
            }
            case BR_ON_NULL, BR_ON_NON_NULL -> {
                // Blocks as br_if's (the interpreter's CodeTranslator): the fall-through starts a new one.
                fuel.cost();
                branchOnNull(frames.frameOfLabel(r.index()), op == Opcode.BR_ON_NULL);
                fuel.close();
                fuel.start(false, true);
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> {
                // Blocks as br_if's (the interpreter's CodeTranslator): the fall-through starts a new one.
                fuel.cost();
                gc.castTest(r.refType());
                branchOnTest(frames.frameOfLabel(r.index()), op == Opcode.BR_ON_CAST);
                fuel.close();
                fuel.start(false, true);
            }
            case DROP -> {
                fuel.cost();
                discard(stack.pop());
            }
            case SELECT, SELECT_T -> {
                fuel.cost();
                select();
            }
            case LOCAL_GET -> {
                fuel.cost();
                int i = r.index();
                load(localKind[i], localSlot[i]);
                stack.push(localKind[i]);
            }
            case LOCAL_SET -> {
                fuel.cost();
                int i = r.index();
                stack.pop();
                store(localKind[i], localSlot[i]);
            }
            case LOCAL_TEE -> {
                fuel.cost();
                int i = r.index();
                if (localKind[i] == 'Q') {
                    store('Q', localSlot[i]);
                    load('Q', localSlot[i]);
                } else {
                    c.op(localKind[i] == 'J' ? DUP2 : DUP);
                    c.local(localKind[i] == 'J' ? LSTORE : ISTORE, localSlot[i]);
                }
            }
            case GLOBAL_GET -> {
                fuel.cost();
                char k = JvmTypes.kind(module.globalSpace().get(r.index()).valType());
                loadGlobal(r.index());
                c.invoke(INVOKESTATIC, SUPPORT, "global", "(" + GLOBAL + ")J");
                if (k == 'I') {
                    c.op(L2I);
                } else if (k == 'Q') {
                    loadGlobal(r.index());
                    c.invoke(INVOKESTATIC, SUPPORT, "globalHigh", "(" + GLOBAL + ")J");
                }
                stack.push(k);
            }
            case GLOBAL_SET -> {
                fuel.cost();
                char k = stack.pop();
                if (k == 'I') {
                    c.op(I2L);
                }
                loadGlobal(r.index());
                c.invoke(INVOKESTATIC, SUPPORT, "global", "(" + JvmTypes.descriptor(k == 'I' ? 'J' : k) + GLOBAL + ")V");
            }
            case I32_CONST, F32_CONST -> {
                fuel.cost();
                c.intConst((int) (op == Opcode.I32_CONST ? r.constValue() : r.floatBits()));
                stack.push('I');
            }
            case I64_CONST, F64_CONST -> {
                fuel.cost();
                c.longConst(op == Opcode.I64_CONST ? r.constValue() : r.floatBits());
                stack.push('J');
            }
            case REF_NULL -> {
                fuel.cost();
                c.longConst(-1);
                stack.push('J');
            }
            case REF_IS_NULL -> {
                fuel.cost();
                c.longConst(-1);
                c.op(LCMP);
                stack.pop();
                stack.push('I');
                zeroOrOne(IFEQ);
            }
            case REF_FUNC -> {
                fuel.cost();
                loadInstance();
                c.intConst(r.index());
                c.invoke(INVOKESTATIC, OPS, "REF_FUNC", "(" + INSTANCE + "I)J");
                stack.push('J');
            }
            case MEMORY_SIZE -> {
                fuel.cost();
                loadMemory(r.memoryIndex());
                if (wide.memory(r.memoryIndex())) {
                    wide.memorySize();
                } else {
                    c.invoke(INVOKESTATIC, OPS, "MEMORY_SIZE", "(" + MEMORY + ")I");
                    stack.push('I');
                }
            }
            case MEMORY_GROW, MEMORY_FILL, MEMORY_COPY, MEMORY_INIT -> {
                fuel.cost();
                bulkMemory(op, r);
            }
            case DATA_DROP, ELEM_DROP -> {
                fuel.cost();
                loadInstance();
                c.intConst(r.index());
                c.invoke(INVOKESTATIC, OPS, op.name(), "(" + INSTANCE + "I)V");
            }
            case TABLE_GET, TABLE_SET, TABLE_SIZE, TABLE_GROW, TABLE_FILL, TABLE_COPY, TABLE_INIT -> {
                fuel.cost();
                table(op, r);
            }
            case I32_REINTERPRET_F32, I64_REINTERPRET_F64, F32_REINTERPRET_I32, F64_REINTERPRET_I64 -> fuel.cost();
            default -> {
                if (op.feature() == Feature.GC) {
                    fuel.cost();
                    gc.emit(op, r);
                } else if (op.prefix() == Opcode.PREFIX_FD) {
                    fuel.cost();
                    stack.pop(op.popCount());
                    for (int i = 0; i < op.pushCount(); i++) {
                        stack.push(JvmTypes.kind(op.push(i)));
                    }
                    vectors.emit(op, r);
                } else if (op.family() == Family.MEMORY) {
                    fuel.cost();
                    memory(op, r);
                } else {
                    fuel.cost();
                    numeric(op);
                }
            }
        }
    }

    FuncType blockType(CodeReader r) {
        if (r.blockValType() != null) {
            JvmTypes.kind(r.blockValType());
            return new FuncType(List.of(), List.of(r.blockValType()));
        }
        if (r.blockType() == CodeReader.BLOCK_EMPTY) {
            return new FuncType(List.of(), List.of());
        }
        FuncType t = module.types().get((int) r.blockType());
        JvmTypes.slots(t.params());
        JvmTypes.slots(t.results());
        return t;
    }

    // ---- variables and state ----

    void loadInstance() {
        loadContext();
        c.field(GETFIELD, CTX, "instance", INSTANCE);
    }

    /**
     * Pushes memory {@code index}: memory 0 from the local set at entry, any other (3.0, multiple
     * memories) from the context's memories array. A {@code Memory} object lives as long as its
     * instance (growth replaces its buffer, not the object), so neither goes stale; nothing is
     * allocated.
     */
    void loadMemory(int index) {
        if (index == 0) {
            c.local(ALOAD, memorySlot);
            return;
        }
        loadContext();
        c.field(GETFIELD, CTX, "memories", "[Ldev/sandpiper/interpreter/Memory;");
        c.intConst(index);
        c.op(AALOAD);
    }

    /**
     * Reads what every translation of function {@code funcIndex} needs from its code, once per
     * function: a split function is translated again for each of its regions.
     */
    private void readFacts(int funcIndex) {
        if (factsOf != funcIndex) {
            cachesMemory = accessesMemoryZero(funcIndex);
            tightLoops = TightLoops.of(module, funcIndex - module.importedFunctionCount());
            factsOf = funcIndex;
        }
    }

    /**
     * Whether the function loads or stores on memory 0 with 32-bit addresses: then it keeps that
     * memory's array and size in locals.
     */
    private boolean accessesMemoryZero(int funcIndex) {
        CodeReader r = module.codeReader(funcIndex - module.importedFunctionCount());
        while (r.hasNext()) {
            Opcode op = r.next();
            // A valid access names an existing memory; a module may have none.
            if (plainAccess(op) && r.memoryIndex() == 0) {
                return !wide.memory(0);
            }
        }
        return false;
    }

    /** A scalar load or store (not {@code memory.size}, {@code grow} or a bulk or vector instruction). */
    static boolean plainAccess(Opcode op) {
        return op.family() == Family.MEMORY && op.prefix() == 0 && op.memoryBytes() > 0;
    }

    /**
     * Reads memory 0's array and size into their locals: at entry, and again after anything that can
     * grow it (a call, which may reach {@code memory.grow} or the host; {@code memory.grow} itself).
     * Only this function's own thread can grow it (an instance belongs to one thread at a time), so
     * between those points the locals are current, and HotSpot keeps them in registers whatever a
     * loop's rare paths (the fuel poll) do to the heap.
     */
    void cacheMemory() {
        if (!cachesMemory) {
            return;
        }
        c.local(ALOAD, memorySlot);
        c.invoke(INVOKESTATIC, MEMORY_OPS, "bytes", "(" + MEMORY + ")[B");
        c.local(ASTORE, bytesSlot);
        c.local(ALOAD, memorySlot);
        c.invoke(INVOKESTATIC, MEMORY_OPS, "size", "(" + MEMORY + ")I");
        c.local(ISTORE, sizeSlot);
    }

    private void loadGlobal(int index) {
        c.local(ALOAD, globalsSlot);
        c.intConst(index);
        c.op(AALOAD);
    }

    /** Emits an instruction that may trap, as a fuel site of its own frame. */
    void trapping(Runnable emit) {
        Label s = fuel.startSite();
        emit.run();
        fuel.endSite(s, false);
    }

    /**
     * {@code memory.grow}, {@code fill}, {@code copy}, {@code init}. Memory 0 (for {@code copy}, both
     * memories 0) keeps TierOps' forms on the instance's memory 0; any other memory index (3.0) passes
     * the indices as constants to TierOps' indexed forms, which trap, limit and poll the same way.
     */
    private void bulkMemory(Opcode op, CodeReader r) {
        int mem = r.memoryIndex();
        if (wide.memory(mem) || op == Opcode.MEMORY_COPY && wide.memory(r.memoryIndex2())) {
            wide.bulkMemory(op, r);
            return;
        }
        boolean zero = mem == 0 && (op != Opcode.MEMORY_COPY || r.memoryIndex2() == 0);
        String ops = op == Opcode.MEMORY_GROW ? "I" : "III";
        String result = op == Opcode.MEMORY_GROW ? "I" : "V";
        stack.pop(ops.length());
        loadInstance();
        StringBuilder tail = new StringBuilder();
        if (op == Opcode.MEMORY_INIT) {
            c.intConst(r.index());
            tail.append('I');
        }
        if (!zero) {
            c.intConst(mem);
            tail.append('I');
            if (op == Opcode.MEMORY_COPY) {
                c.intConst(r.memoryIndex2());
                tail.append('I');
            }
        }
        String d = "(" + ops + INSTANCE + tail + ")" + result;
        trapping(() -> c.invoke(INVOKESTATIC, OPS, op.name(), d));
        if (op == Opcode.MEMORY_GROW) {
            if (mem == 0) {
                cacheMemory();
            }
            stack.push('I');
        }
    }

    private void memory(Opcode op, CodeReader r) {
        if (wide.memory(r.memoryIndex())) {
            wide.access(op, r);
            return;
        }
        int offset = (int) r.offset();
        String name = switch (op) {
            case F32_LOAD -> "I32_LOAD";
            case F64_LOAD -> "I64_LOAD";
            case F32_STORE -> "I32_STORE";
            case F64_STORE -> "I64_STORE";
            default -> op.name();
        };
        // Small offsets (nearly all) take TierMemory's range-check-shaped forms, the rest TierOps' long
        // ones; offset 0 in a small loop on memory 0 TierLoopMemory's (the array's check first).
        boolean small = Integer.toUnsignedLong(offset) < TierMemory.MAX_OFFSET;
        boolean loop = offset == 0 && r.memoryIndex() == 0 && tightLoops.contains(r.opcodeOffset());
        String owner = loop ? LOOP_MEMORY_OPS : small ? MEMORY_OPS : OPS;
        String off = loop ? "" : small ? "I" : "J";
        String where = small ? "[BI" : MEMORY;
        if (loop) {
            c.local(ALOAD, bytesSlot);
            c.local(ILOAD, sizeSlot);
        } else if (small) {
            c.intConst(offset);
            if (r.memoryIndex() == 0) {
                c.local(ALOAD, bytesSlot);
                c.local(ILOAD, sizeSlot);
            } else {
                // Another memory (3.0, multiple memories): its array and size read here.
                loadMemory(r.memoryIndex());
                c.op(DUP);
                c.invoke(INVOKESTATIC, MEMORY_OPS, "bytes", "(" + MEMORY + ")[B");
                c.op(SWAP);
                c.invoke(INVOKESTATIC, MEMORY_OPS, "size", "(" + MEMORY + ")I");
            }
        } else {
            c.longConst(Integer.toUnsignedLong(offset));
            loadMemory(r.memoryIndex());
        }
        if (op.pushCount() == 1) {
            char k = JvmTypes.kind(op.push(0));
            stack.pop();
            trapping(() -> c.invoke(INVOKESTATIC, owner, name, "(I" + off + where + ")" + k));
            stack.push(k);
        } else {
            char v = stack.pop();
            stack.pop();
            trapping(() -> c.invoke(INVOKESTATIC, owner, name, "(I" + v + off + where + ")V"));
        }
    }

    private void table(Opcode op, CodeReader r) {
        if (wide.table(op, r)) {
            return;
        }
        int a = r.index();
        int b = r.index2();
        String tail = INSTANCE + "I";
        switch (op) {
            case TABLE_GET -> {
                stack.pop();
                loadInstance();
                c.intConst(a);
                trapping(() -> c.invoke(INVOKESTATIC, OPS, "TABLE_GET", "(I" + tail + ")J"));
                stack.push('J');
            }
            case TABLE_SET -> {
                stack.pop(2);
                loadInstance();
                c.intConst(a);
                trapping(() -> c.invoke(INVOKESTATIC, OPS, "TABLE_SET", "(IJ" + tail + ")V"));
            }
            case TABLE_SIZE -> {
                loadInstance();
                c.intConst(a);
                c.invoke(INVOKESTATIC, OPS, "TABLE_SIZE", "(" + tail + ")I");
                stack.push('I');
            }
            case TABLE_GROW -> {
                stack.pop(2);
                loadInstance();
                c.intConst(a);
                trapping(() -> c.invoke(INVOKESTATIC, OPS, "TABLE_GROW", "(JI" + tail + ")I"));
                stack.push('I');
            }
            case TABLE_FILL -> {
                stack.pop(3);
                loadInstance();
                c.intConst(a);
                trapping(() -> c.invoke(INVOKESTATIC, OPS, "TABLE_FILL", "(IJI" + tail + ")V"));
            }
            case TABLE_COPY, TABLE_INIT -> {
                stack.pop(3);
                loadInstance();
                // table.copy dst src; table.init elem table: TierOps takes (table or dst, then src or segment).
                c.intConst(op == Opcode.TABLE_COPY ? a : b);
                c.intConst(op == Opcode.TABLE_COPY ? b : a);
                trapping(() -> c.invoke(INVOKESTATIC, OPS, op.name(), "(III" + tail + "I)V"));
            }
            default -> throw new IllegalStateException(op.toString());
        }
    }

    // ---- numeric instructions ----

    private void numeric(Opcode op) {
        if (isFusableCompare(op)) {
            stack.pop(op.popCount());
            stack.push('I');
            pendingCompare = op;
            return;
        }
        char[] pops = new char[op.popCount()];
        for (int i = pops.length - 1; i >= 0; i--) {
            pops[i] = stack.pop();
        }
        char result = JvmTypes.kind(op.push(0));
        stack.push(result);
        if (NumericInline.emit(c, op)) {
            return;
        }
        StringBuilder d = new StringBuilder("(");
        for (ValType t : op.pops()) {
            d.append(JvmTypes.kind(t));
        }
        d.append(')').append(result);
        if (canTrap(op)) {
            trapping(() -> c.invoke(INVOKESTATIC, NUMERIC, op.name(), d.toString()));
        } else {
            c.invoke(INVOKESTATIC, NUMERIC, op.name(), d.toString());
        }
    }

    private static boolean canTrap(Opcode op) {
        String n = op.name();
        return n.startsWith("I") && (n.contains("_DIV_") || n.contains("_REM_")
                || n.contains("_TRUNC_F") && !n.contains("_SAT_"));
    }

    private static boolean isFusableCompare(Opcode op) {
        return op.ordinal() >= Opcode.I32_EQZ.ordinal() && op.ordinal() <= Opcode.I64_GE_U.ordinal();
    }

    /** Emits the pending comparison as a jump to {@code target} taken when it holds (or fails). */
    private void jumpOnCompare(Opcode cmp, Label target, boolean whenTrue) {
        int jvm = Comparisons.emitOperands(c, cmp);
        c.jump(whenTrue ? jvm : Comparisons.negate(jvm), target);
    }

    private void materializeCompare() {
        Opcode cmp = pendingCompare;
        pendingCompare = null;
        if (Comparisons.emitValue(c, cmp)) {
            return;
        }
        int jvm = Comparisons.emitOperands(c, cmp);
        zeroOrOne(jvm);
    }

    /** Replaces the int on top (consumed by the conditional jump {@code jvm}) with 1 when it jumps, else 0. */
    void zeroOrOne(int jvm) {
        Label yes = new Label();
        Label done = new Label();
        c.jump(jvm, yes);
        c.op(ICONST_0);
        c.jump(GOTO, done);
        c.place(yes);
        c.op(ICONST_1);
        c.place(done);
    }

    /** Pops the i32 condition (or the pending comparison) and jumps to {@code target} when it is true (false). */
    private void branchOnCondition(Label target, boolean whenTrue) {
        stack.pop();
        if (pendingCompare != null) {
            Opcode cmp = pendingCompare;
            pendingCompare = null;
            jumpOnCompare(cmp, target, whenTrue);
        } else {
            c.jump(whenTrue ? IFNE : IFEQ, target);
        }
    }

    // ---- select ----

    /** Spec 2.0, 4.4.4: {@code select} keeps the first operand when the condition is non-zero. */
    private void select() {
        Label second = new Label();
        Label done = new Label();
        branchOnCondition(second, false);
        char k = stack.pop();
        boolean wide = k == 'J';
        discard(k);
        c.jump(GOTO, done);
        c.place(second);
        if (k == 'Q') {
            int s = scratch(4);
            store('Q', s);
            discard('Q');
            load('Q', s);
        } else if (wide) {
            c.op(DUP2_X2);
            c.op(POP2);
            c.op(POP2);
        } else {
            c.op(SWAP);
            c.op(POP);
        }
        c.place(done);
    }

    // ---- calls ----

    private void call(int funcIndex) {
        FuncType t = module.functionType(funcIndex);
        if (!JvmTypes.compilable(t)) {
            throw new Unsupported("calls a function the tier cannot call directly");
        }
        stack.pop(t.params().size());
        if (link.hasMethod[funcIndex]) {
            loadContext();
            c.local(ILOAD, nextDepthSlot);
            fuel.loadLeft();
            callSite(() -> {
                String method = funcIndex == self && selfCallee != null ? selfCallee : Linkage.function(funcIndex);
                c.invoke(INVOKESTATIC, link.owner, method, JvmTypes.function(t));
                if (link.tails.mayTail[funcIndex]) {
                    link.tails.afterCall(c, t, ctxSlot, () -> c.local(ILOAD, nextDepthSlot));
                }
            });
        } else {
            loadContext();
            c.field(GETFIELD, CTX, "functions", "[Ldev/sandpiper/interpreter/FunctionInstance;");
            c.intConst(funcIndex);
            c.op(AALOAD);
            loadContext();
            c.local(ILOAD, depthSlot);
            fuel.loadLeft();
            String name = link.bridge(t);
            callSite(() -> c.invoke(INVOKESTATIC, link.owner, name, Linkage.bridgeDescriptor(t)));
        }
        afterCall(t);
    }

    private void callIndirect(FuncType t, int typeIndex, int table) {
        wide.indirectIndex(table);
        dispatchedCall(t, () -> {
            c.intConst(table);
            c.intConst(link.typeIds[typeIndex]);
            c.invoke(INVOKESTATIC, RUNTIME, "indirect", "(IL" + CTX + ";II)I");
        });
    }

    /**
     * {@code call_ref} (spec 3.0, Execution > Instructions > {@code call_ref}): {@code call_indirect}
     * without the table, through the same dispatcher; the reference is the callee, null traps.
     */
    private void callRef(FuncType t) {
        dispatchedCall(t, () -> c.invoke(INVOKESTATIC, RUNTIME, "reference", "(JL" + CTX + ";)I"));
    }

    /**
     * A call through the dispatcher of type {@code t}: the callee operand (table index or reference)
     * is on top of the arguments; {@code lookup} turns it and the context into the dispatcher's
     * function index (or -1 with {@code Context.target} set), trapping as the interpreter does.
     */
    private void dispatchedCall(FuncType t, Runnable lookup) {
        if (!JvmTypes.compilable(t)) {
            throw new Unsupported("calls a function the tier cannot call directly");
        }
        stack.pop();
        stack.pop(t.params().size());
        loadContext();
        String name = link.dispatcher(t);
        // The lookup's traps are this frame's own; only the call itself can trap in a callee.
        trapping(lookup);
        loadContext();
        c.local(ILOAD, depthSlot);
        fuel.loadLeft();
        callSite(() -> c.invoke(INVOKESTATIC, link.owner, name, Linkage.dispatcherDescriptor(t)));
        afterCall(t);
    }

    private void callSite(Runnable emit) {
        fuel.publishLeft();
        Label s = fuel.startSite();
        emit.run();
        fuel.endSite(s, true);
    }

    /**
     * {@code return_call} of this function to itself (spec 3.0, Execution > Instructions >
     * {@code return_call}: the callee's frame replaces the caller's): the arguments become the
     * parameters, the other operands are dropped, and control jumps back to where the body starts,
     * which zeroes the declared locals and opens the entry block with its poll, as the interpreter's
     * tail call enters the callee's entry block. The depth (room) is the caller's, as in the
     * interpreter, and the JVM frame is reused: a million self tail calls run in constant space.
     */
    private void selfTailCall() {
        for (int i = type.params().size() - 1; i >= 0; i--) {
            stack.pop();
            store(localKind[i], localSlot[i]);
        }
        for (int i = 0; i < stack.size(); i++) {
            discard(stack.peek(i));
        }
        fuel.edge(bodyStart);
        c.jump(GOTO, bodyStart);
    }

    /**
     * {@code return_call} to another function (spec 3.0): to an imported one, a call and a return,
     * as in the interpreter (a host function or another instance's cannot replace this frame); to
     * one of this module, a pending tail call ({@link TailCalls}) the caller's trampoline runs at
     * this frame's depth.
     */
    private void tailCall(int funcIndex) {
        if (funcIndex < module.importedFunctionCount()) {
            call(funcIndex);
            emitReturn();
            return;
        }
        FuncType t = module.functionType(funcIndex);
        if (link.tails.refused[self] || !link.hasMethod[funcIndex]) {
            throw new Unsupported("tail-calls a function the tier cannot reach by a trampoline");
        }
        stack.pop(t.params().size());
        TailCalls.pend(c, t, ctxSlot, fuel::loadLeft, scratch(2), () -> c.intConst(funcIndex));
    }

    /**
     * {@code return_call_indirect} (spec 3.0): {@code call_indirect}'s checks and traps, then a
     * function of this instance becomes a pending tail call and any other (a host function,
     * another instance's) is called through the dispatcher's bridge and returned from.
     */
    private void tailCallIndirect(FuncType t, int typeIndex, int table) {
        wide.indirectIndex(table);
        dispatchedTailCall(t, () -> {
            c.intConst(table);
            c.intConst(link.typeIds[typeIndex]);
            c.invoke(INVOKESTATIC, RUNTIME, "tailIndirect", "(IL" + CTX + ";II)I");
        });
    }

    /** {@code return_call_ref} (spec 3.0): {@code return_call_indirect} of the referenced function. */
    private void tailCallRef(FuncType t) {
        dispatchedTailCall(t, () -> c.invoke(INVOKESTATIC, RUNTIME, "tailReference", "(JL" + CTX + ";)I"));
    }

    /**
     * A tail call whose callee {@code lookup} finds (as {@link #dispatchedCall}'s, but any function
     * of this instance counts): one of this instance becomes a pending tail call, any other is
     * called through the dispatcher's bridge and returned from.
     */
    private void dispatchedTailCall(FuncType t, Runnable lookup) {
        if (link.tails.refused[self] || !JvmTypes.compilable(t)) {
            throw new Unsupported("tail-calls a function the tier cannot reach by a trampoline");
        }
        stack.pop();
        stack.pop(t.params().size());
        int target = scratch(3);
        loadContext();
        trapping(lookup);
        c.local(ISTORE, target);
        Label pending = new Label();
        c.local(ILOAD, target);
        c.jump(IFGE, pending);
        c.local(ILOAD, target);
        loadContext();
        c.local(ILOAD, depthSlot);
        fuel.loadLeft();
        String name = link.dispatcher(t);
        callSite(() -> c.invoke(INVOKESTATIC, link.owner, name, Linkage.dispatcherDescriptor(t)));
        afterCall(t);
        emitReturn();
        c.place(pending);
        TailCalls.pend(c, t, ctxSlot, fuel::loadLeft, target + 1, () -> c.local(ILOAD, target));
    }

    /** After a call: the fuel the callee left, and results beyond the first from the context. */
    private void afterCall(FuncType t) {
        if (!JvmTypes.returnsFuel(t)) {
            loadContext();
            c.field(GETFIELD, CTX, "left", "I");
        }
        fuel.storeLeft();
        cacheMemory();
        List<ValType> results = t.results();
        if (results.size() > 1) {
            int entry = 0;
            for (ValType v : results) {
                entry = JvmTypes.loadResult(c, ctxSlot, JvmTypes.kind(v), entry);
            }
        } else if (JvmTypes.returnKind(t) == 'Q') {
            loadContext();
            c.field(GETFIELD, CTX, "high", "J");
        }
        for (ValType v : results) {
            stack.push(JvmTypes.kind(v));
        }
    }

    /** Returns the function's results, which are on top of the stack (anything below is discarded). */
    void emitReturn() {
        if (helper != null) {
            regions.exit(helper, 0);
            return;
        }
        List<ValType> results = type.results();
        if (results.size() > 1) {
            int temp = tempTop;
            for (int i = results.size() - 1; i >= 0; i--) {
                char k = JvmTypes.kind(results.get(i));
                // Entry by entry from the top: a v128's high half first, then its low half.
                for (int e = JvmTypes.entries(k) - 1; e >= 0; e--) {
                    boolean wide = k != 'I';
                    c.local(wide ? LSTORE : ISTORE, temp);
                    loadContext();
                    c.field(GETFIELD, CTX, "results", "[J");
                    c.intConst(JvmTypes.resultEntry(type, i) + e);
                    c.local(wide ? LLOAD : ILOAD, temp);
                    if (!wide) {
                        c.op(I2L);
                    }
                    c.op(LASTORE);
                }
            }
            c.reserveLocals(temp + 2);
        } else if (JvmTypes.returnKind(type) == 'Q') {
            // [lo hi ctx] -> [ctx hi ctx] -> [ctx hi]: the high half to the context, the low returned.
            loadContext();
            c.op(DUP_X2);
            c.op(POP);
            c.field(PUTFIELD, CTX, "high", "J");
        }
        if (results.size() == 1) {
            loadContext();
            fuel.loadLeft();
            c.field(PUTFIELD, CTX, "left", "I");
            c.op(JvmTypes.kind(results.get(0)) == 'I' ? IRETURN : LRETURN);
        } else {
            fuel.loadLeft(); // JvmTypes.returnsFuel
            c.op(IRETURN);
        }
    }

    // ---- control ----

    /**
     * Moves the label values of frame {@code f} down to its base, dropping what lies between, on
     * the current path only; the tracked operand types are left as they are.
     */
    private void dropToLabel(int f) {
        List<ValType> types = frames.labelTypes(f);
        int keep = types.size();
        int extra = stack.size() - frames.height(f) - keep;
        if (extra == 0) {
            return;
        }
        int temp = tempTop;
        int[] slots = new int[keep];
        for (int i = keep - 1; i >= 0; i--) {
            char k = stack.peek(keep - 1 - i);
            slots[i] = temp;
            store(k, temp);
            temp += Math.max(2, JvmTypes.slots(k));
        }
        c.reserveLocals(temp);
        for (int i = 0; i < extra; i++) {
            discard(stack.peek(keep + i));
        }
        for (int i = 0; i < keep; i++) {
            char k = stack.peek(keep - 1 - i);
            load(k, slots[i]);
        }
    }

    /** An unconditional branch to frame {@code f} (frame 0: return). */
    void branch(int f) {
        if (frames.kind(f) == Frames.EXIT) {
            regions.exit(helper, f);
            return;
        }
        if (frames.kind(f) == Frames.FUNC) {
            emitReturn();
            return;
        }
        dropToLabel(f);
        fuel.edge(frames.label(f));
        c.jump(GOTO, frames.label(f));
        frames.markBranched(f);
    }

    private void branchIf(int f) {
        boolean simple = frames.kind(f) != Frames.FUNC && frames.kind(f) != Frames.EXIT
                && stack.size() - 1 - frames.height(f) == frames.labelTypes(f).size();
        if (simple) {
            fuel.conditionalEdge(frames.label(f), () -> branchOnCondition(frames.label(f), true));
            frames.markBranched(f);
            return;
        }
        Label skip = new Label();
        branchOnCondition(skip, false);
        int depth = c.stackDepth();
        branch(f);
        c.place(skip);
        c.stackDepth(depth);
    }

    /**
     * {@code br_on_null} (a null reference is dropped and the branch taken; otherwise it stays) and
     * {@code br_on_non_null} (a non-null reference goes to the label with the values under it;
     * a null one is dropped). Spec: 3.0, Execution > Instructions > Control Instructions.
     */
    private void branchOnNull(int f, boolean onNull) {
        Label skip = new Label();
        c.op(DUP2);
        c.longConst(Table.NULL);
        c.op(LCMP);
        c.jump(onNull ? IFNE : IFEQ, skip);
        int depth = c.stackDepth();
        char k = stack.peek(0);
        if (onNull) {
            stack.pop();
            discard(k);
        }
        branch(f);
        if (onNull) {
            stack.push(k);
        }
        c.place(skip);
        c.stackDepth(depth);
        if (!onNull) {
            stack.pop();
            discard(k);
        }
    }

    /**
     * {@code br_on_cast} ({@code onSuccess}) and {@code br_on_cast_fail}: the test's int is on top of
     * the reference, which goes to the label with the values under it when the test is 1 (0), and
     * otherwise stays for the fall-through (spec 3.0, Execution > Instructions > {@code br_on_cast}).
     */
    private void branchOnTest(int f, boolean onSuccess) {
        Label skip = new Label();
        c.jump(onSuccess ? IFEQ : IFNE, skip);
        int depth = c.stackDepth();
        branch(f);
        c.place(skip);
        c.stackDepth(depth);
    }

    private void brTable(CodeReader r) {
        stack.pop();
        int n = r.tableCount();
        Label[] targets = new Label[n];
        Label dflt = new Label();
        int depth = c.stackDepth() - 1;
        java.util.Map<Integer, Label> stubs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            targets[i] = stubs.computeIfAbsent(r.tableTarget(i), k -> new Label());
        }
        stubs.putIfAbsent(r.index(), dflt);
        Label defaultLabel = stubs.get(r.index());
        if (n == 0) {
            c.op(POP);
            c.jump(GOTO, defaultLabel);
        } else {
            c.tableSwitch(0, n - 1, defaultLabel, targets);
        }
        for (java.util.Map.Entry<Integer, Label> e : stubs.entrySet()) {
            c.place(e.getValue());
            c.stackDepth(depth);
            branch(frames.frameOfLabel(e.getKey()));
        }
    }

    private void enterElse() {
        int f = frames.innermost();
        if (live) {
            fuel.edge(frames.label(f));
            c.jump(GOTO, frames.label(f));
            frames.markBranched(f);
        }
        fuel.close();
        Label elseLabel = frames.elseLabel(f);
        c.place(elseLabel);
        c.stackDepth(frames.baseSlots(f) + JvmTypes.slots(frames.params(f)));
        frames.clearElse(f);
        resetOperands(f, frames.params(f));
        fuel.start(false, false, elseLabel);
        live = true;
    }

    void end() {
        int f = frames.innermost();
        if (sizes != null && frames.source(f) >= 0) {
            sizes.put(frames.source(f), new int[] {frames.codeAt(f), c.length() - frames.codeAt(f)});
        }
        exceptions.beforeEnd(f);
        int kind = frames.kind(f);
        if (kind == Frames.FUNC) {
            // Branches to the function's label return directly, so only the fall-through reaches here.
            if (live) {
                emitReturn();
            }
            fuel.close();
            frames.pop();
            live = false;
            return;
        }
        boolean reachable = live || frames.branched(f) || frames.elseLabel(f) != null;
        // The interpreter opens a new block where a branch, or the false path of an if without
        // else, meets the code; an else-arm runs on into the code after end when nothing else does.
        boolean merge = frames.branched(f) || frames.elseLabel(f) != null;
        if (merge) {
            fuel.close();
        }
        if (merge && reachable) {
            Label elseLabel = frames.elseLabel(f);
            if (elseLabel != null) {
                c.place(elseLabel);
            }
            c.place(frames.label(f));
            c.stackDepth(frames.baseSlots(f) + JvmTypes.slots(frames.results(f)));
            fuel.start(false, live, frames.label(f), elseLabel == null ? frames.label(f) : elseLabel);
        }
        if (reachable) {
            resetOperands(f, frames.results(f));
        }
        frames.pop();
        live = reachable;
    }

    void resetOperands(int f, List<ValType> types) {
        stack.truncate(frames.height(f));
        for (ValType t : types) {
            stack.push(JvmTypes.kind(t));
        }
    }

    /** Unreachable code: only its structure matters (a legacy catch arm after a dead try body is reachable). */
    private void skipDead(Opcode op, CodeReader r) {
        switch (op) {
            case BLOCK, LOOP, IF, TRY_TABLE, TRY -> deadNesting++;
            case ELSE -> {
                if (deadNesting == 0) {
                    enterElse();
                }
            }
            case CATCH, CATCH_ALL -> {
                if (deadNesting == 0) {
                    exceptions.instruction(op, r);
                }
            }
            case END, DELEGATE -> {
                if (deadNesting > 0) {
                    deadNesting--;
                } else if (op == Opcode.DELEGATE) {
                    exceptions.instruction(op, r);
                } else {
                    end();
                }
            }
            default -> { }
        }
    }

    // ---- for ExceptionInstructions ----

    FuelBlocks fuel() {
        return fuel;
    }

    Frames frames() {
        return frames;
    }

    Module module() {
        return module;
    }

    boolean isLive() {
        return live;
    }

    void setLive(boolean reachable) {
        live = reachable;
    }

    /** Keeps the local slots below {@code top} from the temporaries of later instructions. */
    void reserveTemps(int top) {
        c.reserveLocals(top);
        tempTop = top;
    }

    /** Frees the slots {@link #reserveTemps} kept, from {@code top} up. */
    void releaseTemps(int top) {
        tempTop = top;
    }

    // ---- outlined regions (Outliner, RegionCode) ----

    /** The locals of a region's method: its operands, then the WebAssembly locals it uses, then the usual tail. */
    private void layoutRegion(FunctionBody body) {
        int n = type.params().size() + body.locals().length;
        localSlot = new int[n];
        localKind = new char[n];
        for (int k = 0; k < n; k++) {
            localKind[k] = JvmTypes.kind(k < type.params().size() ? type.params().get(k)
                    : body.locals()[k - type.params().size()]);
            localSlot[k] = -1;
        }
        int slot = JvmTypes.slots(helper.block.params()) + (helper.isIf ? 1 : 0);
        for (int i : helper.locals) {
            localSlot[i] = slot;
            slot += JvmTypes.slots(localKind[i]);
        }
        tempBase = layoutFrameSlots(slot);
        tempTop = tempBase;
    }

    /**
     * Places the frame's own locals from {@code slot} on: the context, the room (depth), fuel left,
     * the memory, the globals, the callee's room, the trap handlers' refund (slot + 6), memory 0's
     * array and size. Returns the first slot after them.
     */
    private int layoutFrameSlots(int slot) {
        ctxSlot = slot;
        depthSlot = slot + 1;
        leftSlot = slot + 2;
        memorySlot = slot + 3;
        globalsSlot = slot + 4;
        nextDepthSlot = slot + 5;
        bytesSlot = slot + 7;
        sizeSlot = slot + 8;
        c.reserveLocals(slot + 9);
        return slot + 9;
    }

    int localSlot(int local) {
        return localSlot[local];
    }

    char localKind(int local) {
        return localKind[local];
    }

    /** The room left under the depth limit ({@code room}), passed on to a region's method. */
    int depthSlot() {
        return depthSlot;
    }

    /** The first local slot free for temporaries. */
    int tempTop() {
        return tempTop;
    }

    /** The class's name, for calls of a region's method. */
    String owner() {
        return link.owner;
    }
}
