package dev.pagerlab.scenarios;

import dev.pagerlab.vmcore.spec.DynamicPagerSpec;
import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks that span fields: unique names, references of the right type, the I/O path (no
 * {@code below} cycle, a stack that agrees with {@code below}), and touches within the pages
 * declared for them. Field paths index lists from 0, in file order.
 */
final class ScenarioValidator {

  private final YamlDocument document;
  private final Scenario scenario;

  private ScenarioValidator(YamlDocument document, Scenario scenario) {
    this.document = document;
    this.scenario = scenario;
  }

  /** Throws at the first cross-field problem of {@code scenario}, positioned in {@code document}. */
  static void check(YamlDocument document, Scenario scenario) throws ScenarioException {
    ScenarioValidator validator = new ScenarioValidator(document, scenario);
    validator.uniqueNames();
    validator.layerReferences();
    validator.belowCycles();
    new StackValidator(document, scenario).check();
    validator.processReferences();
    validator.steps();
    validator.residentFit();
  }

  /** The pages resident at start (process pages, kext wired and pageable pages) must fit in the frames. */
  private void residentFit() throws ScenarioException {
    long resident = 0;
    for (ProcessSpec p : scenario.processes()) {
      resident += p.pages();
    }
    for (var k : scenario.extensions()) {
      resident += (long) k.wired() + k.pageable();
    }
    if (resident > scenario.memory().frames()) {
      throw document.error("memory.frames", "expected at least " + resident + " frames: the pages resident at start "
          + "(process pages, kext wired and pageable pages) do not fit in " + scenario.memory().frames());
    }
  }

  private void uniqueNames() throws ScenarioException {
    unique(names(scenario.swap().files(), SwapFileSpec::name), "swap.files", "name", "swap file name");
    unique(names(scenario.layers(), LayerSpec::id), "layers", "id", "layer id");
    unique(names(scenario.processes(), ProcessSpec::name), "processes", "name", "process name");
    unique(names(scenario.regions(), RegionSpec::name), "regions", "name", "region name");
    unique(names(scenario.extensions(), k -> k.name()), "kernel.extensions", "name", "kext name");
  }

  private static <T> List<String> names(List<T> items, Function<T, String> name) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(name.apply(item)));
    return names;
  }

  private void unique(List<String> names, String list, String key, String what) throws ScenarioException {
    for (int i = 0; i < names.size(); i++) {
      int first = names.indexOf(names.get(i));
      if (first < i) {
        throw document.error(FieldPath.child(FieldPath.item(list, i), key),
            "duplicate " + what + " '" + names.get(i) + "' (also " + FieldPath.item(list, first) + ")");
      }
    }
  }

  private void layerReferences() throws ScenarioException {
    for (int i = 0; i < scenario.layers().size(); i++) {
      LayerSpec layer = scenario.layers().get(i);
      String path = FieldPath.item("layers", i);
      if (layer.server().isPresent()) {
        String key = layer.kind() == LayerKind.DISKIMAGE ? "helper" : "daemon";
        References.process(document, scenario, FieldPath.child(path, key), layer.server().get());
      }
      if (layer.kext().isPresent()) {
        References.kext(document, scenario, FieldPath.child(path, "kext"), layer.kext().get());
      }
      if (layer.below().isPresent()) {
        References.layer(document, scenario, FieldPath.child(path, "below"), layer.below().get());
      }
    }
  }

  private void belowCycles() throws ScenarioException {
    for (int i = 0; i < scenario.layers().size(); i++) {
      LayerSpec start = scenario.layers().get(i);
      List<String> walk = new ArrayList<>(List.of(start.id()));
      Optional<String> next = start.below();
      while (next.isPresent() && !walk.contains(next.get())) {
        walk.add(next.get());
        next = scenario.layer(next.get()).flatMap(LayerSpec::below);
      }
      if (next.isPresent() && next.get().equals(start.id())) {
        walk.add(start.id());
        throw document.error(FieldPath.child(FieldPath.item("layers", i), "below"),
            "a below cycle: " + String.join(" -> ", walk));
      }
    }
  }

  private void processReferences() throws ScenarioException {
    Optional<DynamicPagerSpec> dynamic = scenario.swap().dynamic();
    if (dynamic.isPresent()) {
      References.process(document, scenario, "swap.dynamic.daemon", dynamic.get().daemon());
    }
    for (int i = 0; i < scenario.processes().size(); i++) {
      Optional<String> region = scenario.processes().get(i).pagesIn();
      if (region.isPresent()) {
        References.region(document, scenario, FieldPath.child(FieldPath.item("processes", i), "pagesIn"), region.get());
      }
    }
    for (int i = 0; i < scenario.regions().size(); i++) {
      if (scenario.regions().get(i).backing() == RegionSpec.Backing.PAGER) {
        References.process(document, scenario, FieldPath.child(FieldPath.item("regions", i), "pager"),
            scenario.regions().get(i).pager());
      }
    }
  }

  private void steps() throws ScenarioException {
    for (int i = 0; i < scenario.processes().size(); i++) {
      ProcessSpec process = scenario.processes().get(i);
      String path = FieldPath.item("processes", i);
      steps(FieldPath.child(path, "workload"), process.workload(), process);
      steps(FieldPath.child(path, "onRequest"), process.onRequest(), process);
    }
    for (int i = 0; i < scenario.extensions().size(); i++) {
      String path = FieldPath.child(FieldPath.item("kernel.extensions", i), "onIo");
      steps(path, scenario.extensions().get(i).onIo(), null);
    }
  }

  private void steps(String path, List<Step> steps, ProcessSpec process) throws ScenarioException {
    for (int j = 0; j < steps.size(); j++) {
      Step step = steps.get(j);
      String stepPath = FieldPath.item(path, j);
      if (step instanceof Step.Touch touch) {
        touch(FieldPath.child(stepPath, "touch"), touch.pages(), process);
      } else if (step instanceof Step.TouchRegion touch) {
        touchRegion(FieldPath.child(stepPath, "touchRegion"), touch);
      }
    }
  }

  private void touch(String path, int pages, ProcessSpec process) throws ScenarioException {
    long allocated = 0;
    for (Step step : process.workload()) {
      allocated += step instanceof Step.Alloc alloc ? alloc.pages() : 0;
    }
    long limit = process.pages() + allocated;
    if (pages > limit) {
      throw document.error(path, "touch " + pages + " exceeds the pages of process '" + process.name()
          + "': at most " + limit + " (pages " + process.pages() + " + workload alloc " + allocated + ")");
    }
  }

  private void touchRegion(String path, Step.TouchRegion touch) throws ScenarioException {
    RegionSpec region = References.region(document, scenario, FieldPath.child(path, "region"), touch.region());
    if (touch.pages() > region.pages()) {
      throw document.error(FieldPath.child(path, "pages"), "expected a whole number from 1 to " + region.pages()
          + " (the pages of region '" + region.name() + "'), got " + touch.pages());
    }
  }
}
