package dev.sandpiper.decoder.model;

/**
 * What an import asks for: a function of a given type index, or a table, memory or global of a
 * given type.
 *
 * <p>Spec: 2.0, Structure > Modules > Imports, {@code syntax/modules.html#imports}.
 */
public sealed interface ImportDesc permits ImportDesc.Func, ImportDesc.Tag, TableType, MemoryType, GlobalType {
    ExternKind kind();

    /** A function import: the index of its type in the type section. */
    record Func(int typeIndex) implements ImportDesc {
        @Override
        public ExternKind kind() {
            return ExternKind.FUNC;
        }
    }

    /** A tag import (3.0, Modules > Imports): the index of its function type, whose results are empty. */
    record Tag(int typeIndex) implements ImportDesc {
        @Override
        public ExternKind kind() {
            return ExternKind.TAG;
        }
    }
}
