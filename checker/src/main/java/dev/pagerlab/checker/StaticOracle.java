package dev.pagerlab.checker;

import dev.pagerlab.checker.explore.Exploration;
import dev.pagerlab.checker.layering.LayeringAnalysis;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Joins the two oracles: static chains are marked reachable when the explorer met a wait-for
 * cycle through the same owners, and explorer cycles the static analysis missed are reported
 * (each one is a bug in the static analysis).
 */
public final class StaticOracle {
  private StaticOracle() {}

  /**
   * The static chains shown in a report, and what the static analysis missed.
   *
   * @param chains the first {@link LayeringAnalysis#DEFAULT_LIMIT} chains, each marked reachable or potential only
   * @param missed explorer cycles and classes that no static chain accounts for (each a bug in the analysis)
   */
  public record Joined(List<StaticChain> chains, List<String> missed) {}

  /** Joins the static analysis (run once) with the cycles and classes the explorer reached. */
  public static Joined join(Scenario s, Set<List<String>> ownerCycles, Set<DeadlockClass> reached) {
    List<StaticChain> all = LayeringAnalysis.analyze(s, 4096);
    List<StaticChain> shown = new ArrayList<>();
    Set<List<String>> known = new java.util.HashSet<>();
    for (StaticChain c : all) {
      List<String> owners = List.copyOf(new TreeSet<>(LayeringAnalysis.owners(c)));
      known.add(owners);
      if (shown.size() < LayeringAnalysis.DEFAULT_LIMIT) {
        shown.add(new StaticChain(c.nodes(), c.classes(), ownerCycles.contains(owners), c.text()));
      }
    }
    List<String> missed = new ArrayList<>();
    for (List<String> cycle : ownerCycles.stream().sorted(java.util.Comparator.comparing(Object::toString)).toList()) {
      if (!known.contains(cycle)) {
        missed.add("static analysis missed a reachable cycle through " + String.join(", ", cycle));
      }
    }
    Set<DeadlockClass> potential = LayeringAnalysis.potentialClasses(s);
    for (DeadlockClass c : new TreeSet<>(reached)) {
      if (!potential.contains(c)) {
        missed.add("static analysis missed the reachable class " + c.word());
      }
    }
    return new Joined(shown, missed);
  }

  /** Explorer cycles, and classes, that no static chain accounts for. */
  public static List<String> missed(Scenario s, Exploration ex) {
    return join(s, ex.ownerCycles(), ex.classes()).missed();
  }
}
