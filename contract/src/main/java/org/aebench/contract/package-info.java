/**
 * What the runner, the site, the regression gate and the scripts agree on: the CSV columns with
 * their types and roles, the statuses, the artifact files and the codes file.
 */
package org.aebench.contract;
