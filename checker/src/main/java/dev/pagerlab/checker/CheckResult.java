package dev.pagerlab.checker;

import dev.pagerlab.vmcore.spec.Expect;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code check} says about one scenario; reports render it, nothing else computes.
 *
 * @param scenario the scenario checked
 * @param verdict {@code deadlock}, {@code exhausted}, {@code data-loss}, {@code safe} or
 *     {@code safe-up-to-bound}
 * @param classes deadlock classes over every cycle found, sorted
 * @param classesComplete false when a bound stopped the search, so more classes may exist
 * @param witness shortest trace to the stuck (or data-losing) state, empty for safe verdicts
 * @param cycle the wait-for cycle at the witness's last state, in order
 * @param explored what the search explored
 * @param staticChains potential cycles from the static analysis, each marked reachable or not
 * @param mitigations smallest mitigation sets that make a deadlock safe, verified
 * @param events notable events on the witness (failed reads, timeouts), in order
 * @param seed the seed used for any randomised part (property search), printed for replay
 */
public record CheckResult(
    Scenario scenario,
    String verdict,
    List<DeadlockClass> classes,
    boolean classesComplete,
    Witness witness,
    List<WaitEdge> cycle,
    Explored explored,
    List<StaticChain> staticChains,
    List<MitigationSet> mitigations,
    List<String> events,
    long seed) {

  public CheckResult {
    classes = List.copyOf(classes);
    cycle = List.copyOf(cycle);
    staticChains = List.copyOf(staticChains);
    mitigations = List.copyOf(mitigations);
    events = List.copyOf(events);
  }

  /** The scenario's expectation, if it has one. */
  public Optional<Expect> expect() {
    return scenario.expect();
  }

  /** Whether the verdict meets the expectation (true when there is none). */
  public boolean meetsExpect() {
    return scenario.expect().map(e -> e.word().equals(verdict)).orElse(true);
  }
}
