package org.aebench.contract;

/** A column of one of the project's CSV files. */
public interface Column {
    String header();

    String description();

    /** What the column holds; readers that validate use it to refuse a malformed file. */
    default ColumnType type() { return ColumnType.TEXT; }
}
