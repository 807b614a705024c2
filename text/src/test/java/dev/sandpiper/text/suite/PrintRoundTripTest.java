package dev.sandpiper.text.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.WasmException;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.ImmediateKind;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.text.Wat;
import dev.sandpiper.text.print.WatPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The printer's property over the whole suite: for every {@code .wasm} wast2json wrote for the 2.0
 * and the latest sets ({@code json/<script>/*.wasm}) that our decoder accepts,
 * {@code Wat.parseModule(WatPrinter.print(m))} decodes to a module equal to {@code m}
 * ({@link ModuleCanon}). Binaries the decoder rejects (the suite's malformed binaries, and the
 * latest set's 3.0 modules) are skipped and counted by the decoder's reason.
 */
class PrintRoundTripTest {
    @Test
    void everyDecodableModuleOfBothSetsRoundTrips() {
        Path v2 = SuiteFiles.locate();
        Assumptions.assumeTrue(v2 != null, SuiteFiles.missingMessage());
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Path set : List.of(v2, v2.resolveSibling("latest"))) {
            if (!Files.isDirectory(set.resolve("json"))) {
                continue;
            }
            int total = 0;
            int decoded = 0;
            int equal = 0;
            int equalDecoded = 0;
            Map<String, Integer> notText = new TreeMap<>();
            Map<String, Integer> skipped = new TreeMap<>();
            for (Path wasm : wasmFiles(set.resolve("json"))) {
                total++;
                byte[] bytes = SuiteFiles.read(wasm);
                String before;
                try {
                    before = ModuleCanon.of(bytes);
                } catch (WasmException e) {
                    skipped.merge(reason(e.getMessage()), 1, Integer::sum);
                    continue;
                }
                decoded++;
                String limit = notExpressible(bytes);
                if (limit != null) {
                    notText.merge(limit, 1, Integer::sum);
                    continue;
                }
                try {
                    String text = WatPrinter.print(ModuleDecoder.decode(bytes));
                    byte[] reparsed = Wat.parseModule(text, wasm.getFileName() + ".wat");
                    String after = ModuleCanon.of(reparsed);
                    if (after.equals(before)) {
                        equal++;
                    } else if (ModuleCanon.of(reparsed, true).equals(ModuleCanon.of(bytes, true))) {
                        equalDecoded++;
                    } else {
                        failures.add(set.getFileName() + "/" + wasm.getFileName() + ": differs\n" + firstDifference(before, after));
                    }
                } catch (RuntimeException e) {
                    failures.add(set.getFileName() + "/" + wasm.getFileName() + ": " + e);
                }
            }
            report.append(String.format("%s: %d .wasm files, %d decoded, %d round-trip equal (%d byte for byte, %d"
                    + " once LEB128 widths are ignored), %d not expressible in 2.0 text %s; skipped, decoder rejects: %s%n",
                    set.getFileName(), total, decoded, equal + equalDecoded, equal, equalDecoded,
                    notText.values().stream().mapToInt(Integer::intValue).sum(), notText, skipped));
        }
        System.out.print("print round trip: " + report);
        assertTrue(failures.isEmpty(), failures.size() + " modules do not round-trip, e.g.\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    /**
     * Why a decodable binary has no 2.0 text, or null: a memory access whose alignment exponent is
     * 32 or more (the latest set's multi-memory modules set bit 6 of it; {@code align=} is a u32),
     * or a type index of 2^31 or more ({@code (type x)} in a type use: the parser takes such an index
     * for an absent one, a gap of {@code text.module.TypeUse}).
     */
    static String notExpressible(byte[] bytes) {
        Module m = ModuleDecoder.decode(bytes);
        for (int i = 0; i < m.codes().size(); i++) {
            CodeReader r = m.codeReader(i);
            while (r.hasNext()) {
                Opcode op = r.next();
                ImmediateKind k = op.immediate();
                if ((k == ImmediateKind.MEMARG || k == ImmediateKind.MEMARG_LANE) && Integer.compareUnsigned(r.align(), 32) >= 0) {
                    return "alignment exponent >= 32";
                }
            }
        }
        return null;
    }

    private static String reason(String message) {
        // "binary-gc.0.wasm: malformed value type at 0x1c" -> "malformed value type"
        String m = message == null ? "?" : message.replaceAll("\\s*\\(?(at|offset) .*$", "");
        return m.length() > 60 ? m.substring(0, 60) : m;
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n");
        String[] y = b.split("\n");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return "  expected " + clip(x[i]) + "\n  actual   " + clip(y[i]);
            }
        }
        return "  lengths " + x.length + " vs " + y.length;
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static List<Path> wasmFiles(Path json) {
        try (Stream<Path> s = Files.walk(json, 2)) {
            return s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
