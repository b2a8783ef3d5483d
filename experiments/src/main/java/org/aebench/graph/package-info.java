/**
 * The SameDiff graph engine of the conv families: a model base that records a training or inference pass once per
 * batch size and replays it bit-identically (StepPlan, RecordedPasses), the arrays it keeps (StepMemory), and native garbage collection.
 */
package org.aebench.graph;
