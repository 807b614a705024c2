package dev.sandpiper.connect.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/** Connector settings shared by the embedded-engine test and the Connect-worker test. */
final class Pipelines {
    private Pipelines() {}

    /** The Debezium Postgres connector's settings for the {@code users} table of {@code pg}. */
    static Map<String, String> debeziumPostgres(Postgres pg, String slot, String topicPrefix) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.put("database.hostname", "127.0.0.1");
        p.put("database.port", Integer.toString(pg.port));
        p.put("database.user", Postgres.USER);
        p.put("database.password", Postgres.PASSWORD);
        p.put("database.dbname", Postgres.DB);
        p.put("topic.prefix", topicPrefix);
        p.put("plugin.name", "pgoutput");
        p.put("slot.name", slot);
        p.put("publication.name", slot + "_pub");
        p.put("publication.autocreate.mode", "filtered");
        p.put("table.include.list", "public.users");
        p.put("snapshot.mode", "initial");
        // A delete is one event here: drop-deletes must drop it, with no tombstone following it.
        p.put("tombstones.on.delete", "false");
        p.put("status.update.interval.ms", "1000");
        return p;
    }

    /**
     * {@code transforms=mask,drop}: mask-pii then drop-deletes, both through Sandpiper's WasmTransform,
     * named NAMEPREFIX-mask and NAMEPREFIX-drop (in logs and metrics).
     * mask-pii's memory is capped at 4 MiB: ordinary rows need far less, a row with a multi-megabyte
     * column makes the guest trap (its output no longer fits), which is the test's failing row.
     */
    static Map<String, String> maskAndDrop(String onError, String namePrefix) {
        Map<String, String> p = new LinkedHashMap<>();
        if (E2e.KAFKA_SMTS) {
            p.put("transforms", "unwrap,mask");
            p.put("transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState");
            p.put("transforms.unwrap.delete.tombstone.handling.mode", "drop");
            p.put("transforms.unwrap.add.fields", "op");
            p.put("transforms.mask.type", "org.apache.kafka.connect.transforms.MaskField$Value");
            p.put("transforms.mask.fields", "email,phone,ssn");
            p.put("transforms.mask.replacement", E2e.REDACTED);
            return p;
        }
        p.put("transforms", "mask,drop");
        p.put("transforms.mask.type", E2e.WASM_TRANSFORM);
        p.put("transforms.mask.module", E2e.guest("mask-pii").toString());
        p.put("transforms.mask.config", E2e.MASK_CONFIG);
        p.put("transforms.mask.memory.limit.mb", "4");
        // Generous deadlines: a fresh task's first guest calls run cold (interpreter, no JIT yet), and on a
        // loaded 2-core machine the 50 ms default was seen to expire right after a task restart.
        p.put("transforms.mask.timeout.ms", "10000");
        p.put("transforms.mask.on.error", onError);
        p.put("transforms.mask.name", namePrefix + "-mask");
        p.put("transforms.drop.type", E2e.WASM_TRANSFORM);
        p.put("transforms.drop.module", E2e.guest("drop-deletes").toString());
        p.put("transforms.drop.config", "{}");
        p.put("transforms.drop.timeout.ms", "10000");
        p.put("transforms.drop.on.error", "fail");
        p.put("transforms.drop.name", namePrefix + "-drop");
        return p;
    }

    /** A text column big enough to make mask-pii trap at 4 MiB (2.6 MB; ordinary rows are ~200 bytes). */
    static String trappingBio() {
        return "x".repeat(2_600_000);
    }
}
