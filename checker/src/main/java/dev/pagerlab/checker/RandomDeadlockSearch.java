package dev.pagerlab.checker;

import dev.pagerlab.checker.property.RandomWalkSearch;
import dev.pagerlab.checker.property.ScheduleSearch;
import dev.pagerlab.checker.property.ScheduleShrinker;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.VmState;
import dev.pagerlab.vmcore.VmTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For state spaces too large to exhaust: seeded random walks to a deadlocked state, then the
 * schedule shrunk to a minimal one. What it finds is a real deadlock (a stuck state with a cycle),
 * but its witness is minimal only locally, not guaranteed shortest; the events say so.
 */
final class RandomDeadlockSearch {
  /** Schedules found and shrunk (seeds seed..seed+7); the shortest is kept, since shrinking finds local minima. */
  static final int CANDIDATES = 8;

  private RandomDeadlockSearch() {}

  /** A schedule (indices into each state's enabled list) to a deadlock, or null when none was found. */
  static List<Integer> search(VmModel model, long seed, List<String> events) {
    VmTransitionSystem system = new VmTransitionSystem(model);
    Optional<ScheduleSearch.ShrunkSchedule<VmState, VmTransition>> found = Optional.empty();
    for (int k = 0; k < CANDIDATES; k++) {
      Optional<ScheduleSearch.ShrunkSchedule<VmState, VmTransition>> next = ScheduleSearch.find(system,
          system::deadlocked, seed + k, new RandomWalkSearch.Budget(k == 0 ? 2_000 : 200, 5_000, k == 0 ? 5_000 : 500),
          new ScheduleShrinker.Budget(20_000, 300));
      if (next.isEmpty() && k == 0) {
        break;
      }
      if (next.isPresent() && (found.isEmpty() || next.get().schedule().size() < found.get().schedule().size())) {
        found = next;
      }
    }
    if (found.isEmpty()) {
      events.add("random search (seed " + seed + ", 2000 walks) found no deadlock beyond the bound");
      return null;
    }
    ScheduleSearch.ShrunkSchedule<VmState, VmTransition> s = found.get();
    List<Integer> schedule = new ArrayList<>();
    for (int i = 0; i < s.transitions().size(); i++) {
      schedule.add(model.enabled(s.states().get(i)).indexOf(s.transitions().get(i)));
    }
    events.add("deadlock found beyond the bound by random search (seed " + s.seed() + ", walk " + s.walk() + ", shortest of " + CANDIDATES + " shrunk schedules) and shrunk from "
        + s.foundLength() + " to " + schedule.size() + " steps; the witness is minimal, not guaranteed shortest");
    return schedule;
  }
}
