package dev.sandpiper.abi;

import static dev.sandpiper.abi.Fixtures.assertRejected;
import static dev.sandpiper.abi.Fixtures.assertRejectedStartingWith;
import static dev.sandpiper.abi.Fixtures.parse;
import static dev.sandpiper.abi.Fixtures.q;
import static dev.sandpiper.abi.Fixtures.utf8;
import static dev.sandpiper.abi.Fixtures.withFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoding rules of contract.md, one test each; every failure names the field. */
class EventJsonReadTest {

    @Test
    void minimalEventGetsTheDefaults() throws Exception {
        Event e = parse(withFields(""));
        assertNull(e.before());
        assertNull(e.after());
        assertNull(e.schema());
        assertNull(e.primaryKey());
        assertNull(e.snapshot());
        assertNull(e.transaction());
        assertFalse(e.beforeIsKeyOnly());
        assertEquals(List.of(), e.unavailableColumns());
        assertEquals(List.of(), e.beforeUnavailableColumns());
        assertEquals(new Source("pg", "0/1", 1), e.source());
    }

    @Test
    void unknownOpIsRejected() {
        assertRejected(withFields("").replace("\"insert\"", "\"upsert\""), "op: unknown value \"upsert\"");
    }

    @Test
    void opIsCaseSensitive() {
        assertRejected(withFields("").replace("\"insert\"", "\"INSERT\""), "op: unknown value \"INSERT\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "insert|INSERT", "update|UPDATE", "delete|DELETE", "read|READ", "schema_change|SCHEMA_CHANGE",
        "truncate|TRUNCATE"})
    void everyOpWireNameIsAccepted(String wire, Op op) throws Exception {
        assertEquals(op, parse(withFields("").replace("\"insert\"", "\"" + wire + "\"")).op());
    }

