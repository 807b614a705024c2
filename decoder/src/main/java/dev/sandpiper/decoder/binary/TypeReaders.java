package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.ImplementationLimits;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.CompositeType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.SubType;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Types as the binary format encodes them.
 *
 * <p>Spec: 2.0, Binary Format > Types, {@code binary/types.html}.
 */
final class TypeReaders {
    private TypeReaders() {}

    private static final int SUB = 0x50;
    private static final int SUB_FINAL = 0x4F;
    private static final int FUNC = 0x60;
    private static final int STRUCT = 0x5F;
    private static final int ARRAY = 0x5E;

    /**
     * A sub type: {@code 0x50 vec(typeidx) comptype} (open), {@code 0x4F vec(typeidx) comptype}
     * (final), or a bare composite type, final without supertypes. Without GC only
     * {@code 0x60} function types.
     *
     * <p>Spec: 3.0, Binary Format > Types > Recursive Types and Composite Types.
     */
    static SubType subType(WasmReader in) {
        int at = in.position();
        int b = in.peek();
        if ((b == SUB || b == SUB_FINAL || b == STRUCT || b == ARRAY) && !in.gc()) {
            throw in.error("malformed function type " + Features.notEnabled(Feature.GC), at);
        }
        if (b == SUB || b == SUB_FINAL) {
            in.u8();
            int n = in.count();
            List<Integer> supers = new ArrayList<>(Math.min(n, 4));
            for (int i = 0; i < n; i++) {
                supers.add(in.u32());
            }
            return new SubType(b == SUB_FINAL, supers, compositeType(in));
        }
        return SubType.plain(compositeType(in));
    }

    private static CompositeType compositeType(WasmReader in) {
        int b = in.peek();
        if (b == STRUCT) {
            in.u8();
            int n = in.count();
            List<FieldType> fields = new ArrayList<>(Math.min(n, 64));
            for (int i = 0; i < n; i++) {
                fields.add(fieldType(in));
            }
            return new StructType(fields);
        }
        if (b == ARRAY) {
            in.u8();
            return new ArrayType(fieldType(in));
        }
        return funcType(in); // names any other byte a malformed function type
    }

    /** {@code storagetype mut}: {@code 0x78} i8, {@code 0x77} i16 or a value type; then 0 or 1. */
    private static FieldType fieldType(WasmReader in) {
        int b = in.peek();
        int packed = 0;
        ValType t = ValType.I32;
        if (b == FieldType.CODE_I8 || b == FieldType.CODE_I16) {
            in.u8();
            packed = b == FieldType.CODE_I8 ? 8 : 16;
        } else {
            t = CodeReader.valType(in);
        }
        int at = in.position();
        int mut = in.u8();
        if (mut > 1) {
            throw in.error("malformed mutability", at);
        }
        return new FieldType(t, packed, mut == 1);
    }

    /** {@code 0x60 vec(valtype) vec(valtype)}. */
    static FuncType funcType(WasmReader in) {
        int at = in.position();
        if (in.s7() != 0x60) {
            throw in.error("malformed function type", at);
        }
        List<ValType> params = valTypes(in);
        List<ValType> results = valTypes(in);
        return new FuncType(params, results);
    }

    private static List<ValType> valTypes(WasmReader in) {
        int at = in.position();
        int n = in.count();
        if (n > ImplementationLimits.MAX_FUNCTION_ARITY) {
            throw in.error("too many parameters or results", at);
        }
        List<ValType> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(CodeReader.valType(in));
        }
        return out;
    }

    /**
     * 2.0: a flag (0: min only, 1: min and max), then u32 bounds. 3.0 with memory64: a flags byte
     * whose bit 0 says a maximum follows and bit 2 that the address type is i64 (0x00, 0x01, 0x04,
     * 0x05; anything else is "malformed limits flags"), then u64 bounds, which validation checks
     * against the address type (3.0, Binary Format > Types > Limits).
     */
    static Limits limits(WasmReader in) {
        if (!in.memory64()) {
            int flagAt = in.position();
            int b = in.peek();
            if (b == 0x04 || b == 0x05) {
                // an i64 address type: 2.0 reads a 1-bit flag, so this is too large; say why
                throw in.error("integer too large " + Features.notEnabled(Feature.MEMORY64), flagAt);
            }
            int flag = in.u1();
            long min = Integer.toUnsignedLong(in.u32());
            long max = flag == 1 ? Integer.toUnsignedLong(in.u32()) : Limits.NO_MAX;
            return new Limits(min, max);
        }
        int at = in.position();
        int flags = in.u8();
        if ((flags & ~0x05) != 0) {
            throw in.error("malformed limits flags", at);
        }
        long min = in.u64();
        boolean hasMax = (flags & 0x01) != 0;
        long max = hasMax ? in.u64() : Limits.NO_MAX;
        return new Limits(min, max, hasMax, (flags & 0x04) != 0);
    }

    static TableType tableType(WasmReader in) {
        ValType elem = CodeReader.refType(in);
        return new TableType(elem, limits(in));
    }

    static MemoryType memoryType(WasmReader in) {
        return new MemoryType(limits(in));
    }

    static GlobalType globalType(WasmReader in) {
        ValType t = CodeReader.valType(in);
        int at = in.position();
        int mut = in.u8();
        if (mut > 1) {
            throw in.error("malformed mutability", at);
        }
        return new GlobalType(t, mut == 1);
    }
}
