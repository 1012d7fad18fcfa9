package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.alloc;
import static dev.pagerlab.vmcore.Scenarios.proc;
import static dev.pagerlab.vmcore.Scenarios.touch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageoutTest {

  /** Five frames, reserve 1, target 4; app has two resident pages and then runs its workload. */
  private static Scenarios basic(int slots, Scenarios.Procs app) {
    Scenarios s = Scenarios.scenario("basic").memory(5, 1, 4).stack("disk0").block("disk0").process(app);
    return slots > 0 ? s.swapFile("swap0", slots, true) : s;
  }

  @Test
  void evict_dirtyPage_needsSwapSlot() {
    Run r = Run.of(basic(1, proc("app").pages(2)));
    assertEquals(List.of("app[0]"), r.victims(), "untouched pages of one group are one choice");
    String label = r.evict("app[0]");
    assertTrue(label.contains("starts writing dirty page app[0] to swap0"), label);
    assertEquals(PageStatus.WRITING, r.status("app[0]"));
    assertEquals(1, r.summary().slotsUsed(), "the slot is taken when the write starts");
    assertEquals(3, r.free(), "the frame stays in use while the page is in flight");
    r.run("pageout");
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
    assertEquals(4, r.free());
    assertEquals(List.of(), r.victims(), "no free slot: the other dirty page cannot be evicted");
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("app[1]"));
  }

  @Test
  void evict_noSlotNoDynamicPager_pageoutBlocksOnSwapSlot() {
    Run r = Run.of(basic(0, proc("app").pages(2)));
    assertEquals(List.of(), r.victims());
    WaitFor w = r.waitOf("pageout").orElseThrow();
    assertEquals(BlockReason.SWAP_SLOT, w.reason());
    assertEquals(List.of(), w.on(), "no one can supply a slot without a dynamic pager");
    assertTrue(r.model.stuck(r.state));
  }

  @Test
  void fault_swappedPage_readsBackClean() {
    Run r = Run.of(basic(4, proc("app").pages(2).workload(alloc(1), touch(2))));
    r.evict("app[0]");
    r.run("pageout");
    r.run("app");
    assertEquals(3, r.free());
    String fault = r.run("app");
    assertTrue(fault.contains("faults on app[0]") && fault.contains("reads it from swap0"), fault);
    assertEquals(PageStatus.READING, r.status("app[0]"));
    assertEquals(2, r.free(), "the faulting thread takes a frame before the read");
    r.run("app");
    assertEquals(PageStatus.RESIDENT_CLEAN, r.status("app[0]"));
    assertEquals(1, r.summary().slotsUsed(), "a page read back keeps its slot");
    assertEquals(0, r.summary().swapped());
  }

  @Test
  void evict_cleanPage_freedAtOnce() {
    Run r = Run.of(basic(4, proc("app").pages(2).workload(alloc(1), touch(2))));
    r.evict("app[0]");
    r.run("pageout");
    r.run("app");
    r.run("app");
    r.run("app");
    assertEquals(PageStatus.RESIDENT_CLEAN, r.status("app[0]"));
    int free = r.free();
    String label = r.evict("app[0]");
    assertTrue(label.contains("frees clean page app[0]"), label);
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
    assertEquals(free + 1, r.free(), "a clean page's frame is freed with no write");
    assertEquals(1, r.summary().slotsUsed(), "its copy stays in its slot");
    assertFalse(r.hasRun("pageout"), "no write is in flight");
  }

  @Test
  void touch_pageInFlight_waitsOnIoThread() {
    Run r = Run.of(basic(4, proc("app").pages(2).workload(touch(1))));
    r.evict("app[0]");
    assertFalse(r.canMove("app"));
    WaitFor w = r.waitOf("app").orElseThrow();
    assertEquals(BlockReason.PAGE_IN_FLIGHT, w.reason());
    assertEquals(List.of("pageout"), r.waitsOn("app"));
    r.run("pageout");
    String label = r.run("app");
    assertTrue(label.contains("faults on app[0]"), label);
  }

  @Test
  void wiredProcess_pagesNeverEvicted() {
    Run r = Run.of(basic(4, proc("app").pages(1)).process(proc("daemon").pages(2).wired()));
    assertEquals(List.of("app[0]"), r.victims(), "wired pages are never offered to pageout");
    r.evict("app[0]");
    r.run("pageout");
    assertEquals(List.of(), r.victims());
    assertTrue(r.waitOf("pageout").isEmpty(), "with only wired pages left, pageout is idle, not blocked");
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("daemon[0]"));
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("daemon[1]"));
  }
}
