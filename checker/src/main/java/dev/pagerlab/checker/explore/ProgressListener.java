package dev.pagerlab.checker.explore;

/** Observes a long search; the explorer itself never prints. */
@FunctionalInterface
public interface ProgressListener {
  /** Called about twice a second while a search runs. */
  void progress(long states, int depth, long frontier, long millis);

  /** A listener that ignores everything. */
  static ProgressListener quiet() {
    return (states, depth, frontier, millis) -> { };
  }
}
