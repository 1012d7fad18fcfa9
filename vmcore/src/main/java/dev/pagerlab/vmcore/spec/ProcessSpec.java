package dev.pagerlab.vmcore.spec;

import java.util.List;
import java.util.Optional;

/**
 * A userland process: its memory, its threads and what they do.
 *
 * @param name process name
 * @param pages its own resident anonymous pages at start
 * @param threads worker threads serving requests
 * @param wired mlockall: its pages are never paged out
 * @param ioFlusher its allocations are privileged
 * @param pagesIn the region its own pages live in (a recursive pager), if any
 * @param workload steps run once from start, on a thread of its own
 * @param onRequest steps run for each request it serves
 */
public record ProcessSpec(
    String name,
    int pages,
    int threads,
    boolean wired,
    boolean ioFlusher,
    Optional<String> pagesIn,
    List<Step> workload,
    List<Step> onRequest) {
  public ProcessSpec {
    workload = List.copyOf(workload);
    onRequest = List.copyOf(onRequest);
  }
}
