package org.aebench.results;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code --filter} of every command: a cell is chosen when its id starts with one of the
 * patterns or matches one as a glob ({@code *} anything, {@code ?} one character). No pattern
 * chooses every cell.
 */
public final class CellFilter {
    private final List<String> prefixes;
    private final List<Pattern> globs;

    public CellFilter(List<String> patterns) {
        this.prefixes = patterns == null ? List.of() : List.copyOf(patterns);
        this.globs = prefixes.stream().map(CellFilter::glob).toList();
    }

    public boolean choosesAll() { return prefixes.isEmpty(); }

    public boolean matches(String cellId) {
        return choosesAll() || prefixes.stream().anyMatch(cellId::startsWith) || globs.stream().anyMatch(p -> p.matcher(cellId).matches());
    }

    @Override
    public String toString() { return String.join(",", prefixes); }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }
}
