package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.DataSegment;
import dev.sandpiper.decoder.model.ElementSegment;
import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.Global;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.SegmentMode;
import dev.sandpiper.interpreter.code.FunctionCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An instantiated module: its functions, tables, memories and globals, and its exports by name.
 * Instances of one module share nothing mutable. An instance belongs to its {@link Store}'s thread.
 *
 * <p>Spec: 2.0, Execution > Runtime Structure > Module Instances, {@code exec/runtime.html#module-instances};
 * Modules > Instantiation, {@code exec/modules.html#instantiation}.
 */
public final class Instance {
    private static final long[] DROPPED_ELEMENTS = new long[0];
    private static final byte[] DROPPED_DATA = new byte[0];

    private final Store store;
    private final CompiledModule compiled;
    final FunctionInstance[] functions;
    /** Translated code by function index; null for imported functions. */
    final FunctionCode[] codes;
    final Table[] tables;
    /** Memory 0, or null: what the interpreter loop and the compiled tier access directly. */
    final Memory memory;
    /** The memory index space, imports first (3.0: any number of memories). */
    final Memory[] memories;
    final dev.sandpiper.interpreter.Global[] globals;
    /** The tag index space, imports first (3.0, exception handling). */
    final Tag[] tags;
    final long[][] elements;
    final byte[][] data;
    private final Map<String, Extern> exports;
    private final ConstantEvaluator constants;
    /** The module's second tier bound to this instance, once there is one. */
    private InstanceTier tier;

    private Instance(Store store, CompiledModule compiled, List<Extern> imports) {
        this.store = store;
        this.compiled = compiled;
        Module m = compiled.module();
        ExecutionLimits limits = store.limits();
        functions = new FunctionInstance[m.functionCount()];
        codes = new FunctionCode[m.functionCount()];
        tables = new Table[m.tableSpace().size()];
        globals = new dev.sandpiper.interpreter.Global[m.globalSpace().size()];
        memories = new Memory[m.memorySpace().size()];
        tags = new Tag[m.tagCount()];
        int tg = 0;
        int f = 0;
        int t = 0;
        int g = 0;
        int mi = 0;
        for (Extern e : imports) {
            if (e instanceof FunctionInstance fn) {
                functions[f++] = fn;
            } else if (e instanceof Table table) {
                tables[t++] = table;
            } else if (e instanceof Memory memory) {
                memories[mi++] = memory;
            } else if (e instanceof Tag tag) {
                tags[tg++] = tag;
            } else {
                globals[g++] = (dev.sandpiper.interpreter.Global) e;
            }
        }
        String moduleName = m.names().moduleName();
        for (int i = tg; i < tags.length; i++) {
            int typeIndex = m.tagTypeIndex(i);
            tags[i] = new Tag(tagName(m, moduleName, i), m.types().get(typeIndex), compiled.typeId(typeIndex));
        }
        for (int i = 0; i < m.definedFunctionCount(); i++, f++) {
            FunctionCode code = compiled.code(i);
            codes[f] = code;
            functions[f] = new WasmFunction(this, code, m.functionType(f), compiled.typeId(m.functionTypeIndex(f)));
        }
        try {
            for (var type : m.tables()) {
                tables[t++] = new Table(type, limits.maxTableElements(), store, compiled.heapId(type.elementType()));
            }
            // The store's page limit holds for this instance's memories together (with several, 3.0,
            // a module could otherwise multiply it), the declared maximum for each, and the store's
            // memory budget for everything the store's instances hold.
            PageAllowance allowance = new PageAllowance(limits.maxMemoryPages());
            for (var type : m.memories()) {
                memories[mi++] = new Memory(type, limits.maxMemoryPages(), store, allowance);
            }
        } catch (IllegalArgumentException tooBig) {
            throw new UninstantiableException(tooBig.getMessage());
        }
        this.memory = memories.length == 0 ? null : memories[0];
        ConstantEvaluator constants = new ConstantEvaluator(m, store, functions, globals);
        constants.instance(this);
        for (Global global : m.globals()) {
            constants.evaluate(global.init());
            var gi = dev.sandpiper.interpreter.Global.of(global.type(), constants.value(),
                    compiled.heapId(global.type().valType()), store);
            gi.high = constants.high();
            globals[g++] = gi;
        }
        this.constants = constants;
        // 3.0: a table defined with an initialiser starts with every element its value.
        int firstDefinedTable = m.tableSpace().size() - m.tables().size();
        for (int i = 0; i < m.tables().size(); i++) {
            var init = m.tables().get(i).init();
            if (init != null) {
                Table table = tables[firstDefinedTable + i];
                table.fill(0, constants.evaluate(init), table.size());
            }
        }
        exports = new LinkedHashMap<>();
        for (Export e : m.exports()) {
            exports.put(e.name(), switch (e.kind()) {
                case FUNC -> functions[e.index()];
                case TABLE -> tables[e.index()];
                case MEMORY -> memories[e.index()];
                case GLOBAL -> globals[e.index()];
                case TAG -> tags[e.index()];
            });
        }
        elements = new long[m.elements().size()][];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = references(m.elements().get(i));
        }
        data = new byte[m.data().size()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = compiled.data(i);
        }
    }

    /** How messages name a defined tag: by its first export, else by its index. */
    private static String tagName(Module m, String moduleName, int index) {
        String prefix = moduleName == null ? "" : moduleName + ".";
        for (Export e : m.exports()) {
            if (e.kind() == dev.sandpiper.decoder.model.ExternKind.TAG && e.index() == index) {
                return prefix + e.name();
            }
        }
        return prefix + "tag " + index;
    }

    /** Instantiation after import resolution (spec 2.0 order: segments, then the start function). */
    static Instance instantiate(Store store, CompiledModule compiled, List<Extern> imports) {
        Instance inst;
        try {
            inst = new Instance(store, compiled, imports);
        } catch (OutOfMemoryError heapFull) {
            throw new UninstantiableException("not enough heap to instantiate the module");
        }
        store.register(inst); // before any code runs: a collection may follow the start function
        Module m = compiled.module();
        try {
            for (int i = 0; i < inst.elements.length; i++) {
                ElementSegment seg = m.elements().get(i);
                if (seg.mode() == SegmentMode.ACTIVE) {
                    long offset = inst.constants.evaluate(seg.offset());
                    if (!inst.tables[seg.tableIndex()].address64()) {
                        offset &= 0xFFFFFFFFL; // an i32 offset; a 64-bit table's is an i64 (3.0)
                    }
                    long[] refs = inst.elements[i];
                    inst.tables[seg.tableIndex()].init(offset, refs, 0, refs.length);
                }
                if (seg.mode() != SegmentMode.PASSIVE) {
                    inst.elements[i] = DROPPED_ELEMENTS;
                }
            }
            for (int i = 0; i < inst.data.length; i++) {
                DataSegment seg = m.data().get(i);
                if (seg.mode() == SegmentMode.ACTIVE) {
                    long offset = inst.constants.evaluate(seg.offset());
                    if (!inst.memories[seg.memoryIndex()].address64) {
                        offset &= 0xFFFFFFFFL; // an i32 offset; a 64-bit memory's is an i64 (3.0)
                    }
                    byte[] bytes = inst.data[i];
                    inst.memories[seg.memoryIndex()].init(offset, bytes, 0, bytes.length);
                    inst.data[i] = DROPPED_DATA;
                }
            }
            if (m.hasStart()) {
                store.invoke(inst.functions[m.start()], new long[0]);
            }
        } catch (TrapException trap) {
            throw new UninstantiableException(trap);
        } catch (ThrownException uncaught) {
            throw new UninstantiableException(uncaught.getMessage());
        }
        return inst;
    }

    private long[] references(ElementSegment seg) {
        long[] refs = new long[seg.size()];
        if (seg.functionIndices() != null) {
            int[] idx = seg.functionIndices();
            for (int i = 0; i < refs.length; i++) {
                refs[i] = store.handle(functions[idx[i]]);
            }
        } else {
            for (int i = 0; i < refs.length; i++) {
                refs[i] = constants.evaluate(seg.exprs().get(i));
            }
        }
        return refs;
    }

    // ---- API ----

    public Store store() {
        return store;
    }

    public CompiledModule module() {
        return compiled;
    }

    /** Exports by name, in the module's order. */
    public Map<String, Extern> exports() {
        return Collections.unmodifiableMap(exports);
    }

    /** The export {@code name}, or null. */
    public Extern export(String name) {
        return exports.get(name);
    }

    /** The exported function {@code name}; throws when there is no such function export. */
    public FunctionInstance function(String name) {
        if (exports.get(name) instanceof FunctionInstance f) {
            return f;
        }
        throw new IllegalArgumentException("no function export named \"" + name + "\"");
    }

    /**
     * Calls the exported function {@code name} with raw argument bits. A GC reference among the
     * results stays valid until the host's next call into the store returns, or while pinned
     * ({@link Store#pin}); the store frees unreachable objects when a call from the host returns
     * ({@link Store}, GC references).
     */
    public long[] call(String name, long... args) {
        return function(name).call(args);
    }

    /**
     * Gives back to the store's {@link MemoryBudget} what this instance's own memory and tables
     * reserved (imported ones belong to their own instances). For a host that drops an instance while
     * its store lives on; the instance's memory and tables refuse to grow afterwards.
     */
    public void discard() {
        Module m = compiled.module();
        for (int i = m.memorySpace().size() - m.memories().size(); i < memories.length; i++) {
            memories[i].release();
        }
        for (int t = m.tableSpace().size() - m.tables().size(); t < tables.length; t++) {
            tables[t].release();
        }
    }

    /** Memory 0 (imported or defined), or null. */
    public Memory memory() {
        return memory;
    }

    /** Memory {@code index} of the memory index space (imports first). */
    public Memory memory(int index) {
        return memories[index];
    }

    // ---- for the interpreter ----

    /** The second tier for this instance: bound on first use once the module has one; else null. */
    InstanceTier tier() {
        InstanceTier t = tier;
        if (t == null) {
            ModuleTier m = compiled.tier();
            if (m != null) {
                tier = t = m.bind(this);
            }
        }
        return t;
    }

    /** The module's structure and array layouts. */
    GcTypes gcTypes() {
        return compiled.gcTypes();
    }

    long functionHandle(int funcIndex) {
        return store.handle(functions[funcIndex]);
    }

    /** The function {@code call_indirect} reaches through table {@code table} at {@code index}. */
    /**
     * The callee of {@code call_indirect} through a table whose index operand is {@code operand}'s
     * raw bits: a u32 for a 32-bit table, a u64 for a 64-bit one (3.0 table64).
     */
    FunctionInstance indirect(int table, long operand, int typeId) {
        Table t = tables[table];
        if (t.address64 && (operand < 0 || operand >= t.elements.length)) {
            throw new TrapException(TrapKind.UNDEFINED_ELEMENT, operand);
        }
        return indirect(table, (int) operand, typeId);
    }

    FunctionInstance indirect(int table, int index, int typeId) {
        Table t = tables[table];
        if (Integer.compareUnsigned(index, t.elements.length) >= 0) {
            throw new TrapException(TrapKind.UNDEFINED_ELEMENT, Integer.toUnsignedLong(index));
        }
        long ref = t.elements[index];
        if (ref == Table.NULL) {
            throw new TrapException(TrapKind.UNINITIALIZED_ELEMENT, index);
        }
        FunctionInstance f = store.function(ref);
        // Spec: 3.0, Execution > call_indirect: the function's type must match (be a subtype of) the expected one.
        if (f.typeId() != typeId && !dev.sandpiper.decoder.model.DefinedTypes.isSubtype(f.typeId(), typeId)) {
            throw new TrapException(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return f;
    }

    /**
     * The callee of {@code call_ref}: validation has matched its type already. Spec: 3.0, Execution
     * > Instructions > {@code call_ref} (a null reference traps).
     */
    FunctionInstance referenced(long ref) {
        if (ref == Table.NULL) {
            throw new TrapException(TrapKind.NULL_FUNCTION_REFERENCE);
        }
        return store.function(ref);
    }

    void tableInit(int table, int segment, long d, long s, long n) {
        tables[table].init(d, elements[segment], s, n);
    }

    void elemDrop(int segment) {
        elements[segment] = DROPPED_ELEMENTS;
    }

    void memoryInit(int segment, long d, long s, long n) {
        memory.init(d, data[segment], s, n);
    }

    /** {@code memory.init} into memory {@code mem} (3.0: any memory). */
    void memoryInit(int mem, int segment, long d, long s, long n) {
        memories[mem].init(d, data[segment], s, n);
    }

    void dataDrop(int segment) {
        data[segment] = DROPPED_DATA;
    }
}
