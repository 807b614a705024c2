package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.ImplementationLimits;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.model.FuncType;
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
