package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.ModuleBytes.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import java.util.function.ToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of LEB128 (spec 2.0, Binary Format > Values > Integers): every value of each width
 * round-trips through {@link ModuleBytes}' encoder and {@link WasmReader}, in its shortest form and in
 * every padded form up to ceil(N/7) bytes; every longer encoding is "integer representation too
 * long"; every maximal-length encoding whose last byte carries bits beyond N is "integer too large".
 */
class LebPropertiesTest {

    /** A signed or unsigned integer format of N bits. */
    enum Width {
        U32(32, false, WasmReader::u32),
        S32(32, true, WasmReader::s32),
        S33(33, true, WasmReader::s33),
        S64(64, true, WasmReader::s64);

        final int bits;
        final boolean signed;
        final ToLongFunction<WasmReader> read;

        Width(int bits, boolean signed, ToLongFunction<WasmReader> read) {
            this.bits = bits;
            this.signed = signed;
            this.read = read;
        }

        int maxBytes() {
            return (bits + 6) / 7;
        }

        long read(byte[] bytes) {
            WasmReader r = new WasmReader(bytes, 0, bytes.length);
            long v = read.applyAsLong(r);
            assertEquals(bytes.length, r.position(), "bytes consumed");
            return v;
        }

        /** The reader's result for value v: u32 comes back as the int holding its bits. */
        long expected(long v) {
            return this == U32 ? (int) v : v;
        }
    }

    private static byte[] encode(Width w, long v, int length) {
        return w.signed ? ModuleBytes.slebPadded(v, length) : ModuleBytes.u32Padded(v, length);
    }

    private static int shortestLength(Width w, long v) {
        return w.signed ? ModuleBytes.sleb(v).length : ModuleBytes.u32(v).length;
    }

    private static String failure(Width w, byte[] bytes) {
        try {
            w.read(bytes);
            return "accepted";
        } catch (MalformedModuleException e) {
            return e.reason();
        }
    }

    // ---------------------------------------------------------------- round trips

    @Property(tries = 2000)
    void u32RoundTripsInShortestForm(@ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long v) {
        byte[] enc = ModuleBytes.u32(v);
        assertTrue(enc.length <= 5);
        assertEquals((long) (int) v, Width.U32.read(enc));
    }

    @Property(tries = 2000)
    void s32RoundTripsInShortestForm(@ForAll int v) {
        assertEquals(v, Width.S32.read(ModuleBytes.s32(v)));
    }

    @Property(tries = 2000)
    void s33RoundTripsInShortestForm(@ForAll @LongRange(min = -(1L << 32), max = (1L << 32) - 1) long v) {
        assertEquals(v, Width.S33.read(ModuleBytes.s33(v)));
    }

    @Property(tries = 2000)
    void s64RoundTripsInShortestForm(@ForAll long v) {
        byte[] enc = ModuleBytes.s64(v);
        assertTrue(enc.length <= 10);
        assertEquals(v, Width.S64.read(enc));
    }

    @Provide
    Arbitrary<Object[]> paddedCases() {
        return Arbitraries.of(Width.values()).flatMap(w -> Combinators.combine(
                        valuesOf(w), Arbitraries.integers().between(1, w.maxBytes()))
                .as((v, len) -> new Object[] {w, v, Math.max(len, shortestLength(w, v))}));
    }

    private static Arbitrary<Long> valuesOf(Width w) {
        return switch (w) {
            case U32 -> Arbitraries.longs().between(0, 0xFFFFFFFFL);
            case S32 -> Arbitraries.integers().map(i -> (long) i);
            case S33 -> Arbitraries.longs().between(-(1L << 32), (1L << 32) - 1);
            case S64 -> Arbitraries.longs();
        };
    }

    @Property(tries = 3000)
    void paddedButLegalEncodingsUpToTheMaximumLengthDecodeToTheSameValue(@ForAll("paddedCases") Object[] c) {
        Width w = (Width) c[0];
        long v = (Long) c[1];
        int length = (Integer) c[2];
        byte[] enc = encode(w, v, length);
        assertEquals(length, enc.length);
        assertEquals(w.expected(v), w.read(enc));
    }

    @Property(tries = 10)
    void zeroPaddedToTheMaximumLengthIsLegalForEveryWidth(@ForAll Width w) {
        byte[] enc = encode(w, 0, w.maxBytes());
        assertEquals(0L, w.read(enc));
        byte[] minusOne = w.signed ? encode(w, -1, w.maxBytes()) : encode(w, 0xFFFFFFFFL, 5);
        assertEquals(-1L, w.read(minusOne));
    }

