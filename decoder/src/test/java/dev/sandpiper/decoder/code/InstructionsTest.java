package dev.sandpiper.decoder.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Binary Format > Instructions ({@code binary/instructions.html}): {@code all-instructions.wasm},
 * built by wabt from {@code all-instructions.wat} (one instruction per line, every 2.0 instruction),
 * decodes with {@link CodeReader} into exactly the instructions the text names, with the immediates
 * the text gives.
 */
class InstructionsTest {
    private static final String DIR = "/instructions/";

    /** One instruction line of the .wat: its words, e.g. {@code ["i32.load", "offset=8", "align=2"]}. */
    record Line(int lineNumber, List<String> words) {
        String name() {
            String first = words.get(0);
            return first.equals("select") && words.size() > 1 ? "select_t" : first;
        }

        @Override
        public String toString() {
            return "line " + lineNumber + ": " + String.join(" ", words);
        }
    }

    /** One decoded instruction with the immediates the test checks. */
    record Decoded(Opcode op, CodeSnapshot imm) {}

    /** The reader's immediates right after decoding one instruction. */
    record CodeSnapshot(int index, int index2, long constValue, long blockType, ValType blockValType,
            int[] targets, int align, long offset, int lane, ValType refType, ValType[] selectTypes,
            long low, long high) {
        static CodeSnapshot of(CodeReader r) {
            int[] targets = new int[r.tableCount()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = r.tableTarget(i);
            }
            ValType[] sel = new ValType[r.selectTypeCount()];
            for (int i = 0; i < sel.length; i++) {
                sel[i] = r.selectType(i);
            }
            return new CodeSnapshot(r.index(), r.index2(), r.constValue(), r.blockType(), r.blockValType(),
                    targets, r.align(), r.offset(), r.lane(), r.refType(), sel, r.v128Low(), r.v128High());
        }
    }

    private static List<List<Line>> watFunctions;
    private static List<List<Decoded>> decodedFunctions;

