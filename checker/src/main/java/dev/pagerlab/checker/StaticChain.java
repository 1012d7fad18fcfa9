package dev.pagerlab.checker;

import java.util.List;

/**
 * A potential dependency cycle found by static layering analysis, in lockdep's manner.
 *
 * @param nodes the chain, first node repeated at the end ("A --> B --> C --> A")
 * @param classes the deadlock classes this chain would have
 * @param reachable whether the explorer reached a stuck state with a matching cycle; a chain the
 *     explorer could not reach is reported as potential only
 * @param text "Chain exists of: A --> B --> ..." with the reason for each arrow
 */
public record StaticChain(List<String> nodes, List<DeadlockClass> classes, boolean reachable, String text) {
  public StaticChain {
    nodes = List.copyOf(nodes);
    classes = List.copyOf(classes);
  }
}
