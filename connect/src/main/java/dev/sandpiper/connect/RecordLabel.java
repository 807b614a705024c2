package dev.sandpiper.connect;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/** How a record is named in messages: {@code topic cdc.public.users partition 0 [offset 17]}. */
final class RecordLabel {
    private RecordLabel() {
    }

    static String of(ConnectRecord<?> record) {
        StringBuilder sb = new StringBuilder("record of topic ").append(record.topic());
        if (record.kafkaPartition() != null) {
            sb.append(" partition ").append(record.kafkaPartition());
        }
        if (record instanceof SinkRecord s) {
            sb.append(" offset ").append(s.kafkaOffset());
        }
        return sb.toString();
    }
}
