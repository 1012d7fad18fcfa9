package dev.pagerlab.checker.layering;

import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a step list (workload, onRequest, onIo) run by one context into edges: allocations to
 * the frame wait of the context's class, touches to page-ins, locks to lock waits. A step taken
 * while locks are held also gets an edge from each holder node, so a lock held across an
 * allocation or a page-in shows up in chains.
 */
final class StepRunner {
  private final GraphBuilder builder;

  StepRunner(GraphBuilder builder) {
    this.builder = builder;
  }

  /** Adds the edges of {@code steps}, run by {@code c} from {@code source}; {@code kext} runs onIo. */
  void run(Context c, Node source, List<Step> steps, String what, Optional<KextSpec> kext) {
    Set<String> held = new LinkedHashSet<>();
    for (Step step : steps) {
      List<Node> sources = sources(c, source, held);
      if (step instanceof Step.Alloc a && a.pages() > 0) {
        allocate(c, sources, a.pages(), c.label() + " allocates " + pages(a.pages()) + " with "
            + c.allocClass() + " class (" + what + ")");
      } else if (step instanceof Step.Touch t) {
        touchOwn(c, sources, t.pages(), what);
      } else if (step instanceof Step.TouchPageable t && kext.isPresent()) {
        touch(c, sources, PageSet.of(kext.get()), t.pages(), kext.get().name() + "'s onIo touches "
            + pages(t.pages()) + " of its pageable pages, pageable kernel memory in the same swap");
      } else if (step instanceof Step.TouchRegion t) {
        touchRegion(c, sources, t, what);
      } else if (step instanceof Step.Lock l) {
        lock(c, sources, held, l.name(), what);
      } else if (step instanceof Step.Unlock u) {
        held.remove(u.name());
      }
    }
  }

  /** Edges from every source to the frame wait of {@code c}'s class; counts privileged demand. */
  void allocate(Context c, List<Node> sources, int pages, String reason) {
    builder.demand().allocate(c, sources.get(0), pages);
    edges(sources, builder.allocNode(c), EdgeKind.FRAME, reason);
  }

  /** "1 page", "3 pages". */
  static String pages(int n) {
    return n == 1 ? "1 page" : n + " pages";
  }

  private List<Node> sources(Context c, Node source, Set<String> held) {
    List<Node> sources = new ArrayList<>();
    sources.add(source);
    held.forEach(lock -> sources.add(builder.holder(lock, c)));
    return sources;
  }

  private void touchOwn(Context c, List<Node> sources, int n, String what) {
    Optional<ProcessSpec> p = c.process().flatMap(builder.scenario()::process);
    if (p.isEmpty() || p.get().wired()) {
      return;
    }
    String home = p.get().pagesIn().map(r -> "live in region " + r).orElse("live in swap");
    touch(c, sources, PageSet.of(p.get()), n, c.label() + " touches " + pages(n) + " of its own ("
        + what + "); they are pageable and " + home);
  }

  private void touchRegion(Context c, List<Node> sources, Step.TouchRegion t, String what) {
    Optional<RegionSpec> r = builder.scenario().region(t.region());
    r.ifPresent(region -> touch(c, sources, PageSet.of(region), t.pages(), c.label() + " touches and dirties "
        + pages(t.pages()) + " of region " + region.name() + " (" + what + "), paged by "
        + (region.backing() == RegionSpec.Backing.PAGER ? region.pager() : "the " + region.backing().word() + " pager")));
  }

  private void touch(Context c, List<Node> sources, PageSet set, int n, String reason) {
    if (n <= 0 || set.size() <= 0) {
      return;
    }
    builder.demand().fault(c, set, n);
    edges(sources, builder.pageIn(set, c), EdgeKind.PAGE_IN, reason);
  }

  private void lock(Context c, List<Node> sources, Set<String> held, String name, String what) {
    Node lock = builder.lockNode(name);
    edges(sources, lock, EdgeKind.LOCK, c.label() + " takes " + name + " (" + what + ")");
    builder.graph().edge(lock, builder.holder(name, c), EdgeKind.LOCK,
        name + " may be held by " + c.label() + " (" + what + ")");
    held.add(name);
  }

  private void edges(List<Node> sources, Node to, EdgeKind kind, String reason) {
    Node first = sources.get(0);
    builder.graph().edge(first, to, kind, reason);
    for (Node holder : sources.subList(1, sources.size())) {
      builder.graph().edge(holder, to, kind, "holding the lock, " + reason);
    }
  }
}
