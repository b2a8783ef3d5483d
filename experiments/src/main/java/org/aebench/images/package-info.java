/**
 * The one image writer: grids of greyscale or colour images as PNG.
 */
package org.aebench.images;
