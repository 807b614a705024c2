package dev.sandpiper.transforms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON value that remembers the line it starts on, so that every spec problem can
 * name its line. Scalars hold {@code String}, {@code Long}, {@code BigInteger}, {@code BigDecimal},
 * {@code Boolean} or null.
 */
sealed interface Node permits Node.Obj, Node.Arr, Node.Scalar {

    /** The 1-based line the value starts on. */
    int line();

    /** A mapping; members keep their order. */
    record Obj(int line, Map<String, Member> members) implements Node {}

    /** One key of a mapping, with the line of the key. */
    record Member(String key, int line, Node value) {}

    /** A sequence. */
    record Arr(int line, List<Node> items) implements Node {}

    /** A string, number, boolean or null. */
    record Scalar(int line, Object value) implements Node {}

    /** How a problem message names the type of this value: "a string", "a list"... */
    default String describe() {
        if (this instanceof Obj) {
            return "an object";
        }
        if (this instanceof Arr) {
            return "a list";
        }
        Object v = ((Scalar) this).value();
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (v instanceof Boolean b) {
            return "the boolean " + b;
        }
        return "the number " + (v instanceof BigDecimal d ? d.toString() : v.toString());
    }

    /** The value as plain Java: {@code LinkedHashMap}, {@code ArrayList} and the scalar types. */
    default Object toJava() {
        if (this instanceof Obj o) {
            Map<String, Object> map = new LinkedHashMap<>();
            o.members().forEach((k, m) -> map.put(k, m.value().toJava()));
            return map;
        }
        if (this instanceof Arr a) {
            List<Object> list = new ArrayList<>();
            for (Node n : a.items()) {
                list.add(n.toJava());
            }
            return list;
        }
        return ((Scalar) this).value();
    }

    /** Whether this is a whole number (not a decimal, not a string). */
    default boolean isInteger() {
        return this instanceof Scalar s && (s.value() instanceof Long || s.value() instanceof BigInteger);
    }

    default boolean isString() {
        return this instanceof Scalar s && s.value() instanceof String;
    }

    default boolean isNull() {
        return this instanceof Scalar s && s.value() == null;
    }
}
