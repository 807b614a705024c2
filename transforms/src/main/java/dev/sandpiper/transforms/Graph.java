package dev.sandpiper.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The topic graph of a set of transforms: an edge from A to B when A writes the topic B reads (a
 * routed transform's topics are known only per event, so it has no static edges; the runtime stops
 * an event that a route would send round a loop). A cycle would feed events round forever, so each
 * is a problem naming the transforms and topics around it.
 */
final class Graph {
    private Graph() {}

    /** One problem per cycle (per strongly connected set of transforms), on the output_topic of its first spec. */
    static List<Problem> cycles(List<TransformSpec> specs) {
        Map<String, List<TransformSpec>> readers = new HashMap<>();
        for (TransformSpec s : specs) {
            readers.computeIfAbsent(s.inputTopic(), t -> new ArrayList<>()).add(s);
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<Set<String>> reported = new HashSet<>();
        for (TransformSpec s : specs) {
            List<TransformSpec> path = new ArrayList<>();
            visit(s, readers, path, new HashSet<>(), done, reported, specs, problems);
        }
        return problems;
    }

    private static void visit(TransformSpec s, Map<String, List<TransformSpec>> readers, List<TransformSpec> path,
            Set<String> onPath, Set<String> done, Set<Set<String>> reported, List<TransformSpec> order,
            List<Problem> problems) {
        if (onPath.contains(s.name())) {
            int from = path.indexOf(s);
            List<TransformSpec> cycle = new ArrayList<>(path.subList(from, path.size()));
            Set<String> members = new TreeSet<>();
            cycle.forEach(c -> members.add(c.name()));
            if (reported.add(members)) {
                problems.add(describe(cycle, order));
            }
            return;
        }
        if (done.contains(s.name())) {
            return;
        }
        path.add(s);
        onPath.add(s.name());
        if (!s.routed()) {
            for (TransformSpec next : readers.getOrDefault(s.outputTopic(), List.of())) {
                visit(next, readers, path, onPath, done, reported, order, problems);
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(s.name());
        done.add(s.name());
    }

    /** "a (t1 -> t2) -> b (t2 -> t1) -> a", starting at the member that comes first in {@code order}. */
    private static Problem describe(List<TransformSpec> cycle, List<TransformSpec> order) {
        int start = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (order.indexOf(cycle.get(i)) < order.indexOf(cycle.get(start))) {
                start = i;
            }
        }
        StringBuilder m = new StringBuilder(cycle.size() == 1 ? "reads its own output: " : "transforms form a cycle: ");
        for (int i = 0; i < cycle.size(); i++) {
            TransformSpec c = cycle.get((start + i) % cycle.size());
            m.append(c.name()).append(" (").append(c.inputTopic()).append(" -> ").append(c.outputTopic()).append(") -> ");
        }
        m.append(cycle.get(start).name());
        return cycle.get(start).problem("output_topic", m.toString());
    }
}
