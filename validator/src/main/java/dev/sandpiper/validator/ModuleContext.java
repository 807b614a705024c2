package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ConstExpr;
import dev.sandpiper.decoder.model.DefinedTypes;
import dev.sandpiper.decoder.model.ElementSegment;
import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Global;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * The spec's validation context C for a module: its types, functions, tables, memories, globals,
 * element and data segments, and C.refs, the functions that may be named by {@code ref.func} in
 * function bodies.
 *
 * <p>Spec: 2.0, Validation > Conventions > Contexts, {@code valid/conventions.html#contexts};
 * Modules, {@code valid/modules.html#valid-module} (definition of C.refs).
 */
final class ModuleContext {
    static final FuncType EMPTY_BLOCK = new FuncType(List.of(), List.of());
    private static final FuncType[] SINGLE_RESULT = new FuncType[ValType.values().length];

    static {
        for (ValType t : ValType.values()) {
            SINGLE_RESULT[t.ordinal()] = new FuncType(List.of(), List.of(t));
        }
    }

    final Module module;
    final List<FuncType> types;
    /** The closed id of each type: equal ids, the same type (3.0, {@link DefinedTypes}). */
    final int[] typeIds;
    final List<TableType> tables;
    final int memoryCount;
    /** Whether each memory's address type is {@code i64} (3.0 memory64). */
    private final boolean[] memory64;
    /** Whether any memory or table has address type {@code i64}: only then do address types vary. */
    final boolean any64;
    final List<GlobalType> globals;
    final int dataCount;
    private final boolean[] declaredRefs;

    ModuleContext(Module module) {
        this.module = module;
        this.types = module.types();
        this.typeIds = DefinedTypes.ids(module.recTypes());
        this.tables = module.tableSpace();
        this.memoryCount = module.memorySpace().size();
        this.memory64 = new boolean[memoryCount];
        boolean wide = false;
        for (int i = 0; i < memoryCount; i++) {
            memory64[i] = module.memorySpace().get(i).limits().address64();
            wide |= memory64[i];
        }
        for (TableType t : tables) {
            wide |= t.limits().address64();
        }
        this.any64 = wide;
        this.globals = module.globalSpace();
        this.dataCount = module.data().size();
        this.declaredRefs = new boolean[module.functionCount()];
        collectDeclaredRefs();
    }

    /** The address type of memory {@code index} (which exists): i64 for a 64-bit memory, else i32. */
    ValType memoryAddress(int index) {
        return memory64[index] ? ValType.I64 : ValType.I32;
    }

    /** The address type of table {@code index} (which exists). */
    ValType tableAddress(int index) {
        return tables.get(index).limits().address64() ? ValType.I64 : ValType.I32;
    }

    /** Block type {@code []->[t]}. */
    static FuncType singleResult(ValType t) {
        FuncType shared = t.ordinal() < SINGLE_RESULT.length ? SINGLE_RESULT[t.ordinal()] : null;
        return shared != null && shared.results().get(0) == t ? shared : new FuncType(List.of(), List.of(t));
    }

    /** Whether {@code actual} matches {@code expected} here (3.0 subtyping). */
    boolean matches(ValType actual, ValType expected) {
        return Subtyping.matches(actual, expected, typeIds);
    }

    int functionCount() {
        return module.functionCount();
    }

    /** The function's type; its index must be in range and its type index valid. */
    FuncType functionType(int funcIndex) {
        return module.functionType(funcIndex);
    }

    ValType elementType(int elemIndex) {
        return module.elements().get(elemIndex).type();
    }

    int elementCount() {
        return module.elements().size();
    }

    boolean isDeclaredRef(int funcIndex) {
        return declaredRefs[funcIndex];
    }

    /** C.refs: functions named in element segments, exports and global initialisers. */
    private void collectDeclaredRefs() {
        for (ElementSegment seg : module.elements()) {
            if (seg.functionIndices() != null) {
                for (int f : seg.functionIndices()) {
                    declare(f);
                }
            } else {
                for (ConstExpr e : seg.exprs()) {
                    declareRefFuncs(e);
                }
            }
        }
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC) {
                declare(e.index());
            }
        }
        for (Global g : module.globals()) {
            declareRefFuncs(g.init());
        }
    }

    private void declareRefFuncs(ConstExpr expr) {
        CodeReader r = module.codeReader(expr);
        while (r.hasNext()) {
            if (r.next() == Opcode.REF_FUNC) {
                declare(r.index());
            }
        }
    }

    private void declare(int funcIndex) {
        if (funcIndex >= 0 && funcIndex < declaredRefs.length) {
            declaredRefs[funcIndex] = true;
        }
    }
}
