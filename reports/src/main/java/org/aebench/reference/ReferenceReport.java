package org.aebench.reference;

/** A reference report: id (r000..r004), its file name in the reference set, and a summary. */
public record ReferenceReport(String id, String file, String title, String data, String runs) {}
