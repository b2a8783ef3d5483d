package org.aebench.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cell's sweep values in declaration order, and how the {@code sweep} column spells them
 * ({@code k=v} joined by {@code ;}): the runner writes and the site reads them through here alone.
 */
public record Sweep(Map<String, String> values) {
    public Sweep {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The column's text; empty when the experiment has no sweep. */
    public String text() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    /** For people: {@code k=v} pairs separated by spaces. */
    public String label() {
        return text().replace(';', ' ');
    }

    /** The sweep a column's text names (sweep names never hold '=' or ';', values never ';'). */
    public static Sweep parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return new Sweep(m);
    }
}
