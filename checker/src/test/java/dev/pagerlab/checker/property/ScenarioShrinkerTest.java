package dev.pagerlab.checker.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioShrinkerTest {

  /** The example with a filesystem layer on top of its FUSE layer. */
  private static Scenario withFilesystemOnTop() {
    Scenario s = Fixtures.fusePageableDaemon();
    List<LayerSpec> layers = new ArrayList<>(s.layers());
    layers.add(0, new LayerSpec("ufs0", LayerKind.FILESYSTEM, Optional.empty(), Optional.empty(), Optional.of("fuse0"),
        3, 0, false, false, false));
    Scenario out = ScenarioEdit.layers(s, layers);
    return ScenarioEdit.swap(out, new SwapSpec(s.swap().files(), List.of("ufs0"), Optional.empty()));
  }

  @Test
  void candidates_topLayerRemoved_stackReconnectsBelow() {
    Scenario s = withFilesystemOnTop();
    assertEquals(List.of(), ScenarioValidity.check(s));
    assertTrue(new ScenarioShrinker().candidates(s).anyMatch(c ->
        c.swap().stack().equals(List.of("fuse0")) && c.layers().size() == 2));
  }

  @Test
  void candidates_middleLayerRemoved_upperLayerPointsToTheOneBelow() {
    Scenario s = withFilesystemOnTop();
    assertTrue(new ScenarioShrinker().candidates(s).anyMatch(c ->
        c.layer("fuse0").isEmpty() && c.layer("ufs0").flatMap(LayerSpec::below).equals(Optional.of("disk0"))
            && c.process("fused").isPresent()));
  }

  @Test
  void candidates_daemonStillServing_isNeverRemoved() {
    assertTrue(new ScenarioShrinker().candidates(Fixtures.fusePageableDaemon()).allMatch(c -> c.process("fused").isPresent()
        || c.layers().stream().allMatch(l -> l.server().isEmpty())));
  }

  @Test
  void shrinkWhile_lockStepsNotNeeded_dropsLockWithItsUnlock() {
    Scenario s = Fixtures.fusePageableDaemon();
    Scenario locked = ScenarioEdit.processes(s, ScenarioEdit.set(s.processes(), 1, ScenarioEdit.steps(s.processes().get(1),
        List.of(new Step.Lock("a"), new Step.Alloc(30), new Step.Unlock("a")), List.of())));
    Scenario m = ScenarioShrinker.shrinkWhile(locked, x -> x.process("hog").map(p -> !p.workload().isEmpty()).orElse(false));
    assertEquals(List.of(new Step.Alloc(1)), m.process("hog").orElseThrow().workload());
  }

  @Test
  void shrinkWhile_fusePageableExample_keepsOnlyWhatTheFailureNeeds() {
    Scenario m = ScenarioShrinker.shrinkWhile(Fixtures.fusePageableDaemon(), ScenarioShrinkerProperties::fails);
    assertEquals(List.of("fuse0", "disk0"), m.layers().stream().map(LayerSpec::id).toList());
    assertEquals(List.of("fused"), m.processes().stream().map(p -> p.name()).toList());
    assertEquals(2, m.process("fused").orElseThrow().pages());
  }
}
