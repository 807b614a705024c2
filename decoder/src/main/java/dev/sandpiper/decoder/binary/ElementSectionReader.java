package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.model.ConstExpr;
import dev.sandpiper.decoder.model.ElementSegment;
import dev.sandpiper.decoder.model.SegmentMode;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * The eight encodings of element segments, told apart by a u32 flag: bit 0 passive or declarative,
 * bit 1 explicit table index (active) or declarative (otherwise), bit 2 elements as expressions.
 *
 * <p>Spec: 2.0, Binary Format > Modules > Element Section, {@code binary/modules.html#element-section}.
 */
final class ElementSectionReader {
    private ElementSectionReader() {}

    static List<ElementSegment> read(WasmReader in, ExpressionReader exprs) {
        int n = in.count();
        List<ElementSegment> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            segments.add(segment(in, exprs));
        }
        return segments;
    }

    private static ElementSegment segment(WasmReader in, ExpressionReader exprs) {
        int at = in.position();
        int flags = in.u32();
        if (flags < 0 || flags > 7) {
            throw in.error("malformed elements segment kind", at);
        }
        boolean passiveOrDeclarative = (flags & 1) != 0;
        boolean explicitTableOrDeclarative = (flags & 2) != 0;
        boolean usesExprs = (flags & 4) != 0;

        SegmentMode mode;
        int table = 0;
        ConstExpr offset = null;
        if (!passiveOrDeclarative) {
            mode = SegmentMode.ACTIVE;
            if (explicitTableOrDeclarative) {
                table = in.u32();
            }
            offset = exprs.constExpr(in);
        } else {
            mode = explicitTableOrDeclarative ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
        }

        // 3.0: a segment of function indices has element type (ref func), a subtype of funcref;
        // one of expressions without a type is (ref null func).
        ValType type = in.typedReferences() && !usesExprs ? ValType.REF_FUNC : ValType.FUNCREF;
        if (passiveOrDeclarative || explicitTableOrDeclarative) {
            if (usesExprs) {
                type = CodeReader.refType(in);
            } else {
                int kindAt = in.position();
                if (in.u8() != 0x00) {
                    throw in.error("malformed element kind", kindAt);
                }
            }
        }

        int count = in.count();
        if (usesExprs) {
            List<ConstExpr> items = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                items.add(exprs.constExpr(in));
            }
            return new ElementSegment(mode, table, offset, type, null, items);
        }
        int[] funcs = new int[count];
        for (int k = 0; k < count; k++) {
            funcs[k] = in.u32();
        }
        return new ElementSegment(mode, table, offset, type, funcs, null);
    }
}
