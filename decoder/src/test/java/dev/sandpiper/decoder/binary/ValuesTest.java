package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sandpiper.decoder.MalformedModuleException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec 2.0, Binary Format > Values ({@code binary/values.html}): bytes, LEB128 integers of each width,
 * IEEE-754 bit patterns, lengths and names, read through {@link WasmReader}.
 */
class ValuesTest {

    private static WasmReader reader(int... b) {
        byte[] bytes = bytes(b);
        return new WasmReader(bytes, 0, bytes.length);
    }

    /** A reader whose window starts at {@code prefix} junk bytes, so offsets must be absolute. */
    private static WasmReader readerAt(int prefix, int... b) {
        byte[] bytes = concat(new byte[prefix], bytes(b));
        return new WasmReader(bytes, prefix, bytes.length);
    }

    private static MalformedModuleException fails(WasmReader r, Function<WasmReader, ?> read, String reason) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> read.apply(r));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    @Nested
    class UnsignedLeb32 {
        @Test
        void decodesOneByteValuesAndConsumesOneByte() {
            WasmReader r = reader(0x00, 0x7F);
            assertEquals(0, r.u32());
            assertEquals(1, r.position());
            assertEquals(127, r.u32());
            assertEquals(2, r.position());
        }

        @Test
        void decodesMultiByteValues() {
            assertEquals(128, reader(0x80, 0x01).u32());
            assertEquals(624485, reader(0xE5, 0x8E, 0x26).u32()); // the classic example
            assertEquals(0x0FFFFFFF, reader(0xFF, 0xFF, 0xFF, 0x7F).u32());
        }

        @Test
        void decodesTheLargestU32AsAllOnesBits() {
            WasmReader r = reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
            assertEquals(0xFFFFFFFF, r.u32());
            assertEquals(5, r.position());
        }

        @Test
        void acceptsZeroPaddedToFiveBytes() {
            WasmReader r = reader(0x80, 0x80, 0x80, 0x80, 0x00);
            assertEquals(0, r.u32());
            assertEquals(5, r.position());
        }

        @Test
        void acceptsOnePaddedToThreeBytes() {
            assertEquals(1, reader(0x81, 0x80, 0x00).u32());
        }

        @Test
        void rejectsSixByteEncodingAsTooLongAtItsFirstByte() {
            WasmReader r = readerAt(3, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
            assertEquals(3, fails(r, WasmReader::u32, "integer representation too long").offset());
        }

        @Test
        void rejectsUnusedBitsInTheFifthByteAsTooLarge() {
            fails(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x1F), WasmReader::u32, "integer too large");
            fails(reader(0x80, 0x80, 0x80, 0x80, 0x10), WasmReader::u32, "integer too large");
            MalformedModuleException e = fails(readerAt(2, 0x80, 0x80, 0x80, 0x80, 0x70), WasmReader::u32,
                    "integer too large");
            assertEquals(2, e.offset());
        }

        @Test
        void reportsUnexpectedEndWhereTheInputRunsOut() {
            MalformedModuleException e = fails(readerAt(4, 0x80, 0x80), WasmReader::u32,
                    WasmReader.UNEXPECTED_END);
            assertEquals(6, e.offset());
        }

        @Test
        void doesNotReadBeyondTheReadersLimit() {
            byte[] bytes = bytes(0x80, 0x01);
            WasmReader r = new WasmReader(bytes, 0, 1);
            assertEquals(1, fails(r, WasmReader::u32, WasmReader.UNEXPECTED_END).offset());
        }
    }

    @Nested
    class SignedLeb {
        @Test
        void decodesSmallSignedValues() {
            assertEquals(0, reader(0x00).s32());
            assertEquals(-1, reader(0x7F).s32());
            assertEquals(63, reader(0x3F).s32());
            assertEquals(-64, reader(0x40).s32());
            assertEquals(64, reader(0xC0, 0x00).s32());
            assertEquals(-65, reader(0xBF, 0x7F).s32());
            assertEquals(-123456, reader(0xC0, 0xBB, 0x78).s32());
        }

        @Test
        void decodesS32Extremes() {
            assertEquals(Integer.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x78).s32());
            assertEquals(Integer.MAX_VALUE, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x07).s32());
        }

        @Test
        void acceptsSignExtendedPaddingUpToTheMaximumLength() {
            assertEquals(-1, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x7F).s32());
            assertEquals(0, reader(0x80, 0x80, 0x80, 0x80, 0x00).s32());
            assertEquals(-1L, reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F).s64());
        }

        @Test
        void rejectsS32WhoseLastByteIsNotASignExtension() {
            fails(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), WasmReader::s32, "integer too large");
            fails(reader(0x80, 0x80, 0x80, 0x80, 0x70), WasmReader::s32, "integer too large");
            fails(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x4F), WasmReader::s32, "integer too large");
        }

        @Test
        void rejectsOverlongSignedEncodings() {
            fails(reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F), WasmReader::s32, "integer representation too long");
            fails(reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00), WasmReader::s33, "integer representation too long");
            fails(reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), WasmReader::s64,
                    "integer representation too long");
        }

        @Test
        void decodesS33Extremes() {
            assertEquals(0xFFFFFFFFL, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).s33());
            assertEquals(-0x100000000L, reader(0x80, 0x80, 0x80, 0x80, 0x70).s33());
        }

        @Test
        void rejectsS33BeyondItsRange() {
            fails(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x1F), WasmReader::s33, "integer too large");
            fails(reader(0x80, 0x80, 0x80, 0x80, 0x60), WasmReader::s33, "integer too large");
        }

        @Test
        void decodesS64Extremes() {
            assertEquals(Long.MIN_VALUE,
                    reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F).s64());
            assertEquals(Long.MAX_VALUE,
                    reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00).s64());
        }

        @Test
        void rejectsS64WhoseTenthByteHasMoreThanTheSignBit() {
            fails(reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), WasmReader::s64,
                    "integer too large");
            fails(reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7E), WasmReader::s64,
                    "integer too large");
        }

        @Test
        void reportsUnexpectedEndInsideASignedValue() {
            MalformedModuleException e = fails(readerAt(1, 0xFF, 0xFF), WasmReader::s64, WasmReader.UNEXPECTED_END);
            assertEquals(3, e.offset());
        }
    }

    @Nested
    class SmallFields {
        @Test
        void u1AcceptsZeroAndOneOnly() {
            assertEquals(0, reader(0x00).u1());
            assertEquals(1, reader(0x01).u1());
            fails(reader(0x02), WasmReader::u1, "integer too large");
            fails(reader(0x81, 0x00), WasmReader::u1, "integer representation too long");
        }

        @Test
        void s7RejectsAContinuationBit() {
            assertEquals(0x7F, reader(0x7F).s7());
            fails(reader(0xFF, 0x7F), WasmReader::s7, "integer representation too long");
        }

        @Test
        void u8ReadsUnsignedBytesAndFailsAtTheEnd() {
            WasmReader r = reader(0xFF);
            assertEquals(0xFF, r.u8());
            assertEquals(1, fails(r, WasmReader::u8, WasmReader.UNEXPECTED_END).offset());
        }

        @Test
        void fixedWidthValuesAreLittleEndian() {
            assertEquals(0x3F800000, reader(0x00, 0x00, 0x80, 0x3F).fixed32()); // 1.0f
            assertEquals(0x3FF0000000000000L,
                    reader(0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF0, 0x3F).fixed64()); // 1.0
        }

        @Test
        void truncatedFloatIsUnexpectedEnd() {
            fails(reader(0x00, 0x00, 0x80), WasmReader::fixed32, WasmReader.UNEXPECTED_END);
            fails(reader(0, 0, 0, 0, 0, 0, 0), WasmReader::fixed64, WasmReader.UNEXPECTED_END);
        }
    }

    @Nested
    class LengthsAndCounts {
        @Test
        void lengthWithinTheInputIsReturned() {
            WasmReader r = reader(0x03, 0xAA, 0xBB, 0xCC);
            assertEquals(3, r.length());
            assertEquals(1, r.position());
        }

        @Test
        void lengthBeyondTheInputIsOutOfBoundsAtTheLengthsOffset() {
            MalformedModuleException e = fails(readerAt(5, 0x04, 0xAA, 0xBB, 0xCC), WasmReader::length,
                    "length out of bounds");
            assertEquals(5, e.offset());
        }

        @Test
        void lengthOfFourGigabytesIsOutOfBoundsNotNegative() {
            fails(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00), WasmReader::length, "length out of bounds");
        }

        @Test
        void countIsClampedSoNoCallerAllocatesForAHostileCount() {
            WasmReader r = reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01, 0x02);
            assertEquals(3, r.count()); // two bytes left, plus one
        }

        @Test
        void honestCountIsReturnedUnchanged() {
            assertEquals(2, reader(0x02, 0x01, 0x02).count());
        }
    }

    @Nested
    class Names {
        private WasmReader nameReader(byte[] utf8) {
            byte[] bytes = concat(bytes(0xEE), dev.sandpiper.decoder.ModuleBytes.lengthPrefixed(utf8));
            return new WasmReader(bytes, 1, bytes.length);
        }

        private void roundTrips(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            WasmReader r = nameReader(utf8);
            assertEquals(s, r.name());
            assertEquals(r.limit(), r.position());
        }

        @Test
        void emptyNameIsValid() {
            roundTrips("");
        }

        @Test
        void asciiAndEveryEncodedLengthAreValid() {
            roundTrips("memory");
            roundTrips("caf\u00e9"); // 2-byte sequence
            roundTrips("\u20ac\u0800\uFFFF"); // 3-byte sequences, incl. the bounds
            roundTrips("\uD834\uDD1E"); // U+1D11E, a 4-byte sequence
            roundTrips("\uDBFF\uDFFF"); // U+10FFFF, the largest code point
            roundTrips("\u0000\u007F\u0080\u07FF"); // 1- and 2-byte bounds
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            // overlong encodings
            "C0 80", "C1 BF", "E0 80 80", "E0 9F BF", "F0 80 80 80", "F0 8F BF BF",
            // surrogates
            "ED A0 80", "ED BF BF", "ED AF BF ED BF BF",
            // beyond U+10FFFF
            "F4 90 80 80", "F5 80 80 80", "F7 BF BF BF",
            // truncated sequences
            "C3", "E2 82", "F0 9D 84", "61 E2",
            // bad continuation bytes
            "C3 41", "E2 28 A1", "E2 82 28", "F0 9D 84 41", "F0 28 84 9E",
            // lone continuation and bytes that never occur
            "80", "BF", "61 80", "FE", "FF", "F8 88 80 80 80"
        })
        void malformedUtf8IsRejectedAtTheStartOfTheNamesBytes(String hex) {
            String[] parts = hex.split(" ");
            byte[] utf8 = new byte[parts.length];
            for (int i = 0; i < parts.length; i++) {
                utf8[i] = (byte) Integer.parseInt(parts[i], 16);
            }
            WasmReader r = nameReader(utf8);
            MalformedModuleException e = fails(r, WasmReader::name, "malformed UTF-8 encoding");
            assertEquals(2, e.offset()); // 1 byte of junk, 1 byte of length
        }

        @Test
        void nameLongerThanTheInputIsOutOfBounds() {
            MalformedModuleException e = fails(readerAt(2, 0x05, 'a', 'b', 'c'), WasmReader::name,
                    "length out of bounds");
            assertEquals(2, e.offset());
        }

        @Test
        void nameLengthIsReadAsLeb128() {
            byte[] name = "x".repeat(200).getBytes(StandardCharsets.US_ASCII);
            byte[] bytes = concat(bytes(0xC8, 0x01), name);
            WasmReader r = new WasmReader(bytes, 0, bytes.length);
            assertEquals("x".repeat(200), r.name());
        }
    }
}
