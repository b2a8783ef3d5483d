package org.aebench.contract;

/** How a run's workers share the machine, as {@code runner.csv}'s {@code worker_kind} column spells it. */
public enum WorkerKind {
    /** threads of the runner's one JVM ({@code aebench run}) */
    THREADS("threads"),
    /** a JVM each ({@code aebench run --worker-processes}) */
    PROCESSES("processes");

    private final String key;

    WorkerKind(String key) { this.key = key; }

    public String key() { return key; }

    /** The kind a column value names; an empty value (files written before processes were measured) is threads. */
    public static WorkerKind parse(String key) {
        if (key == null || key.isEmpty()) return THREADS;
        for (WorkerKind k : values()) if (k.key.equals(key)) return k;
        throw new IllegalArgumentException("unknown worker kind '" + key + "' (threads or processes)");
    }

    @Override
    public String toString() { return key; }
}
