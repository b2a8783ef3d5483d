package org.aebench.reference;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** How a claim relates the values of its experiments; {@link #holds} is the one place each rule is decided. */
public enum ClaimRule {
    /** The metric rises along {@code left}, in order. */
    INCREASING("increasing"),
    /** The metric falls along {@code left}, in order. */
    DECREASING("decreasing"),
    /** Each of {@code left} below its partner in {@code right} (pairwise when both list several, else one against each). */
    LESS("less"),
    /** Each of {@code left} above its partner in {@code right}. */
    GREATER("greater"),
    /**
     * Consecutive experiments of {@code left} differ by less than the metric's reproduction
     * tolerance (the site's own band for that metric): "not much", "not a lot", read with the one
     * threshold the project already defends, not one chosen per claim.
     */
    SIMILAR("similar"),
    /** Each of {@code left} above the number in {@code right}. */
    ABOVE("above"),
    /** Each of {@code left} below the number in {@code right}. */
    BELOW("below"),
    /** About how images or plots look, or an explanation: no metric carries it. */
    NOT_CHECKABLE("not-checkable");

    private final String key;

    ClaimRule(String key) { this.key = key; }

    public String key() { return key; }

    @Override
    public String toString() { return key; }

    public static ClaimRule parse(String key) {
        for (ClaimRule r : values()) if (r.key.equals(key.trim())) return r;
        throw new IllegalArgumentException("unknown claim rule '" + key + "' (allowed: "
                + Arrays.stream(values()).map(ClaimRule::key).collect(Collectors.joining(", ")) + ")");
    }

    public boolean isOrder() { return this == INCREASING || this == DECREASING || this == SIMILAR; }

    /** Compares each experiment with a fixed number rather than with another experiment. */
    public boolean isThreshold() { return this == ABOVE || this == BELOW; }

    /** Whether the relation holds between two values: {@code a} before (or left of) {@code b}. */
    public boolean holds(double a, double b) {
        return switch (this) {
            case INCREASING -> b > a;
            case DECREASING -> b < a;
            case LESS, BELOW -> a < b;
            case GREATER, ABOVE -> a > b;
            case SIMILAR -> throw new IllegalStateException("similar depends on the metric's tolerance: use ClaimCheck");
            case NOT_CHECKABLE -> throw new IllegalStateException("a not-checkable claim has no relation");
        };
    }

    /** How a pair is written in the evidence: "a < b", or "a !< b" where the relation does not hold. */
    public String symbol(boolean holds) {
        String s = this == SIMILAR ? "~" : this == INCREASING || this == LESS || this == BELOW ? "<" : ">";
        return holds ? " " + s + " " : " !" + s + " ";
    }

    /**
     * The pairs of experiments the rule compares: consecutive ones of {@code left} for an order,
     * each of {@code left} against the threshold (the pair's second element) for a threshold, else
     * left against right (pairwise when both list several, otherwise one against each).
     */
    public List<String[]> pairs(List<String> left, List<String> right) {
        List<String[]> pairs = new java.util.ArrayList<>();
        if (isOrder()) {
            for (int i = 1; i < left.size(); i++) pairs.add(new String[] {left.get(i - 1), left.get(i)});
        } else if (isThreshold()) {
            for (String l : left) pairs.add(new String[] {l, right.get(0)});
        } else if (left.size() == right.size() && left.size() > 1) {
            for (int i = 0; i < left.size(); i++) pairs.add(new String[] {left.get(i), right.get(i)});
        } else {
            for (String l : left) for (String r : right) pairs.add(new String[] {l, r});
        }
        return pairs;
    }
}
