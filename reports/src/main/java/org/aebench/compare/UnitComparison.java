package org.aebench.compare;

import java.util.List;

/**
 * One compared unit: a cell (exact mode) or an experiment over its seeds (statistical mode), its
 * worst verdict, its statuses on each side, every metric compared and any setting that differs.
 */
public record UnitComparison(String id, String backend, Verdict verdict, String baselineStatus, String candidateStatus,
                             int baselineRows, int candidateRows, List<MetricChange> metrics, List<SettingChange> settings) {}
