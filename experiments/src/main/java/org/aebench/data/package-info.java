/**
 * The data sets: IDX files checked against their checksums, coloured MNIST, and the catalog that loads them.
 */
package org.aebench.data;
