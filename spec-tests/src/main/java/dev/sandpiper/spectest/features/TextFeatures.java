package dev.sandpiper.spectest.features;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 3.0 features a script command needs, from its text: keywords (instructions, types, script
 * forms) that 2.0 does not have, and a few structural rules on a module's fields (how many
 * memories, memory indices on memory instructions, {@code i64} address types, extended constant
 * expressions and those reading defined globals, table initializers). A {@code (module binary ...)} goes to
 * {@link BinaryFeatures}, a {@code (module quote ...)} is read from its strings. Never throws.
 */
public final class TextFeatures {
    private static final Map<String, Feature> KEYWORDS = new HashMap<>();
    /** Loads and stores, scalar and vector (2.0, Text Format > Instructions > Memory and Vector Instructions). */
    private static final Pattern MEMORY_ACCESS = Pattern.compile("(i32|i64|f32|f64|v128)\\.(load|store)\\w*");
    /**
     * A line comment ended by a carriage return alone: it ends there in 3.0 (Text Format > Lexical
     * Format > Comments), at the next line feed in 2.0.
     */
    private static final Pattern LONE_CR_COMMENT = Pattern.compile(";;[^\n\r]*\r(?!\n)");
    private static final Set<String> EXTENDED_CONST =
            Set.of("i32.add", "i32.sub", "i32.mul", "i64.add", "i64.sub", "i64.mul");

    static {
        words(Feature.TAIL_CALLS, "return_call", "return_call_indirect", "return_call_ref");
        words(Feature.EXCEPTIONS, "try_table", "throw", "throw_ref", "tag", "exnref", "nullexnref", "exn", "noexn",
                "catch", "catch_all", "catch_ref", "catch_all_ref", "assert_exception", "ref.exn");
        words(Feature.LEGACY_EXCEPTIONS, "try", "delegate", "rethrow");
        words(Feature.FUNCTION_REFERENCES, "call_ref", "ref.as_non_null", "br_on_null", "br_on_non_null", "ref");
        words(Feature.GC, "ref.i31", "ref.test", "ref.cast", "br_on_cast", "br_on_cast_fail", "ref.eq",
                "any.convert_extern", "extern.convert_any", "anyref", "eqref", "i31ref", "structref", "arrayref",
                "nullref", "nullfuncref", "nullexternref", "any", "eq", "i31", "struct", "array", "none", "nofunc",
                "noextern", "sub", "rec", "final", "field", "ref.struct", "ref.array", "ref.any", "ref.host");
        words(Feature.THREADS, "shared", "atomic.fence");
        words(Feature.ANNOTATIONS, "assert_malformed_custom", "assert_invalid_custom");
        words(Feature.SCRIPT_3_0, "either");
    }

    private static void words(Feature f, String... words) {
        for (String w : words) {
            KEYWORDS.put(w, f);
        }
    }

    private final EnumSet<Feature> out = EnumSet.noneOf(Feature.class);

    private TextFeatures() {}

    /** The features the command {@code form} (a whole {@code (module ...)} or {@code (assert_... )}) needs. */
    public static Set<Feature> of(Sexp form) {
        TextFeatures f = new TextFeatures();
        f.command(form);
        return f.out;
    }

    private void command(Sexp form) {
        walk(form, false);
    }

    /** The features of the commands written in {@code text}, together. */
    public static Set<Feature> of(String text) {
        TextFeatures f = new TextFeatures();
        for (Sexp form : Sexp.parseAll(text)) {
            f.command(form);
        }
        return f.out;
    }

    /** The features of a text module's fields alone (a script that is one module's fields, or a quote). */
    public static Set<Feature> ofFields(String text) {
        TextFeatures f = new TextFeatures();
        f.quoted(text);
        return f.out;
    }

    /** A module's text: its fields, or one {@code (module ...)}. */
    private void quoted(String text) {
        if (LONE_CR_COMMENT.matcher(text).find()) {
            out.add(Feature.TEXT_3_0);
        }
        List<Sexp> forms = Sexp.parseAll(text);
        if (forms.size() == 1 && forms.get(0).isList("module")) {
            module(forms.get(0));
        } else {
            fields(forms);
        }
    }

