/**
 * What the trainer, the evaluator and the artifact writer need of a model, whatever its family:
 * reconstruct, take a gradient step or fit in closed form, and optionally expose a code, hidden
 * activations or filters.
 */
package org.aebench.model;
