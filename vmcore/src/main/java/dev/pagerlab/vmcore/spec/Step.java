package dev.pagerlab.vmcore.spec;

/** One step of a workload, an {@code onRequest} or an {@code onIo} list. */
public sealed interface Step {

  /** Allocate and dirty this many new pages. */
  record Alloc(int pages) implements Step {}

  /** Touch the process's pages 0..pages-1, faulting in those not resident; does not dirty. */
  record Touch(int pages) implements Step {}

  /** A kernel extension touches its pageable pages 0..pages-1. */
  record TouchPageable(int pages) implements Step {}

  /** Touch and dirty pages 0..pages-1 of a region. */
  record TouchRegion(String region, int pages) implements Step {}

  /** Take a named lock, waiting while another thread holds it. */
  record Lock(String name) implements Step {}

  /** Release a named lock. */
  record Unlock(String name) implements Step {}
}
