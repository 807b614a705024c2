package dev.sandpiper.decoder;

import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test-only encoder of WebAssembly 2.0 binary modules, so tests build their inputs from intent
 * rather than hex blobs. The fluent builder collects the entries of each section and {@link #build()}
 * emits them in the order the spec requires (spec 2.0, Binary Format > Modules), each with its exact
 * size; custom and raw sections can be placed anywhere. Static helpers encode the values of spec 5.2
 * (LEB128 of every width, padded or not, names, vectors) and whole sections with a deliberately
 * wrong size, for malformed inputs.
 *
 * <p>The {@link Code} builder writes instruction sequences and reports relative offsets, which
 * {@link #bodyStart(int)} turns into the absolute offsets the decoder and validator report.
 */
public final class ModuleBytes {
    public static final int CUSTOM = 0;
    public static final int TYPE = 1;
    public static final int IMPORT = 2;
    public static final int FUNCTION = 3;
    public static final int TABLE = 4;
    public static final int MEMORY = 5;
    public static final int GLOBAL = 6;
    public static final int EXPORT = 7;
    public static final int START = 8;
    public static final int ELEMENT = 9;
    public static final int CODE = 10;
    public static final int DATA = 11;
    public static final int DATA_COUNT = 12;

    /** The standard sections in the order the spec requires (data count between element and code). */
    private static final int[] ORDER = {TYPE, IMPORT, FUNCTION, TABLE, MEMORY, GLOBAL, EXPORT, START, ELEMENT,
            DATA_COUNT, CODE, DATA};

    /** Placement of an extra section before every standard one. */
    public static final int FIRST = -1;
    /** Placement of an extra section after every standard one. */
    public static final int LAST = Integer.MAX_VALUE;

    /** Magic and version 1. */
    public static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    private final List<byte[]> types = new ArrayList<>();
    private final List<byte[]> imports = new ArrayList<>();
    private final List<byte[]> functions = new ArrayList<>();
    private final List<byte[]> tables = new ArrayList<>();
    private final List<byte[]> memories = new ArrayList<>();
    private final List<byte[]> globals = new ArrayList<>();
    private final List<byte[]> exports = new ArrayList<>();
    private Long start;
    private final List<byte[]> elements = new ArrayList<>();
    private Long dataCount;
    private final List<byte[]> codes = new ArrayList<>();
    private final List<byte[]> data = new ArrayList<>();
    private final boolean[] forced = new boolean[13];
    private final List<Extra> extras = new ArrayList<>();
    private int[] bodyStarts = new int[0];

    /** A section emitted as given, after the standard section {@code after} (or {@link #FIRST}/{@link #LAST}). */
    private record Extra(int after, byte[] section) {}

    /** One run of the run-length encoded local declarations of a function body. */
    public record Locals(long count, ValType type) {}

    public static ModuleBytes module() {
        return new ModuleBytes();
    }

    // ---------------------------------------------------------------- values (spec 5.2)

    /** Unsigned LEB128, shortest form; {@code value} is taken as unsigned 64-bit. */
    public static byte[] u32(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    /** Unsigned LEB128 padded to exactly {@code length} bytes (continuation bits on all but the last). */
    public static byte[] u32Padded(long value, int length) {
        byte[] out = new byte[length];
        long v = value;
        for (int i = 0; i < length; i++) {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out[i] = (byte) (i < length - 1 ? b | 0x80 : b);
        }
        if (v != 0) {
            throw new IllegalArgumentException(value + " does not fit in " + length + " LEB128 bytes");
        }
        return out;
    }

    /** Signed LEB128, shortest form. */
    public static byte[] sleb(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return out.toByteArray();
            }
        }
    }

    /** Signed LEB128 padded to exactly {@code length} bytes with sign-extension bytes. */
    public static byte[] slebPadded(long value, int length) {
        byte[] out = new byte[length];
        long v = value;
        for (int i = 0; i < length; i++) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            out[i] = (byte) (i < length - 1 ? b | 0x80 : b);
        }
        return out;
    }

    public static byte[] s32(int value) {
        return sleb(value);
    }

    public static byte[] s33(long value) {
        return sleb(value);
    }

    public static byte[] s64(long value) {
        return sleb(value);
    }

    /** A name: u32 byte length, then the UTF-8 bytes. */
    public static byte[] name(String s) {
        return lengthPrefixed(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code bytes} prefixed with their u32 length (a name's or a data segment's encoding). */
    public static byte[] lengthPrefixed(byte[] bytes) {
        return concat(u32(bytes.length), bytes);
    }

    /** Bytes from ints, each taken modulo 256. */
    public static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A vector: u32 count, then the elements. */
    public static byte[] vec(List<byte[]> items) {
        return concat(u32(items.size()), concat(items.toArray(new byte[0][])));
    }

    public static byte[] vec(byte[]... items) {
        return vec(Arrays.asList(items));
    }

    /** A value type: one byte, or {@code 0x63}/{@code 0x64} and an s33 heap type for a typed reference. */
    public static byte[] valType(ValType t) {
        if (t.code() == 0x63 || t.code() == 0x64) {
            return concat(bytes(t.code()), s33(t.heapType()));
        }
        return bytes(t.code());
    }

    /** A vector of value types. */
    public static byte[] valTypes(List<ValType> ts) {
        List<byte[]> items = new ArrayList<>();
        for (ValType t : ts) {
            items.add(valType(t));
        }
        return vec(items);
    }

    /** Limits: flag 0 and min, or flag 1, min and max ({@code max < 0}: none). */
    public static byte[] limits(long min, long max) {
        return max < 0 ? concat(bytes(0), u32(min)) : concat(bytes(1), u32(min), u32(max));
    }

    /** {@code 0x60 vec(params) vec(results)}. */
    public static byte[] funcType(List<ValType> params, List<ValType> results) {
        return concat(bytes(0x60), valTypes(params), valTypes(results));
    }

    // ---------------------------------------------------------------- sections and modules

    /** A section: id, u32 size of {@code content}, content. */
    public static byte[] section(int id, byte[] content) {
        return concat(bytes(id), u32(content.length), content);
    }

    /** A section whose declared size is {@code declaredSize}, whatever the content's real length. */
    public static byte[] sectionWithSize(int id, long declaredSize, byte[] content) {
        return concat(bytes(id), u32(declaredSize), content);
    }

    /** A custom section: the name, then the content, sized exactly. */
    public static byte[] customSection(String name, byte[] content) {
        return section(CUSTOM, concat(name(name), content));
    }

    /** The header followed by the given sections, as they are. */
    public static byte[] moduleOf(byte[]... sections) {
        return concat(HEADER, concat(sections));
    }

    // ---------------------------------------------------------------- constant expressions

    /** A constant expression: the instructions of {@code code}, then {@code end}. */
    public static byte[] expr(Code code) {
        return code.end().bytes();
    }

    public static byte[] i32Expr(int v) {
        return expr(Code.code().i32Const(v));
    }

    public static byte[] i64Expr(long v) {
        return expr(Code.code().i64Const(v));
    }

    public static byte[] refNullExpr(ValType t) {
        return expr(Code.code().refNull(t));
    }

    public static byte[] refFuncExpr(int funcIndex) {
        return expr(Code.code().refFunc(funcIndex));
    }

    public static byte[] globalGetExpr(int globalIndex) {
        return expr(Code.code().globalGet(globalIndex));
    }

    // ---------------------------------------------------------------- builder: types and imports

    public ModuleBytes type(List<ValType> params, List<ValType> results) {
        types.add(funcType(params, results));
        return this;
    }

    /** A type entry exactly as given (e.g. a malformed one). */
    public ModuleBytes rawType(byte[] entry) {
        types.add(entry);
        return this;
    }

    public ModuleBytes importFunc(String module, String name, long typeIndex) {
        imports.add(concat(name(module), name(name), bytes(0x00), u32(typeIndex)));
        return this;
    }

    public ModuleBytes importTable(String module, String name, ValType elem, long min, long max) {
        imports.add(concat(name(module), name(name), bytes(0x01), valType(elem), limits(min, max)));
        return this;
    }

    public ModuleBytes importMemory(String module, String name, long min, long max) {
        imports.add(concat(name(module), name(name), bytes(0x02), limits(min, max)));
        return this;
    }

    public ModuleBytes importGlobal(String module, String name, ValType type, boolean mutable) {
        imports.add(concat(name(module), name(name), bytes(0x03), valType(type), bytes(mutable ? 1 : 0)));
        return this;
    }

    public ModuleBytes rawImport(byte[] entry) {
        imports.add(entry);
        return this;
    }

    // ---------------------------------------------------------------- builder: functions and code

    /** A function: its type index in the function section and its body (locals, then {@code body}). */
    public ModuleBytes function(long typeIndex, List<Locals> locals, byte[] body) {
        declareFunction(typeIndex);
        return body(locals, body);
    }

    public ModuleBytes function(long typeIndex, byte[] body) {
        return function(typeIndex, List.of(), body);
    }

    public ModuleBytes function(long typeIndex, Code body) {
        return function(typeIndex, List.of(), body.bytes());
    }

    /** A function whose locals are {@code locals}, one declaration per run of equal types. */
    public ModuleBytes function(long typeIndex, ValType[] locals, Code body) {
        List<Locals> runs = new ArrayList<>();
        for (ValType t : locals) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1).type() == t) {
                Locals last = runs.remove(runs.size() - 1);
                runs.add(new Locals(last.count() + 1, t));
            } else {
                runs.add(new Locals(1, t));
            }
        }
        return function(typeIndex, runs, body.bytes());
    }

    /** A function section entry only (no code entry). */
    public ModuleBytes declareFunction(long typeIndex) {
        functions.add(u32(typeIndex));
        return this;
    }

    /** A code section entry only: the sized body with its local declarations. */
    public ModuleBytes body(List<Locals> locals, byte[] body) {
        List<byte[]> decls = new ArrayList<>();
        for (Locals l : locals) {
            decls.add(concat(u32(l.count()), valType(l.type())));
        }
        return rawBody(concat(vec(decls), body));
    }

    /** A code section entry with the given content (locals and instructions), sized exactly. */
    public ModuleBytes rawBody(byte[] content) {
        codes.add(lengthPrefixed(content));
        return this;
    }

    /** A code section entry exactly as given, size included. */
    public ModuleBytes rawCodeEntry(byte[] entry) {
        codes.add(entry);
        return this;
    }

    // ---------------------------------------------------------------- builder: tables, memories, globals

    public ModuleBytes table(ValType elem, long min, long max) {
        tables.add(concat(valType(elem), limits(min, max)));
        return this;
    }

    public ModuleBytes rawTable(byte[] entry) {
        tables.add(entry);
        return this;
    }

    public ModuleBytes memory(long min, long max) {
        memories.add(limits(min, max));
        return this;
    }

    public ModuleBytes rawMemory(byte[] entry) {
        memories.add(entry);
        return this;
    }

    /** A global: type, mutability and its initialiser ({@code init} includes the final {@code end}). */
    public ModuleBytes global(ValType type, boolean mutable, byte[] init) {
        globals.add(concat(valType(type), bytes(mutable ? 1 : 0), init));
        return this;
    }

    public ModuleBytes rawGlobal(byte[] entry) {
        globals.add(entry);
        return this;
    }

    // ---------------------------------------------------------------- builder: exports, start

    public ModuleBytes export(String name, ExternKind kind, long index) {
        exports.add(concat(name(name), bytes(kind.code()), u32(index)));
        return this;
    }

    public ModuleBytes rawExport(byte[] entry) {
        exports.add(entry);
        return this;
    }

    public ModuleBytes start(long funcIndex) {
        start = funcIndex;
        return this;
    }

    // ---------------------------------------------------------------- builder: element segments

    private static byte[] funcIndices(long... funcs) {
        List<byte[]> items = new ArrayList<>();
        for (long f : funcs) {
            items.add(u32(f));
        }
        return vec(items);
    }

    /** Flag 0: active in table 0, function indices. */
    public ModuleBytes elemActive(byte[] offset, long... funcs) {
        elements.add(concat(u32(0), offset, funcIndices(funcs)));
        return this;
    }

    /** Flag 1: passive, elemkind 0x00, function indices. */
    public ModuleBytes elemPassive(long... funcs) {
        elements.add(concat(u32(1), bytes(0x00), funcIndices(funcs)));
        return this;
    }

    /** Flag 2: active in an explicit table, elemkind 0x00, function indices. */
    public ModuleBytes elemActiveTable(long table, byte[] offset, long... funcs) {
        elements.add(concat(u32(2), u32(table), offset, bytes(0x00), funcIndices(funcs)));
        return this;
    }

    /** Flag 3: declarative, elemkind 0x00, function indices. */
    public ModuleBytes elemDeclarative(long... funcs) {
        elements.add(concat(u32(3), bytes(0x00), funcIndices(funcs)));
        return this;
    }

    /** Flag 4: active in table 0, funcref expressions. */
    public ModuleBytes elemActiveExprs(byte[] offset, byte[]... exprs) {
        elements.add(concat(u32(4), offset, vec(exprs)));
        return this;
    }

    /** Flag 5: passive, reference type, expressions. */
    public ModuleBytes elemPassiveExprs(ValType type, byte[]... exprs) {
        elements.add(concat(u32(5), valType(type), vec(exprs)));
        return this;
    }

    /** Flag 6: active in an explicit table, reference type, expressions. */
    public ModuleBytes elemActiveTableExprs(long table, byte[] offset, ValType type, byte[]... exprs) {
        elements.add(concat(u32(6), u32(table), offset, valType(type), vec(exprs)));
        return this;
    }

    /** Flag 7: declarative, reference type, expressions. */
    public ModuleBytes elemDeclarativeExprs(ValType type, byte[]... exprs) {
        elements.add(concat(u32(7), valType(type), vec(exprs)));
        return this;
    }

    public ModuleBytes rawElement(byte[] entry) {
        elements.add(entry);
        return this;
    }

    // ---------------------------------------------------------------- builder: data

    public ModuleBytes dataCount(long n) {
        dataCount = n;
        return this;
    }

    /** Flag 0: active in memory 0. */
    public ModuleBytes dataActive(byte[] offset, byte[] content) {
        data.add(concat(u32(0), offset, lengthPrefixed(content)));
        return this;
    }

    /** Flag 1: passive. */
    public ModuleBytes dataPassive(byte[] content) {
        data.add(concat(u32(1), lengthPrefixed(content)));
        return this;
    }

    /** Flag 2: active in an explicit memory. */
    public ModuleBytes dataActiveMemory(long memory, byte[] offset, byte[] content) {
        data.add(concat(u32(2), u32(memory), offset, lengthPrefixed(content)));
        return this;
    }

    public ModuleBytes rawData(byte[] entry) {
        data.add(entry);
        return this;
    }

    // ---------------------------------------------------------------- builder: extra sections

    /** Emits the standard section {@code id} even when it has no entries (a vector of count 0). */
    public ModuleBytes emptySection(int id) {
        forced[id] = true;
        return this;
    }

    /** A custom section after every standard section. */
    public ModuleBytes custom(String name, byte[] content) {
        return customAfter(LAST, name, content);
    }

    /** A custom section right after where standard section {@code after} goes ({@link #FIRST}: before all). */
    public ModuleBytes customAfter(int after, String name, byte[] content) {
        extras.add(new Extra(after, customSection(name, content)));
        return this;
    }

    /** Any bytes, emitted as they are, right after where standard section {@code after} goes. */
    public ModuleBytes rawSectionAfter(int after, byte[] sectionBytes) {
        extras.add(new Extra(after, sectionBytes));
        return this;
    }

    // ---------------------------------------------------------------- output

    /** The encoded sections in emission order (each complete: id, size, content). */
    public List<byte[]> sections() {
        return assemble(null);
    }

    /** The whole module. */
    public byte[] build() {
        int[] starts = new int[codes.size()];
        List<byte[]> sections = assemble(starts);
        int pos = HEADER.length;
        for (byte[] s : sections) {
            if (s == codeSection) {
                int sizeLength = 1;
                while ((s[sizeLength] & 0x80) != 0) {
                    sizeLength++;
                }
                int contentStart = pos + 1 + sizeLength;
                for (int i = 0; i < starts.length; i++) {
                    starts[i] += contentStart;
                }
            }
            pos += s.length;
        }
        bodyStarts = starts;
        return moduleOf(sections.toArray(new byte[0][]));
    }

    /**
     * Absolute offset, in the module of the last {@link #build()}, of the first instruction of code
     * entry {@code i} (the start of the bytes passed as its body).
     */
    public int bodyStart(int i) {
        return bodyStarts[i];
    }

    /** The code section of the last assembly, to find it among the emitted sections. */
    private byte[] codeSection;

    private List<byte[]> assemble(int[] bodyStartsInContent) {
        List<byte[]> out = new ArrayList<>();
        addExtras(out, FIRST);
        codeSection = null;
        for (int id : ORDER) {
            byte[] content = content(id, bodyStartsInContent);
            if (content != null) {
                byte[] s = section(id, content);
                if (id == CODE) {
                    codeSection = s;
                }
                out.add(s);
            }
            addExtras(out, id);
        }
        addExtras(out, LAST);
        return out;
    }

    private void addExtras(List<byte[]> out, int after) {
        for (Extra e : extras) {
            if (e.after() == after) {
                out.add(e.section());
            }
        }
    }

    private byte[] content(int id, int[] bodyStartsInContent) {
        List<byte[]> entries = switch (id) {
            case TYPE -> types;
            case IMPORT -> imports;
            case FUNCTION -> functions;
            case TABLE -> tables;
            case MEMORY -> memories;
            case GLOBAL -> globals;
            case EXPORT -> exports;
            case ELEMENT -> elements;
            case CODE -> codes;
            case DATA -> data;
            case START -> start == null ? null : List.of(u32(start));
            case DATA_COUNT -> dataCount == null ? null : List.of(u32(dataCount));
            default -> throw new IllegalArgumentException("section " + id);
        };
        if (entries == null) {
            return null;
        }
        if (id == START || id == DATA_COUNT) {
            return entries.get(0);
        }
        if (entries.isEmpty() && !forced[id]) {
            return null;
        }
        byte[] content = vec(entries);
        if (id == CODE && bodyStartsInContent != null) {
            int pos = u32(entries.size()).length;
            for (int i = 0; i < entries.size(); i++) {
                byte[] entry = entries.get(i);
                // entry = size, vec(locals), instructions: skip the size and the local declarations.
                int p = 0;
                while ((entry[p] & 0x80) != 0) {
                    p++;
                }
                p++;
                bodyStartsInContent[i] = pos + p + localsLength(entry, p);
                pos += entry.length;
            }
        }
        return content;
    }

    /** Length of the local declarations starting at {@code p}, or 0 if they cannot be parsed. */
    private static int localsLength(byte[] entry, int p) {
        try {
            int q = p;
            long[] n = new long[1];
            q = readU(entry, q, n);
            for (long g = 0; g < n[0]; g++) {
                q = readU(entry, q, new long[1]);
                q++;
            }
            return q - p;
        } catch (ArrayIndexOutOfBoundsException e) {
            return 0;
        }
    }

    private static int readU(byte[] b, int p, long[] out) {
        long v = 0;
        int shift = 0;
        while (true) {
            int x = b[p++] & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            shift += 7;
            if ((x & 0x80) == 0) {
                out[0] = v;
                return p;
            }
        }
    }

    // ---------------------------------------------------------------- instructions

    /** A sequence of instructions, written one call per instruction or immediate. */
    public static final class Code {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public static Code code() {
            return new Code();
        }

        /** Bytes written so far: the relative offset of the next instruction. */
        public int size() {
            return out.size();
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        public Code raw(int... values) {
            out.writeBytes(ModuleBytes.bytes(values));
            return this;
        }

        public Code raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        /** The opcode: one byte, or its prefix then the u32 sub-opcode. */
        public Code op(Opcode op) {
            if (op.prefix() == 0) {
                out.write(op.code());
            } else {
                out.write(op.prefix());
                out.writeBytes(ModuleBytes.u32(op.code()));
            }
            return this;
        }

        public Code u32(long v) {
            out.writeBytes(ModuleBytes.u32(v));
            return this;
        }

        public Code sleb(long v) {
            out.writeBytes(ModuleBytes.sleb(v));
            return this;
        }

        public Code end() {
            return op(Opcode.END);
        }

        public Code nop() {
            return op(Opcode.NOP);
        }

        public Code unreachable() {
            return op(Opcode.UNREACHABLE);
        }

        public Code drop() {
            return op(Opcode.DROP);
        }

        public Code select() {
            return op(Opcode.SELECT);
        }

        public Code selectT(ValType... types) {
            op(Opcode.SELECT_T).u32(types.length);
            for (ValType t : types) {
                raw(valType(t));
            }
            return this;
        }

        public Code i32Const(int v) {
            return op(Opcode.I32_CONST).sleb(v);
        }

        public Code i64Const(long v) {
            return op(Opcode.I64_CONST).sleb(v);
        }

        public Code f32Const(float v) {
            int bits = Float.floatToRawIntBits(v);
            op(Opcode.F32_CONST);
            for (int i = 0; i < 4; i++) {
                out.write(bits >>> (8 * i));
            }
            return this;
        }

        public Code f64Const(double v) {
            long bits = Double.doubleToRawLongBits(v);
            op(Opcode.F64_CONST);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)));
            }
            return this;
        }

        /** {@code v128.const} with the given 16 bytes (little-endian lane order). */
        public Code v128Const(byte[] sixteen) {
            if (sixteen.length != 16) {
                throw new IllegalArgumentException("v128.const needs 16 bytes");
            }
            return op(Opcode.V128_CONST).raw(sixteen);
        }

        /** {@code v128.const} of zero. */
        public Code v128Zero() {
            return v128Const(new byte[16]);
        }

        public Code shuffle(int... lanes) {
            if (lanes.length != 16) {
                throw new IllegalArgumentException("i8x16.shuffle needs 16 lanes");
            }
            return op(Opcode.I8X16_SHUFFLE).raw(lanes);
        }

        /** A lane instruction and its lane index byte. */
        public Code lane(Opcode op, int lane) {
            return op(op).raw(lane);
        }

        public Code localGet(long i) {
            return op(Opcode.LOCAL_GET).u32(i);
        }

        public Code localSet(long i) {
            return op(Opcode.LOCAL_SET).u32(i);
        }

        public Code localTee(long i) {
            return op(Opcode.LOCAL_TEE).u32(i);
        }

        public Code globalGet(long i) {
            return op(Opcode.GLOBAL_GET).u32(i);
        }

        public Code globalSet(long i) {
            return op(Opcode.GLOBAL_SET).u32(i);
        }

        public Code call(long f) {
            return op(Opcode.CALL).u32(f);
        }

        public Code callIndirect(long typeIndex, long table) {
            return op(Opcode.CALL_INDIRECT).u32(typeIndex).u32(table);
        }

        /** {@code ref.null}: a type byte for funcref and externref, else the heap type (3.0). */
        public Code refNull(ValType t) {
            return t.code() == 0x63 || t.code() == 0x64 ? op(Opcode.REF_NULL).raw(s33(t.heapType()))
                    : op(Opcode.REF_NULL).raw(t.code());
        }

        public Code callRef(long typeIndex) {
            return op(Opcode.CALL_REF).u32(typeIndex);
        }

        public Code returnCallRef(long typeIndex) {
            return op(Opcode.RETURN_CALL_REF).u32(typeIndex);
        }

        public Code refFunc(long f) {
            return op(Opcode.REF_FUNC).u32(f);
        }

        public Code refIsNull() {
            return op(Opcode.REF_IS_NULL);
        }

        // ---- blocks: empty block type, one value type, or a type index (s33)

        public Code block() {
            return op(Opcode.BLOCK).raw(0x40);
        }

        public Code block(ValType result) {
            return op(Opcode.BLOCK).raw(valType(result));
        }

        public Code blockType(long typeIndex) {
            return op(Opcode.BLOCK).sleb(typeIndex);
        }

        public Code loop() {
            return op(Opcode.LOOP).raw(0x40);
        }

        public Code loop(ValType result) {
            return op(Opcode.LOOP).raw(valType(result));
        }

        public Code loopType(long typeIndex) {
            return op(Opcode.LOOP).sleb(typeIndex);
        }

        public Code if_() {
            return op(Opcode.IF).raw(0x40);
        }

        public Code if_(ValType result) {
            return op(Opcode.IF).raw(valType(result));
        }

        public Code ifType(long typeIndex) {
            return op(Opcode.IF).sleb(typeIndex);
        }

        public Code else_() {
            return op(Opcode.ELSE);
        }

        public Code br(long label) {
            return op(Opcode.BR).u32(label);
        }

        public Code brIf(long label) {
            return op(Opcode.BR_IF).u32(label);
        }

        public Code brTable(long[] labels, long defaultLabel) {
            op(Opcode.BR_TABLE).u32(labels.length);
            for (long l : labels) {
                u32(l);
            }
            return u32(defaultLabel);
        }

        public Code return_() {
            return op(Opcode.RETURN);
        }

        /** A load or store with its memarg (alignment exponent, offset). */
        public Code mem(Opcode op, long align, long offset) {
            return op(op).u32(align).u32(offset);
        }

        /** A load/store lane instruction: memarg, then the lane index. */
        public Code memLane(Opcode op, long align, long offset, int lane) {
            return mem(op, align, offset).raw(lane);
        }

        public Code memorySize() {
            return op(Opcode.MEMORY_SIZE).raw(0);
        }

        public Code memoryGrow() {
            return op(Opcode.MEMORY_GROW).raw(0);
        }

        /** {@code return_call f} (3.0, tail calls). */
        public Code returnCall(long f) {
            return op(Opcode.RETURN_CALL).u32(f);
        }

        /** {@code return_call_indirect typeIndex table} (3.0, tail calls). */
        public Code returnCallIndirect(long typeIndex, long table) {
            return op(Opcode.RETURN_CALL_INDIRECT).u32(typeIndex).u32(table);
        }

        /** A load or store on memory {@code memory} (3.0: flag bit 6 of the alignment, then the index). */
        public Code mem(Opcode op, long memory, long align, long offset) {
            return op(op).u32(align | 0x40).u32(memory).u32(offset);
        }

        /** {@code memory.size}, {@code memory.grow} or {@code memory.fill} on memory {@code memory} (3.0). */
        public Code memoryOp(Opcode op, long memory) {
            return op(op).u32(memory);
        }
    }
}
