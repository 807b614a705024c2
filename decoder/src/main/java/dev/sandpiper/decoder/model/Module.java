package dev.sandpiper.decoder.model;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.code.CodeReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoded module: every section's content, immutable and safe to share between threads. The index
 * spaces of functions, tables, memories and globals start with the imports, then the definitions
 * (spec 2.0, Structure > Modules > Indices, {@code syntax/modules.html#indices}).
 *
 * <p>Spec: 2.0, Structure > Modules, {@code syntax/modules.html}.
 */
public final class Module {
    private final byte[] bytes;
    private final RecTypes recTypes;
    private final List<FuncType> types;
    private final List<Import> imports;
    private final int[] functionTypeIndices;
    private final List<TableType> tables;
    private final List<MemoryType> memories;
    private final List<Global> globals;
    private final List<Export> exports;
    private final int start;
    private final boolean hasStart;
    private final List<ElementSegment> elements;
    private final int dataCount;
    private final List<FunctionBody> codes;
    private final List<DataSegment> data;
    private final List<CustomSection> customSections;
    private final NameSection names;
    private final Features features;
    /** Type index of each defined tag (3.0, Modules > Tags). */
    private final int[] tags;

    // Index spaces, imports first.
    private final int[] funcTypeIndexSpace;
    private final List<TableType> tableSpace;
    private final List<MemoryType> memorySpace;
    private final List<GlobalType> globalSpace;
    private final int[] tagSpace;
    private final int importedFunctions;
    private final int importedGlobals;

    /** A module decoded with every feature enabled; {@code bytes} must not be modified afterwards. */
    public Module(byte[] bytes, List<FuncType> types, List<Import> imports, int[] functionTypeIndices,
            List<TableType> tables, List<MemoryType> memories, List<Global> globals, List<Export> exports,
            int start, boolean hasStart, List<ElementSegment> elements, int dataCount, List<FunctionBody> codes,
            List<DataSegment> data, List<CustomSection> customSections, NameSection names) {
        this(bytes, types, imports, functionTypeIndices, tables, memories, globals, exports, start, hasStart,
                elements, dataCount, codes, data, customSections, names, Features.all());
    }

    /**
     * Built by the decoder, which accepted only {@code features} (the validator then checks the
     * rules that depend on them); {@code bytes} must not be modified afterwards.
     */
    public Module(byte[] bytes, List<FuncType> types, List<Import> imports, int[] functionTypeIndices,
            List<TableType> tables, List<MemoryType> memories, List<Global> globals, List<Export> exports,
            int start, boolean hasStart, List<ElementSegment> elements, int dataCount, List<FunctionBody> codes,
            List<DataSegment> data, List<CustomSection> customSections, NameSection names, Features features) {
        this(bytes, RecTypes.ofFunctions(types), imports, functionTypeIndices, tables, memories, globals, exports,
                start, hasStart, elements, dataCount, codes, data, customSections, names, features, new int[0]);
    }

    /** As above, with the type index of each defined tag (3.0, the tag section). */
    public Module(byte[] bytes, List<FuncType> types, List<Import> imports, int[] functionTypeIndices,
            List<TableType> tables, List<MemoryType> memories, List<Global> globals, List<Export> exports,
            int start, boolean hasStart, List<ElementSegment> elements, int dataCount, List<FunctionBody> codes,
            List<DataSegment> data, List<CustomSection> customSections, NameSection names, Features features,
            int[] tags) {
        this(bytes, RecTypes.ofFunctions(types), imports, functionTypeIndices, tables, memories, globals, exports,
                start, hasStart, elements, dataCount, codes, data, customSections, names, features, tags);
    }

    /**
     * As above, with a type section that may hold recursion groups, structure and array types
     * (3.0 GC).
     */
    public Module(byte[] bytes, RecTypes recTypes, List<Import> imports, int[] functionTypeIndices,
            List<TableType> tables, List<MemoryType> memories, List<Global> globals, List<Export> exports,
            int start, boolean hasStart, List<ElementSegment> elements, int dataCount, List<FunctionBody> codes,
            List<DataSegment> data, List<CustomSection> customSections, NameSection names, Features features) {
        this(bytes, recTypes, imports, functionTypeIndices, tables, memories, globals, exports, start, hasStart,
                elements, dataCount, codes, data, customSections, names, features, new int[0]);
    }

    /** The module: a type section of recursion groups (3.0 GC) and the defined tags' type indices. */
    public Module(byte[] bytes, RecTypes recTypes, List<Import> imports, int[] functionTypeIndices,
            List<TableType> tables, List<MemoryType> memories, List<Global> globals, List<Export> exports,
            int start, boolean hasStart, List<ElementSegment> elements, int dataCount, List<FunctionBody> codes,
            List<DataSegment> data, List<CustomSection> customSections, NameSection names, Features features,
            int[] tags) {
        this.features = features;
        this.tags = tags.clone();
        this.bytes = bytes;
        this.recTypes = recTypes;
        this.types = recTypes.functions();
        this.imports = List.copyOf(imports);
        this.functionTypeIndices = functionTypeIndices.clone();
        this.tables = List.copyOf(tables);
        this.memories = List.copyOf(memories);
        this.globals = List.copyOf(globals);
        this.exports = List.copyOf(exports);
        this.start = start;
        this.hasStart = hasStart;
        this.elements = List.copyOf(elements);
        this.dataCount = dataCount;
        this.codes = List.copyOf(codes);
        this.data = List.copyOf(data);
        this.customSections = List.copyOf(customSections);
        this.names = names;

        int funcs = 0;
        int globalsImported = 0;
        List<TableType> ts = new ArrayList<>();
        List<MemoryType> ms = new ArrayList<>();
        List<GlobalType> gs = new ArrayList<>();
        List<Integer> fs = new ArrayList<>();
        List<Integer> tgs = new ArrayList<>();
        for (Import imp : imports) {
            ImportDesc d = imp.desc();
            if (d instanceof ImportDesc.Tag t) {
                tgs.add(t.typeIndex());
            }
            if (d instanceof ImportDesc.Func f) {
                fs.add(f.typeIndex());
                funcs++;
            } else if (d instanceof TableType t) {
                ts.add(t);
            } else if (d instanceof MemoryType m) {
                ms.add(m);
            } else if (d instanceof GlobalType g) {
                gs.add(g);
                globalsImported++;
            }
        }
        this.importedFunctions = funcs;
        this.importedGlobals = globalsImported;
        this.funcTypeIndexSpace = new int[funcs + functionTypeIndices.length];
        for (int i = 0; i < funcs; i++) {
            funcTypeIndexSpace[i] = fs.get(i);
        }
        System.arraycopy(functionTypeIndices, 0, funcTypeIndexSpace, funcs, functionTypeIndices.length);
        ts.addAll(tables);
        ms.addAll(memories);
        for (Global g : globals) {
            gs.add(g.type());
        }
        this.tableSpace = List.copyOf(ts);
        this.memorySpace = List.copyOf(ms);
        this.globalSpace = List.copyOf(gs);
        this.tagSpace = new int[tgs.size() + tags.length];
        for (int i = 0; i < tgs.size(); i++) {
            tagSpace[i] = tgs.get(i);
        }
        System.arraycopy(tags, 0, tagSpace, tgs.size(), tags.length);
    }

    /**
     * The function type of each type index; a structure or array type's entry is
     * {@link RecTypes#NOT_A_FUNCTION}, which validation keeps from being used as a function type.
     */
    public List<FuncType> types() {
        return types;
    }

    /** The whole type section: recursion groups, sub types, structure and array types (3.0). */
    public RecTypes recTypes() {
        return recTypes;
    }

    public List<Import> imports() {
        return imports;
    }

    /** Type index of each defined (not imported) function, in order. */
    public int definedFunctionTypeIndex(int definedIndex) {
        return functionTypeIndices[definedIndex];
    }

    public int definedFunctionCount() {
        return functionTypeIndices.length;
    }

    public List<TableType> tables() {
        return tables;
    }

    public List<MemoryType> memories() {
        return memories;
    }

    public List<Global> globals() {
        return globals;
    }

    public List<Export> exports() {
        return exports;
    }

    /**
     * The start function's index (u32 bits), or -1 when there is none. An index of 2^32-1 is also -1:
     * tell the two apart with {@link #hasStart()}.
     */
    public int start() {
        return start;
    }

    /** Whether the module has a start section. */
    public boolean hasStart() {
        return hasStart;
    }

    public List<ElementSegment> elements() {
        return elements;
    }

    /** The data count section's value, or -1 when the section is absent. */
    public int dataCount() {
        return dataCount;
    }

    public List<FunctionBody> codes() {
        return codes;
    }

    public List<DataSegment> data() {
        return data;
    }

    public List<CustomSection> customSections() {
        return customSections;
    }

    public NameSection names() {
        return names;
    }

    // ---- index spaces ----

    public int importedFunctionCount() {
        return importedFunctions;
    }

    public int importedGlobalCount() {
        return importedGlobals;
    }

    /** Size of the function index space (imports included). */
    public int functionCount() {
        return funcTypeIndexSpace.length;
    }

    /** Type index of function {@code funcIndex} of the function index space. */
    public int functionTypeIndex(int funcIndex) {
        return funcTypeIndexSpace[funcIndex];
    }

    /** Type of function {@code funcIndex}; its type index must be valid. */
    public FuncType functionType(int funcIndex) {
        return types.get(funcTypeIndexSpace[funcIndex]);
    }

    /** Tables of the table index space (imports first). */
    public List<TableType> tableSpace() {
        return tableSpace;
    }

    /** Memories of the memory index space (imports first). */
    public List<MemoryType> memorySpace() {
        return memorySpace;
    }

    /** Global types of the global index space (imports first). */
    public List<GlobalType> globalSpace() {
        return globalSpace;
    }

    /** Number of defined (not imported) tags. */
    public int definedTagCount() {
        return tags.length;
    }

    /** Size of the tag index space (imports first; 3.0, Modules > Tags). */
    public int tagCount() {
        return tagSpace.length;
    }

    /** Type index of tag {@code tagIndex} of the tag index space. */
    public int tagTypeIndex(int tagIndex) {
        return tagSpace[tagIndex];
    }

    // ---- access to byte ranges ----

    /** A reader over the instructions of defined function {@code definedIndex}. */
    public CodeReader codeReader(int definedIndex) {
        FunctionBody body = codes.get(definedIndex);
        return new CodeReader(bytes, body.codeStart(), body.codeEnd(), features);
    }

    /** The features the module was decoded with: what it may use. */
    public Features features() {
        return features;
    }

    /** A reader over a constant expression's instructions, its final {@code end} included. */
    public CodeReader codeReader(ConstExpr expr) {
        return new CodeReader(bytes, expr.start(), expr.end(), features);
    }

    /** A copy of the bytes of a data segment. */
    public byte[] copyData(DataSegment segment) {
        byte[] out = new byte[segment.length()];
        System.arraycopy(bytes, segment.dataStart(), out, 0, segment.length());
        return out;
    }

    /** A copy of a custom section's content. */
    public byte[] copyContent(CustomSection section) {
        byte[] out = new byte[section.contentEnd() - section.contentStart()];
        System.arraycopy(bytes, section.contentStart(), out, 0, out.length);
        return out;
    }

    /** Size of the module's binary in bytes. */
    public int byteSize() {
        return bytes.length;
    }
}
