package dev.pagerlab.checker.property;

import java.util.ArrayList;
import java.util.List;

/**
 * Test model: n philosophers, each takes the left fork, then the right, eats and puts both
 * down. Everyone holding a left fork is the deadlock; the shortest schedule to it has n steps.
 */
final class DiningPhilosophers implements TransitionSystem<DiningPhilosophers.State, DiningPhilosophers.Action> {
  static final int THINKING = 0;
  static final int HAS_LEFT = 1;
  static final int EATING = 2;

  private final int n;

  /** The phase of each philosopher; forks are implied (fork i is philosopher i's left). */
  record State(List<Integer> phases) {}

  /** Philosopher {@code who} takes a fork or puts both down. */
  record Action(int who, String what) {}

  DiningPhilosophers(int n) {
    this.n = n;
  }

  @Override
  public State initial() {
    return new State(java.util.Collections.nCopies(n, THINKING));
  }

  @Override
  public List<Action> enabled(State s) {
    List<Action> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int phase = s.phases().get(i);
      if (phase == THINKING && s.phases().get((i + n - 1) % n) != EATING) {
        out.add(new Action(i, "take-left"));
      } else if (phase == HAS_LEFT && s.phases().get((i + 1) % n) == THINKING) {
        out.add(new Action(i, "take-right"));
      } else if (phase == EATING) {
        out.add(new Action(i, "put-down"));
      }
    }
    return out;
  }

  @Override
  public State apply(State s, Action a) {
    List<Integer> phases = new ArrayList<>(s.phases());
    phases.set(a.who(), (phases.get(a.who()) + 1) % 3);
    return new State(List.copyOf(phases));
  }

  /** Everyone holds a left fork: nothing is enabled. */
  boolean deadlocked(State s) {
    return enabled(s).isEmpty();
  }
}
