package dev.sandpiper.connect.convert;

import dev.sandpiper.abi.Op;

/**
 * Debezium's {@code op} codes and the Event's (contract.md, "Kafka Connect and Debezium records ↔ Event", point 1):
 * {@code c} insert, {@code u} update, {@code d} delete, {@code r} read (snapshot), {@code t} truncate. Anything else
 * ({@code m} messages, no op) is not a change event.
 */
final class ChangeOp {
    private ChangeOp() {
    }

    /** The Event op for a Debezium code, or null when the record is not a change event. */
    static Op of(Object code) {
        if (!(code instanceof String s)) {
            return null;
        }
        return switch (s) {
            case "c" -> Op.INSERT;
            case "u" -> Op.UPDATE;
            case "d" -> Op.DELETE;
            case "r" -> Op.READ;
            case "t" -> Op.TRUNCATE;
            default -> null;
        };
    }
}
