package dev.pagerlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  @Test
  void fileSwapUnpreallocated_deadlocksLowMemory() {
    CheckResult r = Checker.check(Examples.fileSwapUnpreallocated(), CheckOptions.defaults().withMitigations(false));
    print(r);
    assertEquals("deadlock", r.verdict());
    assertEquals(List.of(DeadlockClass.LOW_MEMORY), r.classes());
  }

  @Test
  void swapOnFusePageableDaemon_deadlocksThreeWays() {
    CheckResult r = Checker.check(Examples.swapOnFuse(false, false), CheckOptions.defaults().withMitigations(false));
    print(r);
    assertEquals("deadlock", r.verdict());
    assertEquals(List.of(DeadlockClass.LOW_MEMORY, DeadlockClass.USERLAND_DEPENDENCY, DeadlockClass.PAGING_RECURSION),
        r.classes());
    assertFalse(r.witness().steps().isEmpty());
  }

  @Test
  void swapOnFuseWiredIoFlusher_isSafe() {
    CheckResult r = Checker.check(Examples.swapOnFuse(true, true), CheckOptions.defaults().withMitigations(false));
    print(r);
    assertEquals("safe", r.verdict());
  }

  private static void print(CheckResult r) {
    System.out.println(r.scenario().name() + ": " + r.verdict() + " " + r.classes() + " " + r.explored());
    r.witness().steps().forEach(s -> System.out.println("  " + s.index() + ". " + s.text() + "  " + s.changes()));
    r.cycle().forEach(e -> System.out.println("  cycle: " + e.sentence()));
    r.witness().finalState().forEach(l -> System.out.println("  | " + l));
  }
}
