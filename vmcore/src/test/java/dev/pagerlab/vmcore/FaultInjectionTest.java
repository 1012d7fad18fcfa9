package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.alloc;
import static dev.pagerlab.vmcore.Scenarios.layerOf;
import static dev.pagerlab.vmcore.Scenarios.proc;
import static dev.pagerlab.vmcore.Scenarios.touch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.LayerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private static Run eio() {
    return Run.of(Scenarios.scenario("eio").memory(6, 1, 5).swapFile("swap0", 4, true).stack("disk0")
        .layer(layerOf("disk0", LayerKind.BLOCK).eio())
        .process(proc("app").pages(2).workload(touch(2))));
  }

  @Test
  void eio_failedWrite_pageStaysDirtyResident() {
    Run r = eio();
    r.evict("app[0]");
    String label = r.option("pageout", VmTransition.EIO);
    assertTrue(label.contains("write to swap0 fails at disk0 (EIO)"), label);
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("app[0]"));
    assertEquals(0, r.summary().slotsUsed(), "the slot taken for the failed write is given back");
    assertEquals(4, r.free());
    assertEquals(List.of(), r.model.lostPages(r.state));
    assertTrue(r.victims().contains("app[0]"), "the page can be tried again");
  }

  @Test
  void eio_failedRead_touchStepFails() {
    Run r = eio();
    r.evict("app[0]");
    assertTrue(r.run("pageout").contains("enters disk0"));
    r.run("pageout");
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
    r.run("app");
    assertEquals(4, r.free());
    String label = r.option("app", VmTransition.EIO);
    assertTrue(label.contains("read from swap0 fails at disk0 (EIO)"), label);
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"), "the copy in swap is still the only one");
    assertEquals(1, r.summary().slotsUsed());
    assertEquals(5, r.free(), "the frame taken for the read is freed");
    assertTrue(r.run("app").contains("touches app[1]"), "the failed touch is over; the step goes on");
  }

  @Test
  void timeout_waitOnDaemon_givesUpWithError() {
    Run r = Run.of(Scenarios.scenario("timeout").memory(8, 1, 6).swapFile("swap0", 4, true).stack("fuse0")
        .layer(layerOf("fuse0", LayerKind.FUSE).server("fused").below("disk0").timeout()).block("disk0")
        .process(proc("fused").pages(1).onRequest(alloc(1)))
        .process(proc("app").pages(2)));
    r.evict("app[0]");
    r.run("pageout");
    r.run("fused#0");
    assertEquals(4, r.free());
    String label = r.option("pageout", VmTransition.TIMEOUT);
    assertTrue(label.contains("write to swap0 times out waiting for fused"), label);
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("app[0]"));
    assertEquals(0, r.summary().slotsUsed());
    assertTrue(r.victims().contains("app[0]"), "pageout is free again");
    List<String> rest = r.runAll("fused#0");
    assertTrue(rest.get(rest.size() - 1).contains("replies to a request that timed out"), rest.toString());
    assertEquals(0, r.summary().buffers());
    assertEquals(5, r.free());
  }
}
