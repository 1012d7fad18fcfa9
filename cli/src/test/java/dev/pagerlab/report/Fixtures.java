package dev.pagerlab.report;

import dev.pagerlab.checker.CheckResult;
import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.checker.Explored;
import dev.pagerlab.checker.Mitigation;
import dev.pagerlab.checker.MitigationSet;
import dev.pagerlab.checker.StaticChain;
import dev.pagerlab.checker.WaitEdge;
import dev.pagerlab.checker.Witness;
import dev.pagerlab.checker.WitnessStep;
import dev.pagerlab.vmcore.BlockReason;
import dev.pagerlab.vmcore.spec.DynamicPagerSpec;
import dev.pagerlab.vmcore.spec.Expect;
import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.Os;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built check results: a deadlock with everything, a safe one, a bounded one that misses. */
final class Fixtures {
  static final String DEADLOCK = "swap-on-fuse-pageable-daemon";
  static final String SAFE = "swap-on-fuse-wired-ioflusher";
  static final String BOUNDED = "umap-recursive-pager";

  private Fixtures() {}

  /** The three results, with this wall time in every explored.millis. */
  static List<CheckResult> results(long millis) {
    return List.of(deadlock(millis), safe(millis), bounded(millis));
  }

  /** The YAML text of each scenario, as the CLI would pass it. */
  static final Map<String, String> YAML = Map.of(
      DEADLOCK, "name: " + DEADLOCK + "\nos: xnu\nmemory: { frames: 24, reserved: 2, target: 6 }\nexpect: deadlock\n",
      SAFE, "name: " + SAFE + "\nos: linux\n# a <comment> & more\nexpect: safe\n");

  static CheckResult deadlock(long millis) {
    Scenario s = new Scenario(DEADLOCK,
        "Anonymous memory swaps to a file on a FUSE filesystem whose daemon is ordinary, pageable"
            + " userland. Reclaim can evict the daemon's own pages <while> it serves a write & waits.",
        Os.XNU, "https://github.com/osxfuse/osxfuse/issues/139",
        new MemorySpec(24, 2, 6),
        new SwapSpec(List.of(new SwapFileSpec("swap0", 32, true)), List.of("fuse0"),
            Optional.of(new DynamicPagerSpec("dynamic_pager", 0.75, 0.25, 32, 4))),
        List.of(layer("fuse0", LayerKind.FUSE, "fused", "fusekext", "disk0"),
            layer("disk0", LayerKind.BLOCK, null, null, null)),
        List.of(process("fused", 4, List.of(), List.of(new Step.Touch(2), new Step.Alloc(1))),
            process("hog", 0, List.of(new Step.Alloc(30)), List.of()),
            process("dynamic_pager", 2, List.of(), List.of(new Step.Alloc(1)))),
        List.of(),
        List.of(new KextSpec("fusekext", 2, 2, List.of(new Step.TouchPageable(1)))),
        Optional.of(Expect.DEADLOCK), List.of("low-memory", "paging-recursion", "userland-dependency"));
    Witness w = new Witness(List.of(
        step(1, "hog#0", "allocate 14 pages", "free 16 -> 2", "hog resident 0 -> 14"),
        step(2, "pageout", "evict fused page 0 | dirty, to swap0 slot 0", "fused page 0 resident -> in flight"),
        step(3, "fused#0", "take write request 1 (fused page 0)", "fuse0 queue 1 -> 0"),
        step(4, "fused#0", "touch page 0", "fused#0 waits on page 0 in flight"),
        step(5, "hog#0", "allocate 1 page", "hog#0 blocked on frame"),
        step(6, "dynamic_pager#0", "idle", new String[0])),
        4, List.of("pageout", "fused#0", "hog#0", "dynamic_pager#0"),
        List.of("pageout: waits for fused#0 to finish write of fused page 0",
            "fused#0: waits for fused page 0 (in flight)", "hog#0: waits for a frame (free=2 <= reserved=2)"));
    List<WaitEdge> cycle = List.of(
        new WaitEdge("pageout", "pageout", "fused#0", "fused", BlockReason.IO_COMPLETION,
            "the write of fused page 0 through fuse0 is served by fused#0"),
        new WaitEdge("fused#0", "fused", "pageout", "pageout", BlockReason.PAGE_IN_FLIGHT,
            "fused page 0 is being written by pageout"));
    List<StaticChain> chains = List.of(
        new StaticChain(List.of("pageout", "fuse0", "fused", "pageout"),
            List.of(DeadlockClass.PAGING_RECURSION, DeadlockClass.USERLAND_DEPENDENCY), true,
            "Chain exists of: pageout --> fuse0 (writes through) --> fused (served by) --> pageout (pages evicted by)"),
        new StaticChain(List.of("pageout", "fusekext", "pageout"), List.of(DeadlockClass.PAGING_RECURSION), false,
            "Chain exists of: pageout --> fusekext (onIo touches pageable) --> pageout"));
    List<MitigationSet> mitigations = List.of(
        new MitigationSet(List.of(new Mitigation("wire-daemon", "fused", "mlockall the FUSE daemon fused"),
            new Mitigation("io-flusher", "fused", "mark fused PR_SET_IO_FLUSHER")), "safe", 4211),
        new MitigationSet(List.of(new Mitigation("larger-reserve", "memory", "raise the reserve to 6 frames")),
            "safe", 5120));
    return new CheckResult(s, "deadlock",
        List.of(DeadlockClass.LOW_MEMORY, DeadlockClass.PAGING_RECURSION, DeadlockClass.USERLAND_DEPENDENCY),
        true, w, cycle, new Explored(18234, 61022, 23, "none", millis, List.of("symmetry", "partial-order")),
        chains, mitigations, List.of("step 4: fused#0 faults on fused page 0 while it is in flight"), 42L);
  }

