package dev.sandpiper.connect;

import static dev.sandpiper.connect.Fixtures.change;
import static dev.sandpiper.connect.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.abi.Event;
import dev.sandpiper.connect.convert.ConversionException;
import dev.sandpiper.connect.convert.RecordMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * What the output record's schema is when a guest changes a row's shape (contract.md, "Kafka Connect and Debezium
 * records ↔ Event", point 4): the guest's Event is given straight to {@link RecordMapper#toRecord}.
 */
class SchemaDerivationTest {
    private final RecordMapper mapper = new RecordMapper();
    private final SourceRecord in = change("c", null, user(1, "Alice", "a@example.com"));

    private Struct afterOf(Map<String, Object> after) {
        Event e = mapper.toEvent(in).toBuilder().after(after).build();
        return ((Struct) mapper.toRecord(in, e, null).value()).getStruct("after");
    }

    private Map<String, Object> row() {
        return new LinkedHashMap<>(mapper.toEvent(in).after());
    }

    @Test
    void removedFieldIsGone() {
        Map<String, Object> r = row();
        r.remove("ssn");
        Struct after = afterOf(r);
        assertNull(after.schema().field("ssn"));
        assertEquals(Fixtures.ROW.fields().size() - 1, after.schema().fields().size());
        assertSame(Fixtures.ROW.field("email").schema(), after.schema().field("email").schema());
        assertEquals(Fixtures.ROW.name(), after.schema().name());
    }

    @Test
    void retypedFieldGetsTheValuesTypeOptional() {
        Map<String, Object> r = row();
        r.put("id", "one");                       // int32 → string
        r.put("balance", new BigDecimal("1.125")); // scale 2 → finer: Decimal scale 3
        Struct after = afterOf(r);
        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, after.schema().field("id").schema());
        assertEquals("one", after.get("id"));
        Schema balance = after.schema().field("balance").schema();
        assertEquals(Decimal.builder(3).optional().build(), balance);
        assertEquals(new BigDecimal("1.125"), after.get("balance"));
    }

    @Test
    void aValueThatStillFitsKeepsTheSchema() {
        Map<String, Object> r = row();
        r.put("balance", 7L);         // an integer into Decimal(2): 7.00
        r.put("id", 99L);
        Struct after = afterOf(r);
        assertSame(Fixtures.ROW, after.schema());
        assertEquals(new BigDecimal("7.00"), after.get("balance"));
        assertEquals(99, after.get("id"));
    }

    @Test
    void nullInARequiredFieldMakesItOptional() {
        Map<String, Object> r = row();
        r.put("name", null);
        Struct after = afterOf(r);
        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, after.schema().field("name").schema());
        assertNull(after.get("name"));
    }

    @Test
    void addedNestedValuesGetInferredTypes() {
        Map<String, Object> r = row();
        r.put("tags", List.of("a", "b"));
        r.put("address", Map.of("zip", 12345L));
        r.put("scores", List.of(1L, new BigDecimal("2.5")));
        r.put("nothing", null);
        Struct after = afterOf(r);
        assertEquals(List.of("a", "b"), after.getArray("tags"));
        assertEquals(12345L, after.getStruct("address").get("zip"));
        assertEquals(List.of(new BigDecimal("1.0"), new BigDecimal("2.5")), after.getArray("scores"));
        assertNull(after.get("nothing"));
        after.schema().fields().forEach(f -> {
            if (Fixtures.ROW.field(f.name()) == null) {
                assertTrue(f.schema().isOptional(), f.name());
            }
        });
    }

    @Test
    void elementsWithNoCommonTypeFailNamingThePath() {
        Map<String, Object> r = row();
        r.put("mixed", List.of(1L, "x"));
        ConversionException e = assertThrows(ConversionException.class, () -> afterOf(r));
        assertTrue(e.getMessage().startsWith("after.mixed"), e.getMessage());
    }

    @Test
    void oneShapeOneSchemaObject() {
        Map<String, Object> r = row();
        r.put("extra", true);
        Struct a = afterOf(r);
        r.put("extra", false);
        Struct b = afterOf(r);
        assertSame(a.schema(), b.schema());
    }

    @Test
    void guestChangesOutsideTheRowsAreIgnored() {
        Event e = mapper.toEvent(in).toBuilder().table("other").op(dev.sandpiper.abi.Op.DELETE).ts(1).build();
        SourceRecord out = mapper.toRecord(in, e, null);
        assertEquals(in.value(), out.value());
        assertSame(in.valueSchema(), out.valueSchema());
    }
}
