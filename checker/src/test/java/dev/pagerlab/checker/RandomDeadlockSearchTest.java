package dev.pagerlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.checker.explore.Bounds;
import org.junit.jupiter.api.Test;

class RandomDeadlockSearchTest {
  static final CheckOptions TINY = CheckOptions.defaults().withMitigations(false).withBounds(new Bounds(40, 10_000, 60_000));

  @Test
  void boundedSearch_deadlockBeyondTheBound_foundByRandomWalkAndShrunk() {
    CheckResult r = Checker.check(Examples.swapOnFuse(false, false), TINY);
    assertEquals("deadlock", r.verdict(), r.events().toString());
    assertTrue(r.events().stream().anyMatch(e -> e.contains("random search")), r.events().toString());
    assertTrue(r.explored().bounded());
    Checker.Replay replay = Checker.replay(r.scenario(), r.witness().schedule());
    assertTrue(replay.stuck() && !replay.cycle().isEmpty());
  }

  @Test
  void boundedSearch_sameSeed_sameWitness() {
    CheckResult a = Checker.check(Examples.swapOnFuse(false, false), TINY);
    CheckResult b = Checker.check(Examples.swapOnFuse(false, false), TINY);
    assertEquals(a.witness().schedule(), b.witness().schedule());
    assertEquals(a.witness().steps(), b.witness().steps());
  }

  @Test
  void boundedSearch_safeScenario_staysSafeUpToBound() {
    CheckResult r = Checker.check(Examples.swapOnFuse(true, true), TINY);
    assertEquals("safe-up-to-bound", r.verdict());
    assertTrue(r.witness().steps().isEmpty());
  }

  @Test
  void randomSearch_examples_witnessNoLongerThanBreadthFirst() {
    for (var s : new dev.pagerlab.vmcore.spec.Scenario[] {Examples.fileSwapUnpreallocated(),
        Examples.swapOnFuse(false, false)}) {
      int bfs = Checker.check(s, CheckOptions.defaults().withMitigations(false)).witness().steps().size();
      java.util.List<String> events = new java.util.ArrayList<>();
      java.util.List<Integer> found = RandomDeadlockSearch.search(dev.pagerlab.vmcore.VmModel.of(s), 1L, events);
      assertTrue(found != null && found.size() <= bfs, s.name() + ": random " + found + " vs BFS " + bfs);
    }
  }
}
