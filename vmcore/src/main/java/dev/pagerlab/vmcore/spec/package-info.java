/**
 * The scenario as immutable values: what a scenario file says, already validated, with no
 * I/O and no behaviour. The loader in {@code scenarios} builds these; the model in
 * {@code dev.pagerlab.vmcore} compiles them into its packed form.
 */
package dev.pagerlab.vmcore.spec;
