package dev.pagerlab.checker.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test model with ~50 enabled transitions per state: n threads loop "lock first, lock second,
 * unlock both". Threads 0 and 1 take locks A and B in opposite orders; the others use private
 * locks and are noise. The target is the partial deadlock (thread 0 holds A waiting for B,
 * thread 1 holds B waiting for A) while every other thread still runs; the shortest schedule to
 * it has 2 steps, while random walks need hundreds.
 */
final class LockPairs implements TransitionSystem<LockPairs.State, Integer> {
  private final int n;

  /** The phase of each thread: 0 idle, 1 holds its first lock, 2 holds both. */
  record State(byte[] phases) {
    @Override
    public boolean equals(Object o) {
      return o instanceof State s && Arrays.equals(phases, s.phases);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(phases);
    }

    @Override
    public String toString() {
      return Arrays.toString(phases);
    }
  }

  LockPairs(int n) {
    this.n = n;
  }

  @Override
  public State initial() {
    return new State(new byte[n]);
  }

  /** The enabled transitions are thread ids: the thread whose next step can go. */
  @Override
  public List<Integer> enabled(State s) {
    List<Integer> out = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      if (canMove(s.phases(), t)) {
        out.add(t);
      }
    }
    return out;
  }

  private static boolean canMove(byte[] p, int t) {
    if (t == 0) {
      return p[0] == 0 ? p[1] != 2 : p[0] != 1 || p[1] == 0;
    } else if (t == 1) {
      return p[1] == 0 ? p[0] != 2 : p[1] != 1 || p[0] == 0;
    }
    return true;
  }

  @Override
  public State apply(State s, Integer t) {
    byte[] p = s.phases().clone();
    p[t] = (byte) ((p[t] + 1) % 3);
    return new State(p);
  }

  /** Thread 0 holds A and waits for B, thread 1 holds B and waits for A. */
  static boolean crossed(State s) {
    return s.phases()[0] == 1 && s.phases()[1] == 1;
  }
}
