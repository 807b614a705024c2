package dev.sandpiper.validator;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.model.DataSegment;
import dev.sandpiper.decoder.model.ElementSegment;
import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Global;
import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.ImportDesc;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.SegmentMode;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.validator.analysis.FunctionAnalysis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a decoded module against every rule of spec 2.0 chapter 3, and the 3.0 rules of the
 * features the module was decoded with ({@link dev.sandpiper.decoder.model.Module#features()}).
 *
 * <p>Spec: 2.0, Validation > Modules, {@code valid/modules.html}.
 */
public final class ModuleValidator {
    /** Most pages a 32-bit memory can have (4 GiB). */
    static final long MAX_PAGES = 65536;
    /** Most pages of a 64-bit memory: 2^48 (3.0, Validation > Types > Memory Types). */
    static final long MAX_PAGES_64 = 1L << 48;

    private ModuleValidator() {}

    /**
     * Validates {@code module}.
     *
     * @throws InvalidModuleException naming the first rule found broken
     */
    public static ValidatedModule validate(Module module) {
        ModuleContext c = new ModuleContext(module);
        imports(c);
        for (int i = 0; i < module.definedFunctionCount(); i++) {
            typeIndex(c, module.definedFunctionTypeIndex(i));
        }
        TypeDefinitionRules.check(c);
        for (TableType t : module.tables()) {
            tableLimits(t.limits());
            table(c, t);
        }
        if (module.memorySpace().size() > 1 && !module.features().enabled(Feature.MULTI_MEMORY)) {
            throw InvalidModuleException.atModule("multiple memories " + Features.notEnabled(Feature.MULTI_MEMORY), -1);
        }
        for (MemoryType m : module.memories()) {
            memoryLimits(m.limits());
        }
        for (int i = module.tagCount() - module.definedTagCount(); i < module.tagCount(); i++) {
            ExceptionRules.tagType(c, module.tagTypeIndex(i));
        }
        boolean laterGlobals = module.features().enabled(Feature.EXTENDED_CONST);
        for (int i = 0; i < module.globals().size(); i++) {
            Global g = module.globals().get(i);
            // 3.0: an initialiser may read the globals before it; 2.0: the imported ones only.
            int visible = module.importedGlobalCount() + (laterGlobals ? i : 0);
            valType(c, g.type().valType());
            ConstantExpressions.check(c, g.init(), g.type().valType(), visible);
        }
        for (ElementSegment e : module.elements()) {
            element(c, e);
        }
        for (DataSegment d : module.data()) {
            data(c, d);
        }
        start(c);
        exports(c);
        return new ValidatedModule(module, functions(c));
    }

    private static void imports(ModuleContext c) {
        for (Import imp : c.module.imports()) {
            ImportDesc d = imp.desc();
            if (d instanceof ImportDesc.Func f) {
                typeIndex(c, f.typeIndex());
            } else if (d instanceof TableType t) {
                tableLimits(t.limits());
                valType(c, t.elementType());
            } else if (d instanceof MemoryType m) {
                memoryLimits(m.limits());
            } else if (d instanceof ImportDesc.Tag t) {
                ExceptionRules.tagType(c, t.typeIndex());
            }
        }
    }

    /** A function's type index: a defined function type (3.0: not a structure or array type). */
    private static void typeIndex(ModuleContext c, int index) {
        if (index < 0 || index >= c.types.size()) {
            throw InvalidModuleException.atModule("unknown type " + Integer.toUnsignedString(index), -1);
        }
        if (!c.module.recTypes().isFunction(index)) {
            throw InvalidModuleException.atModule("type mismatch: type " + index + " is not a function type", -1);
        }
    }

    /**
     * Spec: 2.0, Validation > Types > Table Types: limits within 2^32 - 1, min at most max; 3.0,
     * Table Types: within 2^64 - 1 for address type i64 (the u64 bounds 3.0 decodes cannot pass that).
     */
    private static void tableLimits(Limits l) {
        if (!l.address64() && ((l.min() >>> 32) != 0 || (l.hasMax() && (l.max() >>> 32) != 0))) {
            throw InvalidModuleException.atModule("table size must be at most 2^32-1 elements", -1);
        }
        minNotAboveMax(l);
    }

    /**
     * Spec: 2.0, Validation > Types > Memory Types: limits within 65536 pages, min at most max; 3.0,
     * Memory Types: within 2^48 pages (2^64 bytes) for address type i64.
     */
    private static void memoryLimits(Limits l) {
        long most = l.address64() ? MAX_PAGES_64 : MAX_PAGES;
        if (Long.compareUnsigned(l.min(), most) > 0 || (l.hasMax() && Long.compareUnsigned(l.max(), most) > 0)) {
            throw InvalidModuleException.atModule(l.address64() ? "memory size must be at most 2^48 pages (2^64 bytes)"
                    : "memory size must be at most 65536 pages (4GiB)", -1);
        }
        minNotAboveMax(l);
    }

    private static void minNotAboveMax(Limits l) {
        if (l.hasMax() && Long.compareUnsigned(l.min(), l.max()) > 0) {
            throw InvalidModuleException.atModule("size minimum must not be greater than maximum", -1);
        }
    }

    /**
     * A table the module defines: its element type must have a default (be nullable) unless an
     * initialiser gives one, of a matching type. Spec: 3.0, Validation > Modules > Tables.
     */
    private static void table(ModuleContext c, TableType t) {
        valType(c, t.elementType());
        if (t.init() != null) {
            // Tables are initialised before the module's own globals: only imported ones are visible.
            ConstantExpressions.check(c, t.init(), t.elementType(), c.module.importedGlobalCount());
        } else if (!t.elementType().isDefaultable()) {
            throw InvalidModuleException.atModule("type mismatch: a table of " + t.elementType()
                    + " needs an initialiser", -1);
        }
    }

    /** Spec: 3.0, Validation > Types > Heap Types: a type index must name a defined type. */
    private static void valType(ModuleContext c, ValType t) {
        if (t.isConcrete() && t.heapType() >= c.types.size()) {
            throw InvalidModuleException.atModule("unknown type " + t.heapType(), -1);
        }
    }

    /** Spec: 2.0, Validation > Modules > Element Segments; 3.0 adds subtyping of the element type. */
    private static void element(ModuleContext c, ElementSegment e) {
        valType(c, e.type()); // 3.0: the element type must be valid, its type index defined
        if (e.mode() == SegmentMode.ACTIVE) {
            int t = e.tableIndex();
            if (t < 0 || t >= c.tables.size()) {
                throw InvalidModuleException.atModule("unknown table " + Integer.toUnsignedString(t), e.offset().start());
            }
            if (!c.matches(e.type(), c.tables.get(t).elementType())) {
                throw InvalidModuleException.atModule("type mismatch: segment of " + e.type()
                        + " for a table of " + c.tables.get(t).elementType(), e.offset().start());
            }
            // 3.0: the offset has the table's address type (Validation > Modules > Element Segments)
            ConstantExpressions.check(c, e.offset(), c.tableAddress(t), segmentGlobals(c));
        }
        if (e.functionIndices() != null) {
            for (int f : e.functionIndices()) {
                if (f < 0 || f >= c.functionCount()) {
                    throw InvalidModuleException.atModule("unknown function " + Integer.toUnsignedString(f), -1);
                }
            }
        } else {
            for (var expr : e.exprs()) {
                ConstantExpressions.check(c, expr, e.type(), segmentGlobals(c));
            }
        }
    }

    /** The globals a segment's expressions may read: 3.0 all of them, 2.0 the imported ones. */
    private static int segmentGlobals(ModuleContext c) {
        return c.module.features().enabled(Feature.EXTENDED_CONST) ? c.globals.size() : c.module.importedGlobalCount();
    }

    /** Spec: 2.0, Validation > Modules > Data Segments. */
    private static void data(ModuleContext c, DataSegment d) {
        if (d.mode() == SegmentMode.ACTIVE) {
            if (d.memoryIndex() < 0 || d.memoryIndex() >= c.memoryCount) {
                throw InvalidModuleException.atModule(
                        "unknown memory " + Integer.toUnsignedString(d.memoryIndex()), d.offset().start());
            }
            // 3.0: the offset has the memory's address type (Validation > Modules > Data Segments)
            ConstantExpressions.check(c, d.offset(), c.memoryAddress(d.memoryIndex()), segmentGlobals(c));
        }
    }

    /** Spec: 2.0, Validation > Modules > Start Function: an existing function of type [] -> []. */
    private static void start(ModuleContext c) {
        if (!c.module.hasStart()) {
            return;
        }
        int s = c.module.start();
        if (s < 0 || s >= c.functionCount()) {
            throw InvalidModuleException.atModule("unknown function " + Integer.toUnsignedString(s), -1);
        }
        FuncType t = c.functionType(s);
        if (!t.params().isEmpty() || !t.results().isEmpty()) {
            throw InvalidModuleException.atModule("start function must have type [] -> [], not " + t, -1);
        }
    }

    /** Spec: 2.0, Validation > Modules > Exports: existing items, distinct names. */
    private static void exports(ModuleContext c) {
        Set<String> names = new HashSet<>();
        for (Export e : c.module.exports()) {
            int count = switch (e.kind()) {
                case FUNC -> c.functionCount();
                case TABLE -> c.tables.size();
                case MEMORY -> c.memoryCount;
                case GLOBAL -> c.globals.size();
                case TAG -> c.module.tagCount();
            };
            if (e.index() < 0 || e.index() >= count) {
                String what = e.kind() == ExternKind.FUNC ? "function" : e.kind().toString();
                throw InvalidModuleException.atModule(
                        "unknown " + what + " " + Integer.toUnsignedString(e.index()), -1);
            }
            if (!names.add(e.name())) {
                throw InvalidModuleException.atModule("duplicate export name \"" + e.name() + "\"", -1);
            }
        }
    }

    private static List<FunctionAnalysis> functions(ModuleContext c) {
        Module m = c.module;
        FunctionValidator v = new FunctionValidator(c);
        List<FunctionAnalysis> out = new ArrayList<>(m.definedFunctionCount());
        for (int i = 0; i < m.definedFunctionCount(); i++) {
            int funcIndex = m.importedFunctionCount() + i;
            out.add(v.validate(funcIndex, m.functionType(funcIndex), m.codes().get(i), m.codeReader(i)));
        }
        return out;
    }
}
