package dev.pagerlab.checker.layering;

import dev.pagerlab.vmcore.spec.DynamicPagerSpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the dependency graph of one scenario (docs/LAYERING.md): the pageout thread's writes,
 * the dynamic pager, region data returns and every workload, followed through the layers in the
 * context that runs them. Nodes are expanded once, when first reached. Pure; single use.
 */
final class GraphBuilder {
  static final String ORDINARY = "alloc:ordinary";
  static final String PRIVILEGED = "alloc:privileged-at-zero";
  private static final Logger LOG = LoggerFactory.getLogger(GraphBuilder.class);

  private final Scenario scenario;
  private final DependencyGraph graph = new DependencyGraph();
  private final PrivilegedDemand demand = new PrivilegedDemand();
  private final StepRunner steps = new StepRunner(this);
  private final PathWalker paths = new PathWalker(this);
  private final Set<String> servers;
  private final Map<String, List<Node>> pageIns = new LinkedHashMap<>();
  private Node pageout;

  private GraphBuilder(Scenario scenario) {
    this.scenario = scenario;
    this.servers = Servers.of(scenario);
  }

  /** The dependency graph of a scenario; pure. */
  static DependencyGraph build(Scenario scenario) {
    return new GraphBuilder(scenario).run();
  }

  private DependencyGraph run() {
    pageout = contextNode(Context.pageout());
    swapWrites();
    dynamicPager();
    regionReturns();
    workloads();
    crossPageIns();
    reserve();
    return graph;
  }

  // ---- nodes used by StepRunner ----

  Scenario scenario() {
    return scenario;
  }

  DependencyGraph graph() {
    return graph;
  }

  PrivilegedDemand demand() {
    return demand;
  }

  /** The node of a context's own threads. */
  Node contextNode(Context c) {
    return node(c.key(), c.key(), Optional.of(c), n -> { });
  }

  /** The frame wait of an allocation with this context's class. */
  Node allocNode(Context c) {
    return c.privileged()
        ? node(PRIVILEGED, PRIVILEGED, Optional.empty(), n -> { })
        : node(ORDINARY, ORDINARY, Optional.empty(), n -> graph.edge(n, reclaim(), EdgeKind.FRAME,
            "an ordinary allocation waits for reclaim while free <= reserved ("
                + scenario.memory().reserved() + ")"));
  }

  /** The wait for a named lock. */
  Node lockNode(String name) {
    return node("lock:" + name, "lock:" + name, Optional.empty(), n -> { });
  }

  /** A thread of {@code c} while it holds the lock. */
  Node holder(String lock, Context c) {
    return node("holder:" + lock + "@" + c.key(), c.key() + "[holds " + lock + "]", Optional.of(c), n -> { });
  }

  /** A thread of {@code c} paging in pages of the set (fault, read, or wait for a page in flight). */
  Node pageIn(PageSet set, Context c) {
    String label = set.label() + (c.key().equals(set.home()) ? "" : "@" + c.label());
    return node(set.key() + "/pagein@" + c.key(), label, Optional.of(c), n -> expandPageIn(n, set, c));
  }

  /** The worker threads of a process, running its onRequest for every request. */
  Optional<Node> workers(String process) {
    return scenario.process(process).map(p -> {
      Context c = Context.workers(p);
      return node(c.key(), c.key(), Optional.of(c), n -> expandWorkers(n, p, c));
    });
  }

  /** Enters a layer in a context, with an edge from {@code from}. */
  void enter(Node from, String layerId, Context c, boolean allocWrite, String reason) {
    paths.layer(layerId, c, allocWrite).ifPresent(to -> graph.edge(from, to, EdgeKind.WAIT, reason));
  }

  StepRunner steps() {
    return steps;
  }

  /** The node with this key, created and expanded by {@code expand} the first time. */
  Node node(String key, String label, Optional<Context> owner, Consumer<Node> expand) {
    Optional<Node> found = graph.find(key);
    if (found.isPresent()) {
      return found.get();
    }
    boolean userland = owner.flatMap(Context::process).filter(servers::contains).isPresent();
    Node node = graph.add(key, label, owner, userland);
    expand.accept(node);
    return node;
  }

  private Node reclaim() {
    return node("reclaim", "reclaim", Optional.empty(), n -> graph.edge(n, pageout, EdgeKind.FRAME,
        "reclaim needs pageout: only the pageout thread frees frames"));
  }

