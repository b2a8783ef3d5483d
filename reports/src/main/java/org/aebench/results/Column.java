package org.aebench.results;

/** A column of one of the project's CSV files. */
public interface Column {
    String header();

    String description();
}
