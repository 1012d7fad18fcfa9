package dev.pagerlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.checker.explore.Bounds;
import dev.pagerlab.checker.explore.BreadthFirstExplorer;
import dev.pagerlab.checker.explore.Exploration;
import dev.pagerlab.checker.explore.ProgressListener;
import dev.pagerlab.scenarios.ScenarioLoader;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.spec.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PartialOrderReductionTest {

  @Test
  void independentProcesses_reducedAtLeast20x_sameVerdict() throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("src/test/resources/reduction/independent-wired-processes.yaml"));
    VmModel m = VmModel.of(s);
    Exploration full = new BreadthFirstExplorer(Bounds.defaults(), ProgressListener.quiet(), false).explore(m);
    Exploration reduced = new BreadthFirstExplorer(Bounds.defaults(), ProgressListener.quiet(), true).explore(m);
    System.out.println("full " + full.states() + " states, reduced " + reduced.states() + " states, "
        + (full.states() / reduced.states()) + "x");
    assertEquals(Checker.verdictOf(full), Checker.verdictOf(reduced));
    assertEquals("safe", Checker.verdictOf(reduced));
    assertTrue(full.states() >= 20 * reduced.states(), full.states() + " vs " + reduced.states());
  }

  @Test
  void examples_reductionKeepsVerdictClassesAndWitnessLength() {
    for (Scenario s : new Scenario[] {Examples.fileSwapUnpreallocated(), Examples.swapOnFuse(false, false),
        Examples.swapOnFuse(true, true)}) {
      VmModel m = VmModel.of(s);
      Exploration full = new BreadthFirstExplorer(Bounds.defaults(), ProgressListener.quiet(), false).explore(m);
      Exploration reduced = new BreadthFirstExplorer(Bounds.defaults(), ProgressListener.quiet(), true).explore(m);
      assertEquals(Checker.verdictOf(full), Checker.verdictOf(reduced), s.name());
      assertEquals(full.classes(), reduced.classes(), s.name());
      if (full.deadlockState() >= 0) {
        assertEquals(full.pathTo(full.deadlockState()).size(), reduced.pathTo(reduced.deadlockState()).size(), s.name());
      }
    }
  }
}
