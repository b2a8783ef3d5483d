package org.aebench.families;

import org.aebench.matrix.ModelFamily;

/**
 * What every family shares: its key, description, settings type and kind, given once to the
 * constructor; its key as its name; equality by class (one instance per family).
 */
abstract class BaseFamily<S extends Record> implements ModelFamily<S> {
    private final String key;
    private final String description;
    private final Class<S> settingsType;
    private final boolean trained;
    private final boolean graph;

    /**
     * @param trained trained by gradient descent (false: closed form)
     * @param graph   built as a SameDiff graph
     */
    BaseFamily(String key, String description, Class<S> settingsType, boolean trained, boolean graph) {
        this.key = key;
        this.description = description;
        this.settingsType = settingsType;
        this.trained = trained;
        this.graph = graph;
    }

    @Override public final String key() { return key; }
    @Override public final String description() { return description; }
    @Override public final Class<S> settingsType() { return settingsType; }
    @Override public final boolean trained() { return trained; }
    @Override public final boolean graph() { return graph; }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public final String toString() {
        return key;
    }
}
