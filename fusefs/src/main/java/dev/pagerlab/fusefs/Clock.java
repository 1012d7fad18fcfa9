package dev.pagerlab.fusefs;

/** Wall-clock time in nanoseconds since the epoch, for file times. */
final class Clock {

  private Clock() {}

  /** Now, in nanoseconds since the epoch (microsecond resolution or better). */
  static long nowNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
