package dev.pagerlab.checker.layering;

import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.HashSet;
import java.util.Set;

/** The processes that serve requests: layer daemons and helpers, region pagers, the dynamic pager. */
final class Servers {
  private Servers() {}

  /** Names of every process that serves requests in the scenario. */
  static Set<String> of(Scenario scenario) {
    Set<String> names = new HashSet<>();
    scenario.layers().stream().map(LayerSpec::server).flatMap(java.util.Optional::stream).forEach(names::add);
    scenario.regions().stream().filter(r -> r.backing() == RegionSpec.Backing.PAGER).map(RegionSpec::pager)
        .forEach(names::add);
    scenario.swap().dynamic().ifPresent(d -> names.add(d.daemon()));
    return names;
  }
}
