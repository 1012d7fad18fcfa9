package dev.pagerlab.checker;

import dev.pagerlab.checker.explore.Bounds;
import dev.pagerlab.checker.property.ScenarioEdit;
import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Tries the known mitigations alone and in pairs and keeps the smallest sets whose scenario the
 * explorer finds safe: wire a daemon, make it an I/O flusher, preallocate a swap file, memalloc
 * sockets, a larger reserve, a kext's pageable memory made wired, a second server thread.
 */
public final class MitigationSearch {
  private MitigationSearch() {}

  /** One candidate change: what it says and how it rewrites the scenario. */
  record Candidate(Mitigation mitigation, UnaryOperator<Scenario> apply) {}

  /** The smallest verified mitigation sets for a deadlocking scenario (singletons first, then pairs). */
  public static List<MitigationSet> search(Scenario scenario, CheckOptions options) {
    List<Candidate> all = candidates(scenario);
    CheckOptions quick = options.withMitigations(false).withBounds(new Bounds(
        Math.min(options.bounds().maxStates(), 500_000), options.bounds().maxDepth(),
        Math.min(options.bounds().maxMillis(), 5_000)));
    List<MitigationSet> found = new ArrayList<>();
    Set<Integer> safeAlone = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      Scenario s = all.get(i).apply().apply(scenario);
      Verified v = verify(s, quick);
      if (v.safe()) {
        safeAlone.add(i);
        found.add(new MitigationSet(List.of(all.get(i).mitigation()), v.verdict(), v.states()));
      }
    }
    if (!found.isEmpty()) {
      return found;
    }
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        Scenario s = all.get(j).apply().apply(all.get(i).apply().apply(scenario));
        Verified v = verify(s, quick);
        if (v.safe()) {
          found.add(new MitigationSet(List.of(all.get(i).mitigation(), all.get(j).mitigation()), v.verdict(), v.states()));
        }
      }
    }
    return found;
  }

  record Verified(boolean safe, String verdict, long states) {}

  static Verified verify(Scenario s, CheckOptions options) {
    try {
      dev.pagerlab.vmcore.VmModel model = dev.pagerlab.vmcore.VmModel.of(s);
      var ex = new dev.pagerlab.checker.explore.BreadthFirstExplorer(options.bounds(), options.progress()).explore(model);
      String verdict = Checker.verdictOf(ex);
      return new Verified(verdict.equals("safe"), verdict, ex.states());
    } catch (IllegalArgumentException e) {
      return new Verified(false, "invalid", 0);
    }
  }

  /** Every mitigation that applies to this scenario and changes something. */
  static List<Candidate> candidates(Scenario s) {
    List<Candidate> out = new ArrayList<>();
    Set<String> servers = new java.util.TreeSet<>();
    s.layers().forEach(l -> l.server().ifPresent(servers::add));
    s.regions().stream().filter(r -> r.backing() == dev.pagerlab.vmcore.spec.RegionSpec.Backing.PAGER)
        .forEach(r -> servers.add(r.pager()));
    s.swap().dynamic().ifPresent(d -> servers.add(d.daemon()));
    for (String p : servers) {
      ProcessSpec ps = s.process(p).orElseThrow();
      if (!ps.wired()) {
        out.add(new Candidate(new Mitigation("wire-daemon", p, "mlockall " + p + " so its pages never leave memory"),
            sc -> withProcess(sc, p, q -> new ProcessSpec(q.name(), q.pages(), q.threads(), true, q.ioFlusher(),
                q.pagesIn(), q.workload(), q.onRequest()))));
      }
      if (!ps.ioFlusher()) {
        out.add(new Candidate(new Mitigation("io-flusher", p, "mark " + p + " an I/O flusher so its allocations may use the reserve"),
            sc -> withProcess(sc, p, q -> new ProcessSpec(q.name(), q.pages(), q.threads(), q.wired(), true,
                q.pagesIn(), q.workload(), q.onRequest()))));
      }
      out.add(new Candidate(new Mitigation("second-thread", p, "give " + p + " one more thread (" + (ps.threads() + 1) + ")"),
          sc -> withProcess(sc, p, q -> new ProcessSpec(q.name(), q.pages(), q.threads() + 1, q.wired(), q.ioFlusher(),
              q.pagesIn(), q.workload(), q.onRequest()))));
    }
    for (ProcessSpec ps : s.processes()) {
      boolean locksAroundAlloc = ps.workload().stream().anyMatch(st -> st instanceof dev.pagerlab.vmcore.spec.Step.Lock)
          && ps.workload().stream().anyMatch(st -> st instanceof dev.pagerlab.vmcore.spec.Step.Alloc);
      if (!servers.contains(ps.name()) && !ps.ioFlusher() && locksAroundAlloc) {
        String p = ps.name();
        out.add(new Candidate(new Mitigation("io-flusher", p, "give " + p + " a no-reclaim scope (memalloc_nofs_save,"
            + " PF_MEMALLOC) around the allocation it makes while holding a lock"),
            sc -> withProcess(sc, p, q -> new ProcessSpec(q.name(), q.pages(), q.threads(), q.wired(), true,
                q.pagesIn(), q.workload(), q.onRequest()))));
      }
    }
    for (SwapFileSpec f : s.swap().files()) {
      if (!f.preallocated()) {
        out.add(new Candidate(new Mitigation("preallocate", f.name(), "preallocate swap file " + f.name()),
            sc -> ScenarioEdit.swap(sc, new SwapSpec(sc.swap().files().stream().map(g -> g.name().equals(f.name())
                ? new SwapFileSpec(g.name(), g.slots(), true) : g).toList(), sc.swap().stack(), sc.swap().dynamic()))));
      }
    }
    for (LayerSpec l : s.layers()) {
      if (l.kind() == LayerKind.NETWORK && l.allocPerRequest() > 0 && !l.memalloc()) {
        out.add(new Candidate(new Mitigation("memalloc", l.id(), "use memalloc sockets on " + l.id()
            + " so its receive path may use the reserve"),
            sc -> ScenarioEdit.layers(sc, sc.layers().stream().map(x -> x.id().equals(l.id()) ? new LayerSpec(x.id(), x.kind(),
                x.server(), x.kext(), x.below(), x.allocPerWrite(), x.allocPerRequest(), true, x.eio(), x.timeout())
                : x).toList())));
      }
    }
    for (KextSpec k : s.extensions()) {
      if (k.pageable() > 0) {
        out.add(new Candidate(new Mitigation("wire-kext", k.name(), "allocate " + k.name()
            + "'s pageable memory with IOMalloc (wired) instead of IOMallocPageable"),
            sc -> ScenarioEdit.extensions(sc, sc.extensions().stream().map(x -> x.name().equals(k.name())
                ? new KextSpec(x.name(), x.wired() + x.pageable(), 0, x.onIo().stream()
                    .filter(st -> !(st instanceof dev.pagerlab.vmcore.spec.Step.TouchPageable)).toList()) : x).toList())));
      }
    }
    MemorySpec m = s.memory();
    int extra = Math.max(2, m.reserved());
    if (m.target() + extra <= m.frames()) {
      out.add(new Candidate(new Mitigation("larger-reserve", "memory", "raise the reserve from " + m.reserved() + " to "
          + (m.reserved() + extra) + " frames (target " + (m.target() + extra) + ")"),
          sc -> ScenarioEdit.memory(sc, new MemorySpec(m.frames(), m.reserved() + extra, m.target() + extra))));
    }
    return out;
  }

  static Scenario withProcess(Scenario s, String name, UnaryOperator<ProcessSpec> f) {
    return ScenarioEdit.processes(s, ScenarioEdit.mapAll(s.processes(), p -> p.name().equals(name) ? f.apply(p) : p));
  }
}
