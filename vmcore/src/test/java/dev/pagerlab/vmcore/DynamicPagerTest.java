package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.layerOf;
import static dev.pagerlab.vmcore.Scenarios.proc;
import static dev.pagerlab.vmcore.Scenarios.touch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.LayerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicPagerTest {

  @Test
  void dynamicPager_highWater_createsFileThroughStack() {
    Run r = Run.of(Scenarios.scenario("grow").memory(10, 1, 9).swapFile("swap0", 2, true).stack("ufs0")
        .layer(layerOf("ufs0", LayerKind.FILESYSTEM).allocPerWrite(1).below("disk0")).block("disk0")
        .dynamic("dynpager", 0.5, 0.0, 4, 2)
        .process(proc("dynpager").pages(1).onRequest(touch(1)))
        .process(proc("app").pages(3)));
    assertFalse(r.canMove("dynpager#0"), "below high water nobody asks for a file");
    r.evict("app[0]");
    assertTrue(r.hasRun("dynpager#0"), "one slot of two in use is at high water");
    assertTrue(r.run("dynpager#0").contains("takes the request for a new swap file"));
    List<String> created = r.runAll("dynpager#0");
    assertTrue(created.get(0).contains("touches dynpager[0]"), "onRequest runs first: " + created);
    assertTrue(created.stream().anyMatch(l -> l.startsWith("dynpager#0: ufs0 allocates metadata page 1 of 1")),
        "the file is created through the stack like a write to a not-preallocated file: " + created);
    assertTrue(created.get(created.size() - 1).contains("disk0 completes the write to swapfile1"), created.toString());
    assertEquals(2, r.summary().files());
    assertEquals(6, r.summary().slotsTotal());
    r.run("pageout");
    r.evict("app[1]");
    r.run("pageout");
    r.evict("app[2]");
    assertTrue(r.run("pageout").contains("disk0 completes the write to swapfile1"),
        "once created, the file counts as preallocated");
  }

  @Test
  void dynamicPager_maxFiles_noMoreRequests() {
    Run r = Run.of(Scenarios.scenario("cap").memory(10, 1, 10).swapFile("swap0", 1, true).stack("disk0")
        .block("disk0").dynamic("dynpager", 0.5, 0.0, 2, 2)
        .process(proc("dynpager").pages(1))
        .process(proc("app").pages(4)));
    r.evict("app[0]");
    r.runAll("dynpager#0");
    assertEquals(2, r.summary().files());
    r.run("pageout");
    r.evict("app[1]");
    r.run("pageout");
    r.evict("app[2]");
    r.run("pageout");
    assertEquals(3, r.summary().slotsUsed());
    assertFalse(r.canMove("dynpager#0"), "maxFiles files exist: no further request");
    assertEquals(List.of(), r.victims());
    assertEquals(BlockReason.SWAP_SLOT, r.waitOf("pageout").orElseThrow().reason());
    assertEquals(List.of("dynpager#0"), r.waitsOn("pageout"), "pageout waits for the dynamic pager");
  }

  /** Two files; usage starts below low water, so a drain of swap1 is asked for at once. */
  private static Run drain() {
    return Run.of(Scenarios.scenario("shrink").memory(6, 1, 5).swapFile("swap0", 1, true).swapFile("swap1", 4, true)
        .stack("disk0").block("disk0").dynamic("dynpager", 1.0, 0.5, 4, 2)
        .process(proc("dynpager"))
        .process(proc("app").pages(3).workload(touch(2))));
  }

  /** Pages app[0] out to swap0 and app[1] to swap1, then reads both back clean. */
  private static void fillBothFilesAndReadBack(Run r) {
    r.evict("app[0]");
    r.run("pageout");
    r.evict("app[1]");
    r.run("pageout");
    r.runAll("app");
    assertEquals(PageStatus.RESIDENT_CLEAN, r.status("app[1]"));
    assertEquals(2, r.summary().slotsUsed());
  }

  @Test
  void dirty_cleanPageWithSlot_freesSlot() {
    Run r = drain();
    fillBothFilesAndReadBack(r);
    r.run("dynpager#0");
    assertTrue(r.run("dynpager#0").contains("drops the copy of resident page app[1] in swap1"));
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("app[1]"));
    assertEquals(1, r.summary().slotsUsed(), "the page is dirty again: its slot is free");
  }

  @Test
  void dynamicPager_lowWater_drainsAndDeletesNewest() {
    Run r = drain();
    assertTrue(r.hasRun("dynpager#0"), "two files, no slot in use: below low water");
    fillBothFilesAndReadBack(r);
    assertTrue(r.run("dynpager#0").contains("takes the request to drain the newest swap file"));
    assertTrue(r.run("dynpager#0").contains("drops the copy of resident page app[1] in swap1"));
    assertTrue(r.run("dynpager#0").contains("deletes the drained swap file swap1"));
    assertEquals(1, r.summary().files());
    assertEquals(1, r.summary().slotsTotal());
    assertEquals(PageStatus.RESIDENT_CLEAN, r.status("app[0]"), "pages of the older file are untouched");
    assertTrue(r.run("dynpager#0").contains("takes the request for a new swap file"),
        "swap0 alone is full, at high water: the contract asks for a file again");
  }

  @Test
  void dynamicPager_fileCreatedAfterInitialDrained_hasFileSlotsAndCountsPreallocated() {
    Run r = Run.of(Scenarios.scenario("recreate").memory(10, 1, 10).swapFile("swap0", 1, true)
        .swapFile("swap1", 2, false).stack("ufs0")
        .layer(layerOf("ufs0", LayerKind.FILESYSTEM).allocPerWrite(1).below("disk0")).block("disk0")
        .dynamic("dynpager", 0.5, 0.25, 3, 2)
        .process(proc("dynpager"))
        .process(proc("app").pages(3)));
    r.run("dynpager#0");
    assertTrue(r.run("dynpager#0").contains("deletes the drained swap file swap1"));
    r.evict("app[0]");
    assertTrue(r.run("dynpager#0").contains("takes the request for a new swap file"));
    r.runAll("dynpager#0");
    assertEquals(2, r.summary().files());
    assertEquals(1 + 3, r.summary().slotsTotal(), "a file the dynamic pager creates has fileSlots slots");
    r.run("pageout");
    r.evict("app[1]");
    String write = r.run("pageout");
    assertTrue(write.contains("disk0 completes the write"), "once created, the file counts as preallocated: " + write);
  }

  /**
   * White-box: with only pageout writing, a page lands in a newer file only when the older ones
   * are full, and slots are freed only by drains and errors, so this state is built by hand.
   */
  @Test
  void dynamicPager_drainWithRoomElsewhere_movesPagesThroughStack() {
    Run r = Run.of(Scenarios.scenario("move").memory(10, 1, 1).swapFile("swap0", 2, true).swapFile("swap1", 2, true)
        .stack("disk0").block("disk0").dynamic("dynpager", 1.0, 0.5, 2, 2)
        .process(proc("dynpager")).process(proc("app").pages(2)));
    int[] core = r.state.core.clone();
    core[r.model.pageOffset + r.page("app[1]")] = Semantics.OUT | (2 << 4);
    core[r.model.fileOffset + 1] = Semantics.ACTIVE | (1 << 2);
    core[0]++;
    r.state = new VmState(core, r.state.stacks);
    r.model.checkInvariants(r.state);
    assertEquals(PageStatus.PAGED_OUT, r.status("app[1]"));
    assertTrue(r.run("dynpager#0").contains("takes the request to drain the newest swap file"));
    assertTrue(r.run("dynpager#0").contains("reads app[1] from swap1 to move it to another file"));
    assertEquals(PageStatus.READING, r.status("app[1]"));
    assertTrue(r.run("dynpager#0").contains("disk0 completes the read from swap1"));
    assertEquals(PageStatus.WRITING, r.status("app[1]"));
    assertTrue(r.run("dynpager#0").contains("disk0 completes the write to swap0"));
    assertEquals(PageStatus.PAGED_OUT, r.status("app[1]"));
    assertTrue(r.run("dynpager#0").contains("deletes the drained swap file swap1"));
    assertEquals(1, r.summary().files());
    assertEquals(1, r.summary().slotsUsed(), "the page's copy now lives in swap0");
    assertEquals(9, r.free());
  }
}
