package dev.pagerlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.checker.explore.Bounds;
import dev.pagerlab.checker.explore.BreadthFirstExplorer;
import dev.pagerlab.checker.explore.Exploration;
import dev.pagerlab.checker.explore.ProgressListener;
import dev.pagerlab.checker.property.PropertyRunner;
import dev.pagerlab.checker.property.ScenarioGen;
import dev.pagerlab.checker.property.ScenarioShrinker;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.spec.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two oracles agree over generated scenarios: every cycle the explorer reaches is a static
 * chain (same owners), every class it reaches is a potential class, and partial-order reduction
 * changes neither the verdict, the classes nor the witness length.
 */
@Tag("property")
class OracleAgreementProperties {
  static final Bounds SMALL = new Bounds(200_000, 10_000, 20_000);

  /** Whether the scenario can start at all (the loader rejects the others). */
  static boolean starts(Scenario s) {
    try {
      VmModel.of(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static Exploration explore(Scenario s, boolean reduce) {
    return new BreadthFirstExplorer(SMALL, ProgressListener.quiet(), reduce).explore(VmModel.of(s));
  }

  @Test
  void staticAnalysis_accountsForEveryReachableCycle() {
    PropertyRunner.checkAsserting("static analysis covers the explorer", PropertyRunner.effectiveSeed(20261123L),
        PropertyRunner.effectiveTries(2000), new ScenarioGen(), new ScenarioShrinker(), s -> {
          if (!starts(s)) {
            return;
          }
          Exploration ex = explore(s, true);
          assertEquals(java.util.List.of(), StaticOracle.missed(s, ex), s.name());
        });
  }

  @Test
  void partialOrderReduction_keepsVerdictClassesAndWitnessLength() {
    PropertyRunner.checkAsserting("reduction is sound", PropertyRunner.effectiveSeed(777L),
        PropertyRunner.effectiveTries(500), new ScenarioGen(), new ScenarioShrinker(), s -> {
          if (!starts(s)) {
            return;
          }
          Exploration full = explore(s, false);
          Exploration reduced = explore(s, true);
          if (!full.bound().equals("none") || !reduced.bound().equals("none")) {
            return;
          }
          assertEquals(Checker.verdictOf(full), Checker.verdictOf(reduced));
          assertEquals(full.classes(), reduced.classes());
          assertTrue(reduced.states() <= full.states());
          if (full.deadlockState() >= 0) {
            assertEquals(full.pathTo(full.deadlockState()).size(), reduced.pathTo(reduced.deadlockState()).size());
          }
        });
  }
}
