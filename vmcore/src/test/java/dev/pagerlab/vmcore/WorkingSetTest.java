package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingSetTest {

  private static Run tenPages() {
    return Run.of(Scenarios.scenario("ws").memory(16, 1, 6).swapFile("swap0", 8, true).stack("disk0")
        .block("disk0").kext("kx", 0, 1).process(proc("other").pages(2)).process(proc("app").pages(10)));
  }

  private static List<String> names(Run r, List<Integer> pages) {
    return pages.stream().map(r.model::pageName).toList();
  }

  @Test
  void workingSet_fault_prefetchesItsAlignedCluster() {
    Run r = tenPages();
    WorkingSet ws = new WorkingSet(r.model, 4, Map.of());
    assertEquals(List.of("app[4]", "app[6]", "app[7]"), names(r, ws.fault(r.page("app[5]"))));
    assertEquals(List.of("app[8]"), names(r, ws.fault(r.page("app[9]"))), "the cluster stops at the process end");
    assertEquals(Map.of("app", List.of(5, 9)), ws.profiles());
    assertEquals(List.of(), ws.fault(r.page("kx[0]")), "kernel pages have no profile");
  }

  @Test
  void workingSet_savedProfile_seedsFirstFaultOnly() {
    Run r = tenPages();
    WorkingSet ws = new WorkingSet(r.model, 4, Map.of("app", List.of(9, 1, 5)));
    assertEquals(List.of("app[4]", "app[6]", "app[7]", "app[9]", "app[1]"), names(r, ws.fault(r.page("app[5]"))));
    assertEquals(List.of("app[4]", "app[5]", "app[7]"), names(r, ws.fault(r.page("app[6]"))));
  }

  @Test
  void prefetch_swappedPageAboveTarget_readsItClean() {
    Run r = tenPages();
    r.evict("app[0]");
    r.run("pageout");
    assertEquals(4, r.free());
    assertSame(r.state, r.model.prefetch(r.state, r.page("app[0]")), "a prefetch never takes free below target");
    r.state = r.model.prefetch(r.model.initial(), r.page("app[1]"));
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("app[1]"), "only paged-out pages are prefetched");
  }

  @Test
  void prefetch_freeAboveTarget_readsPageBackClean() {
    Run r = Run.of(Scenarios.scenario("prefetch").memory(8, 1, 4).swapFile("swap0", 8, true).stack("disk0")
        .layer(Scenarios.layerOf("disk0", dev.pagerlab.vmcore.spec.LayerKind.BLOCK).eio())
        .process(proc("app").pages(5).workload(Scenarios.touch(1))));
    r.evict("app[0]");
    r.runAll("pageout");
    r.run("app");
    r.evict("app[1]");
    r.runAll("pageout");
    r.option("app", VmTransition.EIO);
    assertEquals(5, r.free(), "the failed read gave its frame back, one above target");
    r.state = r.model.prefetch(r.state, r.page("app[0]"));
    r.model.checkInvariants(r.state);
    assertEquals(PageStatus.RESIDENT_CLEAN, r.status("app[0]"));
    assertEquals(4, r.free());
    assertEquals(2, r.summary().slotsUsed(), "the prefetched page keeps its slot");
  }
}
