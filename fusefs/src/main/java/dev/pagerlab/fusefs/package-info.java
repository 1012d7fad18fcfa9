/**
 * A real FUSE filesystem for swap files on jnr-fuse (libfuse 2): an in-memory or passthrough
 * backing, a worker loop owned by Java threads, per-request instrumentation for the VM core,
 * run-time fault injection, optional per-block checksums, and a mount/unmount life cycle that
 * probes the mount until it answers and never leaves a stale mount behind. This is the only
 * module that sees jnr-*.
 */
package dev.pagerlab.fusefs;
