package dev.pagerlab.checker.layering;

import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.checker.StaticChain;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static layering analysis (oracle 1): every potential dependency cycle of a scenario's paging
 * paths, as lockdep-style chains. Over-approximates; never misses a cycle the explorer can reach.
 */
public final class LayeringAnalysis {
  /** Chains reported at most per scenario; {@link #potentialClasses} is exact beyond it. */
  public static final int MAX_CHAINS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(LayeringAnalysis.class);

  private LayeringAnalysis() {}

  /**
   * Every elementary cycle of the scenario's dependency graph, shortest first, each with its
   * classes and text and marked not reachable (the explorer decides that); pure. Cycles that
   * read the same (a path taken once for a write that allocates and once for one that does not)
   * are reported once, with the union of their classes.
   */
  public static List<StaticChain> analyze(Scenario scenario) {
    DependencyGraph graph = GraphBuilder.build(scenario);
    List<int[]> cycles = CycleFinder.elementaryCycles(graph.adjacency(), MAX_CHAINS);
    if (cycles.size() >= MAX_CHAINS) {
      LOG.warn("{}: more than {} potential chains; only the first {} are reported", scenario.name(), MAX_CHAINS, MAX_CHAINS);
    }
    Map<List<String>, StaticChain> byNodes = new LinkedHashMap<>();
    cycles.stream().map(c -> ChainFormatter.chain(graph, c))
        .sorted(Comparator.comparingInt((StaticChain c) -> c.nodes().size()).thenComparing(StaticChain::text))
        .forEach(c -> byNodes.merge(c.nodes(), c, ChainFormatter::merge));
    return List.copyOf(byNodes.values());
  }

  /** The union of the classes of every chain {@link #analyze} reports (computed without enumerating them); pure. */
  public static Set<DeadlockClass> potentialClasses(Scenario scenario) {
    DependencyGraph graph = GraphBuilder.build(scenario);
    int[][] adjacency = graph.adjacency();
    int[] component = Components.of(adjacency);
    Set<DeadlockClass> classes = EnumSet.noneOf(DeadlockClass.class);
    for (int from = 0; from < adjacency.length; from++) {
      for (int to : adjacency[from]) {
        if (component[from] == component[to]) {
          classes.addAll(ChainFormatter.classes(List.of(graph.edge(from, to).orElseThrow())));
        }
      }
    }
    return Collections.unmodifiableSet(classes);
  }
}
