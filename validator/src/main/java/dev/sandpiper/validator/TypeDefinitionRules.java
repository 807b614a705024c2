package dev.sandpiper.validator;

import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.CompositeType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.RecTypes;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.SubType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * Validation of the type section. Types are validated group by group: a type may name the types of
 * earlier groups and every type of its own group (3.0, Validation > Types > Recursive Types), so
 * without {@code rec} it names itself and earlier types. A sub type declares at most one
 * supertype, which precedes it, is not final, and whose composite type its own matches: a function
 * type's parameters contravariantly and results covariantly, a structure's fields as a prefix
 * (immutable fields covariantly, mutable ones invariantly), an array's element likewise.
 *
 * <p>Spec: 3.0, Validation > Types > Sub Types and Recursive Types, {@code valid/types.html#sub-types};
 * Matching > Composite Types and Field Types, {@code valid/matching.html#composite-types}.
 */
final class TypeDefinitionRules {
    private TypeDefinitionRules() {}

    static void check(ModuleContext c) {
        RecTypes types = c.module.recTypes();
        for (int i = 0; i < types.size(); i++) {
            int start = types.groupStart(i);
            int end = start + types.groupSize(start);
            SubType t = types.type(i);
            composite(t.composite(), end, i);
            if (t.supertypes().size() > 1) {
                throw InvalidModuleException.atModule("multiple supertypes: type " + i + " declares "
                        + t.supertypes().size(), -1);
            }
            for (int s : t.supertypes()) {
                if (s < 0 || s >= i) {
                    throw InvalidModuleException.atModule((s < 0 || s >= types.size() ? "unknown type " : "sub type: ")
                            + Integer.toUnsignedString(s) + " cannot be a supertype of type " + i
                            + " (a supertype precedes its subtype)", -1);
                }
                SubType sup = types.type(s);
                if (sup.isFinal()) {
                    throw InvalidModuleException.atModule("sub type " + i + " of final type " + s, -1);
                }
                if (!compositeMatches(t.composite(), sup.composite(), c.typeIds)) {
                    throw InvalidModuleException.atModule("sub type " + i + " does not match its supertype " + s, -1);
                }
            }
        }
    }

    /** Every value type the composite type names must be a type of this or an earlier group. */
    private static void composite(CompositeType ct, int groupEnd, int index) {
        if (ct instanceof FuncType f) {
            for (List<ValType> ts : List.of(f.params(), f.results())) {
                for (ValType v : ts) {
                    known(v, groupEnd, index);
                }
            }
        } else if (ct instanceof StructType s) {
            for (FieldType f : s.fields()) {
                known(f.type(), groupEnd, index);
            }
        } else {
            known(((ArrayType) ct).element().type(), groupEnd, index);
        }
    }

    private static void known(ValType v, int groupEnd, int index) {
        if (v.isConcrete() && v.heapType() >= groupEnd) {
            throw InvalidModuleException.atModule("unknown type " + v.heapType()
                    + " (type " + index + " may name only its recursion group and the types before it)", -1);
        }
    }

    /** Spec: 3.0, Matching > Composite Types. */
    static boolean compositeMatches(CompositeType sub, CompositeType sup, int[] ids) {
        if (sub instanceof FuncType f && sup instanceof FuncType g) {
            return Subtyping.allMatch(g.params(), f.params(), ids) && Subtyping.allMatch(f.results(), g.results(), ids);
        }
        if (sub instanceof StructType s && sup instanceof StructType u) {
            if (s.fields().size() < u.fields().size()) {
                return false;
            }
            for (int k = 0; k < u.fields().size(); k++) {
                if (!fieldMatches(s.fields().get(k), u.fields().get(k), ids)) {
                    return false;
                }
            }
            return true;
        }
        if (sub instanceof ArrayType a && sup instanceof ArrayType b) {
            return fieldMatches(a.element(), b.element(), ids);
        }
        return false;
    }

    /** Spec: 3.0, Matching > Field Types: same mutability; a mutable field's type both ways. */
    private static boolean fieldMatches(FieldType sub, FieldType sup, int[] ids) {
        if (sub.mutable() != sup.mutable() || sub.packedBits() != sup.packedBits()) {
            return false;
        }
        if (!Subtyping.matches(sub.type(), sup.type(), ids)) {
            return false;
        }
        return !sub.mutable() || Subtyping.matches(sup.type(), sub.type(), ids);
    }
}
