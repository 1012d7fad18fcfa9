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

  /** The static chains of a scenario, each marked reachable or potential only. */
  public static List<StaticChain> chains(Scenario s, Exploration ex) {
    return chains(s, ex.ownerCycles());
  }

  /** The static chains, each marked reachable when one of the given explorer cycles has its owners. */
  public static List<StaticChain> chains(Scenario s, Set<List<String>> ownerCycles) {
    List<StaticChain> out = new ArrayList<>();
    for (StaticChain c : LayeringAnalysis.analyze(s)) {
      List<String> owners = List.copyOf(new TreeSet<>(LayeringAnalysis.owners(c)));
      boolean reachable = ownerCycles.contains(owners);
      out.add(new StaticChain(c.nodes(), c.classes(), reachable, c.text()));
    }
    return out;
  }

  /** Explorer cycles, and classes, that no static chain accounts for. */
  public static List<String> missed(Scenario s, Exploration ex) {
    List<String> out = new ArrayList<>();
    Set<List<String>> known = new java.util.HashSet<>();
    for (StaticChain c : LayeringAnalysis.analyze(s, 4096)) {
      known.add(List.copyOf(new TreeSet<>(LayeringAnalysis.owners(c))));
    }
    for (List<String> cycle : ex.ownerCycles()) {
      if (!known.contains(cycle)) {
        out.add("static analysis missed a reachable cycle through " + String.join(", ", cycle));
      }
    }
    Set<DeadlockClass> potential = LayeringAnalysis.potentialClasses(s);
    for (DeadlockClass c : ex.classes()) {
      if (!potential.contains(c)) {
        out.add("static analysis missed the reachable class " + c.word());
      }
    }
    return out;
  }
}
