/**
 * Scenario files in, validated {@link dev.pagerlab.vmcore.spec.Scenario} records out. The
 * loader reads YAML with Jackson's streaming parser so that every error it raises names the
 * file, line, column and field at fault; the catalog is the set of scenarios shipped as
 * resources under {@code catalog/}. This package and the CLI are the only places that read
 * scenario files.
 */
package dev.pagerlab.scenarios;
