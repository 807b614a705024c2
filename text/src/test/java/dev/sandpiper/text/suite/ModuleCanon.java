package dev.sandpiper.text.suite;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.ConstExpr;
import dev.sandpiper.decoder.model.DataSegment;
import dev.sandpiper.decoder.model.ElementSegment;
import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.FunctionBody;
import dev.sandpiper.decoder.model.Global;
import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.Module;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What "the same module" means for the oracle: the decoded models agree on every section that has
 * meaning (types in order; imports; function type indices; tables; memories; globals with their
 * initialiser bytes; exports in order; start; element segments; the data count; each function's
 * expanded locals and instruction bytes; data segments with their bytes). Custom sections (the name
 * section included) are ignored, as is a data count of 0 in a module without data segments (wast2json
 * omits the section there even when the code uses {@code data.drop}; we write it, so that such a
 * module is invalid rather than malformed), and so is the encoding choice of an element segment: a function
 * index {@code x} and the expression {@code ref.func x end} count as the same element. LEB128
 * encodings are compared as written, since both sides write the shortest form.
 */
final class ModuleCanon {
    private static final HexFormat HEX = HexFormat.of();

    private ModuleCanon() {}

    static String of(byte[] binary) {
        return of(binary, false);
    }

    /**
     * As decoded with 2.0's features: for the 2.0 suite, whose binaries wast2json wrote for 2.0. A
     * segment of function indices is funcref there and {@code (ref func)} in 3.0 (Binary Format >
     * Modules > Element Section), so wast2json's indices for {@code funcref (ref.func x)} and our
     * expressions agree under 2.0 only.
     */
    static String of20(byte[] binary) {
        return of(binary, false, Features.wasm20());
    }

    /**
     * With {@code decoded}, expressions and bodies are compared as decoded instructions
     * ({@link InstructionCanon}) rather than as bytes, so that LEB128 widths do not count: the text
     * format cannot say how wide a binary's integers were, and always writes the shortest form.
     */
    static String of(byte[] binary, boolean decoded) {
        return of(binary, decoded, Features.all());
    }

    private static String of(byte[] binary, boolean decoded, Features features) {
        Module m = ModuleDecoder.decode(binary, features);
        HexOrDecoded hex = decoded ? (b, from, to) -> InstructionCanon.of(b, from, to)
                : (b, from, to) -> HEX.formatHex(b, from, to);
        StringBuilder sb = new StringBuilder();
        sb.append("types ").append(m.types()).append('\n');
        for (Import i : m.imports()) {
            sb.append("import ").append(i.module()).append(' ').append(i.name()).append(' ').append(i.desc()).append('\n');
        }
        for (int i = 0; i < m.definedFunctionCount(); i++) {
            sb.append("func type ").append(m.definedFunctionTypeIndex(i)).append('\n');
        }
        sb.append("tables ").append(m.tables()).append('\n');
        sb.append("memories ").append(m.memories()).append('\n');
        for (Global g : m.globals()) {
            sb.append("global ").append(g.type()).append(' ').append(expr(hex, binary, g.init())).append('\n');
        }
        for (Export e : m.exports()) {
            sb.append("export ").append(e).append('\n');
        }
        sb.append("start ").append(m.hasStart() ? m.start() : "none").append('\n');
        for (ElementSegment e : m.elements()) {
            sb.append("elem ").append(e.mode()).append(" table ").append(e.tableIndex()).append(" offset ")
                    .append(e.offset() == null ? "-" : expr(hex, binary, e.offset())).append(' ').append(e.type());
            if (e.functionIndices() != null) {
                for (int f : e.functionIndices()) {
                    sb.append(' ').append(decoded ? "REF_FUNC " + f + ";END;" : "d2" + leb(f) + "0b");
                }
            } else {
                for (ConstExpr x : e.exprs()) {
                    sb.append(' ').append(expr(hex, binary, x));
                }
            }
            sb.append('\n');
        }
        // wast2json leaves the data count out when there are no data segments; we write 0 (see class doc)
        sb.append("datacount ").append(m.data().isEmpty() && m.dataCount() <= 0 ? "none" : m.dataCount()).append('\n');
        for (FunctionBody b : m.codes()) {
            sb.append("code ").append(Arrays.toString(b.locals())).append(' ')
                    .append(hex.format(binary, b.codeStart(), b.codeEnd())).append('\n');
        }
        for (DataSegment d : m.data()) {
            sb.append("data ").append(d.mode()).append(' ').append(d.memoryIndex()).append(' ')
                    .append(d.offset() == null ? "-" : expr(hex, binary, d.offset())).append(' ')
                    .append(HEX.formatHex(m.copyData(d))).append('\n');
        }
        return sb.toString();
    }

    private static String expr(HexOrDecoded hex, byte[] binary, ConstExpr e) {
        return hex.format(binary, e.start(), e.end());
    }

    private interface HexOrDecoded {
        String format(byte[] binary, int from, int to);
    }

    private static String leb(long v) {
        StringBuilder sb = new StringBuilder();
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            sb.append(HEX.toHexDigits((byte) (v == 0 ? b : b | 0x80)));
        } while (v != 0);
        return sb.toString();
    }
}