  // ---- the pageout thread ----

  private void swapWrites() {
    List<SwapFileSpec> files = scenario.swap().files();
    swapNode(names(files, true), false);
    swapNode(names(files, false), true);
    boolean anyPreallocated = files.stream().anyMatch(SwapFileSpec::preallocated);
    if (canCreateFiles() && !anyPreallocated) {
      swapNode("the files " + scenario.swap().dynamic().get().daemon() + " creates", false);
    }
  }

  private static String names(List<SwapFileSpec> files, boolean preallocated) {
    return files.stream().filter(f -> f.preallocated() == preallocated).map(SwapFileSpec::name)
        .collect(Collectors.joining("+"));
  }

  private void swapNode(String names, boolean allocWrite) {
    if (names.isEmpty()) {
      return;
    }
    String key = names.startsWith("the files ") ? "swap:dynamic" : "swap:" + names;
    Node swap = node(key, key, Optional.of(Context.pageout()), n -> { });
    graph.edge(pageout, swap, EdgeKind.WAIT, "pageout writes dirty pages to " + names);
    top().ifPresent(top -> enter(swap, top, Context.pageout(), allocWrite,
        names + "'s stack runs " + top + (allocWrite ? "; " + names + " is not preallocated, so writes allocate" : "")));
  }

  private Optional<String> top() {
    return scenario.swap().stack().stream().findFirst();
  }

  private boolean canCreateFiles() {
    return scenario.swap().dynamic().filter(d -> d.maxFiles() > scenario.swap().files().size()).isPresent();
  }

  private void dynamicPager() {
    if (!canCreateFiles() && !drains()) {
      return;
    }
    DynamicPagerSpec d = scenario.swap().dynamic().get();
    workers(d.daemon()).ifPresent(w -> graph.edge(pageout, w, EdgeKind.WAIT,
        "with every swap slot in use pageout waits for a free slot, which only " + d.daemon()
            + "'s thread adds (a new file, up to " + d.maxFiles() + " files)"));
  }

  /** Whether the dynamic pager may drain a file: a low-water mark and room for two files. */
  private boolean drains() {
    return scenario.swap().dynamic()
        .filter(d -> d.lowWater() > 0 && Math.max(d.maxFiles(), scenario.swap().files().size()) > 1).isPresent();
  }

  private void regionReturns() {
    for (RegionSpec r : scenario.regions()) {
      if (r.backing() == RegionSpec.Backing.VNODE && dirtied(r)) {
        swapNode(r.name() + "-file", r.sparse());
      } else if (r.backing() == RegionSpec.Backing.PAGER && dirtied(r)) {
        graph.edge(pageout, regionNode(r), EdgeKind.WAIT,
            "pageout evicts dirty pages of " + r.name() + " with a data return to " + r.pager());
      }
    }
  }

  private boolean dirtied(RegionSpec r) {
    boolean residents = scenario.processes().stream()
        .anyMatch(p -> !p.wired() && p.pages() > 0 && p.pagesIn().filter(r.name()::equals).isPresent());
    return residents || allSteps().anyMatch(s -> s instanceof Step.TouchRegion t && t.region().equals(r.name()));
  }

  private Stream<Step> allSteps() {
    Stream<Step> processes = scenario.processes().stream()
        .flatMap(p -> Stream.concat(p.workload().stream(), p.onRequest().stream()));
    return Stream.concat(processes, scenario.extensions().stream().flatMap(k -> k.onIo().stream()));
  }

  private void workloads() {
    for (ProcessSpec p : scenario.processes()) {
      if (!p.workload().isEmpty()) {
        Context c = Context.workload(p);
        steps.run(c, contextNode(c), p.workload(), p.name() + "'s workload", Optional.empty());
      }
    }
  }

  // ---- processes, regions and page-ins ----

  private void expandWorkers(Node n, ProcessSpec p, Context c) {
    steps.run(c, n, p.onRequest(), p.name() + "'s onRequest", Optional.empty());
    scenario.swap().dynamic().filter(d -> d.daemon().equals(p.name())).ifPresent(d -> createAndDrain(n, c, d));
  }

