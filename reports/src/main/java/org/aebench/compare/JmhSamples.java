package org.aebench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every measured iteration of each benchmark in a JMH JSON result file ({@code results/bench/jmh.json}). */
final class JmhSamples {
    private JmhSamples() {}

    /** Benchmark (method and parameters) to its iteration scores, all forks together. */
    static Map<String, double[]> read(Path json, String side) throws ComparisonInputException {
        if (!Files.isRegularFile(json)) throw new ComparisonInputException(side + " JMH file " + json + " does not exist");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new ComparisonInputException(side + " JMH file " + json + " is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) throw new ComparisonInputException(side + " JMH file " + json + " is not a JMH result list");
        Map<String, double[]> out = new TreeMap<>();
        for (JsonNode b : root) {
            String name = b.path("benchmark").asText();
            StringBuilder key = new StringBuilder(name.substring(name.lastIndexOf('.') + 1));
            for (Iterator<Map.Entry<String, JsonNode>> it = b.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                key.append(' ').append(p.getKey()).append('=').append(p.getValue().asText());
            }
            List<Double> scores = new ArrayList<>();
            for (JsonNode fork : b.path("primaryMetric").path("rawData")) for (JsonNode it : fork) scores.add(it.asDouble());
            if (scores.isEmpty()) throw new ComparisonInputException(side + " JMH file " + json + ": " + key + " has no measured iterations");
            out.put(key.toString(), scores.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }
}
