package dev.pagerlab.checker.explore;

/**
 * Limits on one search; reaching any of them yields {@code safe-up-to-bound}, never {@code safe}.
 *
 * @param maxStates distinct states at most
 * @param maxDepth breadth-first levels at most
 * @param maxMillis wall time at most (the only limit that makes results machine-dependent)
 */
public record Bounds(long maxStates, int maxDepth, long maxMillis) {
  /** The defaults of {@code pagerlab check}. */
  public static Bounds defaults() {
    return new Bounds(4_000_000, 10_000, 60_000);
  }

  /** The bound in words, e.g. {@code states=4000000, depth=10000, time=60s}. */
  public String words() {
    return "states=" + maxStates + ", depth=" + maxDepth + ", time=" + (maxMillis / 1000) + "s";
  }
}