    @BeforeAll
    static void load() {
        watFunctions = parseWat(new String(resource("all-instructions.wat"), StandardCharsets.UTF_8));
        Module m = ModuleDecoder.decode(resource("all-instructions.wasm"));
        decodedFunctions = new ArrayList<>();
        for (int f = 0; f < m.definedFunctionCount(); f++) {
            CodeReader r = m.codeReader(f);
            List<Decoded> ops = new ArrayList<>();
            while (r.hasNext()) {
                Opcode op = r.next();
                ops.add(new Decoded(op, CodeSnapshot.of(r)));
            }
            Decoded last = ops.remove(ops.size() - 1);
            assertEquals(Opcode.END, last.op(), "a body ends with end");
            decodedFunctions.add(ops);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = InstructionsTest.class.getResourceAsStream(DIR + name)) {
            assertNotNull(in, "missing test resource " + DIR + name + " (see build.sh there)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instruction lines of each (func ...), per the formatting rules stated at the top of the .wat. */
    static List<List<Line>> parseWat(String wat) {
        List<List<Line>> functions = new ArrayList<>();
        List<Line> current = null;
        String[] lines = wat.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf(";;");
            String s = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (current == null) {
                if (s.startsWith("(func")) {
                    current = new ArrayList<>();
                }
            } else if (s.equals(")")) {
                functions.add(current);
                current = null;
            } else if (!s.isEmpty() && !s.startsWith("(")) {
                current.add(new Line(i + 1, List.of(s.split("\\s+"))));
            }
        }
        return functions;
    }

    @Test
    void everyFunctionDecodesToTheInstructionsItsTextNamesInOrder() {
        assertEquals(watFunctions.size(), decodedFunctions.size(), "functions");
        for (int f = 0; f < watFunctions.size(); f++) {
            List<Line> wat = watFunctions.get(f);
            List<Decoded> dec = decodedFunctions.get(f);
            List<String> expected = wat.stream().map(Line::name).toList();
            List<String> actual = dec.stream().map(d -> d.op().text()).toList();
            assertEquals(expected, actual, "function " + f);
        }
    }

    @Test
    void everyOpcodeConstantOccursInTheModule() {
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        seen.add(Opcode.END); // every body's last instruction
        decodedFunctions.forEach(ops -> ops.forEach(d -> seen.add(d.op())));
        Set<Opcode> missing = EnumSet.allOf(Opcode.class);
        missing.removeIf(op -> !op.feature().inWasm20()); // 3.0's: Wasm3InstructionsTest
        missing.removeAll(seen);
        assertTrue(missing.isEmpty(), "never decoded: " + missing);
        assertTrue(seen.size() >= 437, "all of 2.0: " + seen.size());
    }

    @Test
    void theModuleCoversEveryBlockTypeForm() {
        boolean empty = false;
        boolean valType = false;
        boolean typeIndex = false;
        for (List<Decoded> ops : decodedFunctions) {
            for (Decoded d : ops) {
                if (d.op().immediate() != ImmediateKind.BLOCK_TYPE) {
                    continue;
                }
                empty |= d.imm().blockType() == CodeReader.BLOCK_EMPTY;
                valType |= d.imm().blockValType() != null;
                typeIndex |= d.imm().blockType() >= 0;
            }
        }
        assertTrue(empty && valType && typeIndex, "empty " + empty + ", value type " + valType + ", index " + typeIndex);
    }

    /** Checks every instruction's immediates against the words of its line. */
    @Test
    void immediatesMatchTheText() {
        int checked = 0;
        for (int f = 0; f < watFunctions.size(); f++) {
            List<Line> wat = watFunctions.get(f);
            List<Decoded> dec = decodedFunctions.get(f);
            assertEquals(wat.size(), dec.size(), "instructions of function " + f);
            for (int i = 0; i < wat.size(); i++) {
                assertEquals(wat.get(i).name(), dec.get(i).op().text(), wat.get(i).toString());
                checkImmediates(wat.get(i), dec.get(i));
                checked++;
            }
        }
        assertTrue(checked > 1000, "instructions checked: " + checked);
    }

    private static void checkImmediates(Line line, Decoded d) {
        List<String> w = line.words();
        CodeSnapshot imm = d.imm();
        String where = line.toString();
        switch (d.op().immediate()) {
            case NONE, MEMORY_INDEX, MEMORY_COPY -> assertEquals(1, w.size(), where);
            case BLOCK_TYPE -> {
                if (w.size() == 1) {
                    assertEquals(CodeReader.BLOCK_EMPTY, imm.blockType(), where);
                    assertNull(imm.blockValType(), where);
                } else if (w.get(1).equals("(result")) {
                    assertEquals(valType(w.get(2)), imm.blockValType(), where);
                } else {
                    assertEquals("(type", w.get(1), where);
                    assertNull(imm.blockValType(), where);
                    assertEquals(Long.parseLong(strip(w.get(2))), imm.blockType(), where);
                }
            }
            case LABEL, FUNC_INDEX, LOCAL_INDEX, GLOBAL_INDEX, TABLE_INDEX, DATA_INDEX, ELEM_INDEX, MEMORY_INIT ->
                    assertEquals(Integer.parseInt(w.get(1)), imm.index(), where);
            case BR_TABLE -> {
                int n = w.size() - 2;
                assertEquals(n, imm.targets().length, where);
                for (int k = 0; k < n; k++) {
                    assertEquals(Integer.parseInt(w.get(1 + k)), imm.targets()[k], where);
                }
                assertEquals(Integer.parseInt(w.get(w.size() - 1)), imm.index(), where + " (default)");
            }
            case CALL_INDIRECT -> { // call_indirect <table> (type <t>)
                assertEquals(Integer.parseInt(w.get(1)), imm.index2(), where + " (table)");
                assertEquals(Integer.parseInt(strip(w.get(3))), imm.index(), where + " (type)");
            }
            case TABLE_INIT -> { // table.init <table> <elem>; binary: elem, then table
                assertEquals(Integer.parseInt(w.get(2)), imm.index(), where + " (elem)");
                assertEquals(Integer.parseInt(w.get(1)), imm.index2(), where + " (table)");
            }
            case TABLE_COPY -> { // table.copy <destination> <source>
                assertEquals(Integer.parseInt(w.get(1)), imm.index(), where + " (destination)");
                assertEquals(Integer.parseInt(w.get(2)), imm.index2(), where + " (source)");
            }
            case MEMARG, MEMARG_LANE -> checkMemarg(line, d);
            case I32 -> assertEquals((long) Integer.parseInt(w.get(1)), imm.constValue(), where);
            case I64 -> assertEquals(Long.parseLong(w.get(1)), imm.constValue(), where);
            case F32 -> assertEquals(Float.floatToRawIntBits(Float.parseFloat(w.get(1))) & 0xFFFFFFFFL,
                    imm.constValue(), where);
            case F64 -> assertEquals(Double.doubleToRawLongBits(Double.parseDouble(w.get(1))), imm.constValue(), where);
            case SELECT_TYPES -> {
                assertEquals(1, imm.selectTypes().length, where);
                assertEquals(valType(w.get(2)), imm.selectTypes()[0], where);
            }
            case REF_TYPE -> assertEquals(w.get(1).equals("func") ? ValType.FUNCREF : ValType.EXTERNREF,
                    imm.refType(), where);
            case V128 -> {
                long[] v = v128(w.subList(1, w.size()));
                assertEquals(v[0], imm.low(), where + " (low)");
                assertEquals(v[1], imm.high(), where + " (high)");
            }
            case SHUFFLE -> {
                long[] v = v128(concatShape("i8x16", w.subList(1, w.size())));
                assertEquals(v[0], imm.low(), where + " (low)");
                assertEquals(v[1], imm.high(), where + " (high)");
            }
            case LANE -> assertEquals(Integer.parseInt(w.get(w.size() - 1)), imm.lane(), where);
            default -> throw new AssertionError("unchecked immediate kind " + d.op().immediate());
        }
    }

    /** offset= defaults to 0, align= to the natural alignment; the binary holds log2 of the alignment. */
    private static void checkMemarg(Line line, Decoded d) {
        long offset = 0;
        long align = d.op().memoryBytes();
        Integer lane = null;
        for (String word : line.words().subList(1, line.words().size())) {
            if (word.startsWith("offset=")) {
                offset = Long.parseLong(word.substring(7));
            } else if (word.startsWith("align=")) {
                align = Long.parseLong(word.substring(6));
            } else {
                lane = Integer.parseInt(word);
            }
        }
        assertEquals(offset, d.imm().offset(), line + " (offset)");
        assertEquals(Long.numberOfTrailingZeros(align), d.imm().align(), line + " (align)");
        if (d.op().immediate() == ImmediateKind.MEMARG_LANE) {
            assertNotNull(lane, line + " has a lane");
            assertEquals((int) lane, d.imm().lane(), line + " (lane)");
        } else {
            assertNull(lane, line + " has no lane");
        }
    }

    private static List<String> concatShape(String shape, List<String> values) {
        List<String> out = new ArrayList<>();
        out.add(shape);
        out.addAll(values);
        return out;
    }

    /** Low and high 64 bits of a v128 written as {@code i8x16 b0 ... b15} or {@code i64x2 lo hi}. */
    private static long[] v128(List<String> w) {
        switch (w.get(0)) {
            case "i8x16" -> {
                long lo = 0;
                long hi = 0;
                for (int k = 0; k < 16; k++) {
                    long b = Integer.parseInt(w.get(1 + k)) & 0xFF;
                    if (k < 8) {
                        lo |= b << (8 * k);
                    } else {
                        hi |= b << (8 * (k - 8));
                    }
                }
                return new long[] {lo, hi};
            }
            case "i64x2" -> {
                return new long[] {Long.parseLong(w.get(1)), Long.parseLong(w.get(2))};
            }
            default -> throw new AssertionError("write v128 constants as i8x16 or i64x2: " + w);
        }
    }

    private static String strip(String s) {
        return s.replace(")", "");
    }

    private static ValType valType(String word) {
        String t = strip(word);
        for (ValType v : ValType.values()) {
            if (v.toString().equals(t)) {
                return v;
            }
        }
        throw new AssertionError("not a value type: " + word);
    }

    @Test
    void selectedImmediatesHaveTheirKnownValues() {
        // Spot checks independent of the generic comparison: the first of each in function 0.
        List<Decoded> f0 = decodedFunctions.get(0);
        Decoded brTable = f0.stream().filter(d -> d.op() == Opcode.BR_TABLE).findFirst().orElseThrow();
        assertEquals(List.of(0, 1, 2), java.util.Arrays.stream(brTable.imm().targets()).boxed().toList());
        assertEquals(1, brTable.imm().index());
        Decoded callIndirect = f0.stream().filter(d -> d.op() == Opcode.CALL_INDIRECT).findFirst().orElseThrow();
        assertEquals(1, callIndirect.imm().index());
        assertEquals(1, callIndirect.imm().index2());
        Decoded selectT = f0.stream().filter(d -> d.op() == Opcode.SELECT_T).findFirst().orElseThrow();
        assertEquals(ValType.F64, selectT.imm().selectTypes()[0]);
        Decoded typedBlock = f0.stream().filter(d -> d.op() == Opcode.BLOCK && d.imm().blockType() == 2)
                .findFirst().orElseThrow();
        assertNull(typedBlock.imm().blockValType());

        List<Decoded> all = decodedFunctions.stream().flatMap(List::stream).toList();
        Decoded v128 = all.stream().filter(d -> d.op() == Opcode.V128_CONST && d.imm().low() != 0)
                .findFirst().orElseThrow();
        assertEquals(0x0706050403020100L, v128.imm().low());
        assertEquals(0x0F0E0D0C0B0A0908L, v128.imm().high());
        Decoded shuffle = all.stream().filter(d -> d.op() == Opcode.I8X16_SHUFFLE).findFirst().orElseThrow();
        assertEquals(0x1706150413021100L, shuffle.imm().low());
        assertEquals(0x1F0E1D0C1B0A1908L, shuffle.imm().high());
        Decoded extract = all.stream().filter(d -> d.op() == Opcode.I8X16_EXTRACT_LANE_S).findFirst().orElseThrow();
        assertEquals(15, extract.imm().lane());
        Decoded loadLane = all.stream().filter(d -> d.op() == Opcode.V128_LOAD8_LANE).findFirst().orElseThrow();
        assertEquals(15, loadLane.imm().lane());
        Decoded i64Const = all.stream().filter(d -> d.op() == Opcode.I64_CONST && d.imm().constValue() < 0)
                .findFirst().orElseThrow();
        assertEquals(Long.MIN_VALUE, i64Const.imm().constValue());
    }
}
