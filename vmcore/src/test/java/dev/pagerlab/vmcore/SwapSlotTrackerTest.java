package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.proc;
import static dev.pagerlab.vmcore.Scenarios.touch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SwapSlotTrackerTest {

  /** Two files, a dynamic pager that drains and creates files, and an app that pages. */
  private static VmModel drain() {
    return Scenarios.scenario("shrink").memory(6, 1, 5).swapFile("swap0", 1, true).swapFile("swap1", 4, true)
        .stack("disk0").block("disk0").dynamic("dynpager", 1.0, 0.5, 4, 2)
        .process(proc("dynpager"))
        .process(proc("app").pages(3).workload(touch(2), touch(3), touch(1))).model();
  }

  /** Room in swap0 while a page sits in swap1 below low water: the drain moves it across. */
  private static VmModel move() {
    return Scenarios.scenario("move").memory(5, 1, 4).swapFile("swap0", 2, true).swapFile("swap1", 4, true)
        .stack("disk0").block("disk0").dynamic("dynpager", 1.0, 0.5, 4, 2)
        .process(proc("dynpager"))
        .process(proc("app").pages(4).workload(touch(4), touch(4), touch(4), touch(4))).model();
  }

  @Test
  void fileAfter_pageLine_namesTheNewFile() {
    assertEquals("swap0", SwapSlotTracker.fileAfter("app[1] resident dirty -> being written (swap0)"));
    assertEquals("swap1", SwapSlotTracker.fileAfter("app[1] being read (swap0) -> being written (swap1)"));
    assertNull(SwapSlotTracker.fileAfter("app[1] resident clean (swap0) -> resident dirty"));
  }

  @Test
  void step_drainMovesPage_freesOldSlotThenTakesNew() {
    SwapSlotTracker t = new SwapSlotTracker(drain(), 8);
    assertEquals(" [app[0] -> swap1 slot 0]", t.step(List.of("free 3 -> 3",
        "app[0] resident dirty -> being written (swap1)", "swap1 slots used 0 -> 1 of 4")));
    assertEquals("", t.step(List.of("app[0] being written (swap1) -> paged out (swap1)")));
    assertEquals("", t.step(List.of("app[0] paged out (swap1) -> being read (swap1)")));
    assertEquals(" [app[0] frees swap1 slot 0; app[0] -> swap0 slot 0]",
        t.step(List.of("app[0] being read (swap1) -> being written (swap0)")));
    assertEquals("", t.step(List.of("swap1 draining -> absent")));
    assertEquals(List.of(new SwapSlotAllocator.FileStats("swap0", 1, 1, 0, 0, 0)), t.stats());
    assertEquals(" [app[0] frees swap0 slot 0]", t.step(List.of("app[0] being written (swap0) -> resident dirty")));
    assertEquals(" [app[1] -> swap1 slot 0]", t.step(List.of("app[1] resident dirty -> being written (swap1)")),
        "a deleted file comes back empty when created again");
  }

  @Test
  void tracker_randomWalks_slotsMatchTheModelAtEveryStep() {
    for (VmModel m : List.of(VmStateTest.rich().model(), drain(), move())) {
      for (long seed = 1; seed <= 100; seed++) {
        walk(m, seed);
      }
    }
  }

  private static void walk(VmModel m, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    SwapSlotTracker tracker = new SwapSlotTracker(m, 2);
    VmState s = m.initial();
    for (int step = 0; step < 300; step++) {
      List<VmTransition> enabled = m.enabled(s);
      if (enabled.isEmpty()) {
        return;
      }
      VmState next = m.apply(s, pick(m, enabled, rng));
      tracker.step(m.changes(s, next));
      s = next;
      check(m, s, tracker, "seed " + seed + " step " + step);
    }
  }

  /** A random transition, the dynamic pager's only now and then so that drains find pages to move. */
  private static VmTransition pick(VmModel m, List<VmTransition> enabled, SplittableRandom rng) {
    List<VmTransition> others = enabled.stream()
        .filter(t -> !m.threadName(t.thread()).startsWith("dynpager")).toList();
    boolean rest = others.isEmpty() || rng.nextInt(8) == 0;
    List<VmTransition> from = rest ? enabled : others;
    return from.get(rng.nextInt(from.size()));
  }

  /** Every page paged out or being written holds a distinct slot; the counts agree with the model. */
  private static void check(VmModel m, VmState s, SwapSlotTracker tracker, String where) {
    Set<SwapSlotAllocator.SwapSlot> seen = new HashSet<>();
    int holding = 0;
    for (int p = 0; p < m.pages(); p++) {
      PageStatus st = m.pageStatus(s, p);
      var slot = tracker.slotOf(p);
      if (st == PageStatus.RESIDENT_DIRTY || st == PageStatus.UNALLOCATED) {
        assertTrue(slot.isEmpty(), where + ": " + m.pageName(p) + " is " + st + " but holds " + slot);
      }
      if (slot.isPresent()) {
        holding++;
        assertTrue(seen.add(slot.get()), where + ": two pages hold " + slot.get());
      }
    }
    assertEquals(m.summary(s).slotsUsed(), holding, where + ": pages holding slots");
    long used = tracker.stats().stream().mapToLong(SwapSlotAllocator.FileStats::used).sum();
    assertEquals(holding, used, where + ": allocator's used count");
    for (SwapSlotAllocator.FileStats f : tracker.stats()) {
      assertEquals(f.slots(), f.used() + f.reserved() + f.free(), where + ": " + f);
    }
  }

  @Test
  void simulator_pageout_timelineNamesSlotsAndResultHasFigures() {
    VmModel m = VmStateTest.rich().model();
    boolean named = false;
    for (long seed = 1; seed <= 10; seed++) {
      SimulationResult r = new Simulator(m, seed, 400, Map.of()).run();
      named |= r.timeline().stream().anyMatch(e -> e.text().matches(".*\\[.* -> swap0 slot \\d+.*\\]"));
      for (SwapSlotAllocator.FileStats f : r.swapFiles()) {
        assertEquals("swap0", f.file());
        assertEquals(8, f.slots());
        assertEquals(r.last().slotsUsed(), f.used(), "seed " + seed);
        assertTrue(f.largestFreeRun() <= f.free(), f.toString());
      }
    }
    assertTrue(named, "some run wrote a page to swap and the timeline shows its slot");
  }

  @Test
  void simulator_oldConstructor_hasNoSlotFigures() {
    SimulationResult r = new SimulationResult(1, 0, List.of(), 0, 0, 0, 0, 0, 0,
        new StateSummary(0, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of(), false, Map.of());
    assertEquals(List.of(), r.swapFiles());
  }
}
