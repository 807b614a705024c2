package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.model.RecTypes;
import dev.sandpiper.decoder.model.SubType;
import java.util.ArrayList;
import java.util.List;

/**
 * The type section: a vector of recursion groups, each {@code 0x4E vec(subtype)} or a single
 * sub type standing for a group of one. Without GC every entry is a function type.
 *
 * <p>Spec: 3.0, Binary Format > Modules > Type Section, {@code binary/modules.html#type-section};
 * Binary Format > Types > Recursive Types, {@code binary/types.html#recursive-types}.
 */
final class TypeSectionReader {
    private static final int REC = 0x4E;

    private TypeSectionReader() {}

    static RecTypes read(WasmReader in) {
        int n = in.count();
        List<SubType> types = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = in.position();
            if (in.peek() == REC) {
                if (!in.gc()) {
                    throw in.error("malformed function type " + Features.notEnabled(Feature.GC), at);
                }
                in.u8();
                int size = in.count();
                int start = types.size();
                for (int k = 0; k < size; k++) {
                    types.add(TypeReaders.subType(in));
                    starts.add(start);
                }
            } else {
                starts.add(types.size());
                types.add(TypeReaders.subType(in));
            }
        }
        int[] groupStart = new int[starts.size()];
        for (int i = 0; i < groupStart.length; i++) {
            groupStart[i] = starts.get(i);
        }
        return new RecTypes(types, groupStart);
    }
}
