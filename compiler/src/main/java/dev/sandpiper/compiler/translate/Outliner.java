package dev.sandpiper.compiler.translate;

import dev.sandpiper.compiler.classfile.BranchOutOfRangeException;
import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.compiler.classfile.ConstantPool;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.FunctionBody;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Splits a function whose method would be over HotSpot's compile limit (issue 11): whole
 * {@code block}, {@code loop} and {@code if} instructions ({@link Region}s) become static methods of
 * their own, called where they stand, until the function's method fits. Chosen greedily: the
 * largest disjoint regions of the function's code that fit a method by themselves, until they add
 * up to what the method must lose; then again, measured anew, until the rest fits. A region may
 * contain regions outlined before it (its method calls theirs); one refused is tried again once it
 * shrank.
 *
 * <p>Same engine: the function is translated with every basic block charging itself ({@link
 * FuelBlocks} without a plan), and the interpreter's blocks ({@code interpreter/README.md}, Fuel)
 * that straddle a region's start or end are charged once, where they start: the caller adds the
 * region's first instructions to its block ({@link Region#entryCost}), and the region's last block
 * adds the caller's instructions after it ({@link Region#tailExtra}), which the caller then runs as
 * a prepaid block; a region with no block boundary inside ({@link Region#boundless}) is charged by
 * the caller's block running through it. Traps inside refund the rest of their block and name the
 * function's frame, as before; a region's method is no WebAssembly call (same depth). A branch out
 * of a region (spec 2.0, Execution > Instructions > Control Instructions: it carries its label's
 * values) leaves the region's method with an exit code, and the caller branches on ({@link
 * RegionCode}). A function with exception handling or tail calls is not split
 * (it stays in the interpreter when too large), nor is a region needing over 255 parameter slots.
 */
final class Outliner {
    /** Smaller regions are not worth a call. */
    static final int MIN_REGION = 48;

    /** A region that cannot be outlined. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A method of the split function: its own ({@code f<index>}) first, then the regions'. */
    record Method(String name, String descriptor, Code code) {}

    /** The methods, and the results-array entries the regions' exits need. */
    record Split(List<Method> methods, int entries) {}

    private Outliner() {}

    static boolean structured(Opcode op) {
        return op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF;
    }

    /**
     * Splits defined function {@code f} until its method is within {@code target} bytes, or no region
     * is left to outline; every method must end within {@code limit} (HotSpot's). {@code target} is
     * {@code limit} but in tests, which split small functions as far as they go.
     *
     * @throws Unsupported when it cannot be split so
     */
    static Split split(FunctionTranslator ft, Module module, int f, ConstantPool pool, int target, int limit) {
        refuseUnsplittable(module, f, limit);
        // A region no larger than this in its caller's code is a candidate (its method adds entry and exits).
        int budget = target - target / 8;
        Map<Integer, Region> outlines = new LinkedHashMap<>();
        // Regions refused, with their size then: one that shrank since (regions in it outlined) is tried again.
        Map<Integer, Integer> refused = new HashMap<>();
        while (true) {
            Map<Integer, int[]> sizes = new HashMap<>();
            Map<Integer, List<List<ValType>>> outer = new HashMap<>();
            Code main = ft.translateSplit(f, pool, false, outlines, sizes, outer);
            if (main.length() <= target) {
                break;
            }
            // The largest candidates (down to half the largest's size), disjoint, until they add up to
            // what the method must lose.
            List<Integer> candidates = new ArrayList<>();
            for (Map.Entry<Integer, int[]> e : sizes.entrySet()) {
                int size = e.getValue()[1];
                if (size >= MIN_REGION && size <= budget && size < refused.getOrDefault(e.getKey(), Integer.MAX_VALUE)) {
                    candidates.add(e.getKey());
                }
            }
            candidates.sort((a, b) -> Integer.compare(sizes.get(b)[1], sizes.get(a)[1]));
            List<int[]> picked = new ArrayList<>();
            int excess = main.length() - target;
            boolean added = false;
            for (int start : candidates) {
                int[] range = sizes.get(start);
                if (excess <= 0 || 2 * range[1] < sizes.get(candidates.get(0))[1]) {
                    break; // smaller ones wait: regions around the ones outlined may fit next time
                }
                if (picked.stream().anyMatch(p -> p[0] < range[0] + range[1] && range[0] < p[0] + p[1])) {
                    continue; // inside or around one picked already
                }
                picked.add(range);
                try {
                    Region g = region(ft, module, f, start, outer.get(start));
                    Code code = ft.translateRegion(f, g, pool, false, outlines);
                    if (code.length() > limit) {
                        throw new Refused("its method is " + code.length() + " bytes");
                    }
                    outlines.put(start, g);
                    excess -= range[1];
                    added = true;
                } catch (Refused | Unsupported no) {
                    refused.put(start, range[1]);
                }
            }
            if (!added && candidates.isEmpty()) {
                if (main.length() <= limit) {
                    break;
                }
                throw new Unsupported("its bytecode (" + main.length() + " bytes with " + outlines.size()
                        + " regions outlined) is over HotSpot's " + limit + "-byte compile limit and no region is left to outline");
            }
        }
        // Final code: the function's method first, then regions enclosing others before those (a
        // region's caller tells it the instructions it charges for the caller, tailExtra).
        List<Method> methods = new ArrayList<>();
        int entries = 0;
        Code main = fitted(wide -> ft.translateSplit(f, pool, wide, outlines, null, null), "its method", limit);
        methods.add(new Method(Linkage.function(f), JvmTypes.function(module.functionType(f)), main));
        List<Region> order = new ArrayList<>(outlines.values());
        for (int i = order.size() - 1; i >= 0; i--) {
            Region g = order.get(i);
            Code code = fitted(wide -> ft.translateRegion(f, g, pool, wide, outlines), "a region's method", limit);
            methods.add(new Method(g.name, g.descriptor, code));
            entries = Math.max(entries, g.entries);
        }
        return new Split(methods, entries);
    }

