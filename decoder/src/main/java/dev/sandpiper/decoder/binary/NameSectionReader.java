package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.model.NameSection;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code name} custom section, read leniently: a defect anywhere in it discards the debug names
 * and never makes the module malformed (spec 2.0, Appendix > Custom Sections > Name Section,
 * {@code appendix/custom.html#name-section}: "errors in custom sections ... do not invalidate the
 * module").
 */
final class NameSectionReader {
    private static final int MODULE_NAME = 0;
    private static final int FUNCTION_NAMES = 1;
    private static final int LOCAL_NAMES = 2;

    private NameSectionReader() {}

    static NameSection read(byte[] bytes, int start, int end) {
        try {
            return parse(new WasmReader(bytes, start, end));
        } catch (MalformedModuleException e) {
            return NameSection.EMPTY;
        }
    }

    private static NameSection parse(WasmReader in) {
        String moduleName = null;
        Map<Integer, String> functions = new HashMap<>();
        Map<Integer, Map<Integer, String>> locals = new HashMap<>();
        while (!in.atEnd()) {
            int id = in.u8();
            int size = in.length();
            int subEnd = in.position() + size;
            switch (id) {
                case MODULE_NAME -> moduleName = in.name();
                case FUNCTION_NAMES -> nameMap(in, functions);
                case LOCAL_NAMES -> {
                    int n = in.count();
                    for (int i = 0; i < n; i++) {
                        int func = in.u32();
                        Map<Integer, String> names = new HashMap<>();
                        nameMap(in, names);
                        locals.put(func, names);
                    }
                }
                default -> in.position(subEnd);
            }
            if (in.position() != subEnd) {
                return NameSection.EMPTY;
            }
        }
        return new NameSection(moduleName, functions, locals);
    }

    private static void nameMap(WasmReader in, Map<Integer, String> into) {
        int n = in.count();
        for (int i = 0; i < n; i++) {
            int index = in.u32();
            into.put(index, in.name());
        }
    }
}
