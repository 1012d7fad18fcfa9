package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.proc;
import static dev.pagerlab.vmcore.Scenarios.touch;
import static dev.pagerlab.vmcore.Scenarios.touchRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTest {

  /** Region {@code mapped} paged by umapd; app touches and dirties its first page. */
  private static Run mapped() {
    return Run.of(Scenarios.scenario("region").memory(8, 1, 7)
        .process(proc("umapd").pages(1).onRequest(touch(1)))
        .process(proc("app").workload(touchRegion("mapped", 1)))
        .region("mapped", 2, "umapd"));
  }

  @Test
  void region_firstTouch_asksPager() {
    Run r = mapped();
    assertEquals(PageStatus.PAGED_OUT, r.status("mapped[0]"), "region pages start with their pager");
    String fault = r.run("app");
    assertTrue(fault.contains("faults on mapped[0]") && fault.contains("asks its pager umapd"), fault);
    assertEquals(PageStatus.READING, r.status("mapped[0]"));
    assertTrue(r.run("app").contains("sends the data request for mapped[0] to umapd#0"));
    assertEquals(BlockReason.IO_COMPLETION, r.waitOf("app").orElseThrow().reason());
    assertEquals(List.of("umapd#0"), r.waitsOn("app"));
    List<String> served = r.runAll("umapd#0");
    assertTrue(served.get(served.size() - 1).contains("supplies mapped[0]"), served.toString());
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("mapped[0]"), "touchRegion dirties the page");
    assertEquals(0, r.summary().slotsUsed(), "region pages never use swap");
  }

  @Test
  void region_dirtyEviction_returnsToPager() {
    Run r = mapped();
    r.runAll("app");
    r.runAll("umapd#0");
    assertEquals(6, r.free());
    String evict = r.evict("mapped[0]");
    assertTrue(evict.contains("returns dirty page mapped[0] to its pager umapd"), evict);
    assertEquals(PageStatus.WRITING, r.status("mapped[0]"));
    assertTrue(r.run("pageout").contains("sends the data return of mapped[0] to umapd#0"));
    assertEquals(List.of("umapd#0"), r.waitsOn("pageout"));
    assertEquals(6, r.free(), "the frame is freed only at the pager's reply");
    List<String> served = r.runAll("umapd#0");
    assertTrue(served.get(served.size() - 1).contains("accepts the data return of mapped[0]"), served.toString());
    assertEquals(PageStatus.PAGED_OUT, r.status("mapped[0]"));
    assertEquals(7, r.free());
    assertEquals(0, r.summary().slotsUsed());
  }

  @Test
  void pagesIn_recursivePager_faultGoesToRegionPager() {
    Run r = Run.of(Scenarios.scenario("recursive").memory(8, 1, 6)
        .process(proc("outer").pages(1).onRequest(touch(1)))
        .process(proc("inner").pages(2).pagesIn("heap").workload(touch(1)))
        .region("heap", 1, "outer"));
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("inner[0]"), "pagesIn pages start resident and dirty");
    assertTrue(r.evict("inner[0]").contains("returns dirty page inner[0] to its pager outer"),
        "with no swap at all, the pager still takes the page back");
    r.run("pageout");
    r.runAll("outer#0");
    assertEquals(PageStatus.PAGED_OUT, r.status("inner[0]"));
    String fault = r.run("inner");
    assertTrue(fault.contains("faults on inner[0]") && fault.contains("asks its pager outer"), fault);
    assertTrue(r.run("inner").contains("sends the data request for inner[0] to outer#0"));
    assertEquals(List.of("outer#0"), r.waitsOn("inner"));
    r.runAll("outer#0");
    assertEquals(PageStatus.RESIDENT_CLEAN, r.status("inner[0]"), "a plain touch does not dirty");
    assertEquals(PageStatus.PAGED_OUT, r.status("heap[0]"), "the region's own pages are distinct");
  }
}
