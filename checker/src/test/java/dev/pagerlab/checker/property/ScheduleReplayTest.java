package dev.pagerlab.checker.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleReplayTest {
  private final DiningPhilosophers table = new DiningPhilosophers(3);

  @Test
  void replay_outOfRangeChoice_skipsTheStep() {
    ScheduleReplay.Replayed<DiningPhilosophers.State, DiningPhilosophers.Action> r =
        ScheduleReplay.replay(table, table::deadlocked, List.of(0, 7, -1, 1, 1));
    assertEquals(List.of(0, 1, 1), r.effective());
    assertEquals(4, r.states().size());
    assertTrue(r.reached());
  }

  @Test
  void replay_targetReachedEarly_stopsThere() {
    ScheduleReplay.Replayed<DiningPhilosophers.State, DiningPhilosophers.Action> r =
        ScheduleReplay.replay(table, table::deadlocked, List.of(0, 1, 1, 0, 0, 0));
    assertEquals(3, r.effective().size());
    assertEquals(List.of(0, 1, 2), r.transitions().stream().map(DiningPhilosophers.Action::who).toList());
  }

  @Test
  void replay_notReachingTarget_saysSo() {
    assertFalse(ScheduleReplay.replay(table, table::deadlocked, List.of(0)).reached());
  }

  @Test
  void shrink_scheduleNotReachingTarget_isRejected() {
    ScheduleShrinker<DiningPhilosophers.State, DiningPhilosophers.Action> shrinker =
        new ScheduleShrinker<>(table, table::deadlocked, ScheduleShrinker.Budget.standard());
    assertThrows(IllegalArgumentException.class, () -> shrinker.shrink(List.of(0)));
  }

  @Test
  void find_lockPairs_returnsTheTwoStepCrossing() {
    LockPairs model = new LockPairs(20);
    ScheduleSearch.ShrunkSchedule<LockPairs.State, Integer> w = ScheduleSearch.find(model, LockPairs::crossed, 7L,
        new RandomWalkSearch.Budget(1000, 1000, 10_000), ScheduleShrinker.Budget.standard()).orElseThrow();
    assertEquals(List.of(0, 1), w.transitions().stream().sorted().toList());
    assertTrue(LockPairs.crossed(w.states().get(w.states().size() - 1)));
    assertTrue(w.foundLength() >= 2 && w.shrinkComplete());
  }

  @Test
  void search_unreachableTarget_isEmpty() {
    RandomWalkSearch<DiningPhilosophers.State, DiningPhilosophers.Action> search =
        new RandomWalkSearch<>(table, s -> false, new RandomWalkSearch.Budget(10, 50, 10_000));
    assertTrue(search.search(1L).isEmpty());
  }
}
