package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.model.ConstExpr;
import dev.sandpiper.decoder.model.DataSegment;
import dev.sandpiper.decoder.model.SegmentMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Data segments: flag 0 active in memory 0, 1 passive, 2 active with an explicit memory index.
 *
 * <p>Spec: 2.0, Binary Format > Modules > Data Section, {@code binary/modules.html#data-section}.
 */
final class DataSectionReader {
    private DataSectionReader() {}

    static List<DataSegment> read(WasmReader in, ExpressionReader exprs) {
        int n = in.count();
        List<DataSegment> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = in.position();
            int flags = in.u32();
            SegmentMode mode = SegmentMode.ACTIVE;
            int memory = 0;
            ConstExpr offset = null;
            switch (flags) {
                case 0 -> offset = exprs.constExpr(in);
                case 1 -> mode = SegmentMode.PASSIVE;
                case 2 -> {
                    memory = in.u32();
                    offset = exprs.constExpr(in);
                }
                default -> throw in.error("malformed data segment kind", at);
            }
            int length = in.count();
            int start = in.position();
            in.skip(length);
            segments.add(new DataSegment(mode, memory, offset, start, length));
        }
        return segments;
    }
}
