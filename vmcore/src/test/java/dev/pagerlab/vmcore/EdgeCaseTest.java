package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.alloc;
import static dev.pagerlab.vmcore.Scenarios.layerOf;
import static dev.pagerlab.vmcore.Scenarios.proc;
import static dev.pagerlab.vmcore.Scenarios.touch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.LayerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules of SCENARIOS.md section 2 at their edges. */
class EdgeCaseTest {

  @Test
  void start_kextAndProcessPages_occupyFrames() {
    Run r = Run.of(Scenarios.scenario("start").memory(20, 2, 4).kext("kx", 3, 2)
        .process(proc("a").pages(4)).process(proc("b").workload(alloc(5))));
    assertEquals(20 - 3 - 2 - 4, r.free(), "kext wired and pageable pages and process pages are resident");
    assertEquals(PageStatus.RESIDENT_DIRTY, r.status("kx[0]"));
    assertEquals(PageStatus.UNALLOCATED, r.status("b[0]"), "workload pages exist only once allocated");
  }

  @Test
  void start_morePagesThanFrames_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Scenarios.scenario("small").memory(4, 1, 2).process(proc("a").pages(5)).model());
    assertTrue(e.getMessage().contains("memory.frames"), e.getMessage());
  }

  @Test
  void alloc_manyPages_oneFramePerStep() {
    Run r = Run.of(Scenarios.scenario("steps").memory(10, 1, 1).process(proc("hog").workload(alloc(3))));
    List<String> labels = r.runAll("hog");
    assertEquals(3, labels.size());
    assertTrue(labels.get(2).contains("allocates page 3 of 3"), labels.toString());
  }

  @Test
  void pageout_writeInFlight_noSecondVictim() {
    Run r = Run.of(Scenarios.scenario("one").memory(6, 1, 6).swapFile("swap0", 4, true).stack("disk0")
        .block("disk0").process(proc("app").pages(3).workload(touch(3))));
    r.evict("app[0]");
    assertEquals(List.of(), r.victims(), "pageout serves one write at a time");
    r.run("pageout");
    assertFalse(r.victims().isEmpty());
  }

  @Test
  void timeout_allDaemonThreadsBusy_givesUp() {
    Run r = Run.of(Scenarios.scenario("busy").memory(10, 1, 10).swapFile("swap0", 4, true).stack("fuse0")
        .layer(layerOf("fuse0", LayerKind.FUSE).server("fused").below("disk0").timeout()).block("disk0")
        .process(proc("fused").onRequest(alloc(1)))
        .process(proc("app").pages(3).workload(touch(1))));
    r.evict("app[0]");
    r.run("pageout");
    r.runAll("fused#0");
    r.evict("app[1]");
    r.run("pageout");
    r.run("app");
    assertFalse(r.hasRun("app"));
    assertTrue(r.model.describe(r.state).contains("app: blocked on daemon thread: every thread of fused is busy"));
    assertTrue(r.option("app", VmTransition.TIMEOUT).contains("read from swap0 times out waiting for fused"));
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"), "a failed read leaves the copy where it was");
  }

  @Test
  void eio_dynamicCreateWriteFails_fileStaysAbsentAndIsAskedForAgain() {
    Run r = Run.of(Scenarios.scenario("create-eio").memory(10, 1, 10).swapFile("swap0", 1, true).stack("disk0")
        .layer(layerOf("disk0", LayerKind.BLOCK).eio()).dynamic("dynpager", 0.5, 0.0, 2, 2)
        .process(proc("dynpager")).process(proc("app").pages(2)));
    r.evict("app[0]");
    r.run("dynpager#0");
    assertTrue(r.option("dynpager#0", VmTransition.EIO).contains("write to swapfile1 fails at disk0 (EIO)"));
    assertEquals(1, r.summary().files());
    assertTrue(r.run("dynpager#0").contains("takes the request for a new swap file"),
        "still at high water: the pager is asked again");
  }

  @Test
  void drain_noSlotInOtherFiles_givesUp() {
    Run r = Run.of(Scenarios.scenario("stuck-drain").memory(10, 1, 10).swapFile("swap0", 1, true)
        .swapFile("swap1", 2, true).stack("disk0").block("disk0").dynamic("dynpager", 1.0, 0.9, 2, 2)
        .process(proc("dynpager")).process(proc("app").pages(2)));
    r.evict("app[0]");
    r.run("pageout");
    r.evict("app[1]");
    r.run("pageout");
    r.run("dynpager#0");
    assertTrue(r.run("dynpager#0").contains("gives up draining swap1: no other file has a free slot"));
    assertEquals(PageStatus.PAGED_OUT, r.status("app[1]"));
    assertEquals(2, r.summary().files());
    assertEquals(2, r.summary().slotsUsed());
  }

  @Test
  void network_daemonThenBelowThenReceive_inThatOrder() {
    Run r = Run.of(Scenarios.scenario("nbd").memory(10, 1, 10).swapFile("swap0", 4, true).stack("nbd0")
        .layer(layerOf("nbd0", LayerKind.NETWORK).server("nbdd").allocPerRequest(1).below("disk0")).block("disk0")
        .process(proc("nbdd").pages(1).onRequest(touch(1)))
        .process(proc("app").pages(2)));
    r.evict("app[0]");
    assertTrue(r.run("pageout").contains("queues the write to swap0 to nbdd#0 (nbd0)"));
    List<String> daemon = r.runAll("nbdd#0");
    assertTrue(daemon.get(0).contains("touches nbdd[0]"), daemon.toString());
    assertTrue(daemon.get(1).contains("nbdd#0: disk0 completes the write"), "the daemon's I/O goes below: " + daemon);
    assertTrue(daemon.get(2).contains("replies to pageout"), daemon.toString());
    assertTrue(r.run("pageout").contains("arrives at nbd0's receive path"));
    assertTrue(r.run("nbd0/rx").contains("completes the reply"));
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
  }

  @Test
  void network_read_receivePathRunsToo() {
    Run r = Run.of(Scenarios.scenario("nbd-read").memory(10, 1, 10).swapFile("swap0", 4, true).stack("net0")
        .layer(layerOf("net0", LayerKind.NETWORK).allocPerRequest(1).below("disk0")).block("disk0")
        .process(proc("app").pages(2).workload(touch(1))));
    r.evict("app[0]");
    r.runAll("pageout");
    r.runAll("net0/rx");
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
    r.run("app");
    r.run("app");
    assertTrue(r.run("app").contains("the reply to its read from swap0 arrives at net0's receive path"));
    assertEquals(List.of("net0/rx"), r.waitsOn("app"));
    r.run("net0/rx");
    assertEquals(PageStatus.RESIDENT_CLEAN, r.status("app[0]"));
  }
}