    @ParameterizedTest
    @ValueSource(strings = {"op", "source", "ts", "table", "envelope_version"})
    void missingRequiredFieldIsRejected(String field) {
        String fields = q("'op':'insert','source':{'source_name':'pg','offset':'0/1','timestamp':1},'ts':2,"
                + "'table':'t','envelope_version':1");
        String without = fields.replaceAll("\"" + field + "\":(\\{[^}]*\\}|[^,]*),?", "").replaceAll(",$", "");
        assertRejected("{" + without + "}", field + ": missing required field");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'source':{'offset':'o','timestamp':1}|source.source_name",
        "'source':{'source_name':'n','timestamp':1}|source.offset",
        "'source':{'source_name':'n','offset':'o'}|source.timestamp",
        "'snapshot':{'chunk_index':0,'is_last_chunk':true}|snapshot.snapshot_id",
        "'snapshot':{'snapshot_id':'s','is_last_chunk':true}|snapshot.chunk_index",
        "'snapshot':{'snapshot_id':'s','chunk_index':0}|snapshot.is_last_chunk",
        "'transaction':{'total_events':1,'event_index':0}|transaction.tx_id",
        "'transaction':{'tx_id':1,'total_events':1}|transaction.event_index"})
    void missingFieldOfANestedObjectIsRejected(String object, String path) {
        String json = object.startsWith("'source'")
                ? q("{'op':'insert'," + object + ",'ts':2,'table':'t','envelope_version':1}")
                : withFields(object);
        assertRejected(json, path + ": missing required field");
    }

    @Test
    void beforeIsKeyOnlyWithNullBeforeIsRejected() {
        assertRejected(withFields("'before':null,'before_is_key_only':true"),
                "before_is_key_only: true requires a non-null before");
        assertRejected(withFields("'before_is_key_only':true"),
                "before_is_key_only: true requires a non-null before");
    }

    @Test
    void beforeIsKeyOnlyWithUnavailableBeforeColumnsIsRejected() {
        assertRejected(withFields("'before':{'id':1},'before_is_key_only':true,'before_unavailable_columns':['x']"),
                "before_is_key_only: true requires an empty before_unavailable_columns");
    }

    @Test
    void beforeIsKeyOnlyWithAKeyImageIsAccepted() throws Exception {
        Event e = parse(withFields("'before':{'id':1},'before_is_key_only':true,'before_unavailable_columns':null"));
        assertTrue(e.beforeIsKeyOnly());
        assertEquals(Fixtures.row("id", 1L), e.before());
    }

    @Test
    void beforeIsKeyOnlyMustBeABoolean() {
        assertRejected(withFields("'before_is_key_only':null"), "before_is_key_only: expected a boolean, got null");
        assertRejected(withFields("'before_is_key_only':'true'"),
                "before_is_key_only: expected a boolean, got \"true\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "1.0|1.0", "'123'|\"123\"", "-1|-1", "18446744073709551616|18446744073709551616", "1e3|1e3",
        "null|null", "true|true", "[1]|an array", "-0.0|-0.0",
        "123456789012345678901234567890|123456789012345678901234567890"})
    void u64FieldsTakeOnlyIntegersInRange(String value, String shown) {
        String v = q(value);
        assertRejected(withFields("").replace("\"ts\":2", "\"ts\":" + v),
                "ts: expected an unsigned 64-bit integer, got " + shown);
        assertRejected(withFields("").replace("\"timestamp\":1", "\"timestamp\":" + v),
                "source.timestamp: expected an unsigned 64-bit integer, got " + shown);
        assertRejected(withFields(q("'transaction':{'tx_id':" + value + ",'event_index':0}")),
                "transaction.tx_id: expected an unsigned 64-bit integer, got " + shown);
    }

    @Test
    void u64FieldsTakeTheFullRange() throws Exception {
        String max = "18446744073709551615";
        Event e = parse(withFields("'transaction':{'tx_id':" + max + ",'event_index':0}")
                .replace("\"ts\":2", "\"ts\":" + max).replace("\"timestamp\":1", "\"timestamp\":" + max));
        assertEquals(-1L, e.ts());
        assertEquals(-1L, e.source().timestamp());
        assertEquals(-1L, e.transaction().txId());
        assertEquals(0L, parse(withFields("").replace("\"ts\":2", "\"ts\":-0")).ts());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"4294967296|4294967296", "-1|-1", "1.0|1.0", "'7'|\"7\"",
        "99999999999999999999999|99999999999999999999999"})
    void u32FieldsTakeOnlyIntegersInRange(String value, String shown) {
        String got = ", got " + shown;
        assertRejected(withFields("'snapshot':{'snapshot_id':'s','chunk_index':" + value + ",'is_last_chunk':false}"),
                "snapshot.chunk_index: expected an unsigned 32-bit integer" + got);
        assertRejected(withFields("'transaction':{'tx_id':1,'total_events':" + value + ",'event_index':0}"),
                "transaction.total_events: expected an unsigned 32-bit integer" + got);
        assertRejected(withFields("'transaction':{'tx_id':1,'event_index':" + value + "}"),
                "transaction.event_index: expected an unsigned 32-bit integer" + got);
    }

    @Test
    void u32FieldsTakeTheFullRange() throws Exception {
        Event e = parse(withFields("'snapshot':{'snapshot_id':'s','chunk_index':4294967295,'is_last_chunk':true},"
                + "'transaction':{'tx_id':1,'total_events':4294967295,'event_index':4294967295}"));
        assertEquals(4294967295L, e.snapshot().chunkIndex());
        assertEquals(4294967295L, e.transaction().totalEvents());
        assertEquals(4294967295L, e.transaction().eventIndex());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`',
            value = {"65536|65536", "-1|-1", "1.0|1.0", "'1'|\"1\"", "null|null"})
    void envelopeVersionIsAnUnsigned16BitInteger(String value, String shown) {
        assertRejected(withFields("").replace("\"envelope_version\":1", "\"envelope_version\":" + q(value)),
                "envelope_version: expected an unsigned 16-bit integer, got " + shown);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 65535})
    void anyEnvelopeVersionIsAcceptedAndKept(int version) throws Exception {
        String json = withFields("").replace("\"envelope_version\":1", "\"envelope_version\":" + version);
        Event e = parse(json);
        assertEquals(version, e.envelopeVersion());
        assertTrue(Fixtures.json(e).contains("\"envelope_version\":" + version + ","));
    }

    @Test
    void nullColumnListsMeanEmpty() throws Exception {
        Event e = parse(withFields("'unavailable_columns':null,'before_unavailable_columns':null"));
        assertEquals(List.of(), e.unavailableColumns());
        assertEquals(List.of(), e.beforeUnavailableColumns());
    }

    @Test
    void absentTotalEventsMeansNull() throws Exception {
        assertNull(parse(withFields("'transaction':{'tx_id':1,'event_index':0}")).transaction().totalEvents());
        assertNull(parse(withFields("'transaction':{'tx_id':1,'total_events':null,'event_index':0}"))
                .transaction().totalEvents());
    }

    @Test
    void unknownFieldsAreIgnoredEverywhereAndNotWrittenBack() throws Exception {
        Event e = parse(withFields("'x_top':{'deep':[1,{'a':null}]},"
                + "'snapshot':{'snapshot_id':'s','extra':1,'chunk_index':0,'is_last_chunk':false},"
                + "'transaction':{'tx_id':1,'event_index':0,'extra':'y'}")
                .replace("\"timestamp\":1", "\"timestamp\":1,\"extra\":[]"));
        String out = Fixtures.json(e);
        assertFalse(out.contains("x_top") || out.contains("extra"), out);
        assertEquals(e, parse(out));
    }

    @Test
    void unknownFieldsAreStillCheckedForDuplicates() {
        assertRejected(withFields("'x':1,'x':2"), "x: duplicate key");
        assertRejected(withFields("'x':{'a':1,'a':2}"), "x.a: duplicate key");
        assertRejected(withFields("").replace("\"timestamp\":1", "\"timestamp\":1,\"y\":0,\"y\":0"),
                "source.y: duplicate key");
    }

    @Test
    void duplicateKeysAreRejectedEverywhere() {
        assertRejected(withFields("'ts':3"), "ts: duplicate key");
        assertRejected(withFields("'after':null,'after':null"), "after: duplicate key");
        assertRejected(withFields("").replace("\"offset\":\"0/1\"", "\"offset\":\"0/1\",\"offset\":\"0/1\""),
                "source.offset: duplicate key");
        assertRejected(withFields("'transaction':{'tx_id':1,'event_index':0,'tx_id':1}"),
                "transaction.tx_id: duplicate key");
        assertRejected(withFields("'after':{'id':1,'name':'a','id':1}"), "after.id: duplicate key");
        assertRejected(withFields("'before':{'a':{'b':1,'b':null}}"), "before.a.b: duplicate key");
        assertRejected(withFields("'after':{'list':[1,{'x':1,'x':2}]}"), "after.list[1].x: duplicate key");
        assertRejected(withFields("'after':{'a b':{'c':1,'c':1}}"), "after[\"a b\"].c: duplicate key");
    }

    @Test
    void duplicateKeysAreFoundInWideObjects() throws Exception {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            row.append(i == 0 ? "" : ",").append("'c").append(i).append("':").append(i);
        }
        Event e = parse(withFields("'after':{" + row + "}"));
        assertEquals(40, e.after().size());
        assertEquals(17L, e.after().get("c17"));
        for (int dup : new int[] {0, 7, 8, 9, 39}) {
            assertRejected(withFields("'after':{" + row + ",'c" + dup + "':0}"), "after.c" + dup + ": duplicate key");
        }
    }

    @Test
    void trailingContentIsRejected() {
        String event = withFields("");
        assertRejected(event + " {}", "trailing content after the event object at line 1 column "
                + (event.length() + 2));
        assertRejected(event + "\n\"x\"", "trailing content after the event object at line 2 column 1");
        assertRejectedStartingWith(utf8(event + "x"), "invalid JSON at line 1 column ");
        assertRejectedStartingWith(utf8(event + "}"), "invalid JSON at line 1 column ");
    }

    @Test
    void surroundingWhitespaceIsAllowed() throws Exception {
        parse(" \t\r\n" + withFields("") + " \r\n\t ");
    }

    @Test
    void theTopLevelMustBeAnObject() {
        String problem = "expected a JSON object at the top level, got ";
        assertRejected("[]", problem + "an array");
        assertRejected("\"x\"", problem + "\"x\"");
        assertRejected("null", problem + "null");
        assertRejected("1", problem + "1");
        assertRejected("", problem + "end of input");
        assertRejected(" \n ", problem + "end of input");
    }

    @Test
    void rowsMustBeObjectsOrNull() {
        assertRejected(withFields("'before':[]"), "before: expected an object or null, got an array");
        assertRejected(withFields("'after':'row'"), "after: expected an object or null, got \"row\"");
        assertRejected(withFields("'after':1"), "after: expected an object or null, got 1");
    }

    @Test
    void wrongJsonTypesAreRejected() {
        assertRejected(withFields("").replace("\"table\":\"t\"", "\"table\":null"),
                "table: expected a string, got null");
        assertRejected(withFields("").replace("\"table\":\"t\"", "\"table\":1"), "table: expected a string, got 1");
        assertRejected(withFields("").replace("\"op\":\"insert\"", "\"op\":1"), "op: expected a string, got 1");
        assertRejected(withFields("'schema':false"), "schema: expected a string, got false");
        assertRejected(q("{'op':'insert','source':null,'ts':2,'table':'t','envelope_version':1}"),
                "source: expected an object, got null");
        assertRejected(withFields("").replace("\"source_name\":\"pg\"", "\"source_name\":5"),
                "source.source_name: expected a string, got 5");
        assertRejected(withFields("'snapshot':[]"), "snapshot: expected an object, got an array");
        assertRejected(withFields("'transaction':'tx'"), "transaction: expected an object, got \"tx\"");
        assertRejected(withFields("'snapshot':{'snapshot_id':'s','chunk_index':0,'is_last_chunk':0}"),
                "snapshot.is_last_chunk: expected a boolean, got 0");
        assertRejected(withFields("'primary_key':'id'"),
                "primary_key: expected an array of strings or null, got \"id\"");
        assertRejected(withFields("'primary_key':['id',1]"), "primary_key[1]: expected a string, got 1");
        assertRejected(withFields("'unavailable_columns':[null]"),
                "unavailable_columns[0]: expected a string, got null");
        assertRejected(withFields("'before_unavailable_columns':{}"),
                "before_unavailable_columns: expected an array of strings or null, got an object");
    }

    @Test
    void syntaxErrorsSayWhere() {
        EventFormatException e = assertRejectedStartingWith(utf8("{\"op\":\"insert\",\"ts\":}"),
                "ts: invalid JSON at line 1 column 21: Unexpected character ('}'");
        assertEquals("ts", e.path());
        assertRejectedStartingWith(utf8("{\"op\":\"insert\",\n\"after\":{\"a\":tru}}"),
                "after.a: invalid JSON at line 2 column ");
        assertRejectedStartingWith(utf8("{\"op\":\"ins"), "op: invalid JSON at line 1 column 11: ");
        assertRejectedStartingWith(utf8(withFields("'after':{'n':01}")), "after.n: invalid JSON at line 1 column ");
        assertRejectedStartingWith(utf8(withFields("'after':{'n':NaN}")), "after.n: invalid JSON at line 1 column ");
        assertRejectedStartingWith(utf8(withFields("'after':{'n':1,}")), "after.n: invalid JSON at line 1 column ");
        assertRejectedStartingWith(utf8(withFields("'after':{'n':'a\tb'}")), "after.n: invalid JSON at line 1 column ");
        assertRejectedStartingWith(utf8("{'op':'insert'}"), "invalid JSON at line 1 column 2: ");
    }

    @Test
    void onlyUtf8WithoutByteOrderMarkIsAccepted() {
        byte[] event = utf8(withFields(""));
        byte[] withBom = new byte[event.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(event, 0, withBom, 3, event.length);
        assertRejected(withBom, "invalid JSON at line 1 column 1: unexpected byte 0xEF (a byte order mark, or not"
                + " UTF-8 JSON text)");
        assertRejected(withFields("").getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                "invalid JSON at line 1 column 2: unexpected NUL byte (UTF-16 or UTF-32 text? only UTF-8 is accepted)");
        byte[] badUtf8 = utf8(withFields("'after':{'s':'xy'}"));
        int x = new String(badUtf8, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("xy");
        badUtf8[x] = (byte) 0xC3;
        badUtf8[x + 1] = (byte) 0x28; // C3 must be followed by a continuation byte
        assertRejectedStartingWith(badUtf8, "after.s: invalid JSON at line 1 column ");
    }

    @Test
    void unpairedSurrogateEscapesAreRejected() {
        String problem = "contains an unpaired surrogate U+D800 (not valid Unicode, cannot be UTF-8)";
        assertRejected(withFields("").replace("\"table\":\"t\"", "\"table\":\"a\\ud800b\""), "table: " + problem);
        assertRejected(withFields("'after':{'s':'\\ud800'}"), "after.s: " + problem);
        assertRejected(withFields("'after':{'s':['\\udc00']}"),
                "after.s[0]: contains an unpaired surrogate U+DC00 (not valid Unicode, cannot be UTF-8)");
        assertRejected(withFields("'after':{'\\ud800':1}"), "after[\"\\ud800\"]: key " + problem);
        assertRejected(withFields("'primary_key':['\\ud800']"), "primary_key[0]: " + problem);
    }

    @Test
    void textWithARawUnpairedSurrogateIsRejected() {
        String json = withFields("").replace("\"table\":\"t\"", "\"table\":\"t\ud800\"");
        EventFormatException e = assertThrows(EventFormatException.class, () -> EventJson.fromJson(json));
        assertEquals("invalid JSON text: character " + json.indexOf('\ud800') + " contains an unpaired surrogate"
                + " U+D800 (not valid Unicode, cannot be UTF-8)", e.getMessage());
    }

    @Test
    void escapedSurrogatePairsAreAstralCharacters() throws Exception {
        Event e = parse(withFields("'after':{'\\ud83d\\ude00':'\\uD83D\\uDE00'}"));
        assertEquals("\ud83d\ude00", e.after().get("\ud83d\ude00"));
    }

    @Test
    void offsetAndLengthSelectTheInput() throws Exception {
        byte[] padded = utf8("xx" + Fixtures.CONTRACT_EXAMPLE + "yy");
        Event e = EventJson.fromJson(padded, 2, padded.length - 4);
        EventJson.validate(padded, 2, padded.length - 4);
        assertEquals(Fixtures.contractExample(), e);
    }
}