  static CheckResult safe(long millis) {
    Scenario s = new Scenario(SAFE, "The same stack with the daemon wired and an I/O flusher: reclaim never"
        + " needs it to fault.", Os.LINUX, "https://lwn.net/Articles/804131/", new MemorySpec(24, 2, 6),
        new SwapSpec(List.of(new SwapFileSpec("swap0", 32, true)), List.of("fuse0"), Optional.empty()),
        List.of(layer("fuse0", LayerKind.FUSE, "fused", null, "disk0"), layer("disk0", LayerKind.BLOCK, null, null, null)),
        List.of(new ProcessSpec("fused", 4, 1, true, true, Optional.empty(), List.of(), List.of(new Step.Alloc(1))),
            process("hog", 0, List.of(new Step.Alloc(30)), List.of())),
        List.of(), List.of(), Optional.of(Expect.SAFE), List.of());
    return new CheckResult(s, "safe", List.of(), true, Witness.none(), List.of(),
        new Explored(9120, 30111, 31, "none", millis, List.of("symmetry")), List.of(), List.of(), List.of(), 42L);
  }

  static CheckResult bounded(long millis) {
    Scenario s = new Scenario(BOUNDED, "A umap region whose pager's own pages live in a second region; "
        + "exploration stops at the depth bound.", Os.FREEBSD, "", new MemorySpec(16, 1, 4),
        new SwapSpec(List.of(), List.of("nfs0"), Optional.empty()),
        List.of(new LayerSpec("nfs0", LayerKind.NETWORK, Optional.empty(), Optional.empty(), Optional.empty(),
            0, 2, true, false, true)),
        List.of(new ProcessSpec("umapd", 2, 2, false, false, Optional.of("inner"), List.of(),
                List.of(new Step.Touch(1), new Step.Lock("umap_lock"), new Step.Unlock("umap_lock"))),
            process("innerd", 2, List.of(), List.of(new Step.Touch(1))),
            process("app", 0, List.of(new Step.TouchRegion("mapped", 4)), List.of())),
        List.of(new RegionSpec("mapped", 8, "umapd"), new RegionSpec("inner", 4, "innerd")),
        List.of(), Optional.of(Expect.SAFE), List.of());
    return new CheckResult(s, "safe-up-to-bound", List.of(), false, Witness.none(), List.of(),
        new Explored(250000, 900000, 40, "states 250000", millis, List.of()), List.of(), List.of(), List.of(), 7L);
  }

  private static LayerSpec layer(String id, LayerKind kind, String server, String kext, String below) {
    return new LayerSpec(id, kind, Optional.ofNullable(server), Optional.ofNullable(kext), Optional.ofNullable(below),
        0, 0, false, false, false);
  }

  private static ProcessSpec process(String name, int pages, List<Step> workload, List<Step> onRequest) {
    return new ProcessSpec(name, pages, 1, false, false, Optional.empty(), workload, onRequest);
  }

  private static WitnessStep step(int index, String thread, String text, String... changes) {
    return new WitnessStep(index, thread, text, List.of(changes));
  }
}
