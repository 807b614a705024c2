package dev.sandpiper.validator.analysis;

/**
 * Facts about one function body, established by validation. Heights are counted in 64-bit slots of a
 * flat value array, where every value takes one slot except a {@code v128}, which takes two.
 *
 * <p><b>Branch sites.</b> Every {@code br}, {@code br_if}, {@code br_table} and {@code return}
 * contributes, in instruction order, one site per possible target ({@code br_table}: one per label
 * of its vector, then one for the default). A site records:
 * <ul>
 *   <li>{@code instruction}: byte offset of the branch instruction;</li>
 *   <li>{@code target}: byte offset of the targeted {@code loop} instruction for a loop label, of the
 *       {@code end} closing the targeted block, {@code if} or function otherwise; {@link #RETURN} for
 *       {@code return};</li>
 *   <li>{@code keep}: slots of the label's values, which travel with the branch;</li>
 *   <li>{@code drop}: slots between them and the label's stack base, discarded by the branch
 *       (0 in unreachable code, which never runs).</li>
 * </ul>
 * A branch to the function's outermost label behaves as {@code return}, and its target is the
 * function's final {@code end}.
 *
 * <p><b>Wide operands.</b> {@code drop} and untyped {@code select} take their operand type from
 * the stack; {@link #isWide(int)} tells the offsets where that type is {@code v128}.
 *
 * <p>Spec: 2.0, Appendix > Validation Algorithm, {@code appendix/algorithm.html}.
 */
public final class FunctionAnalysis {
    /** {@link #target(int)} of a {@code return}. */
    public static final int RETURN = -1;

    private final int maxStackSlots;
    private final int[] sites;
    private final int[] wideOffsets;

    /**
     * @param maxStackSlots most slots the operand stack ever holds (locals excluded)
     * @param sites four ints per branch site: instruction, target, keep, drop
     * @param wideOffsets ascending offsets of {@code drop}/{@code select} with a v128 operand
     */
    public FunctionAnalysis(int maxStackSlots, int[] sites, int[] wideOffsets) {
        this.maxStackSlots = maxStackSlots;
        this.sites = sites;
        this.wideOffsets = wideOffsets;
    }

    public int maxStackSlots() {
        return maxStackSlots;
    }

    public int branchSiteCount() {
        return sites.length / 4;
    }

    public int instruction(int site) {
        return sites[site * 4];
    }

    public int target(int site) {
        return sites[site * 4 + 1];
    }

    public int keep(int site) {
        return sites[site * 4 + 2];
    }

    public int drop(int site) {
        return sites[site * 4 + 3];
    }

    /** Whether the {@code drop} or {@code select} at {@code offset} moves a v128. */
    public boolean isWide(int offset) {
        return java.util.Arrays.binarySearch(wideOffsets, offset) >= 0;
    }
}
