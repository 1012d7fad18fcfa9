package dev.pagerlab.checker.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Properties of random-walk search and schedule shrinking on toy systems with known answers. */
@Tag("property")
class ScheduleSearchProperties {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleSearchProperties.class);
  private static final long SEED = 0x5eed_0004L;
  private static final RandomWalkSearch.Budget WALKS = new RandomWalkSearch.Budget(10_000, 500, 20_000);

  private static RandomWalkSearch.Found found(DiningPhilosophers table, long seed) {
    return new RandomWalkSearch<>(table, table::deadlocked, WALKS).search(seed).orElseThrow();
  }

  @Test
  void randomWalk_diningPhilosophers_findsTheDeadlock() {
    PropertyRunner.check("random walk finds the dining deadlock", SEED, 40, seededTable(), Shrink.none(), c -> {
      DiningPhilosophers table = new DiningPhilosophers(c.size());
      RandomWalkSearch.Found f = found(table, c.seed());
      return ScheduleReplay.replay(table, table::deadlocked, f.schedule()).reached();
    });
  }

  @Test
  void shrink_diningPhilosophers_noLongerThanBreadthFirst() {
    PropertyRunner.check("shrunk schedule <= BFS shortest", SEED, 40, seededTable(), Shrink.none(), c -> {
      DiningPhilosophers table = new DiningPhilosophers(c.size());
      List<Integer> shrunk = shrink(table, found(table, c.seed()).schedule());
      int bfs = BreadthFirst.shortest(table, table::deadlocked).orElseThrow();
      return ScheduleReplay.replay(table, table::deadlocked, shrunk).reached() && shrunk.size() <= bfs;
    });
  }

  @Test
  void search_sameSeed_sameResultByteForByte() {
    DiningPhilosophers table = new DiningPhilosophers(5);
    RandomWalkSearch.Found first = found(table, SEED);
    RandomWalkSearch.Found again = found(table, SEED);
    assertEquals(first.toString(), again.toString());
    assertEquals(shrink(table, first.schedule()).toString(), shrink(table, again.schedule()).toString());
    RandomWalkSearch<DiningPhilosophers.State, DiningPhilosophers.Action> search =
        new RandomWalkSearch<>(table, table::deadlocked, WALKS);
    assertEquals(Optional.of(first.schedule()), search.walk(first.walkSeed()));
  }

  @Test
  void shrink_junkAndOutOfRangeSteps_neverLongerAndStillReaches() {
    DiningPhilosophers table = new DiningPhilosophers(4);
    Gen<List<Integer>> schedules = Gen.listOf(Gen.frequency(
        Gen.weighted(8, Gen.intRange(0, 3)), Gen.weighted(1, Gen.intRange(-2, 12))), 0, 200);
    PropertyRunner.check("shrinking keeps reaching and never grows", SEED, 300, schedules,
        Shrink.list(Shrink.intToward(0), 0), schedule -> {
          if (!ScheduleReplay.replay(table, table::deadlocked, schedule).reached()) {
            return true;
          }
          List<Integer> shrunk = shrink(table, schedule);
          return ScheduleReplay.replay(table, table::deadlocked, shrunk).reached()
              && shrunk.size() <= ScheduleReplay.replay(table, table::deadlocked, schedule).effective().size()
              && shrunk.size() == 4;
        });
  }

  /** The figure the issue asks for: shrinking a few-hundred-step schedule with ~50 enabled transitions per state. */
  @Test
  void shrink_lockPairsOfFiftyThreads_reachesTheTwoStepWitnessUnderOneSecond() {
    LockPairs model = new LockPairs(50);
    long worst = 0;
    for (int i = 0; i < 10; i++) {
      List<Integer> walk = new RandomWalkSearch<>(model, LockPairs::crossed, new RandomWalkSearch.Budget(10_000, 2_000, 20_000))
          .search(Rng.derive(SEED, i)).orElseThrow().schedule();
      long start = System.nanoTime();
      ScheduleShrinker.Result r = new ScheduleShrinker<>(model, LockPairs::crossed, ScheduleShrinker.Budget.standard()).shrink(walk);
      long millis = (System.nanoTime() - start) / 1_000_000;
      worst = Math.max(worst, millis);
      LOG.info("lock pairs n=50: shrank {} steps to {} in {} ms, {} replays", walk.size(), r.schedule().size(), millis, r.replays());
      assertEquals(BreadthFirst.shortest(model, LockPairs::crossed).orElseThrow(), r.schedule().size());
    }
    assertTrue(worst < 3_000, "worst shrink took " + worst + " ms");
  }

  /** The same figure where shortcuts rarely apply, so delta debugging does the work. */
  @Test
  void shrink_fiftyCounters_reachesTheSixStepWitnessUnderOneSecond() {
    Counters model = new Counters(50);
    int shortest = BreadthFirst.shortest(new Counters(5), Counters::target).orElseThrow();
    assertEquals(6, shortest, "two increments of each of three counters, whatever the number of counters");
    long worst = 0;
    for (int i = 0; i < 10; i++) {
      List<Integer> walk = new RandomWalkSearch<>(model, Counters::target, new RandomWalkSearch.Budget(10_000, 2_000, 20_000))
          .search(Rng.derive(SEED, i)).orElseThrow().schedule();
      long start = System.nanoTime();
      ScheduleShrinker.Result r = new ScheduleShrinker<>(model, Counters::target, ScheduleShrinker.Budget.standard()).shrink(walk);
      long millis = (System.nanoTime() - start) / 1_000_000;
      worst = Math.max(worst, millis);
      LOG.info("counters n=50: shrank {} steps to {} in {} ms, {} replays", walk.size(), r.schedule().size(), millis, r.replays());
      assertEquals(shortest, r.schedule().size());
    }
    assertTrue(worst < 3_000, "worst shrink took " + worst + " ms");
  }

  private static List<Integer> shrink(DiningPhilosophers table, List<Integer> schedule) {
    return new ScheduleShrinker<>(table, table::deadlocked, ScheduleShrinker.Budget.standard()).shrink(schedule).schedule();
  }

  /** A table size and a search seed. */
  record Case(int size, long seed) {}

  private static Gen<Case> seededTable() {
    return Gen.intRange(2, 7).flatMap(n -> rng -> new Case(n, rng.nextLong()));
  }
}
