package dev.pagerlab.checker;

import dev.pagerlab.checker.explore.Bounds;
import dev.pagerlab.checker.explore.ProgressListener;

/**
 * How to check a scenario.
 *
 * @param bounds limits of the exhaustive search
 * @param seed seed of every randomised part (property search), printed with the result
 * @param mitigations whether to search for mitigation sets when a scenario deadlocks
 * @param progress where a long search reports its progress
 */
public record CheckOptions(Bounds bounds, long seed, boolean mitigations, ProgressListener progress) {
  /** Defaults: default bounds, seed 1, mitigation search on, quiet. */
  public static CheckOptions defaults() {
    return new CheckOptions(Bounds.defaults(), 1L, true, ProgressListener.quiet());
  }

  /** The same options with other bounds. */
  public CheckOptions withBounds(Bounds b) {
    return new CheckOptions(b, seed, mitigations, progress);
  }

  /** The same options with mitigation search on or off. */
  public CheckOptions withMitigations(boolean on) {
    return new CheckOptions(bounds, seed, on, progress);
  }

  /** The same options reporting progress to a listener. */
  public CheckOptions withProgress(ProgressListener p) {
    return new CheckOptions(bounds, seed, mitigations, p);
  }
}
