package org.aebench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellSeedsTest {
    @Test
    void derivedSeedsAreStablePositiveAndDistinct() {
        CellSeeds s = new CellSeeds(1);
        assertEquals(s.weights(), new CellSeeds(1).weights());
        assertNotEquals(s.weights(), new CellSeeds(2).weights());
        Set<Long> seen = new HashSet<>();
        for (long seed = 1; seed <= 200; seed++) {
            CellSeeds c = new CellSeeds(seed);
            for (long v : new long[] {c.weights(), c.shuffle(1), c.shuffle(2), c.noise("input")}) {
                assertTrue(v > 0);
                assertTrue(seen.add(v), "collision at seed " + seed);
            }
        }
    }

    @Test
    void permutationIsAPermutationAndDependsOnSeed() {
        int[] p = Trainer.permutation(1000, 5);
        boolean[] hit = new boolean[1000];
        for (int i : p) hit[i] = true;
        for (boolean b : hit) assertTrue(b);
        assertEquals(java.util.Arrays.toString(p), java.util.Arrays.toString(Trainer.permutation(1000, 5)));
        assertNotEquals(java.util.Arrays.toString(p), java.util.Arrays.toString(Trainer.permutation(1000, 6)));
    }
}