    private void walk(Sexp s, boolean inModule) {
        if (s.isAtom()) {
            atom(s.atom());
            return;
        }
        if (!s.isList()) {
            return;
        }
        String head = s.head();
        if (head != null && head.startsWith("@")) {
            // an annotation (3.0, Text Format > Lexical Format > Annotations): its content is not
            // classified
            out.add(Feature.ANNOTATIONS);
            return;
        }
        if (!inModule && "module".equals(head)) {
            module(s);
            return;
        }
        List<Sexp> items = s.items();
        for (int i = 0; i < items.size(); i++) {
            Sexp item = items.get(i);
            walk(item, inModule);
            if (inModule && item.isAtom() && item.atom().startsWith("offset=")
                    && exceedsU32(item.atom().substring(7))) {
                // a 64-bit offset, checked against the address type (3.0, Validation > Instructions
                // > Memory Instructions)
                out.add(Feature.MEMORY64);
            }
            if (inModule && item.isAtom()) {
                sequence(item.atom(), items, i + 1);
            }
            if ("ref.null".equals(item.atom()) && i + 1 < items.size()
                    && (items.get(i + 1).isId() || items.get(i + 1).isNumber())) {
                // ref.null of a type index (3.0, Text Format > Instructions > Reference
                // Instructions)
                out.add(Feature.FUNCTION_REFERENCES);
            }
        }
        if (inModule && ("memory".equals(head) || "table".equals(head))
                && (hasAtom(s, "i64") || items.stream().anyMatch(x -> x.isNumber() && exceedsU32(x.atom())))) {
            // an i64 address type (3.0, Text Format > Types > Memory Types, Table Types), or limits
            // read as u64 and checked in validation ("memory size", "table size"; 2.0 reads u32, so
            // they are malformed there)
            out.add(Feature.MEMORY64);
        }
    }

    private void atom(String a) {
        Feature f = KEYWORDS.get(a);
        if (f != null) {
            out.add(f);
            if (a.equals("return_call_ref")) {
                out.add(Feature.FUNCTION_REFERENCES);
            }
        } else if (a.startsWith("struct.") || a.startsWith("array.") || a.startsWith("i31.")) {
            out.add(Feature.GC);
        } else if (a.contains("relaxed_")) {
            out.add(Feature.RELAXED_SIMD);
        } else if (a.contains(".atomic.") || a.startsWith("memory.atomic.")) {
            out.add(Feature.THREADS);
        } else if (a.startsWith("@")) {
            out.add(Feature.ANNOTATIONS);
        } else if (a.equals("$")) {
            // $ before a string is an identifier in 3.0 (Text Format > Values > Identifiers), else
            // "empty identifier"
            out.add(Feature.TEXT_3_0);
        }
    }

    /**
     * A {@code (module ...)}: binary, quote, or text fields; {@code definition} and {@code
     * instance} are 3.0 script forms.
     */
    private void module(Sexp m) {
        List<Sexp> items = m.items();
        int i = 1;
        if (i < items.size() && ("definition".equals(items.get(i).atom()) || "instance".equals(items.get(i).atom()))) {
            out.add(Feature.SCRIPT_3_0);
            i++;
        }
        if (i < items.size() && items.get(i).isId()) {
            i++;
        }
        String kind = i < items.size() ? items.get(i).atom() : null;
        if ("binary".equals(kind)) {
            out.addAll(BinaryFeatures.of(strings(items, i + 1)));
        } else if ("quote".equals(kind)) {
            quoted(new String(strings(items, i + 1), StandardCharsets.UTF_8));
        } else {
            fields(items.subList(i, items.size()));
        }
    }

