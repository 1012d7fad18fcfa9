package dev.pagerlab.checker.layering;

import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.checker.StaticChain;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
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
  /** Chains {@link #analyze(Scenario)} reports at most; {@link #potentialClasses} is exact beyond it. */
  public static final int DEFAULT_LIMIT = 256;
  private static final Logger LOG = LoggerFactory.getLogger(LayeringAnalysis.class);
  private static final Comparator<List<String>> BY_LABELS = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };
  private static final Comparator<StaticChain> SHORTEST_FIRST =
      Comparator.comparingInt((StaticChain c) -> c.nodes().size()).thenComparing(StaticChain::nodes, BY_LABELS);

  private LayeringAnalysis() {}

  /** {@link #analyze(Scenario, int)} with at most {@link #DEFAULT_LIMIT} chains; pure. */
  public static List<StaticChain> analyze(Scenario scenario) {
    return analyze(scenario, DEFAULT_LIMIT);
  }

  /**
   * Every elementary cycle of the scenario's dependency graph, shortest first, each with its
   * classes and text and marked not reachable (the explorer decides that); pure. Cycles that
   * read the same (a path taken once for a write that allocates and once for one that does not)
   * are reported once, with the union of their classes. Past {@code limit} cycles the
   * enumeration stops (it finds the cycles through pageout first) and logs that it did.
   */
  public static List<StaticChain> analyze(Scenario scenario, int limit) {
    DependencyGraph graph = GraphBuilder.build(scenario);
    List<int[]> cycles = CycleFinder.elementaryCycles(graph.adjacency(), limit);
    if (cycles.size() >= limit) {
      LOG.info("{}: {} potential chains or more; only the first {} found are reported", scenario.name(), limit, limit);
    }
    Map<List<String>, StaticChain> byNodes = new HashMap<>();
    for (int[] cycle : cycles) {
      StaticChain chain = ChainFormatter.chain(graph, cycle);
      byNodes.merge(chain.nodes(), chain, ChainFormatter::merge);
    }
    List<StaticChain> chains = new ArrayList<>(byNodes.values());
    chains.sort(SHORTEST_FIRST);
    return List.copyOf(chains);
  }

  /**
   * Whose threads are on a chain from {@link #analyze}: {@code pageout}, process names, and the
   * layer id of a receive path, the owner vocabulary of {@code WaitEdge}, so the explorer's
   * cycles can be matched to chains; pure.
   */
  public static Set<String> owners(StaticChain chain) {
    return Collections.unmodifiableSet(ChainOwners.of(chain));
  }

  /**
   * The whole dependency graph as Graphviz DOT text, nodes on a cycle in bold, edges coloured
   * by kind (frame red, page-in blue, lock purple), each edge's reasons as its tooltip; pure.
   */
  public static String dot(Scenario scenario) {
    return DotWriter.dot(scenario.name(), GraphBuilder.build(scenario));
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
