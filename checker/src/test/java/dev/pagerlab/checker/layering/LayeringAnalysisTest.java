package dev.pagerlab.checker.layering;

import static dev.pagerlab.checker.DeadlockClass.LOCK_ORDER;
import static dev.pagerlab.checker.DeadlockClass.LOW_MEMORY;
import static dev.pagerlab.checker.DeadlockClass.PAGING_RECURSION;
import static dev.pagerlab.checker.DeadlockClass.USERLAND_DEPENDENCY;
import static dev.pagerlab.checker.layering.TestScenario.alloc;
import static dev.pagerlab.checker.layering.TestScenario.lock;
import static dev.pagerlab.checker.layering.TestScenario.proc;
import static dev.pagerlab.checker.layering.TestScenario.touch;
import static dev.pagerlab.checker.layering.TestScenario.touchPageable;
import static dev.pagerlab.checker.layering.TestScenario.touchRegion;
import static dev.pagerlab.checker.layering.TestScenario.unlock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.checker.StaticChain;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LayeringAnalysisTest {

  // ---- the three examples ----

  @Test
  void analyze_fuseWithPageableDaemon_givesTheExamplesThreeClasses() {
    Scenario s = Examples.fuse(false, false, 2, 1);
    List<StaticChain> chains = LayeringAnalysis.analyze(s);
    assertEquals(EnumSet.of(LOW_MEMORY, PAGING_RECURSION, USERLAND_DEPENDENCY), union(chains));
    StaticChain alloc = chain(chains, "pageout --> swap:swap0 --> layer:fuse0 --> proc:fused --> alloc:ordinary --> reclaim --> pageout");
    assertEquals(List.of(LOW_MEMORY, USERLAND_DEPENDENCY), alloc.classes());
    StaticChain pageIn = chain(chains, "proc:fused --> proc:fused/pagein --> layer:fuse0@fused --> proc:fused");
    assertEquals(List.of(USERLAND_DEPENDENCY, PAGING_RECURSION), pageIn.classes());
    chain(chains, "pageout --> swap:swap0 --> layer:fuse0 --> proc:fused --> proc:fused/pagein --> pageout");
    assertTrue(chains.stream().noneMatch(StaticChain::reachable));
  }

  @Test
  void analyze_fileSwapNotPreallocated_givesOnlyLowMemory() {
    List<StaticChain> chains = LayeringAnalysis.analyze(Examples.fileSwap(false, 3));
    assertEquals(EnumSet.of(LOW_MEMORY), union(chains));
    StaticChain chain = chain(chains,
        "pageout --> swap:swapfile --> layer:ufs0[alloc-write] --> alloc:privileged-at-zero --> reclaim --> pageout");
    assertTrue(chain.text().contains("worst-case privileged demand 3"), chain.text());
  }

  @Test
  void analyze_fuseWithWiredIoFlusherDaemon_givesNoChain() {
    Scenario s = Examples.fuse(true, true, 2, 1);
    assertEquals(List.of(), LayeringAnalysis.analyze(s));
    assertEquals(Set.of(), LayeringAnalysis.potentialClasses(s));
  }

  // ---- the two rules ----

  @Test
  void analyze_daemonWiredOnly_keepsTheAllocationChainAndDropsThePageIn() {
    List<StaticChain> chains = LayeringAnalysis.analyze(Examples.fuse(true, false, 2, 1));
    chain(chains, "pageout --> swap:swap0 --> layer:fuse0 --> proc:fused --> alloc:ordinary --> reclaim --> pageout");
    assertTrue(labels(chains).stream().noneMatch(l -> l.contains("pagein")), labels(chains).toString());
    assertEquals(EnumSet.of(LOW_MEMORY, USERLAND_DEPENDENCY), union(chains));
  }

  @Test
  void analyze_daemonIoFlusherOnly_keepsThePageInChainAndDropsTheOrdinaryAllocation() {
    List<StaticChain> chains = LayeringAnalysis.analyze(Examples.fuse(false, true, 2, 1));
    chain(chains, "proc:fused --> proc:fused/pagein --> layer:fuse0@fused --> proc:fused");
    assertFalse(labels(chains).contains("alloc:ordinary"), labels(chains).toString());
  }

  @Test
  void analyze_ioFlusherWhoseDemandFitsTheReserve_hasNoLowMemoryChain() {
    // fused: 1 page per request plus 2 faulted pages (its read path allocates nothing in its context).
    List<StaticChain> fits = LayeringAnalysis.analyze(Examples.fuse(false, true, 3, 1));
    assertFalse(union(fits).contains(LOW_MEMORY), union(fits).toString());
    assertTrue(union(fits).contains(PAGING_RECURSION));
    List<StaticChain> exceeds = LayeringAnalysis.analyze(Examples.fuse(false, true, 2, 1));
    StaticChain chain = chain(exceeds,
        "pageout --> swap:swap0 --> layer:fuse0 --> proc:fused --> alloc:privileged-at-zero --> reclaim --> pageout");
    assertTrue(chain.text().contains("worst-case privileged demand 3 (fused 3) vs usable reserve 2"), chain.text());
  }

  // ---- filesystem, reserve condition ----

  @Test
  void analyze_preallocatedSwapFile_removesTheFilesystemChain() {
    assertEquals(List.of(), LayeringAnalysis.analyze(Examples.fileSwap(true, 3)));
  }

  @Test
  void analyze_filesystemAllocationWithinTheReserve_isSafeAndOneMoreIsNot() {
    assertEquals(List.of(), LayeringAnalysis.analyze(Examples.fileSwap(false, 2)));
    assertEquals(EnumSet.of(LOW_MEMORY), union(LayeringAnalysis.analyze(Examples.fileSwap(false, 3))));
  }

  @Test
  void analyze_reserveAlreadyTakenAtStart_countsOnlyTheFreeFrames() {
    Scenario s = TestScenario.named("full").memory(20, 4, 6)
        .file("swapfile", 32, false).stack("ufs0").filesystem("ufs0", 2, "disk0").block("disk0")
        .process(proc("big").pages(19)).build();
    StaticChain chain = chain(LayeringAnalysis.analyze(s),
        "pageout --> swap:swapfile --> layer:ufs0[alloc-write] --> alloc:privileged-at-zero --> reclaim --> pageout");
    assertTrue(chain.text().contains("usable reserve 1 (reserved 4, free at start 1)"), chain.text());
  }

  @Test
  void analyze_daemonWritesIntoAFilesystemBelow_allocatesInTheDaemonsContext() {
    Scenario s = TestScenario.named("diskimage").file("swap0", 32, false).stack("img0")
        .diskimage("img0", "helper", "ufs0").filesystem("ufs0", 1, "disk0").block("disk0")
        .process(proc("helper").pages(2).wired()).build();
    chain(LayeringAnalysis.analyze(s),
        "pageout --> swap:swap0 --> layer:img0[alloc-write] --> proc:helper --> layer:ufs0@helper[alloc-write] --> alloc:ordinary --> reclaim --> pageout");
  }

  @Test
  void analyze_stackListingSeveralLayers_followsTheStackOrder() {
    Scenario s = TestScenario.named("listed").file("swapfile", 32, false).stack("fuse0", "ufs0", "disk0")
        .fuse("fuse0", "fused", null, null).filesystem("ufs0", 1, null).block("disk0")
        .process(proc("fused").pages(2).wired().onRequest()).build();
    chain(LayeringAnalysis.analyze(s), "pageout --> swap:swapfile --> layer:fuse0[alloc-write] --> proc:fused"
        + " --> layer:ufs0@fused[alloc-write] --> alloc:ordinary --> reclaim --> pageout");
  }

  // ---- network ----

  @Test
  void analyze_networkReceiveWithoutMemalloc_isALowMemoryChain() {
    StaticChain chain = chain(LayeringAnalysis.analyze(network(false, 4)),
        "pageout --> swap:swap0 --> layer:nbd0 --> nbd0/rx --> alloc:ordinary --> reclaim --> pageout");
    assertEquals(List.of(LOW_MEMORY), chain.classes());
  }

  @Test
  void analyze_networkReceiveWithMemalloc_removesTheChain() {
    assertEquals(List.of(), LayeringAnalysis.analyze(network(true, 4)));
  }

  @Test
  void analyze_networkMemallocWithTooSmallAReserve_keepsAPrivilegedChain() {
    chain(LayeringAnalysis.analyze(network(true, 0)),
        "pageout --> swap:swap0 --> layer:nbd0 --> nbd0/rx --> alloc:privileged-at-zero --> reclaim --> pageout");
  }

  private static Scenario network(boolean memalloc, int reserved) {
    return TestScenario.named("nbd").memory(24, reserved, 6).file("swap0", 32, true).stack("nbd0")
        .network("nbd0", null, 1, memalloc, null)
        .process(proc("hog").workload(alloc(30))).build();
  }

  // ---- locks ----

  @Test
  void analyze_lockHeldAcrossAllocationThatTheDaemonTakes_isALockOrderChain() {
    Scenario s = TestScenario.named("lock").file("swap0", 32, true).stack("fuse0")
        .fuse("fuse0", "fused", null, "disk0").block("disk0")
        .process(proc("fused").pages(2).wired().ioFlusher().onRequest(lock("L"), unlock("L")))
        .process(proc("hog").workload(lock("L"), alloc(30), unlock("L"))).build();
    List<StaticChain> chains = LayeringAnalysis.analyze(s);
    StaticChain chain = chain(chains, "pageout --> swap:swap0 --> layer:fuse0 --> proc:fused --> lock:L"
        + " --> proc:hog/workload[holds L] --> alloc:ordinary --> reclaim --> pageout");
    assertEquals(List.of(LOW_MEMORY, USERLAND_DEPENDENCY, LOCK_ORDER), chain.classes());
    assertEquals(1, chains.size(), texts(chains));
  }

  @Test
  void analyze_twoWorkloadsTakingLocksInOppositeOrder_isAPureLockCycle() {
    Scenario s = TestScenario.named("abba")
        .process(proc("a").workload(lock("A"), lock("B"), unlock("B"), unlock("A")))
        .process(proc("b").workload(lock("B"), lock("A"), unlock("A"), unlock("B"))).build();
    List<StaticChain> chains = LayeringAnalysis.analyze(s);
    assertEquals(1, chains.size(), texts(chains));
    assertEquals(List.of(LOCK_ORDER), chains.get(0).classes());
    assertEquals("proc:a/workload[holds A] --> lock:B --> proc:b/workload[holds B] --> lock:A --> proc:a/workload[holds A]",
        String.join(" --> ", chains.get(0).nodes()));
  }

  @Test
  void analyze_locksTakenInTheSameOrder_giveNoChain() {
    Scenario s = TestScenario.named("ab-ab")
        .process(proc("a").workload(lock("A"), lock("B"), unlock("B"), unlock("A")))
        .process(proc("b").workload(lock("A"), lock("B"), unlock("B"), unlock("A"))).build();
    assertEquals(List.of(), LayeringAnalysis.analyze(s));
  }

  // ---- regions ----

  @Test
  void analyze_pagerWhosePagesLiveInItsOwnRegion_isAPagingRecursion() {
    Scenario s = TestScenario.named("umap").region("mapped", 8, "umapd")
        .process(proc("umapd").pages(2).pagesIn("mapped").onRequest(touch(1)))
        .process(proc("user").workload(touchRegion("mapped", 4))).build();
    List<StaticChain> chains = LayeringAnalysis.analyze(s);
    StaticChain chain = chain(chains, "proc:umapd --> proc:umapd/pagein --> region:mapped --> proc:umapd");
    assertEquals(List.of(USERLAND_DEPENDENCY, PAGING_RECURSION), chain.classes());
  }

  @Test
  void analyze_twoPagersPagingEachOther_isAPagingRecursionThroughBoth() {
    Scenario s = TestScenario.named("mutual").region("r1", 4, "p1").region("r2", 4, "p2")
        .process(proc("p1").pages(2).pagesIn("r2").onRequest(touch(1)))
        .process(proc("p2").pages(2).pagesIn("r1").onRequest(touch(1)))
        .process(proc("user").workload(touchRegion("r1", 2))).build();
    chain(LayeringAnalysis.analyze(s),
        "proc:p1 --> proc:p1/pagein --> region:r2 --> proc:p2 --> proc:p2/pagein --> region:r1 --> proc:p1");
  }

  @Test
  void analyze_wiredPager_hasNoRecursion() {
    Scenario s = TestScenario.named("umap-wired").region("mapped", 8, "umapd")
        .process(proc("umapd").pages(2).pagesIn("mapped").wired().onRequest(touch(1)))
        .process(proc("user").workload(touchRegion("mapped", 4))).build();
    assertEquals(List.of(), LayeringAnalysis.analyze(s));
  }

  // ---- kexts ----

  @Test
  void analyze_kextTouchingPageablePagesInOnIo_isAKernelPagingRecursion() {
    List<StaticChain> chains = LayeringAnalysis.analyze(kext(2, touchPageable(1)));
    StaticChain chain = chain(chains, "pageout --> swap:swap0 --> layer:fuse0 --> kext:fusekext/pageable --> pageout");
    assertEquals(List.of(PAGING_RECURSION), chain.classes());
    chain(chains, "layer:fuse0 --> kext:fusekext/pageable --> layer:fuse0");
  }

  @Test
  void analyze_kextWithOnlyWiredMemory_hasNoChain() {
    assertEquals(List.of(), LayeringAnalysis.analyze(kext(0, touchPageable(1))));
  }

  @Test
  void analyze_kextAllocatingMoreThanTheReserveInOnIo_isALowMemoryChainInPageoutContext() {
    List<StaticChain> chains = LayeringAnalysis.analyze(kext(0, alloc(3)));
    chain(chains, "pageout --> swap:swap0 --> layer:fuse0 --> alloc:privileged-at-zero --> reclaim --> pageout");
    // pageout's 2 and fused's 1 (ioFlusher) can be held at once: 3 > 2, a real chain.
    chain(LayeringAnalysis.analyze(kext(0, alloc(2))),
        "pageout --> swap:swap0 --> layer:fuse0 --> proc:fused --> alloc:privileged-at-zero --> reclaim --> pageout");
    assertEquals(List.of(), LayeringAnalysis.analyze(kext(0, alloc(1))));
  }

  private static Scenario kext(int pageable, Step... onIo) {
    return TestScenario.named("kext").file("swap0", 32, true).stack("fuse0")
        .fuse("fuse0", "fused", "fusekext", "disk0").block("disk0").kext("fusekext", 1, pageable, onIo)
        .process(proc("fused").pages(4).wired().ioFlusher().onRequest(touch(2), alloc(1)))
        .process(proc("hog").workload(alloc(30))).build();
  }

  // ---- dynamic pager, threads, no stack ----

  @Test
  void analyze_dynamicPagerCreatingFilesThroughAFilesystem_isAChainThroughItsThread() {
    Scenario s = TestScenario.named("dp").file("swapfile", 8, true).stack("ufs0")
        .filesystem("ufs0", 1, "disk0").block("disk0").dynamic("dynamic_pager", 8, 4)
        .process(proc("dynamic_pager").pages(1).wired().onRequest(alloc(1)))
        .process(proc("hog").workload(alloc(30))).build();
    List<StaticChain> chains = LayeringAnalysis.analyze(s);
    StaticChain request = chain(chains, "pageout --> proc:dynamic_pager --> alloc:ordinary --> reclaim --> pageout");
    assertEquals(List.of(LOW_MEMORY, USERLAND_DEPENDENCY), request.classes());
    chain(chains, "pageout --> proc:dynamic_pager --> layer:ufs0@dynamic_pager[alloc-write] --> alloc:ordinary --> reclaim --> pageout");
    assertEquals(List.of(USERLAND_DEPENDENCY), chain(chains, "proc:dynamic_pager --> proc:dynamic_pager").classes());
  }

  @Test
  void analyze_pageBeingMovedByTheDynamicPager_isAPageInFlightWaitOnIt() {
    Scenario s = TestScenario.named("dp-drain").file("swapfile", 8, true).stack("disk0").block("disk0")
        .dynamic("dynamic_pager", 8, 4)
        .process(proc("dynamic_pager").pages(2).onRequest(touch(1)))
        .process(proc("hog").workload(alloc(30))).build();
    StaticChain chain = chain(LayeringAnalysis.analyze(s),
        "proc:dynamic_pager --> proc:dynamic_pager/pagein --> proc:dynamic_pager");
    assertTrue(chain.text().contains("being moved by dynamic_pager draining"), chain.text());
  }

  @Test
  void analyze_networkDaemonAllocating_isAChainThroughTheDaemon() {
    Scenario s = TestScenario.named("nfs").file("swap0", 32, true).stack("nfs0")
        .network("nfs0", "nfsd", 0, false, null)
        .process(proc("nfsd").pages(2).wired().onRequest(alloc(1)))
        .process(proc("hog").workload(alloc(30))).build();
    StaticChain chain = chain(LayeringAnalysis.analyze(s),
        "pageout --> swap:swap0 --> layer:nfs0 --> proc:nfsd --> alloc:ordinary --> reclaim --> pageout");
    assertEquals(List.of(LOW_MEMORY, USERLAND_DEPENDENCY), chain.classes());
  }

  @Test
  void analyze_lockHeldAcrossAPageIn_isAChainThroughTheHolder() {
    Scenario s = TestScenario.named("lock-pagein").file("swap0", 32, true).stack("fuse0")
        .fuse("fuse0", "fused", null, "disk0").block("disk0")
        .process(proc("fused").pages(2).wired().ioFlusher().onRequest(lock("L"), unlock("L")))
        .process(proc("hog").pages(4).workload(lock("L"), touch(4), unlock("L"))).build();
    StaticChain chain = chain(LayeringAnalysis.analyze(s), "pageout --> swap:swap0 --> layer:fuse0 --> proc:fused"
        + " --> lock:L --> proc:hog/workload[holds L] --> proc:hog/pagein@hog/workload --> pageout");
    assertEquals(List.of(USERLAND_DEPENDENCY, PAGING_RECURSION, LOCK_ORDER), chain.classes());
  }

  @Test
  void analyze_dynamicPagerAtMaxFiles_isNeverWaitedFor() {
    Scenario s = TestScenario.named("dp-max").file("swapfile", 8, true).stack("disk0").block("disk0")
        .dynamic("dynamic_pager", 8, 1)
        .process(proc("dynamic_pager").onRequest(alloc(1)))
        .process(proc("hog").workload(alloc(30))).build();
    assertEquals(List.of(), LayeringAnalysis.analyze(s));
  }

  @Test
  void analyze_daemonWithMoreThreads_keepsTheChainAndSaysHowMany() {
    StaticChain chain = chain(LayeringAnalysis.analyze(Examples.fuse(false, false, 2, 3)),
        "pageout --> swap:swap0 --> layer:fuse0 --> proc:fused --> alloc:ordinary --> reclaim --> pageout");
    assertTrue(chain.text().contains("fused's threads (3 threads)"), chain.text());
  }

  @Test
  void analyze_swapFileWithNoStack_hasNoChain() {
    Scenario s = TestScenario.named("bare").file("swap0", 32, false)
        .process(proc("hog").pages(4).workload(touch(4), alloc(30))).build();
    assertEquals(List.of(), LayeringAnalysis.analyze(s));
  }

  // ---- format and consistency ----

  @Test
  void chainText_startsLikeLockdepAndExplainsEveryArrow() {
    for (StaticChain c : LayeringAnalysis.analyze(Examples.fuse(false, false, 2, 1))) {
      String[] lines = c.text().split("\n");
      assertEquals("Chain exists of:", lines[0]);
      assertEquals("  " + String.join(" --> ", c.nodes()), lines[1]);
      assertEquals(c.nodes().size() - 1, lines.length - 2, c.text());
      for (int i = 0; i + 1 < c.nodes().size(); i++) {
        assertTrue(lines[i + 2].startsWith("  " + c.nodes().get(i) + " --> " + c.nodes().get(i + 1) + ": "), lines[i + 2]);
      }
    }
  }

  @Test
  void owners_ofChainsThroughDaemonsLocksAndReceivePaths_nameTheirThreads() {
    List<StaticChain> fuse = LayeringAnalysis.analyze(Examples.fuse(false, false, 2, 1));
    assertEquals(Set.of("pageout", "fused"), LayeringAnalysis.owners(chain(fuse,
        "pageout --> swap:swap0 --> layer:fuse0 --> proc:fused --> alloc:ordinary --> reclaim --> pageout")));
    assertEquals(Set.of("fused"), LayeringAnalysis.owners(chain(fuse,
        "proc:fused --> proc:fused/pagein --> layer:fuse0@fused --> proc:fused")));
    assertEquals(Set.of("pageout", "nbd0"), LayeringAnalysis.owners(chain(LayeringAnalysis.analyze(network(false, 4)),
        "pageout --> swap:swap0 --> layer:nbd0 --> nbd0/rx --> alloc:ordinary --> reclaim --> pageout")));
    Scenario abba = TestScenario.named("abba")
        .process(proc("a").workload(lock("A"), lock("B"), unlock("B"), unlock("A")))
        .process(proc("b").workload(lock("B"), lock("A"), unlock("A"), unlock("B"))).build();
    assertEquals(Set.of("a", "b"), LayeringAnalysis.owners(LayeringAnalysis.analyze(abba).get(0)));
  }

  @Test
  void dot_ofTheFuseExample_drawsCycleNodesBoldAndFrameEdgesRed() {
    String dot = LayeringAnalysis.dot(Examples.fuse(false, false, 2, 1));
    assertTrue(dot.startsWith("digraph \"swap-on-fuse\" {"), dot);
    assertTrue(dot.contains("[label=\"proc:fused\", style=bold]"), dot);
    assertTrue(dot.contains("[label=\"proc:hog/workload\", color=gray]"), dot);
    assertTrue(dot.contains("color=red, tooltip=\"fused allocates 1 page"), dot);
    assertEquals(dot, LayeringAnalysis.dot(Examples.fuse(false, false, 2, 1)));
  }

  @Test
  void analyze_everyChain_isElementaryAndReportedOnce() {
    List<StaticChain> chains = LayeringAnalysis.analyze(Examples.fuse(false, false, 2, 2));
    assertTrue(chains.size() >= 3);
    for (StaticChain c : chains) {
      List<String> ring = c.nodes().subList(0, c.nodes().size() - 1);
      assertEquals(ring.size(), Set.copyOf(ring).size(), c.text());
      assertEquals(c.nodes().get(0), c.nodes().get(c.nodes().size() - 1));
    }
    assertEquals(chains.size(), chains.stream().map(StaticChain::nodes).distinct().count());
  }

  @Test
  void potentialClasses_equalsTheUnionOfTheChains() {
    for (Scenario s : List.of(Examples.fuse(false, false, 2, 1), Examples.fuse(true, false, 2, 1),
        Examples.fuse(false, true, 2, 2), Examples.fileSwap(false, 3), kext(2, touchPageable(1)))) {
      assertEquals(union(LayeringAnalysis.analyze(s)), LayeringAnalysis.potentialClasses(s), s.name());
    }
  }

  @Test
  void analyze_timing_printsMillisPerScenario() {
    List<Scenario> scenarios = List.of(Examples.fuse(false, false, 2, 1), Examples.fileSwap(false, 3),
        Examples.fuse(true, true, 2, 1), kext(2, touchPageable(1)));
    int rounds = 2_000;
    for (int i = 0; i < rounds; i++) {
      scenarios.forEach(LayeringAnalysis::analyze);
    }
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      scenarios.forEach(LayeringAnalysis::analyze);
    }
    double micros = (System.nanoTime() - start) / 1e3 / rounds / scenarios.size();
    System.out.printf("LayeringAnalysis.analyze: %.1f us per scenario (mean of %d x %d, after warm-up)%n",
        micros, rounds, scenarios.size());
    long cold = System.nanoTime();
    LayeringAnalysis.analyze(TestScenario.named("cold-ish").file("s", 1, true).build());
    System.out.printf("one more call on a new scenario: %.3f ms%n", (System.nanoTime() - cold) / 1e6);
    assertTrue(micros > 0);
  }

  // ---- helpers ----

  private static StaticChain chain(List<StaticChain> chains, String nodes) {
    return chains.stream().filter(c -> String.join(" --> ", c.nodes()).equals(nodes)).findFirst()
        .orElseThrow(() -> new AssertionError("no chain " + nodes + " in:\n" + texts(chains)));
  }

  private static Set<DeadlockClass> union(List<StaticChain> chains) {
    Set<DeadlockClass> union = EnumSet.noneOf(DeadlockClass.class);
    chains.forEach(c -> union.addAll(c.classes()));
    return union;
  }

  private static Set<String> labels(List<StaticChain> chains) {
    return chains.stream().flatMap(c -> c.nodes().stream()).collect(Collectors.toSet());
  }

  private static String texts(List<StaticChain> chains) {
    return chains.stream().map(StaticChain::text).collect(Collectors.joining("\n\n"));
  }
}
