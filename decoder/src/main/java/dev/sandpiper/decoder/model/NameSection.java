package dev.sandpiper.decoder.model;

import java.util.Map;

/**
 * Debug names from the {@code name} custom section: module name, function names by function index,
 * local names by function then local index. A malformed name section yields {@link #EMPTY} and
 * never makes the module malformed.
 *
 * <p>Spec: 2.0, Appendix > Custom Sections > Name Section, {@code appendix/custom.html#name-section}.
 */
public record NameSection(String moduleName, Map<Integer, String> functionNames,
        Map<Integer, Map<Integer, String>> localNames) {

    public static final NameSection EMPTY = new NameSection(null, Map.of(), Map.of());

    public NameSection {
        functionNames = Map.copyOf(functionNames);
        localNames = Map.copyOf(localNames);
    }

    /** The function's debug name, or null. */
    public String functionName(int funcIndex) {
        return functionNames.get(funcIndex);
    }

    /** The local's debug name, or null. */
    public String localName(int funcIndex, int localIndex) {
        Map<Integer, String> locals = localNames.get(funcIndex);
        return locals == null ? null : locals.get(localIndex);
    }
}