  private void createAndDrain(Node n, Context c, DynamicPagerSpec d) {
    Optional<String> top = top();
    top.ifPresent(t -> enter(n, t, c, true, d.daemon() + " creates the next swap file through " + t
        + ", a write into a not-preallocated file, " + c.inContext()));
    if (!drains()) {
      return;
    }
    graph.edge(n, n, EdgeKind.WAIT, "draining moves pages into the other files and may wait for a free slot there,"
        + " which only " + d.daemon() + " itself adds");
    steps.allocate(c, List.of(n), 1, "draining the newest file reads its pages back into frames " + c.inContext());
    boolean allocWrite = scenario.swap().files().stream().anyMatch(f -> !f.preallocated());
    top.ifPresent(t -> enter(n, t, c, false, "draining the newest file reads its pages through " + t));
    top.ifPresent(t -> enter(n, t, c, allocWrite, "draining writes the pages into the other files through " + t));
  }

  private Node regionNode(RegionSpec r) {
    return node("region:" + r.name(), "region:" + r.name(), Optional.empty(), n -> workers(r.pager())
        .ifPresent(w -> graph.edge(n, w, EdgeKind.WAIT, r.name() + "'s pager " + r.pager()
            + " serves its data requests and data returns (" + threads(w) + ")")));
  }

  private void expandPageIn(Node n, PageSet set, Context c) {
    pageIns.computeIfAbsent(set.key(), k -> new ArrayList<>()).add(n);
    demand.pageIn(c, n);
    graph.edge(n, allocNode(c), EdgeKind.FRAME, "faulting " + set.words() + " in allocates frames " + c.inContext());
    Optional<RegionSpec> region = set.region().flatMap(scenario::region);
    if (region.isPresent()) {
      graph.edge(n, regionNode(region.get()), EdgeKind.WAIT,
          "a fault on " + set.words() + " is a data request to " + region.get().name() + "'s pager " + region.get().pager());
    } else {
      top().ifPresent(t -> enter(n, t, c, false, "paging " + set.words() + " in reads swap back through " + t + " " + c.inContext()));
    }
    if (region.isEmpty() && drains()) {
      String daemon = scenario.swap().dynamic().get().daemon();
      workers(daemon).ifPresent(w -> graph.edge(n, w, EdgeKind.PAGE_IN_FLIGHT, "one of " + set.words()
          + " may be in flight, being moved by " + daemon + " draining a swap file; touching it waits for that move"));
    }
    String io = region.isPresent() ? "returned to " + region.get().pager() : "written to swap";
    graph.edge(n, pageout, EdgeKind.PAGE_IN_FLIGHT, "one of " + set.words() + " may be in flight, being " + io
        + " by pageout; touching it waits for that I/O");
  }

  private void crossPageIns() {
    for (List<Node> same : pageIns.values()) {
      for (Node a : same) {
        for (Node b : same) {
          if (a != b) {
            graph.edge(a, b, EdgeKind.PAGE_IN_FLIGHT, "the page may be in flight, being read in by "
                + b.owner().map(Context::label).orElse("another thread") + "; touching it waits for that read");
          }
        }
      }
    }
  }

  private void reserve() {
    Optional<Node> privileged = graph.find(PRIVILEGED);
    if (privileged.isEmpty()) {
      return;
    }
    int need = demand.total(graph);
    int reserved = scenario.memory().reserved();
    int freeAtStart = freeAtStart();
    int usable = Math.max(0, Math.min(reserved, freeAtStart));
    String numbers = "worst-case privileged demand " + need + " (" + demand.breakdown(graph) + ") vs usable reserve "
        + usable + " (reserved " + reserved + ", free at start " + freeAtStart + ")";
    if (need > usable) {
      graph.edge(privileged.get(), reclaim(), EdgeKind.FRAME,
          "a privileged allocation waits for reclaim at free = 0: " + numbers);
    } else {
      LOG.debug("{}: privileged allocations never wait: {}", scenario.name(), numbers);
    }
  }

  private int freeAtStart() {
    int processes = scenario.processes().stream().mapToInt(ProcessSpec::pages).sum();
    int kexts = scenario.extensions().stream().mapToInt(k -> k.wired() + k.pageable()).sum();
    return scenario.memory().frames() - processes - kexts;
  }

  /** "1 thread", "3 threads": how many workers a process node stands for. */
  static String threads(Node workers) {
    int n = workers.owner().map(Context::threads).orElse(1);
    return n == 1 ? "1 thread" : n + " threads";
  }
}
