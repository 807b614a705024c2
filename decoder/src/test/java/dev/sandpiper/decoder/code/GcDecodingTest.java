package dev.sandpiper.decoder.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.RecTypes;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.SubType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What GC adds to the binary format's type section (spec 3.0, Binary Format > Types > Recursive
 * Types, Composite Types, Field Types; Heap Types), and how it is refused without {@link Feature#GC}.
 */
class GcDecodingTest {
    /**
     * Type section: (rec (type (sub (struct (field i8) (field (mut (ref null 1))))))
     * (type (sub final 0 (array (mut anyref))))), then (type (func (param i31ref))).
     */
    private static final byte[] MODULE = {
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x16, 0x02,
        0x4E, 0x02,
        0x50, 0x00, 0x5F, 0x02, 0x78, 0x00, 0x63, 0x01, 0x01,
        0x4F, 0x01, 0x00, 0x5E, 0x6E, 0x01,
        0x60, 0x01, 0x6C, 0x00,
    };

    @Test
    void recursionGroupsSubTypesAndAggregatesDecode() {
        Module m = ModuleDecoder.decode(MODULE.clone(), Features.all());
        RecTypes t = m.recTypes();
        assertEquals(3, t.size());
        assertEquals(2, t.groupSize(0));
        assertEquals(0, t.groupStart(1));
        assertEquals(2, t.groupStart(2));
        assertEquals(new SubType(false, List.of(), new StructType(List.of(new FieldType(ValType.I32, 8, false),
                new FieldType(ValType.ref(true, 1), 0, true)))), t.type(0));
        assertEquals(new SubType(true, List.of(0), new ArrayType(new FieldType(ValType.ref(true, ValType.HEAP_ANY),
                0, true))), t.type(1));
        assertSame(ValType.ref(true, ValType.HEAP_I31), m.types().get(2).params().get(0));
        assertSame(RecTypes.NOT_A_FUNCTION, m.types().get(0), "a structure type is no function type");
        assertFalse(t.isFunction(1));
        assertTrue(t.isFunction(2));
    }

    @Test
    void withoutTheFeatureARecursionGroupIsMalformedNamingIt() {
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(MODULE.clone(), Features.all().without(Feature.GC)));
        assertTrue(e.reason().contains("gc"), e.reason());
    }

    @Test
    void withoutTheFeatureTheShortGcReferenceTypesAreMalformed() {
        byte[] bytes = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x01, 0x6C, 0x00};
        assertEquals(ValType.ref(true, ValType.HEAP_I31),
                ModuleDecoder.decode(bytes.clone(), Features.all()).types().get(0).params().get(0));
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(bytes.clone(), Features.all().without(Feature.GC)));
        assertTrue(e.reason().startsWith("malformed value type"), e.reason());
    }
}
