package dev.pagerlab.checker;

import java.util.List;

/**
 * A smallest set of mitigations that makes a deadlocking scenario safe, verified by the explorer.
 *
 * @param mitigations the changes, applied together
 * @param verdict the verdict word the explorer gave the changed scenario
 * @param states states it explored to verify that
 */
public record MitigationSet(List<Mitigation> mitigations, String verdict, long states) {
  public MitigationSet {
    mitigations = List.copyOf(mitigations);
  }
}
