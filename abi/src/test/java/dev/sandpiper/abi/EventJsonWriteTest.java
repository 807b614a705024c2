package dev.sandpiper.abi;

import static dev.sandpiper.abi.Fixtures.json;
import static dev.sandpiper.abi.Fixtures.q;
import static dev.sandpiper.abi.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical serialisation: order, nulls, omissions, escaping, numbers. */
class EventJsonWriteTest {

    @Test
    void contractExampleBuiltWithTheBuilderSerialisesToThePagesBytes() {
        assertEquals(Fixtures.CONTRACT_EXAMPLE, json(Fixtures.contractExample()));
    }

    @Test
    void contractExampleRoundTripsByteForByte() throws Exception {
        byte[] bytes = Fixtures.utf8(Fixtures.CONTRACT_EXAMPLE);
        Event e = EventJson.fromJson(bytes);
        assertArrayEquals(bytes, EventJson.toJson(e));
        assertEquals(Fixtures.contractExample(), e);
    }

    @Test
    void everyFieldIsWrittenInContractOrder() {
        Event e = Event.builder()
                .before(row("id", 7))
                .after(row("id", 7, "v", "x"))
                .op(Op.UPDATE)
                .source("mysql", "bin.000001:42", 5)
                .ts(6)
                .schema("s")
                .table("t")
                .primaryKey("id")
                .snapshot(new Snapshot("snap-1", 3, true))
                .transaction(new Transaction(99, 10L, 4))
                .envelopeVersion(1)
                .beforeIsKeyOnly(false)
                .unavailableColumns(List.of("blob"))
                .beforeUnavailableColumns(List.of("blob", "toast"))
                .build();
        assertEquals(q("{'before':{'id':7},'after':{'id':7,'v':'x'},'op':'update',"
                + "'source':{'source_name':'mysql','offset':'bin.000001:42','timestamp':5},'ts':6,'schema':'s',"
                + "'table':'t','primary_key':['id'],'snapshot':{'snapshot_id':'snap-1','chunk_index':3,"
                + "'is_last_chunk':true},'transaction':{'tx_id':99,'total_events':10,'event_index':4},"
                + "'envelope_version':1,'before_is_key_only':false,'unavailable_columns':['blob'],"
                + "'before_unavailable_columns':['blob','toast']}"), json(e));
    }

    @Test
    void absentValuesAreWrittenAsNullAndEmptyListsAreOmitted() {
        Event e = Event.builder().op(Op.TRUNCATE).source("pg", "1", 0).table("t")
                .transaction(new Transaction(1, null, 0)).build();
        assertEquals(q("{'before':null,'after':null,'op':'truncate',"
                + "'source':{'source_name':'pg','offset':'1','timestamp':0},'ts':0,'schema':null,'table':'t',"
                + "'primary_key':null,'snapshot':null,'transaction':{'tx_id':1,'total_events':null,'event_index':0},"
                + "'envelope_version':1,'before_is_key_only':false}"), json(e));
    }

    @Test
    void beforeIsKeyOnlyIsAlwaysWritten() {
        Event e = Fixtures.contractExample().toBuilder().op(Op.DELETE).before(row("id", 1)).after(null)
                .beforeIsKeyOnly(true).build();
        assertTrue(json(e).endsWith(q("'envelope_version':1,'before_is_key_only':true}")));
    }

    @Test
    void onlyNonEmptyColumnListsAreWritten() {
        Event e = Fixtures.contractExample().toBuilder().beforeUnavailableColumns(List.of("c")).build();
        assertTrue(json(e).endsWith(q("'before_is_key_only':false,'before_unavailable_columns':['c']}")));
    }

    @Test
    void unsigned64BitMaximumIsWrittenUnsigned() throws Exception {
        long max = Long.parseUnsignedLong("18446744073709551615");
        Event e = Fixtures.contractExample().toBuilder().ts(max).source("pg", "o", max)
                .transaction(new Transaction(max, 4294967295L, 4294967295L)).build();
        String text = json(e);
        assertTrue(text.contains(q("'timestamp':18446744073709551615}")), text);
        assertTrue(text.contains(q("'ts':18446744073709551615,")), text);
        assertTrue(text.contains(
                q("{'tx_id':18446744073709551615,'total_events':4294967295,'event_index':4294967295}")), text);
        Event back = EventJson.fromJson(text);
        assertEquals(e, back);
        assertEquals("18446744073709551615", Long.toUnsignedString(back.ts()));
    }

    @Test
    void stringsUseStandardEscapes() {
        String s = "q\" b\\ s/ \b\f\n\r\t \u0000\u0001\u001f\u007f é€ \ufeff! \uffff \ud83d\ude00 \u2028";
        Event e = Fixtures.contractExample().toBuilder().after(row(s, s)).build();
        String escaped = "q\\\" b\\\\ s/ \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f\u007f é€ \ufeff! \uffff "
                + "\ud83d\ude00 \u2028";
        assertTrue(json(e).contains("\"after\":{\"" + escaped + "\":\"" + escaped + "\"}"), json(e));
    }

    @Test
    void everyCharacterRoundTrips() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp <= 0x10FFFF; cp += cp < 0x30000 ? 1 : 97) {
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                all.appendCodePoint(cp);
            }
        }
        String text = all.toString();
        Event e = Fixtures.contractExample().toBuilder().after(row(text, text)).table(text).build();
        Event back = EventJson.fromJson(EventJson.toJson(e));
        assertEquals(text, back.table());
        assertEquals(text, back.after().get(text));
    }

    @Test
    void numbersAreWrittenExactly() {
        Event e = Fixtures.contractExample().toBuilder().after(row(
                "long", Long.MIN_VALUE,
                "big", new BigInteger("12345678901234567890123"),
                "scaled", new BigDecimal("100.50"),
                "huge", new BigDecimal("1e400"),
                "tiny", new BigDecimal("1.0E-7"),
                "negExp", new BigDecimal("-12.5e-30"))).build();
        assertTrue(json(e).contains(q("'after':{'long':-9223372036854775808,'big':12345678901234567890123,"
                + "'scaled':100.50,'huge':1E+400,'tiny':1.0E-7,'negExp':-1.25E-29}")), json(e));
    }

    @Test
    void writeAppendsToTheStreamWithoutClosingOrTerminating() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("must not close the caller's stream");
            }
        };
        out.write('>');
        EventJson.write(Fixtures.contractExample(), out);
        out.write('<');
        assertEquals(">" + Fixtures.CONTRACT_EXAMPLE + "<", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void toStringIsTheCanonicalJson() {
        assertEquals(Fixtures.CONTRACT_EXAMPLE, Fixtures.contractExample().toString());
    }
}
