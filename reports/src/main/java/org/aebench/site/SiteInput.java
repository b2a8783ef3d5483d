package org.aebench.site;

import java.nio.file.Path;
import java.util.List;
import org.aebench.compare.RegressionReport;
import org.aebench.contract.BenchColumn;
import org.aebench.contract.CrosscheckColumn;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.EstimateColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.aebench.contract.RunColumn;
import org.aebench.contract.RunnerBenchColumn;

/**
 * Everything one site is rendered from: a profile's results and curves, the cells' artifact
 * folder (null: none), the JMH summary, PyTorch's figures for the same benchmarks measured on the
 * same machine, the latest wall-time estimate of the full profile (all three may be empty), and the
 * regression gate's comparison of these results with a baseline (null: none was made), and the
 * same cells trained by PyTorch (may be empty), and the runner benchmark's figures (may be empty), and
 * where the results come from ({@link Origin}), and the runs that produced them (may be empty).
 */
public record SiteInput(String profile, List<Row<ResultColumn>> results, List<Row<CurveColumn>> curves, Path artifacts,
                        List<Row<BenchColumn>> bench, List<Row<BenchColumn>> pytorch, List<Row<EstimateColumn>> estimates,
                        RegressionReport comparison, List<Row<CrosscheckColumn>> crosscheck,
                        List<Row<RunnerBenchColumn>> runner, Origin origin, List<Row<RunColumn>> runs) {

    public static SiteInput of(String profile, List<Row<ResultColumn>> results) {
        return new SiteInput(profile, results, List.of(), null, List.of(), List.of(), List.of(), null, List.of(), List.of(), Origin.unknown(), List.of());
    }
}
