package dev.pagerlab.scenarios;

import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resolves a name a field refers to, or raises an error saying what the name is instead. */
final class References {

  private References() {}

  /** The process named at {@code path}. */
  static ProcessSpec process(YamlDocument document, Scenario scenario, String path, String name)
      throws ScenarioException {
    Optional<ProcessSpec> found = scenario.process(name);
    if (found.isEmpty()) {
      throw missing(document, scenario, path, name, "process", scenario.processes().stream().map(ProcessSpec::name).toList());
    }
    return found.get();
  }

  /** The region named at {@code path}. */
  static RegionSpec region(YamlDocument document, Scenario scenario, String path, String name)
      throws ScenarioException {
    Optional<RegionSpec> found = scenario.region(name);
    if (found.isEmpty()) {
      throw missing(document, scenario, path, name, "region", scenario.regions().stream().map(RegionSpec::name).toList());
    }
    return found.get();
  }

  /** The kernel extension named at {@code path}. */
  static KextSpec kext(YamlDocument document, Scenario scenario, String path, String name)
      throws ScenarioException {
    Optional<KextSpec> found = scenario.extension(name);
    if (found.isEmpty()) {
      throw missing(document, scenario, path, name, "kext in kernel.extensions",
          scenario.extensions().stream().map(KextSpec::name).toList());
    }
    return found.get();
  }

  /** The layer named at {@code path}. */
  static LayerSpec layer(YamlDocument document, Scenario scenario, String path, String name)
      throws ScenarioException {
    Optional<LayerSpec> found = scenario.layer(name);
    if (found.isEmpty()) {
      throw missing(document, scenario, path, name, "layer", scenario.layers().stream().map(LayerSpec::id).toList());
    }
    return found.get();
  }

  private static ScenarioException missing(YamlDocument document, Scenario scenario, String path, String name,
      String wanted, List<String> known) {
    StringBuilder reason = new StringBuilder("expected a " + wanted + ", but there is no " + wanted.split(" ")[0]
        + " '" + name + "'");
    List<String> actually = whatIs(scenario, name);
    if (!actually.isEmpty()) {
      reason.append(" ('").append(name).append("' is a ").append(String.join(" and a ", actually)).append(')');
    }
    reason.append(known.isEmpty() ? "; there are none" : "; known: " + String.join(", ", known));
    return document.error(path, reason.toString());
  }

  private static List<String> whatIs(Scenario scenario, String name) {
    List<String> kinds = new ArrayList<>();
    if (scenario.process(name).isPresent()) {
      kinds.add("process");
    }
    if (scenario.region(name).isPresent()) {
      kinds.add("region");
    }
    if (scenario.extension(name).isPresent()) {
      kinds.add("kext");
    }
    if (scenario.layer(name).isPresent()) {
      kinds.add("layer");
    }
    return kinds;
  }
}
