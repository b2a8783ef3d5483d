package org.aebench.train;

/**
 * The one seeding scheme: every random choice of a cell (weights, shuffling, noise, ...) draws
 * from a stream derived from the cell's seed and the purpose's name, so adding a new kind of
 * randomness never shifts an existing one. Derived seeds are never 0 (DL4J reads 0 as unseeded).
 */
public record CellSeeds(long cellSeed) {

    public long weights() { return derive("weights"); }

    public long shuffle(int epoch) { return derive("shuffle/" + epoch); }

    public long noise(String purpose) { return derive("noise/" + purpose); }

    public long derive(String purpose) {
        long h = mix(cellSeed ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < purpose.length(); i++) h = mix(h ^ purpose.charAt(i));
        long positive = h & Long.MAX_VALUE;
        return positive == 0 ? 1 : positive;
    }

    /** SplitMix64's finaliser: a fixed, well-mixed function of its input. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
