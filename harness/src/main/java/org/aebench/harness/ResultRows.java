package org.aebench.harness;

import org.aebench.provenance.Provenance;
import org.aebench.contract.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aebench.matrix.Cell;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.aebench.train.CellOutcome;
import org.aebench.train.EpochRecord;
import org.aebench.train.Evaluation;

/** Turns a cell and what training it produced into the rows of the CSV contract. */
final class ResultRows {
    private ResultRows() {}

    /** @param trainedIn the cell whose training produced the model: {@code cell} itself unless it shares one */
    static Row<ResultColumn> result(Cell cell, CellOutcome o, Provenance p, Map<String, String> sha256, Cell trainedIn,
                                    Instant started, Instant finished) {
        Row<ResultColumn> r = new Row<>(ResultColumn.class)
                .set(ResultColumn.CELL_ID, cell.id())
                .set(ResultColumn.EXPERIMENT_ID, cell.experimentId())
                .set(ResultColumn.REPORT, cell.report())
                .set(ResultColumn.EXPERIMENT, cell.spec().name())
                .set(ResultColumn.SECTION, cell.spec().section())
                .set(ResultColumn.FAMILY, cell.spec().family().key())
                .set(ResultColumn.DATASET, cell.spec().dataset().key())
                .set(ResultColumn.SWEEP, cell.sweepText())
                .set(ResultColumn.ARCHITECTURE, o.architecture())
                .set(ResultColumn.SEED, cell.seed())
                .set(ResultColumn.TRAINED_IN, trainedIn.id())
                .set(ResultColumn.PROFILE, cell.profile())
                .set(ResultColumn.BACKEND, p.backend())
                .set(ResultColumn.STATUS, o.status().key())
                .set(ResultColumn.REASON, o.reason())
                .set(ResultColumn.EPOCHS, o.epochs().size())
                .set(ResultColumn.REPORT_EPOCHS, cell.spec().family().trained() ? cell.spec().epochs() : 0)
                .set(ResultColumn.BATCH_SIZE, cell.spec().family().trained() ? cell.spec().batchSize() : 0)
                .set(ResultColumn.TRAIN_SAMPLES, o.trainSamples())
                .set(ResultColumn.TEST_SAMPLES, o.testSamples())
                .set(ResultColumn.FINAL_TRAIN_LOSS, num(o.finalTrainLoss()))
                .set(ResultColumn.TRAIN_SECONDS, num(o.trainSeconds()))
                .set(ResultColumn.SECONDS_PER_EPOCH, o.epochs().isEmpty() ? "" : num(o.trainSeconds() / o.epochs().size()))
                .set(ResultColumn.TRAIN_SAMPLES_PER_SECOND, cell.spec().family().trained() ? num(o.trainSamplesPerSecond()) : "")
                .set(ResultColumn.STARTED_AT, started)
                .set(ResultColumn.FINISHED_AT, finished)
                .set(ResultColumn.GIT_COMMIT, p.gitCommit())
                .set(ResultColumn.GIT_DIRTY, p.gitDirty())
                .set(ResultColumn.AEBENCH_VERSION, p.version())
                .set(ResultColumn.ND4J_BACKEND, p.nd4jBackend())
                .set(ResultColumn.NATIVE_CLASSIFIER, p.nativeClassifier())
                .set(ResultColumn.BLAS, p.blas())
                .set(ResultColumn.THREADS, p.threads())
                .set(ResultColumn.JVM, p.jvm())
                .set(ResultColumn.OS, p.os())
                .set(ResultColumn.CPU, p.cpu())
                .set(ResultColumn.CPU_ISA, p.cpuIsa())
                .set(ResultColumn.DATASET_SHA256, sha256.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(";")));
        Evaluation e = o.final_();
        if (e != null) {
            r.set(ResultColumn.TEST_MSE, num(e.mse()))
                    .set(ResultColumn.TEST_MAE, num(e.mae()))
                    .set(ResultColumn.TEST_PSNR_DB, num(e.psnrDb()))
                    .set(ResultColumn.TEST_SNR_DB, num(e.snrDb()))
                    .set(ResultColumn.FINAL_TEST_LOSS, num(e.loss()))
                    .set(ResultColumn.OUTPUT_STD, num(e.outputStd()))
                    .set(ResultColumn.INFER_SAMPLES_PER_SECOND, e.seconds() > 0 ? num(e.samples() / e.seconds()) : "");
        }
        o.extra().forEach((column, value) -> r.set(column, num(value)));
        return r;
    }

    /** A row for a cell that threw: the reason is the exception, every metric is empty. */
    static Row<ResultColumn> crashed(Cell cell, Throwable t, Provenance p, Cell trainedIn, Instant started) {
        CellOutcome o = new CellOutcome(Status.FAILED, t.getClass().getSimpleName() + ": " + t.getMessage(), "", null,
                List.of(), Double.NaN, Double.NaN, 0, 0, 0, Map.of());
        return result(cell, o, p, Map.of(), trainedIn, started, Instant.now());
    }

    static List<Row<CurveColumn>> curves(Cell cell, CellOutcome o, Provenance p) {
        return o.epochs().stream().map((EpochRecord e) -> new Row<>(CurveColumn.class)
                .set(CurveColumn.CELL_ID, cell.id())
                .set(CurveColumn.BACKEND, p.backend())
                .set(CurveColumn.EPOCH, e.epoch())
                .set(CurveColumn.TRAIN_LOSS, num(e.trainLoss()))
                .set(CurveColumn.TEST_LOSS, num(e.testLoss()))
                .set(CurveColumn.TEST_MSE, num(e.testMse()))
                .set(CurveColumn.EPOCH_SECONDS, num(e.seconds()))).toList();
    }

    /** Full precision (round-trip), empty for NaN so the CSV never carries "NaN" as a number. */
    static String num(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }
}
