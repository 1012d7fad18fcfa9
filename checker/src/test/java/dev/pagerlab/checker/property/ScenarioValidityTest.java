package dev.pagerlab.checker.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioValidityTest {
  private final Scenario example = Fixtures.fusePageableDaemon();

  private static void assertProblem(Scenario s, String fragment) {
    List<String> problems = ScenarioValidity.check(s);
    assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)), "expected '" + fragment + "' in " + problems);
  }

  @Test
  void check_contractExample_isValid() {
    assertEquals(List.of(), ScenarioValidity.check(example));
  }

  @Test
  void check_targetAboveFrames_isRejected() {
    assertProblem(ScenarioEdit.memory(example, new MemorySpec(4, 2, 6)), "target <= frames");
  }

  @Test
  void check_reservedAboveTarget_isRejected() {
    assertProblem(ScenarioEdit.memory(example, new MemorySpec(24, 7, 6)), "reserved <= target");
  }

  @Test
  void check_layerWithUnknownDaemon_isRejected() {
    Scenario s = ScenarioEdit.processes(example, List.of(example.processes().get(1)));
    assertProblem(s, "unknown process fused");
  }

  @Test
  void check_touchBeyondOwnPages_isRejected() {
    Scenario s = ScenarioEdit.processes(example, ScenarioEdit.set(example.processes(), 0,
        ScenarioEdit.steps(example.processes().get(0), List.of(), List.of(new Step.Touch(5)))));
    assertProblem(s, "invalid step");
  }

  @Test
  void check_unlockWithoutLock_isRejected() {
    Scenario s = ScenarioEdit.processes(example, ScenarioEdit.set(example.processes(), 1,
        ScenarioEdit.steps(example.processes().get(1), List.of(new Step.Unlock("a")), List.of())));
    assertProblem(s, "invalid step");
  }

  @Test
  void check_blockLayerWithBelow_isRejected() {
    Scenario s = ScenarioEdit.layers(example, List.of(example.layers().get(0),
        Fixtures.layer("disk0", LayerKind.BLOCK, Optional.empty(), Optional.of("fuse0"))));
    assertProblem(s, "always the bottom");
    assertProblem(s, "twice");
  }

  @Test
  void check_pathEndingAtFuse_isRejected() {
    Scenario s = ScenarioEdit.layers(example, List.of(
        Fixtures.layer("fuse0", LayerKind.FUSE, Optional.of("fused"), Optional.empty()), example.layers().get(1)));
    assertProblem(s, "must end at a block or network layer");
    assertProblem(s, "disk0 is not on the I/O path");
  }

  @Test
  void check_stackNamingUnknownLayer_isRejected() {
    Scenario s = ScenarioEdit.swap(example, new SwapSpec(example.swap().files(), List.of("nfs0"), Optional.empty()));
    assertProblem(s, "unknown layer nfs0");
  }
}