    private interface Translation {
        Code run(boolean wideJumps);
    }

    /** The code with 16-bit jumps, else wide ones, checked against the limit. */
    private static Code fitted(Translation t, String what, int limit) {
        Code code;
        try {
            code = t.run(false);
            code.bytes();
        } catch (BranchOutOfRangeException far) {
            code = t.run(true);
        }
        if (code.length() > limit) {
            throw new Unsupported("split, " + what + " is still " + code.length() + " bytes, over HotSpot's "
                    + limit + "-byte compile limit");
        }
        return code;
    }

    /** Exception handling and tail calls are not split (their handlers and trampolines span the function). */
    private static void refuseUnsplittable(Module module, int f, int limit) {
        CodeReader r = module.codeReader(f - module.importedFunctionCount());
        while (r.hasNext()) {
            switch (r.next()) {
                case TRY_TABLE, TRY, CATCH, CATCH_ALL, DELEGATE, THROW, THROW_REF, RETHROW, RETURN_CALL,
                        RETURN_CALL_INDIRECT, RETURN_CALL_REF -> throw new Unsupported("its bytecode is over HotSpot's "
                        + limit + "-byte compile limit, and a function with exception "
                        + "handling or tail calls is not split");
                default -> { }
            }
        }
    }

    /** A reader at offset {@code start} of defined function {@code f}'s body. */
    static CodeReader readerAt(Module module, int f, int start) {
        CodeReader r = module.codeReader(f - module.importedFunctionCount());
        while (r.position() < start) {
            r.next();
        }
        return r;
    }

    /** Reads past the instructions of the structured instruction just read, to its {@code end}. */
    static void skipRegion(CodeReader r) {
        int nesting = 1;
        while (nesting > 0) {
            switch (r.next()) {
                case BLOCK, LOOP, IF, TRY_TABLE, TRY -> nesting++;
                case END -> nesting--;
                default -> { }
            }
        }
    }

    /** The region starting at {@code start}: its type, the locals it uses and writes, its method's descriptor. */
    private static Region region(FunctionTranslator ft, Module module, int f, int start, List<List<ValType>> outer) {
        FuncType type = module.functionType(f);
        FunctionBody body = module.codes().get(f - module.importedFunctionCount());
        CodeReader r = readerAt(module, f, start);
        boolean isIf = r.next() == Opcode.IF;
        FuncType block = ft.blockType(r);
        TreeSet<Integer> used = new TreeSet<>();
        TreeSet<Integer> written = new TreeSet<>();
        int nesting = 1;
        while (nesting > 0) {
            Opcode op = r.next();
            switch (op) {
                case BLOCK, LOOP, IF -> nesting++;
                case END -> nesting--;
                case LOCAL_GET -> used.add(r.index());
                case LOCAL_SET, LOCAL_TEE -> {
                    used.add(r.index());
                    written.add(r.index());
                }
                default -> { }
            }
        }
        StringBuilder d = new StringBuilder("(");
        int slots = 0;
        for (ValType t : block.params()) {
            d.append(JvmTypes.descriptor(JvmTypes.kind(t)));
            slots += JvmTypes.slots(JvmTypes.kind(t));
        }
        if (isIf) {
            d.append('I');
            slots++;
        }
        for (int i : used) {
            char k = kind(type, body, i);
            d.append(JvmTypes.descriptor(k));
            slots += JvmTypes.slots(k);
        }
        // JVMS 4.3.3: at most 255 parameter slots; the context, room and fuel take 3.
        if (slots + 3 > 255) {
            throw new Refused("it needs " + (slots + 3) + " parameter slots");
        }
        d.append(JvmTypes.TAIL).append(")I");
        int writtenEntries = 0;
        for (int i : written) {
            writtenEntries += JvmTypes.entries(kind(type, body, i));
        }
        return new Region(start, block, isIf, outer, used.stream().mapToInt(Integer::intValue).toArray(),
                written.stream().mapToInt(Integer::intValue).toArray(), writtenEntries, d.toString());
    }

    private static char kind(FuncType type, FunctionBody body, int local) {
        int params = type.params().size();
        return JvmTypes.kind(local < params ? type.params().get(local) : body.locals()[local - params]);
    }
}
