package dev.pagerlab.report;

import dev.pagerlab.checker.WaitEdge;
import dev.pagerlab.vmcore.spec.LayerSpec;
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
import java.util.stream.Collectors;

/**
 * The layer stack of one scenario as a graph: memory, the pageout thread, swap files, layers
 * top to bottom, their servers and kexts, regions and their pagers, the workloads, and the
 * wait-for cycle's edges between owners. Pure; both the DOT and the SVG writer draw it.
 */
final class StackGraph {

  /** What a node stands for; decides its colour. */
  enum Kind { MEMORY, KERNEL_THREAD, SWAP_FILE, LAYER, PROCESS, WORKLOAD, KEXT, REGION, OTHER }

  /** A node: a stable id, a title and one line of detail. */
  record Node(String id, String title, String detail, Kind kind) {}

  /** An edge; {@code cycle} edges belong to the wait-for cycle and are drawn red and bold. */
  record Edge(String from, String to, String label, boolean cycle) {}

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Edge> edges = new LinkedHashMap<>();

  private StackGraph() {}

  /** The nodes, in a stable order. */
  List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  /** The edges, structural first, then cycle edges, in a stable order. */
  List<Edge> edges() {
    return List.copyOf(edges.values());
  }

  /** Builds the picture of a scenario with its wait-for cycle (empty when there is none). */
  static StackGraph of(Scenario scenario, List<WaitEdge> cycle) {
    StackGraph g = new StackGraph();
    g.addMemoryAndPageout(scenario);
    g.addSwap(scenario);
    scenario.layers().forEach(l -> g.addLayer(scenario, l));
    scenario.extensions().forEach(k -> g.node("kext:" + k.name(), k.name(),
        "kext · wired " + k.wired() + " · pageable " + k.pageable(), Kind.KEXT));
    scenario.regions().forEach(g::addRegion);
    scenario.processes().forEach(p -> g.addProcess(scenario, p));
    g.addCycle(scenario, cycle);
    return g.pruned();
  }

  private void addMemoryAndPageout(Scenario s) {
    node("memory", "memory", s.memory().frames() + " frames · reserved " + s.memory().reserved()
        + " · target " + s.memory().target(), Kind.MEMORY);
    node("pageout", "pageout", "kernel thread", Kind.KERNEL_THREAD);
    edge("memory", "pageout", "reclaimed by");
  }

  private void addSwap(Scenario s) {
    Optional<String> top = s.swap().stack().stream().findFirst().map(id -> "layer:" + id);
    for (SwapFileSpec f : s.swap().files()) {
      node("file:" + f.name(), f.name(), "swap file · " + f.slots() + " slots"
          + (f.preallocated() ? " · preallocated" : ""), Kind.SWAP_FILE);
      edge("pageout", "file:" + f.name(), "writes");
      top.ifPresent(t -> edge("file:" + f.name(), t, "through"));
    }
    s.swap().dynamic().ifPresent(d -> {
      node("file:dynamic", "dynamic swap files", "up to " + d.maxFiles() + " × " + d.fileSlots()
          + " slots · high " + d.highWater() + " · low " + d.lowWater(), Kind.SWAP_FILE);
      edge("pageout", "file:dynamic", "writes");
      top.ifPresent(t -> edge("file:dynamic", t, "through"));
      edge("process:" + d.daemon(), "file:dynamic", "creates, drains");
    });
    if (s.swap().files().isEmpty() && s.swap().dynamic().isEmpty()) {
      top.ifPresent(t -> edge("pageout", t, "writes"));
    }
    List<String> stack = s.swap().stack();
    for (int i = 0; i + 1 < stack.size(); i++) {
      edge("layer:" + stack.get(i), "layer:" + stack.get(i + 1), "below");
    }
  }

  private void addLayer(Scenario s, LayerSpec l) {
    List<String> detail = new ArrayList<>(List.of(l.kind().word()));
    if (l.allocPerWrite() > 0) {
      detail.add(l.allocPerWrite() + " pages/write");
    }
    if (l.allocPerRequest() > 0) {
      detail.add(l.allocPerRequest() + " pages/request");
    }
    flag(detail, l.memalloc(), "memalloc");
    flag(detail, l.eio(), "EIO");
    flag(detail, l.timeout(), "timeout");
    node("layer:" + l.id(), l.id(), String.join(" · ", detail), Kind.LAYER);
    l.below().ifPresent(b -> edge("layer:" + l.id(), "layer:" + b, "below"));
    l.server().ifPresent(p -> edge("layer:" + l.id(), "process:" + p, "served by"));
    l.kext().ifPresent(k -> edge("layer:" + l.id(), "kext:" + k, "onIo"));
  }

