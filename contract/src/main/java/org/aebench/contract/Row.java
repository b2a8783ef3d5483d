package org.aebench.contract;

import java.util.EnumMap;
import java.util.Map;

/** One CSV row keyed by its schema's column enum; absent values are written as empty cells. */
public final class Row<C extends Enum<C> & Column> {
    private final Map<C, String> values;

    public Row(Class<C> columns) {
        this.values = new EnumMap<>(columns);
    }

    public Row<C> set(C column, Object value) {
        values.put(column, value == null ? "" : String.valueOf(value));
        return this;
    }

    public String get(C column) {
        return values.getOrDefault(column, "");
    }

    /** The value as a double, or NaN when the cell is empty or not a number. */
    public double number(C column) {
        String v = get(column);
        if (v.isEmpty()) return Double.NaN;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public String toString() { return values.toString(); }
}
