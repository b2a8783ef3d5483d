/**
 * The declarative experiment matrix: profiles, experiments, their shared settings, and the ModelFamily interface
 * through which each family adds its own keys, validation and model.
 */
package org.aebench.matrix;
