package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.ImportDesc;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves imports by module and name, checks that each matches what the module asks for, and
 * instantiates modules into a {@link Store}.
 *
 * <p>Spec: 2.0, Execution > Modules > External Typing and Import Matching,
 * {@code exec/modules.html#import-matching}.
 */
public final class Linker {
    private final Store store;
    private final Map<String, Map<String, Extern>> definitions = new HashMap<>();

    public Linker(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    /** Makes {@code value} importable as {@code module.name}, replacing any earlier definition. */
    public Linker define(String module, String name, Extern value) {
        definitions.computeIfAbsent(module, m -> new HashMap<>()).put(name, value);
        return this;
    }

    /** Defines a host function of the given type as {@code module.name}. */
    public Linker defineFunction(String module, String name, FuncType type, HostFunction function) {
        return define(module, name, new HostFunctionInstance(module + "." + name, type, function));
    }

    /** Makes every export of {@code instance} importable under the module name {@code module}. */
    public Linker register(String module, Instance instance) {
        instance.exports().forEach((name, value) -> define(module, name, value));
        return this;
    }

    /** The definition of {@code module.name}, or null. */
    public Extern lookup(String module, String name) {
        Map<String, Extern> names = definitions.get(module);
        return names == null ? null : names.get(name);
    }

    /**
     * Instantiates {@code module}: resolves its imports, then allocates and initialises the instance
     * and runs its start function.
     *
     * @throws UnlinkableException if an import is missing or does not match
     * @throws UninstantiableException if a segment does not fit or the start function traps, or the
     *     module's memory or tables exceed the store's limits
     */
    public Instance instantiate(CompiledModule module) {
        List<Extern> resolved = new ArrayList<>();
        for (Import imp : module.imports()) {
            Extern value = lookup(imp.module(), imp.name());
            if (value == null) {
                throw new UnlinkableException("unknown import " + imp.module() + "." + imp.name());
            }
            String mismatch = mismatch(module, imp.desc(), value);
            if (mismatch != null) {
                throw new UnlinkableException("incompatible import type for " + imp.module() + "." + imp.name()
                        + ": " + mismatch);
            }
            resolved.add(value);
        }
        return Instance.instantiate(store, module, resolved);
    }

    /** Why {@code value} does not match the import {@code desc}, or null when it does. */
    private static String mismatch(CompiledModule module, ImportDesc desc, Extern value) {
        if (desc instanceof ImportDesc.Func f) {
            FuncType wanted = module.module().types().get(f.typeIndex());
            if (!(value instanceof FunctionInstance fn)) {
                return "expected a function " + wanted + ", found " + kind(value);
            }
            // Spec: 3.0, Matching > External Types: the same function type, its type indices
            // compared as the types they name, not as indices of either module.
            // 3.0 GC: a function whose type declares the wanted one as a supertype matches too.
            return dev.sandpiper.decoder.model.DefinedTypes.isSubtype(fn.typeId(), module.typeId(f.typeIndex())) ? null
                    : "expected function " + wanted + ", found " + fn.type();
        }
        if (desc instanceof TableType t) {
            if (!(value instanceof Table table)) {
                return "expected a table, found " + kind(value);
            }
            if (!same(table.elementType(), table.heapId(), t.elementType(), module.heapId(t.elementType()))
                    || !table.limits().matches(t.limits())) {
                return "expected table " + t.elementType() + " " + t.limits() + ", found " + table.elementType() + " "
                        + table.limits();
            }
            return null;
        }
        if (desc instanceof MemoryType m) {
            if (!(value instanceof Memory memory)) {
                return "expected a memory, found " + kind(value);
            }
            return memory.limits().matches(m.limits()) ? null
                    : "expected memory " + m.limits() + ", found " + memory.limits();
        }
        if (desc instanceof ImportDesc.Tag t) {
            FuncType wanted = module.module().types().get(t.typeIndex());
            if (!(value instanceof Tag tag)) {
                return "expected a tag " + wanted + ", found " + kind(value);
            }
            // Spec: 3.0, Matching > External Types: tag types match when they are the same type.
            return tag.typeId() == module.typeId(t.typeIndex()) ? null
                    : "expected tag " + wanted + ", found " + tag.type();
        }
        GlobalType g = (GlobalType) desc;
        if (!(value instanceof Global global)) {
            return "expected a global, found " + kind(value);
        }
        return matches(global, g, module.heapId(g.valType())) ? null
                : "expected global " + g + ", found " + global.type();
    }

    /**
     * Whether two value types are the same type: a type index on either side compares by the closed
     * id of the type it names in its own module (spec 3.0, Matching > Defined Types), since the
     * same index of two modules may name different types and different indices the same one.
     */
    private static boolean same(ValType a, int aId, ValType w, int wId) {
        if (a.isConcrete() || w.isConcrete()) {
            return a.isConcrete() && w.isConcrete() && a.isNullable() == w.isNullable() && aId == wId;
        }
        return a == w;
    }

    /**
     * Spec: 3.0, Validation > Matching > Global Types: an immutable global's type may be a subtype
     * of the import's (a non-null reference for a nullable one); a mutable global's must be equal.
     */
    private static boolean matches(Global global, GlobalType wanted, int wantedId) {
        GlobalType actual = global.type();
        ValType a = actual.valType();
        ValType w = wanted.valType();
        if (actual.mutable() != wanted.mutable()) {
            return false;
        }
        if (same(a, global.heapId(), w, wantedId)) {
            return true;
        }
        if (actual.mutable() || !a.isReference() || !w.isReference() || a.isNullable() && !w.isNullable()
                || a.kind() != w.kind()) {
            return false;
        }
        // (ref $t) is below (ref null $t) and (ref null? func); abstract heap types match when equal
        if (a.isConcrete()) {
            return w.isConcrete() ? global.heapId() == wantedId : w.heapType() == ValType.HEAP_FUNC;
        }
        return !w.isConcrete() && (a.heapType() == w.heapType()
                || a.heapType() == ValType.HEAP_NOEXN && w.heapType() == ValType.HEAP_EXN);
    }

    private static String kind(Extern value) {
        if (value instanceof FunctionInstance) {
            return "a function";
        }
        if (value instanceof Table) {
            return "a table";
        }
        if (value instanceof Tag) {
            return "a tag";
        }
        return value instanceof Memory ? "a memory" : "a global";
    }
}
