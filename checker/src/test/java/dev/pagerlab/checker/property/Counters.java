package dev.pagerlab.checker.property;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Test model with exactly n enabled transitions per state: n counters modulo 3, transition i
 * increments counter i. The target (counters 0, 1 and 2 all at 2) has a 6-step shortest
 * schedule; random walks over 50 counters need hundreds of steps, mostly irrelevant ones.
 */
final class Counters implements TransitionSystem<Counters.State, Integer> {
  private final List<Integer> all;

  /** The counters. */
  record State(byte[] counts) {
    @Override
    public boolean equals(Object o) {
      return o instanceof State s && Arrays.equals(counts, s.counts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(counts);
    }
  }

  Counters(int n) {
    all = IntStream.range(0, n).boxed().toList();
  }

  @Override
  public State initial() {
    return new State(new byte[all.size()]);
  }

  @Override
  public List<Integer> enabled(State s) {
    return all;
  }

  @Override
  public State apply(State s, Integer i) {
    byte[] c = s.counts().clone();
    c[i] = (byte) ((c[i] + 1) % 3);
    return new State(c);
  }

  static boolean target(State s) {
    return s.counts()[0] == 2 && s.counts()[1] == 2 && s.counts()[2] == 2;
  }
}