    private static byte[] strings(List<Sexp> items, int from) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Sexp s : items.subList(Math.min(from, items.size()), items.size())) {
            if (s.isString()) {
                bytes.writeBytes(s.bytes());
            }
        }
        return bytes.toByteArray();
    }

    /** A text module's fields: keywords everywhere, then the structural rules. */
    private void fields(List<Sexp> fields) {
        int memories = 0;
        for (Sexp field : fields) {
            walk(field, true);
            String head = field.head();
            if ("memory".equals(head)
                    || "import".equals(head) && field.items().stream().anyMatch(x -> x.isList("memory"))) {
                memories++;
            }
            if ("global".equals(head) || "elem".equals(head) || "data".equals(head) || "table".equals(head)) {
                constants(field);
            }
            if ("table".equals(head) && hasInitializer(field)) {
                // a table with an initializer expression (3.0, Text Format > Modules > Tables)
                out.add(Feature.FUNCTION_REFERENCES);
            }
        }
        if (memories > 1) {
            out.add(Feature.MULTI_MEMORY); // 2.0, Validation > Modules: at most one memory
        }
        globalGets(fields);
    }

    /**
     * After a memory instruction, the indices that follow it. 2.0 has none on loads, stores,
     * {@code memory.size}, {@code grow}, {@code fill}, {@code copy}, one (the data index) on
     * {@code memory.init} and one (the lane) on lane loads and stores; 3.0 allows a memory index
     * first (3.0, Text Format > Instructions > Memory Instructions).
     */
    private void sequence(String op, List<Sexp> items, int next) {
        boolean access = MEMORY_ACCESS.matcher(op).matches();
        if (!access && !op.startsWith("memory.")) {
            return;
        }
        int indices = 0;
        boolean firstId = next < items.size() && items.get(next).isId();
        for (int i = next; i < items.size() && (items.get(i).isId() || items.get(i).isNumber()); i++) {
            indices++;
        }
        int allowed = op.endsWith("_lane") || op.equals("memory.init") ? 1 : 0;
        if (access || op.equals("memory.size") || op.equals("memory.grow") || op.equals("memory.fill")
                || op.equals("memory.copy") || op.equals("memory.init")) {
            if (indices > allowed || (allowed == 1 && firstId && op.endsWith("_lane"))) {
                out.add(Feature.MULTI_MEMORY);
            }
        }
    }

    /**
     * Extended constant expressions (3.0, Validation > Instructions > Constant Expressions):
     * arithmetic in a global, offset or element expression.
     */
    private void constants(Sexp field) {
        for (Sexp s : field.items()) {
            if (s.isList("export") || s.isList("import")) {
                continue;
            }
            if (s.isAtom() && EXTENDED_CONST.contains(s.atom())) {
                out.add(Feature.EXTENDED_CONST);
            } else if (s.isList()) {
                constants(s);
            }
        }
    }

    private static boolean hasInitializer(Sexp table) {
        for (Sexp s : table.items().subList(1, table.items().size())) {
            if (s.isList("export") || s.isList("import") || s.isList("elem") || s.isList("ref")) {
                continue;
            }
            if (s.isList() || (s.isAtom() && s.atom().contains("."))) {
                return true;
            }
        }
        return false;
    }

    /**
     * 2.0 lets constant expressions read imported globals only (2.0, Validation > Modules); 3.0 lets a global's
     * initializer read any earlier global and a segment's offset any global (3.0, Validation > Modules, from
     * GC). A {@code global.get} of a defined global there needs that rule, {@link
     * Feature#DEFINED_GLOBALS_IN_CONSTANTS}.
     */
    private void globalGets(List<Sexp> fields) {
        List<String> importedIds = new ArrayList<>();
        List<Sexp> defined = new ArrayList<>();
        for (Sexp field : fields) {
            if (field.isList("global")) {
                if (field.items().stream().anyMatch(x -> x.isList("import"))) {
                    importedIds.add(id(field));
                } else {
                    defined.add(field);
                }
            } else if (field.isList("import")) {
                for (Sexp x : field.items()) {
                    if (x.isList("global")) {
                        importedIds.add(id(x));
                    }
                }
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < importedIds.size(); i++) {
            index.put(importedIds.get(i), i);
        }
        for (int d = 0; d < defined.size(); d++) {
            index.put(id(defined.get(d)), importedIds.size() + d);
        }
        index.remove(null);
        for (int d = 0; d < defined.size(); d++) {
            int self = importedIds.size() + d;
            if (readsGlobal(defined.get(d), index, importedIds.size(), self)) {
                out.add(Feature.DEFINED_GLOBALS_IN_CONSTANTS);
            }
        }
        int all = importedIds.size() + defined.size();
        for (Sexp field : fields) {
            if ((field.isList("elem") || field.isList("data")) && readsGlobal(field, index, importedIds.size(), all)) {
                // an offset reading a defined global: 3.0 validates segments with all globals
                out.add(Feature.DEFINED_GLOBALS_IN_CONSTANTS);
            }
        }
    }

    /** Whether {@code s} has {@code global.get x} with {@code from <= x < to}. */
    private static boolean readsGlobal(Sexp s, Map<String, Integer> index, int from, int to) {
        if (!s.isList()) {
            return false;
        }
        List<Sexp> items = s.items();
        for (int i = 0; i < items.size(); i++) {
            Sexp item = items.get(i);
            if ("global.get".equals(item.atom()) && i + 1 < items.size()) {
                Integer x = target(items.get(i + 1), index);
                if (x != null && x >= from && x < to) {
                    return true;
                }
            } else if (readsGlobal(item, index, from, to)) {
                return true;
            }
        }
        return false;
    }

    private static Integer target(Sexp ref, Map<String, Integer> index) {
        if (ref.isId()) {
            return index.get(ref.atom());
        }
        if (ref.isNumber()) {
            try {
                return Integer.decode(ref.atom().replace("_", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String id(Sexp field) {
        return field.items().size() > 1 && field.items().get(1).isId() ? field.items().get(1).atom() : null;
    }

    /** Whether an integer literal (decimal or hex, with {@code _}) is 2^32 or more. */
    static boolean exceedsU32(String literal) {
        String digits = literal.replace("_", "");
        try {
            java.math.BigInteger v = digits.startsWith("0x") ? new java.math.BigInteger(digits.substring(2), 16)
                    : new java.math.BigInteger(digits);
            return v.bitLength() > 32;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean hasAtom(Sexp list, String atom) {
        for (Sexp s : list.items()) {
            if (atom.equals(s.atom())) {
                return true;
            }
        }
        return false;
    }
}
