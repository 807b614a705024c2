package dev.sandpiper.text.module;

import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.CompositeType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.RecTypes;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.SubType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * Writes the binary format (spec 5.5.15 Modules): magic and version, then the non-empty sections in
 * the required order: type, import, function, table, memory, global, export, start, element, data
 * count (only when the code uses {@code memory.init} or {@code data.drop}, as wast2json does), code
 * and data; custom sections from {@code @custom} annotations (3.0) before or after the place of a
 * section kind, whether or not that section is present.
 */
final class BinaryEncoder {
    private BinaryEncoder() {}

    static byte[] encode(TypeTable types, ModuleSections s, boolean dataCount) {
        ByteSink out = new ByteSink();
        out.bytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        customs(out, s, true, "first");
        customs(out, s, true, "type");
        if (types.size() > 0) {
            section(out, 1, typeSection(types.recTypes()));
        }
        around(out, s, "type", "import");
        vecSection(out, 2, s.imports);
        around(out, s, "import", "func");
        if (!s.functionTypes.isEmpty()) {
            ByteSink sec = new ByteSink();
            sec.u32(s.functionTypes.size());
            for (int t : s.functionTypes) {
                sec.u32(t);
            }
            section(out, 3, sec);
        }
        around(out, s, "func", "table");
        vecSection(out, 4, s.tables);
        around(out, s, "table", "memory");
        vecSection(out, 5, s.memories);
        around(out, s, "memory", "tag");
        vecSection(out, 13, s.tags); // 3.0: the tag section sits between memory and global
        around(out, s, "tag", "global");
        vecSection(out, 6, s.globals);
        around(out, s, "global", "export");
        vecSection(out, 7, s.exports);
        around(out, s, "export", "start");
        if (s.start != null) {
            ByteSink sec = new ByteSink();
            sec.u32(s.start);
            section(out, 8, sec);
        }
        around(out, s, "start", "elem");
        vecSection(out, 9, s.elements);
        around(out, s, "elem", "datacount");
        if (dataCount) {
            ByteSink sec = new ByteSink();
            sec.u32(s.data.size());
            section(out, 12, sec);
        }
        around(out, s, "datacount", "code");
        if (!s.codes.isEmpty()) {
            ByteSink sec = new ByteSink();
            sec.u32(s.codes.size());
            for (byte[] code : s.codes) {
                sec.vec(code);
            }
            section(out, 10, sec);
        }
        around(out, s, "code", "data");
        vecSection(out, 11, s.data);
        customs(out, s, false, "data");
        customs(out, s, false, "last");
        return out.toByteArray();
    }

    /**
     * Recursion groups: a group of several types as {@code 0x4E vec(subtype)}, one alone as its
     * sub type; a sub type that is final without supertypes as its bare composite type (3.0,
     * Binary Format > Types > Recursive Types).
     */
    private static ByteSink typeSection(RecTypes types) {
        ByteSink sec = new ByteSink();
        int groups = 0;
        ByteSink body = new ByteSink();
        int i = 0;
        while (i < types.size()) {
            int size = types.groupSize(i);
            if (size != 1) {
                body.u8(0x4E);
                body.u32(size);
            }
            for (int k = 0; k < size; k++) {
                subType(body, types.type(i + k));
            }
            groups++;
            i += size;
        }
        sec.u32(groups);
        sec.append(body);
        return sec;
    }

    private static void subType(ByteSink out, SubType t) {
        if (!t.isFinal() || !t.supertypes().isEmpty()) {
            out.u8(t.isFinal() ? 0x4F : 0x50);
            out.u32(t.supertypes().size());
            for (int s : t.supertypes()) {
                out.u32(s);
            }
        }
        CompositeType c = t.composite();
        if (c instanceof FuncType f) {
            out.u8(0x60);
            valTypes(out, f.params());
            valTypes(out, f.results());
        } else if (c instanceof StructType s) {
            out.u8(0x5F);
            out.u32(s.fields().size());
            for (FieldType f : s.fields()) {
                field(out, f);
            }
        } else {
            out.u8(0x5E);
            field(out, ((ArrayType) c).element());
        }
    }

    private static void field(ByteSink out, FieldType f) {
        if (f.isPacked()) {
            out.u8(f.packedBits() == 8 ? FieldType.CODE_I8 : FieldType.CODE_I16);
        } else {
            out.valType(f.type());
        }
        out.u8(f.mutable() ? 1 : 0);
    }

    /** The custom sections after section kind {@code after}, then those before {@code before}. */
    private static void around(ByteSink out, ModuleSections s, String after, String before) {
        customs(out, s, false, after);
        customs(out, s, true, before);
    }

    private static void customs(ByteSink out, ModuleSections s, boolean before, String anchor) {
        for (CustomAnnotations.Section c : s.customs) {
            if (c.before() == before && c.anchor().equals(anchor)) {
                ByteSink sec = new ByteSink();
                sec.u32(c.name().length);
                sec.bytes(c.name());
                sec.bytes(c.content());
                section(out, 0, sec);
            }
        }
    }

    private static void valTypes(ByteSink out, List<ValType> types) {
        out.u32(types.size());
        for (ValType t : types) {
            out.valType(t);
        }
    }

    private static void vecSection(ByteSink out, int id, List<byte[]> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ByteSink sec = new ByteSink();
        sec.u32(entries.size());
        for (byte[] e : entries) {
            sec.bytes(e);
        }
        section(out, id, sec);
    }

    private static void section(ByteSink out, int id, ByteSink content) {
        out.u8(id);
        out.u32(content.size());
        out.append(content);
    }
}
