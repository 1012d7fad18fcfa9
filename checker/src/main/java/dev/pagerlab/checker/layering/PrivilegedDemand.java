package dev.pagerlab.checker.layering;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An upper bound on the frames privileged threads can hold at once, to decide whether a
 * privileged allocation can ever find free = 0 (docs/LAYERING.md, "The reserve rule").
 *
 * <p>Per privileged context c: A(c) pages allocated along everything c runs (its steps and the
 * kernel layers it runs), F(c) distinct pages it can fault in, and R(c) pages allocated by the
 * kernel layers of the read path a fault runs in c's own context. The bound is the sum of
 * {@code mult(c) * A(c) + F(c) * (1 + R(c))}: every thread holds at most one request's worth, and
 * each fault, nested or not, holds its frame plus one read path's worth. A receive path's
 * multiplicity is the number of threads and faults that can issue requests through its layer.
 */
final class PrivilegedDemand {
  private final Map<String, Context> contexts = new LinkedHashMap<>();
  private final Map<String, Integer> allocated = new HashMap<>();
  private final Map<Integer, Integer> allocatedAt = new HashMap<>();
  private final Map<String, Map<String, Integer>> faulted = new HashMap<>();
  private final Map<String, Set<String>> issuers = new HashMap<>();
  private final Map<String, List<Node>> pageIns = new HashMap<>();

  /** Records that a thread of {@code c}, at node {@code at}, may allocate {@code pages} more pages. */
  void allocate(Context c, Node at, int pages) {
    contexts.putIfAbsent(c.key(), c);
    allocated.merge(c.key(), pages, Integer::sum);
    allocatedAt.merge(at.index(), pages, Integer::sum);
  }

  /** Records that threads of {@code c} may fault in {@code pages} pages of a page set. */
  void fault(Context c, PageSet set, int pages) {
    contexts.putIfAbsent(c.key(), c);
    faulted.computeIfAbsent(c.key(), k -> new HashMap<>()).merge(set.key(), Math.min(pages, set.size()), Math::max);
  }

  /** Records a page-in node, where a fault by its owner starts its read path. */
  void pageIn(Context c, Node node) {
    pageIns.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(node);
  }

  /** Records that threads of {@code issuer} send requests through the layer of {@code receive}. */
  void issueThrough(Context receive, Context issuer) {
    contexts.putIfAbsent(receive.key(), receive);
    contexts.putIfAbsent(issuer.key(), issuer);
    issuers.computeIfAbsent(receive.key(), k -> new LinkedHashSet<>()).add(issuer.key());
  }

  /** The bound over every privileged context of the finished graph. */
  int total(DependencyGraph graph) {
    return contexts.values().stream().filter(Context::privileged).mapToInt(c -> bound(graph, c)).sum();
  }

  /** "pageout 3, fused 2": the privileged contexts with a non-zero bound. */
  String breakdown(DependencyGraph graph) {
    List<String> parts = new ArrayList<>();
    for (Context c : contexts.values()) {
      int bound = c.privileged() ? bound(graph, c) : 0;
      if (bound > 0) {
        parts.add(c.label() + " " + bound);
      }
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private int bound(DependencyGraph graph, Context c) {
    int perRequest = allocated.getOrDefault(c.key(), 0);
    return multiplicity(c) * perRequest + faults(c.key()) * (1 + readPath(graph, c));
  }

  private int multiplicity(Context c) {
    Set<String> from = issuers.get(c.key());
    if (from == null) {
      return c.threads();
    }
    return from.stream().mapToInt(k -> contexts.get(k).threads() + faults(k)).sum();
  }

  private int faults(String key) {
    return faulted.getOrDefault(key, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Pages allocated on the nodes a fault's read path runs in c's own thread (not handed to c's workers). */
  private int readPath(DependencyGraph graph, Context c) {
    Set<Integer> seen = new HashSet<>();
    Deque<Node> work = new ArrayDeque<>(pageIns.getOrDefault(c.key(), List.of()));
    work.forEach(n -> seen.add(n.index()));
    int pages = 0;
    while (!work.isEmpty()) {
      Node node = work.pop();
      pages += allocatedAt.getOrDefault(node.index(), 0);
      for (Edge e : graph.edgesFrom(node.index())) {
        Node to = e.to();
        boolean sameThread = to.owner().filter(o -> o.key().equals(c.key())).isPresent() && !to.key().equals(c.key());
        if (sameThread && seen.add(to.index())) {
          work.push(to);
        }
      }
    }
    return pages;
  }
}
