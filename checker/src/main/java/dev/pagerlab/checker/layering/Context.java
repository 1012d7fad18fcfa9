package dev.pagerlab.checker.layering;

import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import java.util.Optional;

/**
 * Who runs a piece of the paging path: a group of threads with one allocation class.
 *
 * @param key the node key of the group's own node, e.g. {@code proc:fused}
 * @param label the short name used in qualifiers and reasons, e.g. {@code fused}
 * @param privileged whether its allocations may take the reserve
 * @param threads how many threads the group has (1 except for a process's workers)
 * @param process the process it belongs to, if any
 */
record Context(String key, String label, boolean privileged, int threads, Optional<String> process) {

  /** The pageout thread: privileged, one write at a time. */
  static Context pageout() {
    return new Context("pageout", "pageout", true, 1, Optional.empty());
  }

  /** A process's worker threads, which serve requests. */
  static Context workers(ProcessSpec p) {
    return new Context("proc:" + p.name(), p.name(), p.ioFlusher(), Math.max(1, p.threads()), Optional.of(p.name()));
  }

  /** A process's workload thread. */
  static Context workload(ProcessSpec p) {
    String label = p.name() + "/workload";
    return new Context("proc:" + label, label, p.ioFlusher(), 1, Optional.of(p.name()));
  }

  /** A network layer's receive path, privileged iff the layer is {@code memalloc}. */
  static Context receive(LayerSpec layer) {
    String label = layer.id() + "/rx";
    return new Context(label, label, layer.memalloc(), 1, Optional.empty());
  }

  /** Whether this is the pageout thread. */
  boolean isPageout() {
    return key.equals("pageout");
  }

  /** The allocation class word: {@code privileged} or {@code ordinary}. */
  String allocClass() {
    return privileged ? "privileged" : "ordinary";
  }

  /** "in fused's context (ordinary)". */
  String inContext() {
    return "in " + label + "'s context (" + allocClass() + ")";
  }
}
