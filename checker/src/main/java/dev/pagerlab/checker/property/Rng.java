package dev.pagerlab.checker.property;

import java.util.List;
import java.util.SplittableRandom;

/** A seeded random source: the same seed gives the same sequence, so every draw replays. */
public final class Rng {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final long seed;
  private final SplittableRandom random;

  /** A source that replays exactly from {@code seed}. */
  public Rng(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** The seed this source started from. */
  public long seed() {
    return seed;
  }

  /** A well-mixed seed for the {@code index}-th independent stream under {@code seed}; pure. */
  public static long derive(long seed, long index) {
    return new SplittableRandom(seed + (index + 1) * GOLDEN_GAMMA).nextLong();
  }

  /** A uniform int in {@code [0, bound)}; {@code bound} must be positive. */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** A uniform int in {@code [low, high]}, both inclusive. */
  public int intRange(int low, int high) {
    if (low > high) {
      throw new IllegalArgumentException("empty range " + low + ".." + high);
    }
    return low == high ? low : random.nextInt(low, high + 1);
  }

  /** A uniform long. */
  public long nextLong() {
    return random.nextLong();
  }

  /** A uniform boolean. */
  public boolean nextBoolean() {
    return random.nextBoolean();
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** One element of a non-empty list, uniformly. */
  public <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
