package dev.sandpiper.text.print;

import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.NameSection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The identifiers the printer gives to functions and locals: their names from the name section
 * (spec 2.0, Appendix 7.4.1, Name Section) when a name is not empty and not already taken in its
 * index space (identifiers must be unique there, spec 6.6.1); otherwise none, and references use
 * the index. A name of idchars is written {@code $name}, any other {@code $"name"} (3.0, Text
 * Format > Values > Identifiers). The name section of 2.0 names functions and locals only.
 */
final class Names {
    private final Map<Integer, String> functions = new HashMap<>();
    private final NameSection section;
    private final Map<Integer, Map<Integer, String>> locals = new HashMap<>();

    Names(Module module) {
        this.section = module.names() == null ? NameSection.EMPTY : module.names();
        Set<String> taken = new HashSet<>();
        for (int f = 0; f < module.functionCount(); f++) {
            String n = section.functionName(f);
            if (n != null && !n.isEmpty() && taken.add(n)) {
                functions.put(f, n);
            }
        }
    }

    /** {@code $name} of function {@code f}, or null. */
    String function(int f) {
        return id(functions.get(f));
    }

    /** {@code $name} of local {@code l} of function {@code f}, or null. */
    String local(int f, int l) {
        Map<Integer, String> m = locals.computeIfAbsent(f, this::localsOf);
        return id(m.get(l));
    }

    /** {@code $name}, or {@code $"name"} when the name is not all idchars; null for null. */
    private static String id(String n) {
        if (n == null || TextStrings.isIdentifier(n)) {
            return n == null ? null : "$" + n;
        }
        StringBuilder sb = new StringBuilder("$");
        TextStrings.appendName(sb, n);
        return sb.toString();
    }

    private Map<Integer, String> localsOf(int f) {
        Map<Integer, String> named = section.localNames().get(f);
        Map<Integer, String> out = new HashMap<>();
        if (named == null) {
            return out;
        }
        Set<String> taken = new HashSet<>();
        named.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getValue() != null && !e.getValue().isEmpty() && taken.add(e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /** A function reference: its {@code $name} or its index. */
    String funcRef(int f) {
        String n = function(f);
        return n != null ? n : Integer.toUnsignedString(f);
    }

    /** A local reference: its {@code $name} or its index. */
    String localRef(int f, int l) {
        String n = local(f, l);
        return n != null ? n : Integer.toUnsignedString(l);
    }
}
