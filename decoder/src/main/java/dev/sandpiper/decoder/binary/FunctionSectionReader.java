package dev.sandpiper.decoder.binary;

/** Spec: 2.0, Binary Format > Modules > Function Section, {@code binary/modules.html#function-section}. */
final class FunctionSectionReader {
    private FunctionSectionReader() {}

    /** The type index of each defined function. */
    static int[] read(WasmReader in) {
        int n = in.count();
        int[] typeIndices = new int[n];
        for (int i = 0; i < n; i++) {
            typeIndices[i] = in.u32();
        }
        return typeIndices;
    }
}
