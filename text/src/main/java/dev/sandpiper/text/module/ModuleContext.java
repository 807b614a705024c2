package dev.sandpiper.text.module;

import dev.sandpiper.text.lex.TokenCursor;

/**
 * What the parser of one module shares between fields: the cursor, the index spaces with their
 * identifiers (spec 6.6.1, bound by {@link FieldScanner} before anything refers to them), the type
 * table, and whether the code needs a data count section.
 */
final class ModuleContext {
    final TokenCursor c;
    final IndexSpace types = new IndexSpace("type", "type");
    final IndexSpace funcs = new IndexSpace("func", "function");
    final IndexSpace tables = new IndexSpace("table", "table");
    final IndexSpace memories = new IndexSpace("memory", "memory");
    final IndexSpace globals = new IndexSpace("global", "global");
    /** Tags (3.0, exception handling). */
    final IndexSpace tags = new IndexSpace("tag", "tag");
    final IndexSpace elems = new IndexSpace("elem", "elem segment");
    final IndexSpace datas = new IndexSpace("data", "data segment");
    final TypeTable typeTable = new TypeTable();
    /** Set by {@code memory.init} and {@code data.drop} (spec 5.5.16: they need the data count). */
    boolean usesDataIndices;

    ModuleContext(TokenCursor c) {
        this.c = c;
    }
}
