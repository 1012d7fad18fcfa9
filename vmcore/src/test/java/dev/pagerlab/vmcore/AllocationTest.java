package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.alloc;
import static dev.pagerlab.vmcore.Scenarios.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {

  private static Run hog(Scenarios.Procs hog) {
    return Run.of(Scenarios.scenario("alloc").memory(4, 2, 2).process(hog));
  }

  @Test
  void alloc_ordinaryAtReserve_blocksOnFrame() {
    Run r = hog(proc("hog").workload(alloc(5)));
    r.run("hog");
    r.run("hog");
    assertEquals(2, r.free());
    assertFalse(r.canMove("hog"), "an ordinary thread may not take a frame at free == reserved");
    assertEquals(BlockReason.FRAME, r.waitOf("hog").orElseThrow().reason());
    assertEquals(List.of("pageout"), r.waitsOn("hog"));
    assertTrue(r.model.stuck(r.state));
  }

  @Test
  void alloc_privilegedAtReserve_takesFrame() {
    Run r = hog(proc("hog").ioFlusher().workload(alloc(5)));
    r.run("hog");
    r.run("hog");
    assertEquals(2, r.free());
    r.run("hog");
    r.run("hog");
    assertEquals(0, r.free(), "a privileged thread may take every free frame");
    assertFalse(r.canMove("hog"));
    assertEquals(BlockReason.FRAME, r.waitOf("hog").orElseThrow().reason());
  }

  @Test
  void workloadPages_heldToEnd() {
    Run r = Run.of(Scenarios.scenario("hold").memory(8, 1, 1).process(proc("hog").workload(alloc(2))));
    r.runAll("hog");
    assertEquals(6, r.free(), "workload pages are not freed when the workload ends");
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("hog[0]"));
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("hog[1]"));
    assertEquals(0, r.summary().buffers());
    assertTrue(r.waitOf("hog").isEmpty(), "a finished workload is not blocked");
    assertTrue(r.model.describe(r.state).contains("hog: finished"));
  }
}
