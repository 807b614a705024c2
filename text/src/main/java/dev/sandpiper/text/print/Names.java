package dev.sandpiper.text.print;

import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.NameSection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The identifiers the printer gives to functions and locals: their names from the name section
 * (spec 2.0, Appendix 7.4.1, Name Section) when a name is a valid identifier (spec 6.3.5) and not
 * already taken in its index space (identifiers must be unique there, spec 6.6.1); otherwise none,
 * and references use the index. The name section of 2.0 names functions and locals only.
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
            if (TextStrings.isIdentifier(n) && taken.add(n)) {
                functions.put(f, n);
            }
        }
    }

    /** {@code $name} of function {@code f}, or null. */
    String function(int f) {
        String n = functions.get(f);
        return n == null ? null : "$" + n;
    }

    /** {@code $name} of local {@code l} of function {@code f}, or null. */
    String local(int f, int l) {
        Map<Integer, String> m = locals.computeIfAbsent(f, this::localsOf);
        String n = m.get(l);
        return n == null ? null : "$" + n;
    }

    private Map<Integer, String> localsOf(int f) {
        Map<Integer, String> named = section.localNames().get(f);
        Map<Integer, String> out = new HashMap<>();
        if (named == null) {
            return out;
        }
        Set<String> taken = new HashSet<>();
        named.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (TextStrings.isIdentifier(e.getValue()) && taken.add(e.getValue())) {
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
