package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.ImplementationLimits;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.model.FunctionBody;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Function bodies: a byte size, the local declarations (run-length encoded), then instructions up to
 * the final {@code end}, which must close exactly at the declared size.
 *
 * <p>Spec: 2.0, Binary Format > Modules > Code Section, {@code binary/modules.html#code-section}.
 */
final class CodeSectionReader {
    private CodeSectionReader() {}

    static List<FunctionBody> read(WasmReader in, ExpressionReader exprs) {
        int n = in.count();
        List<FunctionBody> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int size = in.length();
            int start = in.position();
            ValType[] locals = locals(in);
            int codeStart = in.position();
            int codeEnd = exprs.readToEnd(in);
            if (codeEnd != start + size) {
                throw in.error("section size mismatch", start);
            }
            bodies.add(new FunctionBody(locals, codeStart, codeEnd));
        }
        return bodies;
    }

    private static ValType[] locals(WasmReader in) {
        int at = in.position();
        int groups = in.count();
        int[] counts = new int[groups];
        ValType[] types = new ValType[groups];
        long total = 0;
        for (int g = 0; g < groups; g++) {
            counts[g] = in.u32();
            types[g] = CodeReader.valType(in);
            total += Integer.toUnsignedLong(counts[g]);
        }
        if (total > ImplementationLimits.MAX_FUNCTION_LOCALS) {
            throw in.error("too many locals", at);
        }
        ValType[] locals = new ValType[(int) total];
        int k = 0;
        for (int g = 0; g < groups; g++) {
            for (int c = 0; c < counts[g]; c++) {
                locals[k++] = types[g];
            }
        }
        return locals;
    }
}
