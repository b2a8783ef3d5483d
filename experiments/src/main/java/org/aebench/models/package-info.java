/**
 * The networks the families build: dense, convolutional, strided-convolutional, variational and closed-form models.
 */
package org.aebench.models;
