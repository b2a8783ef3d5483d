package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aebench.matrix.Cell;
import org.aebench.matrix.MatrixException;
import org.aebench.matrix.MatrixLoader;
import org.junit.jupiter.api.Test;

class ShardTest {
    private static final List<Cell> FULL_SEEDS = new MatrixLoader().load(Path.of("../experiments/matrix"), "full-seeds");

    @Test
    void theShardsOfAProfileCoverEveryCellExactlyOnceAndKeepSharedTrainingsTogether() {
        for (int n : new int[] {1, 2, 3, 7, 16}) {
            Set<Cell> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int i = 1; i <= n; i++) {
                List<Cell> mine = new Shard(i, n).select(FULL_SEEDS, ModelRates.shipped());
                for (Cell c : mine) assertTrue(seen.add(c), c.id() + " in two shards of " + n);
                Set<Cell.TrainingKey> keys = new HashSet<>();
                mine.forEach(c -> keys.add(c.trainingKey()));
                for (Cell c : FULL_SEEDS) {
                    if (keys.contains(c.trainingKey())) assertTrue(mine.contains(c), c.id() + " shares a training of shard " + i + "/" + n + " but is elsewhere");
                }
            }
            assertEquals(FULL_SEEDS.size(), seen.size(), "every cell in some shard of " + n);
        }
    }

    @Test
    void dealingDependsOnTheCellsNotOnTheirOrder() {
        List<Cell> shuffled = new ArrayList<>(FULL_SEEDS);
        Collections.shuffle(shuffled, new java.util.Random(7));
        for (int i = 1; i <= 4; i++) {
            Set<String> a = new HashSet<>(), b = new HashSet<>();
            new Shard(i, 4).select(FULL_SEEDS, ModelRates.shipped()).forEach(c -> a.add(c.id()));
            new Shard(i, 4).select(shuffled, ModelRates.shipped()).forEach(c -> b.add(c.id()));
            assertEquals(a, b, "shard " + i + "/4");
        }
    }

    @Test
    void longestFirstDealingKeepsShardsClose() {
        ModelRates rates = ModelRates.shipped();
        List<List<SharedTraining>> shares = Shard.deal(FULL_SEEDS, rates, 4);
        double longest = SharedTraining.of(FULL_SEEDS).stream().mapToDouble(rates::seconds).max().orElseThrow();
        double[] load = shares.stream().mapToDouble(s -> s.stream().mapToDouble(rates::seconds).sum()).toArray();
        double max = java.util.Arrays.stream(load).max().orElseThrow(), min = java.util.Arrays.stream(load).min().orElseThrow();
        // the greedy rule's bound: no shard ends more than one training after the least-loaded one
        assertTrue(max - min <= longest + 1e-6, "shard loads " + java.util.Arrays.toString(load));
    }

    @Test
    void badShardsAreRefusedWithTheirReason() {
        assertTrue(message(() -> Shard.parse("0/0", Map.of())).contains("the number of shards must be at least 1"));
        assertTrue(message(() -> Shard.parse("3/2", Map.of())).contains("shards are numbered 1 to 2"));
        assertTrue(message(() -> Shard.parse("0/2", Map.of())).contains("0-based indexes come from --shard auto"));
        assertTrue(message(() -> Shard.parse("two/3", Map.of())).contains("expected i/n"));
        assertTrue(message(() -> Shard.parse("auto", Map.of())).contains("neither SLURM_ARRAY_TASK_ID"));
        assertTrue(message(() -> Shard.parse("auto", Map.of("JOB_COMPLETION_INDEX", "1"))).contains("AEBENCH_SHARD_COUNT"));
    }

    @Test
    void autoReadsSlurmArraysFromTheirFirstIndexAndKubernetesFromZero() {
        assertEquals(new Shard(1, 3), Shard.parse("auto", Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_COUNT", "3")));
        assertEquals(new Shard(3, 3), Shard.parse("auto", Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "3")));
        assertEquals(new Shard(2, 4), Shard.parse("auto", Map.of("JOB_COMPLETION_INDEX", "1", "AEBENCH_SHARD_COUNT", "4")));
    }

    private static String message(Runnable r) {
        return assertThrows(MatrixException.class, r::run).getMessage();
    }
}
