package org.aebench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aebench.contract.Row;
import org.aebench.contract.RunColumn;
import org.aebench.provenance.Provenance;
import org.aebench.results.CsvTable;

/**
 * Appends a finished run to {@code <profile>/runs.csv}: what it ran, the wall time the estimator
 * predicts for exactly those cells from the shipped rate table, and the wall time measured, so every
 * run checks the estimator that deals shards.
 */
final class RunLedger {
    private RunLedger() {}

    static void record(Path profileDir, String profile, Shard shard, Runner.Summary s, Instant started, Provenance provenance) throws IOException {
        Instant finished = Instant.now();
        double predicted = Estimator.makespan(s.ran(), ModelRates.shipped().covering(s.ran()), s.workers());
        CsvTable<RunColumn> table = new CsvTable<>(profileDir.resolve(org.aebench.results.ResultStore.RUNS_FILE), RunColumn.class);
        table.openForAppend();
        table.append(List.of(new Row<>(RunColumn.class)
                .set(RunColumn.PROFILE, profile)
                .set(RunColumn.SHARD, shard == null ? "" : shard.toString())
                .set(RunColumn.WORKERS, s.workers())
                .set(RunColumn.TRAININGS, s.trainings())
                .set(RunColumn.CELLS, s.ran().size())
                .set(RunColumn.OK, s.ok())
                .set(RunColumn.COLLAPSED, s.collapsed())
                .set(RunColumn.FAILED, s.failed())
                .set(RunColumn.PREDICTED_SECONDS, Math.round(predicted))
                .set(RunColumn.MEASURED_SECONDS, Duration.between(started, finished).toMillis() / 1000.0)
                .set(RunColumn.STARTED_AT, started)
                .set(RunColumn.FINISHED_AT, finished)
                .set(RunColumn.GIT_COMMIT, provenance.gitCommit())
                .set(RunColumn.HOST, host())));
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
