/**
 * The static site, rendered from the results CSVs alone with FreeMarker.
 */
package org.aebench.site;