  private static void flag(List<String> detail, boolean on, String word) {
    if (on) {
      detail.add(word);
    }
  }

  private void addRegion(RegionSpec r) {
    if (r.backing() == RegionSpec.Backing.PAGER) {
      node("region:" + r.name(), r.name(), "region · " + r.pages() + " pages", Kind.REGION);
      edge("region:" + r.name(), "process:" + r.pager(), "paged by");
    } else {
      node("region:" + r.name(), r.name(), r.backing().word() + " region · " + r.pages() + " pages"
          + (r.sparse() ? " · sparse file" : ""), Kind.REGION);
    }
  }

  private void addProcess(Scenario s, ProcessSpec p) {
    List<String> detail = new ArrayList<>();
    detail.add(p.threads() + (p.threads() == 1 ? " thread" : " threads"));
    detail.add(p.pages() + " pages");
    flag(detail, p.wired(), "wired");
    flag(detail, p.ioFlusher(), "io-flusher");
    boolean workload = !p.workload().isEmpty() && p.onRequest().isEmpty() && !serves(s, p.name());
    node("process:" + p.name(), p.name(), String.join(" · ", detail), workload ? Kind.WORKLOAD : Kind.PROCESS);
    if (p.workload().stream().anyMatch(st -> st instanceof Step.Alloc)) {
      edge("process:" + p.name(), "memory", "allocates");
    }
    p.pagesIn().ifPresent(r -> edge("process:" + p.name(), "region:" + r, "pages in"));
    List<Step> steps = new ArrayList<>(p.workload());
    steps.addAll(p.onRequest());
    steps.stream().filter(st -> st instanceof Step.TouchRegion).map(st -> ((Step.TouchRegion) st).region())
        .distinct().forEach(r -> edge("process:" + p.name(), "region:" + r, "touches"));
  }

  private static boolean serves(Scenario s, String process) {
    return s.layers().stream().anyMatch(l -> l.server().filter(process::equals).isPresent())
        || s.regions().stream().anyMatch(r -> r.pager().equals(process))
        || s.swap().dynamic().filter(d -> d.daemon().equals(process)).isPresent();
  }

  private void addCycle(Scenario s, List<WaitEdge> cycle) {
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    for (WaitEdge e : cycle) {
      String key = ownerNode(s, e.fromOwner()) + "\n" + ownerNode(s, e.toOwner());
      List<String> words = reasons.computeIfAbsent(key, k -> new ArrayList<>());
      if (!words.contains(e.reason().words())) {
        words.add(e.reason().words());
      }
    }
    reasons.forEach((key, words) -> {
      String[] ends = key.split("\n", 2);
      String label = "waits: " + words.stream().collect(Collectors.joining(", "));
      edges.put("cycle\n" + key, new Edge(ends[0], ends[1], label, true));
    });
  }

  /** The node id an owner names, adding a node for an owner the stack does not know. */
  private String ownerNode(Scenario s, String owner) {
    if (owner.equals("pageout")) {
      return "pageout";
    }
    for (String prefix : List.of("process:", "layer:", "kext:", "region:", "file:")) {
      if (nodes.containsKey(prefix + owner)) {
        return prefix + owner;
      }
    }
    String id = "owner:" + owner;
    node(id, owner, "thread owner", Kind.OTHER);
    return id;
  }

  private void node(String id, String title, String detail, Kind kind) {
    nodes.putIfAbsent(id, new Node(id, title, detail, kind));
  }

  private void edge(String from, String to, String label) {
    if (!from.equals(to)) {
      edges.putIfAbsent(from + "\n" + to, new Edge(from, to, label, false));
    }
  }

  /** Drops structural edges whose ends are missing (a spec naming an unknown process). */
  private StackGraph pruned() {
    edges.values().removeIf(e -> !nodes.containsKey(e.from()) || !nodes.containsKey(e.to()));
    return this;
  }
}
