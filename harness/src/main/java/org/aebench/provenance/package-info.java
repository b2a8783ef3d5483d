/**
 * Where a result came from, gathered once per process: code version, native build, BLAS, threads,
 * JVM, OS, CPU and its instruction set. Every result and benchmark row carries it.
 */
package org.aebench.provenance;
