package dev.pagerlab.checker.layering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An upper bound on the frames privileged threads can hold at once, to decide whether a
 * privileged allocation can ever find free = 0 (docs/LAYERING.md, "The reserve rule").
 *
 * <p>Per privileged context c with A(c) pages allocated along everything c runs (its steps and
 * the kernel layers it runs) and F(c) distinct pages it can fault in, the bound is the sum of
 * {@code mult(c) * A(c) + F(c) * (1 + A(c))}: every thread may hold one request's worth, and
 * each nested fault holds its frame plus at most one more request's worth. A receive path's
 * multiplicity is the number of threads and nested faults that can issue through its layer.
 */
final class PrivilegedDemand {
  private final Map<String, Context> contexts = new LinkedHashMap<>();
  private final Map<String, Integer> allocated = new HashMap<>();
  private final Map<String, Map<String, Integer>> faulted = new HashMap<>();
  private final Map<String, Set<String>> issuers = new HashMap<>();

  /** Records that a thread of {@code c} may allocate {@code pages} more pages. */
  void allocate(Context c, int pages) {
    contexts.putIfAbsent(c.key(), c);
    allocated.merge(c.key(), pages, Integer::sum);
  }

  /** Records that threads of {@code c} may fault in {@code pages} pages of a page set. */
  void fault(Context c, PageSet set, int pages) {
    contexts.putIfAbsent(c.key(), c);
    faulted.computeIfAbsent(c.key(), k -> new HashMap<>()).merge(set.key(), Math.min(pages, set.size()), Math::max);
  }

  /** Records that threads of {@code issuer} send requests through the layer of {@code receive}. */
  void issueThrough(Context receive, Context issuer) {
    contexts.putIfAbsent(receive.key(), receive);
    contexts.putIfAbsent(issuer.key(), issuer);
    issuers.computeIfAbsent(receive.key(), k -> new LinkedHashSet<>()).add(issuer.key());
  }

  /** The bound over every privileged context. */
  int total() {
    return contexts.values().stream().filter(Context::privileged).mapToInt(this::bound).sum();
  }

  /** "pageout 3, fused 2", the privileged contexts with a non-zero bound. */
  String breakdown() {
    List<String> parts = new ArrayList<>();
    for (Context c : contexts.values()) {
      if (c.privileged() && bound(c) > 0) {
        parts.add(c.label() + " " + bound(c));
      }
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private int bound(Context c) {
    int a = allocated.getOrDefault(c.key(), 0);
    int f = faults(c.key());
    return multiplicity(c) * a + f * (1 + a);
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
}