    // ---------------------------------------------------------------- rejections

    @Provide
    Arbitrary<Object[]> overlongCases() {
        return Arbitraries.of(Width.values()).flatMap(w -> Combinators.combine(
                        valuesOf(w), Arbitraries.integers().between(w.maxBytes() + 1, w.maxBytes() + 6))
                .as((v, len) -> new Object[] {w, encode(w, v, len)}));
    }

    @Property(tries = 3000)
    void everyEncodingLongerThanCeilNOver7BytesIsTooLong(@ForAll("overlongCases") Object[] c) {
        Width w = (Width) c[0];
        byte[] enc = (byte[]) c[1];
        assertEquals("integer representation too long", failure(w, enc));
    }

    @Property(tries = 3000)
    void aContinuationBitOnTheLastAllowedByteIsTooLongWhateverFollows(
            @ForAll Width w, @ForAll @IntRange(min = 0, max = 255) int lastPayload) {
        byte[] enc = new byte[w.maxBytes() + 1];
        for (int i = 0; i < w.maxBytes(); i++) {
            enc[i] = (byte) 0x80;
        }
        enc[w.maxBytes() - 1] = (byte) (0x80 | lastPayload);
        assertEquals("integer representation too long", failure(w, enc));
    }

    /** Last bytes of a maximal-length encoding whose bits beyond N are not all equal to the sign (or zero). */
    private static boolean lastByteTooLarge(Width w, int b) {
        int used = w.bits - 7 * (w.maxBytes() - 1);
        if (!w.signed) {
            return (b >> used) != 0;
        }
        int signAndAbove = b >> (used - 1);
        return signAndAbove != 0 && signAndAbove != (1 << (8 - used)) - 1;
    }

    @Provide
    Arbitrary<Object[]> tooLargeCases() {
        return Arbitraries.of(Width.values()).flatMap(w -> Combinators.combine(
                        Arbitraries.bytes().array(byte[].class).ofSize(w.maxBytes() - 1),
                        Arbitraries.integers().between(0, 0x7F).filter(b -> lastByteTooLarge(w, b)))
                .as((prefix, last) -> {
                    byte[] enc = concat(prefix, new byte[] {(byte) (int) last});
                    for (int i = 0; i < prefix.length; i++) {
                        enc[i] |= (byte) 0x80;
                    }
                    return new Object[] {w, enc};
                }));
    }

    @Property(tries = 3000)
    void unusedBitsSetInTheLastByteAreTooLarge(@ForAll("tooLargeCases") Object[] c) {
        Width w = (Width) c[0];
        byte[] enc = (byte[]) c[1];
        assertEquals("integer too large", failure(w, enc));
    }

    @Property(tries = 1000)
    void everyMaximalLengthEncodingIsEitherAValueOfTheWidthOrTooLarge(
            @ForAll Width w, @ForAll byte[] raw) {
        byte[] enc = new byte[w.maxBytes()];
        for (int i = 0; i < enc.length; i++) {
            byte b = i < raw.length ? raw[i] : 0;
            enc[i] = (byte) (i < enc.length - 1 ? b | 0x80 : b & 0x7F);
        }
        boolean tooLarge = lastByteTooLarge(w, enc[enc.length - 1]);
        String outcome = failure(w, enc);
        if (tooLarge) {
            assertEquals("integer too large", outcome);
        } else {
            // Legal: the value re-encodes padded to the same bytes.
            long v = w.read(enc);
            long asEncoded = w == Width.U32 ? Integer.toUnsignedLong((int) v) : v;
            assertArrayEquals(enc, encode(w, asEncoded, enc.length));
        }
    }

    @Property(tries = 1000)
    void truncatedEncodingsAreUnexpectedEnd(@ForAll("paddedCases") Object[] c) {
        Width w = (Width) c[0];
        byte[] enc = encode(w, (Long) c[1], (Integer) c[2]);
        if (enc.length < 2) {
            enc = new byte[] {(byte) 0x80, 0x00};
        }
        byte[] truncated = java.util.Arrays.copyOf(enc, enc.length - 1);
        assertEquals(WasmReader.UNEXPECTED_END, failure(w, truncated));
    }
}
