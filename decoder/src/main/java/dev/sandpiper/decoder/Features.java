package dev.sandpiper.decoder;

import dev.sandpiper.decoder.code.Feature;
import java.util.ArrayList;
import java.util.List;

/**
 * Which proposals ({@link Feature}s) a module may use: an embedder that has not vetted a proposal
 * refuses the modules that use it. A module using a feature that is not enabled fails to load with
 * an error that names the feature: {@link MalformedModuleException} where the binary format itself
 * changed (an unknown opcode, a memory index where 2.0 has a zero byte), else
 * {@code InvalidModuleException} from the validator (more than one memory, an arithmetic
 * constant expression). Without a feature, a module is decoded and validated exactly as the
 * edition without it says, so the 2.0 suite passes under {@link #wasm20()}.
 *
 * <p>Immutable; {@link #all()} is the default everywhere a module is loaded.
 */
public final class Features {
    private static final Features ALL = new Features(mask(Feature.values()));
    private static final Features WASM_20;

    static {
        long m = 0;
        for (Feature f : Feature.values()) {
            if (f.inWasm20()) {
                m |= 1L << f.ordinal();
            }
        }
        WASM_20 = new Features(m);
    }

    private final long bits;

    private Features(long bits) {
        this.bits = bits | 1L << Feature.MVP.ordinal();
    }

    /** Every feature this engine implements: the default. */
    public static Features all() {
        return ALL;
    }

    /** WebAssembly 2.0: none of the 3.0 proposals. */
    public static Features wasm20() {
        return WASM_20;
    }

    /** Exactly {@code features} (and the MVP, which cannot be turned off). */
    public static Features of(Feature... features) {
        return new Features(mask(features));
    }

    /**
     * Parses a comma-separated list: {@code all}, {@code 2.0}, or proposal names ({@code tail-call},
     * {@code extended-const}, {@code multi-memory}, {@code simd}...), each optionally prefixed by
     * {@code -} to remove it from what the items before it enabled ({@code all,-tail-call}). A list
     * that starts with a plain name enables just the 2.0 features plus the ones named.
     *
     * @throws IllegalArgumentException naming an unknown item
     */
    public static Features parse(String list) {
        long m = WASM_20.bits;
        boolean first = true;
        for (String raw : list.split(",")) {
            String item = raw.trim();
            if (item.equals("all") || item.equals("3.0")) {
                m = ALL.bits;
            } else if (item.equals("2.0")) {
                m = WASM_20.bits;
            } else {
                boolean remove = item.startsWith("-");
                Feature f = Feature.named(remove ? item.substring(1) : item);
                if (f == null) {
                    throw new IllegalArgumentException("unknown feature \"" + item + "\" (known: all, 2.0, "
                            + String.join(", ", names(ALL)) + ")");
                }
                if (first && remove) {
                    m = ALL.bits;
                }
                m = remove ? m & ~(1L << f.ordinal()) : m | 1L << f.ordinal();
            }
            first = false;
        }
        return new Features(m);
    }

    /** Whether modules may use {@code f}. */
    public boolean enabled(Feature f) {
        return (bits & 1L << f.ordinal()) != 0;
    }

    /** These features and {@code f}. */
    public Features with(Feature f) {
        return new Features(bits | 1L << f.ordinal());
    }

    /** These features without {@code f}. */
    public Features without(Feature f) {
        return new Features(bits & ~(1L << f.ordinal()));
    }

    /**
     * The text an error appends when a module needs {@code f}: "(needs feature tail-call, which is
     * not enabled)".
     */
    public static String notEnabled(Feature f) {
        return "(needs feature " + f.proposalName() + ", which is not enabled)";
    }

    private static long mask(Feature... features) {
        long m = 0;
        for (Feature f : features) {
            m |= 1L << f.ordinal();
        }
        return m;
    }

    private static List<String> names(Features fs) {
        List<String> out = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (fs.enabled(f)) {
                out.add(f.proposalName());
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Features f && f.bits == bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits);
    }

    /** The enabled features' proposal names, comma-separated. */
    @Override
    public String toString() {
        return String.join(",", names(this));
    }
}
