package dev.sandpiper.text.print;

import dev.sandpiper.decoder.model.ConstExpr;
import dev.sandpiper.decoder.model.DataSegment;
import dev.sandpiper.decoder.model.ElementSegment;
import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.SegmentMode;

/**
 * The fields after the definitions: exports, the start function, element segments (active with
 * {@code (table x) (offset ...)}, passive, {@code declare}; elements as {@code func x*} or as
 * {@code (item ...)} expressions) and data segments (active with {@code (memory x) (offset ...)},
 * or passive) with their bytes as one string.
 *
 * <p>Spec: 2.0, 6.6.9 Exports, 6.6.10 Start Function, 6.6.11 Element Segments, 6.6.12 Data
 * Segments ({@code text/modules.html}).
 */
final class SegmentPrinter {
    private final Module module;
    private final Names names;
    private final InstructionPrinter instructions;
    private final StringBuilder sb;

    SegmentPrinter(Module module, Names names, InstructionPrinter instructions, StringBuilder sb) {
        this.module = module;
        this.names = names;
        this.instructions = instructions;
        this.sb = sb;
    }

    void exportsStartElementsData() {
        for (Export e : module.exports()) {
            sb.append("  (export ");
            TextStrings.appendName(sb, e.name());
            sb.append(" (").append(e.kind()).append(' ');
            sb.append(e.kind() == ExternKind.FUNC ? names.funcRef(e.index()) : Integer.toUnsignedString(e.index()));
            sb.append("))\n");
        }
        if (module.hasStart()) {
            sb.append("  (start ").append(names.funcRef(module.start())).append(")\n");
        }
        for (int i = 0; i < module.elements().size(); i++) {
            element(i, module.elements().get(i));
        }
        for (int i = 0; i < module.data().size(); i++) {
            data(i, module.data().get(i));
        }
    }

    private void element(int index, ElementSegment e) {
        sb.append("  (elem (;").append(index).append(";)");
        if (e.mode() == SegmentMode.ACTIVE) {
            sb.append(" (table ").append(Integer.toUnsignedString(e.tableIndex())).append(')');
            offset(e.offset());
        } else if (e.mode() == SegmentMode.DECLARATIVE) {
            sb.append(" declare");
        }
        if (e.functionIndices() != null) {
            sb.append(" func");
            for (int f : e.functionIndices()) {
                sb.append(' ').append(names.funcRef(f));
            }
        } else {
            sb.append(' ').append(e.type());
            for (ConstExpr x : e.exprs()) {
                sb.append(" (item ");
                instructions.printInline(sb, module.codeReader(x));
                sb.append(')');
            }
        }
        sb.append(")\n");
    }

    private void data(int index, DataSegment d) {
        sb.append("  (data (;").append(index).append(";)");
        if (d.mode() == SegmentMode.ACTIVE) {
            sb.append(" (memory ").append(Integer.toUnsignedString(d.memoryIndex())).append(')');
            offset(d.offset());
        }
        sb.append(' ');
        byte[] bytes = module.copyData(d);
        TextStrings.appendBytes(sb, bytes, 0, bytes.length);
        sb.append(")\n");
    }

    private void offset(ConstExpr e) {
        sb.append(" (offset ");
        instructions.printInline(sb, module.codeReader(e));
        sb.append(')');
    }
}
