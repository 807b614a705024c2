package dev.sandpiper.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The metrics file is valid Prometheus text exposition. */
class PrometheusTextTest {
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-z_]+\\{transform=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"(?:,[a-z]+=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")?\\} "
                    + "-?[0-9]+(?:\\.[0-9]+)?(?:E-?[0-9]+)?");

    private static TransformMetrics metrics(String name) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (String k : List.of("trap", "timeout", "limit", "guest_failure", "invalid_output", "invalid_input")) {
            kinds.put(k, k.equals("trap") ? 2L : 0L);
        }
        return new TransformMetrics(name, 10, 10, 3, Map.of("users", 4L, "or\"ders", 1L), kinds, 2, 0, 0, 12345, 10,
                1_500_000, 20_000_000, 25_000_000, 60_000_000.0, Map.of("events_enriched", 7L), 2);
    }

    @Test
    void everyFamilyHasHelpAndTypeAndEverySampleIsWellFormed() {
        String text = PrometheusText.format(List.of(metrics("mask-pii"), metrics("we\\ird")));
        assertTrue(text.endsWith("\n"));
        Set<String> typed = new HashSet<>();
        String family = null;
        List<String> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                family = line.split(" ")[2];
                assertTrue(typed.add(family), "one HELP per family: " + family);
            } else if (line.startsWith("# TYPE ")) {
                assertEquals(family, line.split(" ")[2]);
                assertTrue(Set.of("counter", "gauge", "summary", "untyped").contains(line.split(" ")[3]), line);
            } else {
                assertTrue(SAMPLE.matcher(line).matches(), line);
                assertTrue(line.startsWith(family), line + " belongs to " + family);
                samples.add(line);
            }
        }
        assertTrue(samples.contains("sandpiper_transform_events_in_total{transform=\"mask-pii\"} 10"));
        assertTrue(samples.contains("sandpiper_transform_events_out_total{transform=\"mask-pii\",topic=\"users\"} 4"));
        assertTrue(samples.contains("sandpiper_transform_events_out_total{transform=\"mask-pii\",topic=\"or\\\"ders\"} 1"));
        assertTrue(samples.contains("sandpiper_transform_events_failed_total{transform=\"mask-pii\",kind=\"trap\"} 2"));
        assertTrue(samples.contains("sandpiper_transform_events_failed_total{transform=\"we\\\\ird\",kind=\"limit\"} 0"));
        assertTrue(samples.contains("sandpiper_transform_fuel_used_total{transform=\"mask-pii\"} 12345"));
        assertTrue(samples.contains("sandpiper_transform_latency_seconds{transform=\"mask-pii\",quantile=\"0.99\"} 0.02"));
        assertTrue(samples.contains("sandpiper_transform_latency_seconds_sum{transform=\"mask-pii\"} 0.06"));
        assertTrue(samples.contains("sandpiper_transform_latency_seconds_count{transform=\"mask-pii\"} 10"));
        assertTrue(samples.contains("sandpiper_transform_latency_max_seconds{transform=\"mask-pii\"} 0.025"));
        assertTrue(samples.contains("sandpiper_transform_guest_metric{transform=\"mask-pii\",metric=\"events_enriched\"} 7"));
        assertTrue(samples.contains("sandpiper_transform_instances{transform=\"mask-pii\"} 2"));
        assertEquals(12, typed.size());
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("a\\\\b\\\"c\\nd", PrometheusText.escape("a\\b\"c\nd"));
    }
}
