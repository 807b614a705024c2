package dev.sandpiper.compiler.classfile;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytecode of one method body being written (the {@code code} array of a Code attribute, JVMS 4.7.3) together
 * with its exception table, the operand-stack depth ({@code max_stack}) and the local-variable count
 * ({@code max_locals}).
 *
 * <p><b>Branches.</b> With {@code wideJumps == false} branches carry 16-bit offsets; if one does not fit,
 * {@link #bytes()} (and so {@link ClassWriter#addMethod(int, String, String, Code)}) throws
 * {@link BranchOutOfRangeException} and the caller generates the method again with {@code wideJumps == true}. Then
 * every {@code goto} is written as {@code goto_w} and every conditional {@code if<cond> L} as the inverted condition
 * jumping over a {@code goto_w L}. {@code jsr}/{@code ret} are never used.
 *
 * <p><b>Stack depth.</b> Each instruction adjusts the tracked depth by its stack effect (JVMS 6.5; long and double
 * take two slots; field and invoke instructions from their descriptors). After an unconditional transfer
 * ({@code goto}, {@code athrow}, a return, a switch) the code is unreachable and the depth reads 0. Placing a label
 * that has an entry depth makes the code reachable again with that depth: the depth recorded at the first branch
 * to it, or 1 for an exception handler registered with {@link #tryCatch} before it is placed. A label placed in
 * unreachable code that nothing has branched to yet (so it has no entry depth) leaves the code unreachable: only
 * later backward branches could enter it. {@link #stackDepth(int)} sets the depth and makes the code reachable, for
 * a label whose entries the caller knows better (a handler registered after it is placed, for instance).
 * Instructions in unreachable code are written but not checked. In reachable code, branching to a label with a
 * depth other than its recorded one, falling through into a label with another depth, or a net underflow of the
 * operand stack throws {@link IllegalStateException} (the verifier would reject all three).
 *
 * <p><b>Locals.</b> {@code max_locals} covers every local index used (two slots for long and double). The caller
 * must call {@link #reserveLocals(int)} with the parameter slots of the method (plus one for {@code this} of an
 * instance method), since parameters need not be touched by any instruction.
 */
public final class Code {
    private static final int MAX_CODE_LENGTH = 65535;

    /** An exception-table entry (JVMS 4.7.3); {@code catchType} 0 catches everything. */
    private record Handler(Label start, Label end, Label handler, int catchType) {
    }

    private final ConstantPool pool;
    private final boolean wideJumps;
    private final ByteVector code = new ByteVector(256);
    private final List<Label> pending = new ArrayList<>();
    private final List<Handler> handlers = new ArrayList<>();
    private int depth;
    private int maxStack;
    private int maxLocals;
    private boolean reachable = true;
    private String overflow;

    public Code(ConstantPool pool, boolean wideJumps) {
        this.pool = pool;
        this.wideJumps = wideJumps;
    }

    /** The constant pool the instructions refer to; it must be the pool of the class the method goes into. */
    public ConstantPool pool() {
        return pool;
    }

    /** Whether branches are written with 32-bit offsets. */
    public boolean wideJumps() {
        return wideJumps;
    }

    // ---- instructions without operands

    /**
     * Any instruction without operands ({@code iadd}, {@code lcmp}, {@code dup2_x1}, {@code ireturn},
     * {@code athrow}, {@code iaload}, {@code iload_0} ...).
     *
     * @throws IllegalArgumentException for an opcode that takes operands
     */
    public void op(int opcode) {
        int effect = StackEffects.of(opcode);
        if (effect == StackEffects.HAS_OPERANDS) {
            throw new IllegalArgumentException("opcode " + opcode + " takes operands; use its own method");
        }
        if (opcode >= ILOAD_0 && opcode <= ALOAD_3) {
            useLocal((opcode - ILOAD_0) & 3, width((opcode - ILOAD_0) >> 2));
        } else if (opcode >= ISTORE_0 && opcode <= ASTORE_3) {
            useLocal((opcode - ISTORE_0) & 3, width((opcode - ISTORE_0) >> 2));
        }
        int at = code.size();
        code.u1(opcode);
        adjust(effect, at);
        if (StackEffects.endsBlock(opcode)) {
            unreachable();
        }
    }

    // ---- constants

    /** Pushes an int with the shortest form: {@code iconst_<i>}, {@code bipush}, {@code sipush} or {@code ldc}. */
    public void intConst(int v) {
        if (v >= -1 && v <= 5) {
            op(ICONST_0 + v);
        } else if (v == (byte) v) {
            emit2(BIPUSH, v & 0xFF);
        } else if (v == (short) v) {
            int at = code.size();
            code.u1(SIPUSH).u2(v);
            adjust(1, at);
        } else {
            ldc(pool.integer(v), 1);
        }
    }

    /** Pushes a long: {@code lconst_<l>} or {@code ldc2_w}. */
    public void longConst(long v) {
        if (v == 0 || v == 1) {
            op(LCONST_0 + (int) v);
        } else {
            ldc(pool.longConst(v), 2);
        }
    }

    /** Pushes a float with exactly the bits of {@code v}: {@code fconst_<f>} for +0.0, 1.0 and 2.0, else {@code ldc}. */
    public void floatConst(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (bits == 0) {
            op(FCONST_0);
        } else if (bits == Float.floatToRawIntBits(1f)) {
            op(FCONST_1);
        } else if (bits == Float.floatToRawIntBits(2f)) {
            op(FCONST_2);
        } else {
            ldc(pool.floatConst(v), 1);
        }
    }

    /** Pushes a double with exactly the bits of {@code v}: {@code dconst_<d>} for +0.0 and 1.0, else {@code ldc2_w}. */
    public void doubleConst(double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (bits == 0) {
            op(DCONST_0);
        } else if (bits == Double.doubleToRawLongBits(1d)) {
            op(DCONST_1);
        } else {
            ldc(pool.doubleConst(v), 2);
        }
    }

    /** Pushes a String constant with {@code ldc} or {@code ldc_w}. */
    public void stringConst(String s) {
        ldc(pool.string(s), 1);
    }

    /** Pushes a {@code Class} constant with {@code ldc} or {@code ldc_w} (allowed from class-file version 49). */
    public void classConst(String internalName) {
        ldc(pool.classRef(internalName), 1);
    }

    /** Pushes the one-slot constant (int, float, String or Class) at pool {@code index}: {@code ldc} or {@code ldc_w}. */
    public void ldc(int index) {
        ldc(index, 1);
    }

    /** Pushes the long or double constant at pool {@code index} with {@code ldc2_w}. */
    public void ldc2(int index) {
        ldc(index, 2);
    }

    /**
     * Writes {@code ldc2_w} with a pool index still to be decided (a long or double constant, pushing two slots)
     * and returns the offset of its u2 operand, to be set with {@link #patchU2(int, int)} before {@link #bytes()}.
     */
    public int longConstPlaceholder() {
        int at = code.size();
        code.u1(LDC2_W).u2(0);
        adjust(2, at);
        return at + 1;
    }

    /** Overwrites the two bytes at {@code offset} (already written) with {@code value}, big-endian. */
    public void patchU2(int offset, int value) {
        if (offset < 0 || offset + 2 > code.size()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside the code");
        }
        code.putU2At(offset, value);
    }

    /** Reads the unsigned two bytes at {@code offset}, big-endian. */
    public int readU2(int offset) {
        if (offset < 0 || offset + 2 > code.size()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside the code");
        }
        return code.u2At(offset);
    }

    private void ldc(int index, int slots) {
        int at = code.size();
        if (slots == 2) {
            code.u1(LDC2_W).u2(index);
        } else if (index < 256) {
            code.u1(LDC).u1(index);
        } else {
            code.u1(LDC_W).u2(index);
        }
        adjust(slots, at);
    }

    // ---- locals

    /**
     * A load or store of a local variable ({@code iload} ... {@code aload}, {@code istore} ... {@code astore}),
     * written as {@code <x>load_<n>} for indices 0 to 3 and with a {@code wide} prefix above 255.
     */
    public void local(int opcode, int index) {
        boolean load;
        int kind;
        if (opcode >= ILOAD && opcode <= ALOAD) {
            load = true;
            kind = opcode - ILOAD;
        } else if (opcode >= ISTORE && opcode <= ASTORE) {
            load = false;
            kind = opcode - ISTORE;
        } else {
            throw new IllegalArgumentException("not a load or store opcode: " + opcode);
        }
        int width = width(kind);
        useLocal(index, width);
        int at = code.size();
        if (index <= 3) {
            code.u1((load ? ILOAD_0 : ISTORE_0) + 4 * kind + index);
        } else if (index <= 255) {
            code.u1(opcode).u1(index);
        } else {
            code.u1(WIDE).u1(opcode).u2(index);
        }
        adjust(load ? width : -width, at);
    }

    /** Adds {@code delta} to int local {@code index}: {@code iinc}, or {@code wide iinc} for a large index or delta. */
    public void iinc(int index, int delta) {
        if (delta != (short) delta) {
            throw new IllegalArgumentException("iinc delta out of range: " + delta);
        }
        useLocal(index, 1);
        if (index <= 255 && delta == (byte) delta) {
            code.u1(IINC).u1(index).u1(delta);
        } else {
            code.u1(WIDE).u1(IINC).u2(index).u2(delta);
        }
    }

    /** A {@code sipush} whose value is patched later ({@link #patchU2}); returns the offset of the value. */
    public int sipushPlaceholder() {
        int at = code.size();
        code.u1(SIPUSH).u2(0);
        adjust(1, at);
        return at + 1;
    }

    /**
     * A {@code wide iinc} of int local {@code index} whose delta is patched later ({@link #patchU2});
     * returns the offset of the delta.
     */
    public int iincPlaceholder(int index) {
        useLocal(index, 1);
        code.u1(WIDE).u1(IINC).u2(index).u2(0);
        return code.size() - 2;
    }

    /**
     * A plain {@code iinc} of int local {@code index} (at most 255) whose delta is patched later
     * ({@link #patchU1}, -128..127); returns the offset of the delta.
     */
    public int iincShortPlaceholder(int index) {
        if (index > 255) {
            throw new IllegalArgumentException("a plain iinc takes locals up to 255, not " + index);
        }
        useLocal(index, 1);
        code.u1(IINC).u1(index).u1(0);
        return code.size() - 1;
    }

    /** Overwrites the byte at {@code offset} (already written) with {@code value}. */
    public void patchU1(int offset, int value) {
        if (offset < 0 || offset >= code.size()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside the code");
        }
        code.putU1At(offset, value);
    }

    /**
     * Raises {@code max_locals} to at least {@code n}. The caller calls this with the method's parameter slots
     * (long and double count two, plus one for {@code this}) and may use it for any other locals it reserves.
     */
    public void reserveLocals(int n) {
        if (n < 0 || n > 65535) {
            throw new IllegalArgumentException("locals out of range: " + n);
        }
        maxLocals = Math.max(maxLocals, n);
    }

    private static int width(int kind) {
        return kind == 1 || kind == 3 ? 2 : 1; // kinds in order i, l, f, d, a
    }

    private void useLocal(int index, int width) {
        if (index < 0 || index + width > 65535) {
            throw new IllegalArgumentException("local index out of range: " + index);
        }
        maxLocals = Math.max(maxLocals, index + width);
    }

    // ---- fields, methods, types

    /** {@code getstatic}, {@code putstatic}, {@code getfield} or {@code putfield}. */
    public void field(int opcode, String owner, String name, String descriptor) {
        int slots = Descriptors.slots(descriptor);
        int effect = switch (opcode) {
            case GETSTATIC -> slots;
            case PUTSTATIC -> -slots;
            case GETFIELD -> slots - 1;
            case PUTFIELD -> -slots - 1;
            default -> throw new IllegalArgumentException("not a field opcode: " + opcode);
        };
        int at = code.size();
        code.u1(opcode).u2(pool.fieldRef(owner, name, descriptor));
        adjust(effect, at);
    }

    /**
     * {@code invokestatic}, {@code invokevirtual}, {@code invokespecial} on a class method, or
     * {@code invokeinterface} on an interface method.
     */
    public void invoke(int opcode, String owner, String name, String descriptor) {
        invoke(opcode, owner, name, descriptor, opcode == INVOKEINTERFACE);
    }

    /**
     * An invoke instruction; {@code ownerIsInterface} selects a CONSTANT_InterfaceMethodref (required for
     * {@code invokeinterface}; note that version-49 classes cannot call static or private interface methods).
     */
    public void invoke(int opcode, String owner, String name, String descriptor, boolean ownerIsInterface) {
        if (opcode < INVOKEVIRTUAL || opcode > INVOKEINTERFACE) {
            throw new IllegalArgumentException("not an invoke opcode: " + opcode);
        }
        if (opcode == INVOKEINTERFACE && !ownerIsInterface) {
            throw new IllegalArgumentException("invokeinterface needs an interface owner");
        }
        int args = Descriptors.argumentSlots(descriptor) + (opcode == INVOKESTATIC ? 0 : 1);
        int index = ownerIsInterface
                ? pool.interfaceMethodRef(owner, name, descriptor)
                : pool.methodRef(owner, name, descriptor);
        int at = code.size();
        code.u1(opcode).u2(index);
        if (opcode == INVOKEINTERFACE) {
            code.u1(args).u1(0); // count byte, JVMS 6.5.invokeinterface
        }
        adjust(-args, at);
        adjust(Descriptors.returnSlots(descriptor), at);
    }

    /** {@code new}, {@code checkcast}, {@code instanceof} or {@code anewarray} of a class or array type. */
    public void type(int opcode, String internalName) {
        int effect = switch (opcode) {
            case NEW -> 1;
            case CHECKCAST, INSTANCEOF, ANEWARRAY -> 0;
            default -> throw new IllegalArgumentException("not a type opcode: " + opcode);
        };
        int at = code.size();
        code.u1(opcode).u2(pool.classRef(internalName));
        adjust(effect, at);
    }

    /** {@code newarray} of a primitive type, {@code atype} one of {@code Opcodes.T_BOOLEAN} ... {@code T_LONG}. */
    public void newArray(int atype) {
        if (atype < T_BOOLEAN || atype > T_LONG) {
            throw new IllegalArgumentException("bad newarray atype: " + atype);
        }
        code.u1(NEWARRAY).u1(atype); // count in, array reference out
        adjust(0, code.size() - 2);
    }

    /** {@code multianewarray} of array type {@code descriptor} with {@code dimensions} counts on the stack. */
    public void multiNewArray(String descriptor, int dimensions) {
        if (dimensions < 1 || dimensions > 255) {
            throw new IllegalArgumentException("bad dimensions: " + dimensions);
        }
        int at = code.size();
        code.u1(MULTIANEWARRAY).u2(pool.classRef(descriptor)).u1(dimensions);
        adjust(1 - dimensions, at);
    }

    private void emit2(int opcode, int operand) {
        int at = code.size();
        code.u1(opcode).u1(operand);
        adjust(1, at);
    }

    // ---- control flow

    /** A branch: {@code goto}, {@code goto_w}, {@code if<cond>}, {@code if_icmp<cond>}, {@code if_acmp<cond>}, {@code ifnull}, {@code ifnonnull}. */
    public void jump(int opcode, Label target) {
        int pops;
        if ((opcode >= IFEQ && opcode <= IFLE) || opcode == IFNULL || opcode == IFNONNULL) {
            pops = 1;
        } else if (opcode >= IF_ICMPEQ && opcode <= IF_ACMPNE) {
            pops = 2;
        } else if (opcode == GOTO || opcode == GOTO_W) {
            pops = 0;
        } else {
            throw new IllegalArgumentException("not a branch opcode: " + opcode);
        }
        claim(target);
        int at = code.size();
        adjust(-pops, at);
        enter(target);
        if (pops == 0) {
            if (wideJumps || opcode == GOTO_W) {
                code.u1(GOTO_W);
                reference(target, at, 4);
            } else {
                code.u1(GOTO);
                reference(target, at, 2);
            }
            unreachable();
        } else if (wideJumps) {
            code.u1(invert(opcode)).u2(3 + 5); // skip this instruction and the goto_w
            int gotoAt = code.size();
            code.u1(GOTO_W);
            reference(target, gotoAt, 4);
        } else {
            code.u1(opcode);
            reference(target, at, 2);
        }
    }

    /** The conditional branch taken exactly when {@code opcode}'s is not. */
    static int invert(int opcode) {
        if (opcode >= IFEQ && opcode <= IFLE) {
            return IFEQ + ((opcode - IFEQ) ^ 1);
        }
        if (opcode >= IF_ICMPEQ && opcode <= IF_ACMPNE) {
            return IF_ICMPEQ + ((opcode - IF_ICMPEQ) ^ 1);
        }
        if (opcode == IFNULL || opcode == IFNONNULL) {
            return opcode ^ (IFNULL ^ IFNONNULL);
        }
        throw new IllegalArgumentException("not a conditional branch: " + opcode);
    }

    /**
     * Binds {@code label} to the current position. The code is reachable afterwards if it was before or if the
     * label has an entry depth (a branch to it was written, or it is a registered exception handler).
     */
    public void place(Label label) {
        claim(label);
        if (label.position >= 0) {
            throw new IllegalStateException("label already placed at " + label.position);
        }
        int here = code.size();
        if (label.depth >= 0) {
            if (reachable && depth != label.depth) {
                throw new IllegalStateException("fall-through stack depth " + depth + " at offset " + here
                        + " differs from the depth " + label.depth + " the label is entered with");
            }
            depth = label.depth;
            reachable = true;
        } else if (reachable) {
            label.depth = depth;
        }
        maxStack = Math.max(maxStack, depth);
        label.position = here;
        for (int i = 0; i < label.fixupCount(); i++) {
            patch(label, label.fixupInstruction(i), label.fixupPatch(i), label.fixupWidth(i));
        }
        label.clearFixups();
    }

    /** A {@code tableswitch} over {@code low..high}; {@code targets.length == high - low + 1}. */
    public void tableSwitch(int low, int high, Label dflt, Label[] targets) {
        if (high < low || targets.length != (long) high - low + 1) {
            throw new IllegalArgumentException("tableswitch " + low + ".." + high + " with " + targets.length
                    + " targets");
        }
        int at = code.size();
        adjust(-1, at);
        claim(dflt);
        enter(dflt);
        for (Label target : targets) {
            claim(target);
            enter(target);
        }
        code.u1(TABLESWITCH);
        pad();
        reference(dflt, at, 4);
        code.u4(low).u4(high);
        for (Label target : targets) {
            reference(target, at, 4);
        }
        unreachable();
    }

    /** A {@code lookupswitch}; the pairs are sorted by key here, duplicate keys are rejected. */
    public void lookupSwitch(Label dflt, int[] keys, Label[] targets) {
        if (keys.length != targets.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + targets.length + " targets");
        }
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(keys[a], keys[b]));
        for (int i = 1; i < order.length; i++) {
            if (keys[order[i]] == keys[order[i - 1]]) {
                throw new IllegalArgumentException("duplicate lookupswitch key " + keys[order[i]]);
            }
        }
        int at = code.size();
        adjust(-1, at);
        claim(dflt);
        enter(dflt);
        for (Label target : targets) {
            claim(target);
            enter(target);
        }
        code.u1(LOOKUPSWITCH);
        pad();
        reference(dflt, at, 4);
        code.u4(keys.length);
        for (int i : order) {
            code.u4(keys[i]);
            reference(targets[i], at, 4);
        }
        unreachable();
    }

    /**
     * Adds an exception-table entry: exceptions of {@code catchTypeOrNull} (an internal name; null catches any)
     * thrown in {@code [start, end)} go to {@code handler}. Entries are searched in the order they are added
     * (JVMS 2.10), so inner ranges are registered first. Empty ranges are left out of the class file. If the
     * handler is not placed yet, placing it sets the stack depth to 1 (the exception); otherwise the caller sets it.
     */
    public void tryCatch(Label start, Label end, Label handler, String catchTypeOrNull) {
        claim(start);
        claim(end);
        claim(handler);
        if (!handler.isPlaced()) {
            if (handler.depth >= 0 && handler.depth != 1) {
                throw new IllegalStateException("a handler label is entered with stack depth 1, not "
                        + handler.depth);
            }
            handler.depth = 1;
        }
        handler.handler = true;
        int type = catchTypeOrNull == null ? 0 : pool.classRef(catchTypeOrNull);
        handlers.add(new Handler(start, end, handler, type));
    }

    private void pad() {
        while (code.size() % 4 != 0) {
            code.u1(0); // JVMS 6.5.tableswitch: 0-3 bytes so the operands start at a multiple of 4
        }
    }

    /** Records the stack depth a branch enters {@code label} with. */
    private void enter(Label label) {
        if (!reachable) {
            return;
        }
        if (label.depth < 0) {
            label.depth = depth;
        } else if (label.depth != depth) {
            throw new IllegalStateException("branch at offset " + code.size() + " with stack depth " + depth
                    + " to a label entered with depth " + label.depth);
        }
    }

    private void reference(Label label, int instruction, int width) {
        int at = code.size();
        if (width == 2) {
            code.u2(0);
        } else {
            code.u4(0);
        }
        if (label.isPlaced()) {
            patch(label, instruction, at, width);
        } else {
            label.addFixup(instruction, at, width);
            if (label.fixupCount() == 1) {
                pending.add(label);
            }
        }
    }

    private void patch(Label label, int instruction, int at, int width) {
        int offset = label.position - instruction;
        if (width == 4) {
            code.putU4At(at, offset);
        } else if (offset == (short) offset) {
            code.putU2At(at, offset);
        } else if (overflow == null) {
            overflow = "branch at offset " + instruction + " to " + label.position + " does not fit 16 bits";
        }
    }

    private void claim(Label label) {
        if (label.owner == null) {
            label.owner = this;
        } else if (label.owner != this) {
            throw new IllegalArgumentException("label belongs to another Code");
        }
    }

    // ---- state

    /** The current bytecode offset. */
    public int position() {
        return code.size();
    }

    /** The length of the bytecode written so far. */
    public int length() {
        return code.size();
    }

    /**
     * False after an unconditional transfer of control, until a label with an entry depth is placed or the depth is
     * set with {@link #stackDepth(int)}.
     */
    public boolean reachable() {
        return reachable;
    }

    /** The current operand-stack depth in slots (long and double take two); 0 while unreachable. */
    public int stackDepth() {
        return depth;
    }

    /**
     * Sets the current operand-stack depth and marks the code reachable, e.g. at a label reached only by branches
     * not yet written or at a handler registered after it was placed.
     */
    public void stackDepth(int depth) {
        if (depth < 0 || depth > 65535) {
            throw new IllegalArgumentException("bad stack depth: " + depth);
        }
        this.depth = depth;
        reachable = true;
        maxStack = Math.max(maxStack, depth);
    }

    /** The largest operand-stack depth reached so far ({@code max_stack}). */
    public int maxStack() {
        return maxStack;
    }

    /** The number of local slots used or reserved so far ({@code max_locals}). */
    public int maxLocals() {
        return maxLocals;
    }

    /**
     * The bytecode with all branches resolved.
     *
     * @throws IllegalStateException if a label used by a branch or the exception table was never placed, or the
     *     code is empty
     * @throws BranchOutOfRangeException if a 16-bit branch offset overflowed (only without wide jumps)
     * @throws CodeTooLargeException if the code is longer than 65535 bytes
     */
    public byte[] bytes() {
        for (Label label : pending) {
            if (!label.isPlaced()) {
                throw new IllegalStateException("a branch targets a label that was never placed");
            }
        }
        for (Handler h : handlers) {
            if (!h.start.isPlaced() || !h.end.isPlaced() || !h.handler.isPlaced()) {
                throw new IllegalStateException("an exception-table label was never placed");
            }
            if (h.start.position > h.end.position) {
                throw new IllegalStateException("exception range ends before it starts");
            }
        }
        if (code.size() == 0) {
            throw new IllegalStateException("empty code");
        }
        if (code.size() > MAX_CODE_LENGTH) {
            throw new CodeTooLargeException("method code is " + code.size() + " bytes, over " + MAX_CODE_LENGTH);
        }
        if (overflow != null) {
            throw new BranchOutOfRangeException(overflow);
        }
        return code.toArray();
    }

    /** Writes the whole Code attribute (JVMS 4.7.3) with attribute name index {@code nameIndex}. */
    void writeAttribute(ByteVector out, int nameIndex) {
        byte[] bytes = bytes();
        List<Handler> entries = new ArrayList<>(handlers.size());
        for (Handler h : handlers) {
            if (h.start.position < h.end.position) {
                entries.add(h);
            }
        }
        int length = 2 + 2 + 4 + bytes.length + 2 + 8 * entries.size() + 2;
        out.u2(nameIndex).u4(length).u2(maxStack).u2(maxLocals).u4(bytes.length).bytes(bytes);
        out.u2(entries.size());
        for (Handler h : entries) {
            out.u2(h.start.position).u2(h.end.position).u2(h.handler.position).u2(h.catchType);
        }
        out.u2(0); // no attributes: no StackMapTable below version 50, no debug tables
    }

    // ---- depth bookkeeping

    private void adjust(int delta, int at) {
        int d = depth + delta;
        if (d < 0) {
            if (reachable) {
                throw new IllegalStateException("operand stack underflow at offset " + at);
            }
            d = 0;
        }
        depth = d;
        maxStack = Math.max(maxStack, d);
    }

    private void unreachable() {
        reachable = false;
        depth = 0;
    }
}
