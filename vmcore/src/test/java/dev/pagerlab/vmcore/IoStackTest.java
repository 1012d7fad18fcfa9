package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.alloc;
import static dev.pagerlab.vmcore.Scenarios.layerOf;
import static dev.pagerlab.vmcore.Scenarios.proc;
import static dev.pagerlab.vmcore.Scenarios.touch;
import static dev.pagerlab.vmcore.Scenarios.touchPageable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.LayerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class IoStackTest {

  /** A filesystem layer allocating two pages per write, over a disk; app holds two dirty pages. */
  private static Run filesystem(boolean preallocated, Scenarios.Procs app) {
    return Run.of(Scenarios.scenario("fs").memory(8, 1, 7).swapFile("swap0", 4, preallocated).stack("ufs0")
        .layer(layerOf("ufs0", LayerKind.FILESYSTEM).allocPerWrite(2).below("disk0")).block("disk0")
        .process(app));
  }

  /** A fuse layer whose daemon touches one page and allocates one buffer per request. */
  private static Scenarios fuse() {
    return Scenarios.scenario("fuse").memory(10, 1, 7).swapFile("swap0", 4, true).stack("fuse0")
        .layer(layerOf("fuse0", LayerKind.FUSE).server("fused").below("disk0")).block("disk0")
        .process(proc("fused").pages(2).onRequest(touch(1), alloc(1)))
        .process(proc("app").pages(2));
  }

  @Test
  void filesystem_notPreallocatedWrite_allocatesMetadata() {
    Run r = filesystem(false, proc("app").pages(2));
    r.evict("app[0]");
    assertTrue(r.run("pageout").contains("ufs0 allocates metadata page 1 of 2"));
    assertEquals(5, r.free());
    assertTrue(r.run("pageout").contains("ufs0 allocates metadata page 2 of 2"));
    assertEquals(4, r.free());
    assertEquals(2, r.summary().buffers());
    assertTrue(r.run("pageout").contains("disk0 completes the write to swap0"));
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
    assertEquals(0, r.summary().buffers(), "metadata pages are freed when the write completes");
    assertEquals(7, r.free());
  }

  @Test
  void filesystem_preallocated_noAllocation() {
    Run r = filesystem(true, proc("app").pages(2));
    r.evict("app[0]");
    assertTrue(r.run("pageout").contains("disk0 completes the write to swap0"));
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
    assertEquals(7, r.free());
  }

  @Test
  void filesystem_notPreallocatedRead_noAllocation() {
    Run r = filesystem(false, proc("app").pages(2).workload(touch(1)));
    r.evict("app[0]");
    r.runAll("pageout");
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
    r.run("app");
    assertEquals(6, r.free());
    assertTrue(r.run("app").contains("disk0 completes the read from swap0"), "reads allocate no metadata");
    assertEquals(PageStatus.RESIDENT_CLEAN, r.status("app[0]"));
  }

  @Test
  void fuse_request_runsDaemonOnRequest() {
    Run r = Run.of(fuse());
    r.evict("app[0]");
    assertTrue(r.run("pageout").contains("queues the write to swap0 to fused#0 (fuse0)"));
    assertEquals(BlockReason.IO_COMPLETION, r.waitOf("pageout").orElseThrow().reason());
    assertEquals(List.of("fused#0"), r.waitsOn("pageout"));
    List<String> served = r.runAll("fused#0");
    assertEquals(4, served.size(), served.toString());
    assertTrue(served.get(0).contains("touches fused[0]"), served.toString());
    assertTrue(served.get(1).contains("allocates page 1 of 1"), served.toString());
    assertTrue(served.get(2).contains("fused#0: disk0 completes the write"), "the daemon issues the write below");
    assertTrue(served.get(3).contains("replies to pageout"), served.toString());
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
  }

  @Test
  void requestBuffers_freedAtCompletion() {
    Run r = Run.of(fuse());
    r.evict("app[0]");
    r.run("pageout");
    r.run("fused#0");
    r.run("fused#0");
    assertEquals(1, r.summary().buffers());
    assertEquals(5, r.free());
    r.runAll("fused#0");
    assertEquals(0, r.summary().buffers());
    assertEquals(7, r.free(), "the request buffer and the evicted page's frame are both free");
  }

  @Test
  void fuse_kextOnIo_touchesPageableInIssuerContext() {
    Run r = Run.of(Scenarios.scenario("kext").memory(10, 1, 6).swapFile("swap0", 4, true).stack("fuse0")
        .layer(layerOf("fuse0", LayerKind.FUSE).server("fused").kext("fusekext").below("disk0")).block("disk0")
        .kext("fusekext", 1, 2, touchPageable(1))
        .process(proc("fused"))
        .process(proc("app").pages(2).workload(touch(1))));
    assertEquals(5, r.free());
    r.evict("app[0]");
    assertTrue(r.run("pageout").startsWith("pageout: touches fusekext[0]"), "a pageout runs onIo on the pageout thread");
    r.run("pageout");
    r.runAll("fused#0");
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
    r.run("app");
    assertTrue(r.run("app").startsWith("app: touches fusekext[0]"), "a page-in runs onIo on the faulting thread");
  }

  @Test
  void fuse_kextPageablePageInFlight_pageoutWaitsOnItself() {
    Run r = Run.of(Scenarios.scenario("kext").memory(10, 1, 8).swapFile("swap0", 4, true).stack("fuse0")
        .layer(layerOf("fuse0", LayerKind.FUSE).server("fused").kext("fusekext").below("disk0")).block("disk0")
        .kext("fusekext", 1, 2, touchPageable(1))
        .process(proc("fused")));
    r.evict("fusekext[0]");
    assertEquals(PageStatus.WRITING, r.status("fusekext[0]"));
    assertFalse(r.canMove("pageout"));
    assertEquals(BlockReason.PAGE_IN_FLIGHT, r.waitOf("pageout").orElseThrow().reason());
    assertEquals(List.of("pageout"), r.waitsOn("pageout"), "paging recursion: the write needs its own page");
    assertTrue(r.model.stuck(r.state));
  }

  @Test
  void diskimage_helper_servesRequests() {
    Run r = Run.of(diskimage());
    r.evict("app[0]");
    assertTrue(r.run("pageout").contains("queues the write to swap0 to hdiutil#0 (di0)"));
    assertEquals(List.of("hdiutil#0"), r.waitsOn("pageout"));
    List<String> served = r.runAll("hdiutil#0");
    assertTrue(served.get(0).contains("touches hdiutil[0]"), served.toString());
    assertTrue(served.get(served.size() - 1).contains("replies to pageout"), served.toString());
    assertEquals(PageStatus.PAGED_OUT, r.status("app[0]"));
  }

  @Test
  void diskimage_helperBusy_waitsForDaemonThread() {
    Run r = Run.of(diskimage());
    r.evict("app[0]");
    r.run("pageout");
    r.runAll("hdiutil#0");
    r.evict("app[1]");
    r.run("pageout");
    r.run("app");
    assertFalse(r.canMove("app"));
    assertEquals(BlockReason.DAEMON_THREAD, r.waitOf("app").orElseThrow().reason());
    assertEquals(List.of("hdiutil#0"), r.waitsOn("app"));
  }

  private static Scenarios diskimage() {
    return Scenarios.scenario("dmg").memory(10, 1, 10).swapFile("swap0", 4, true).stack("di0")
        .layer(layerOf("di0", LayerKind.DISKIMAGE).server("hdiutil").below("disk0")).block("disk0")
        .process(proc("hdiutil").pages(1).onRequest(touch(1)))
        .process(proc("app").pages(2).workload(touch(1)));
  }

  private static Run network(boolean memalloc) {
    Scenarios.Layers net = layerOf("net0", LayerKind.NETWORK).allocPerRequest(2).below("disk0");
    return Run.of(Scenarios.scenario("net").memory(4, 2, 3).swapFile("swap0", 4, true).stack("net0")
        .layer(memalloc ? net.memalloc() : net).block("disk0").process(proc("hog").pages(2)));
  }

  @Test
  void network_memalloc_receivePrivileged() {
    Run r = network(true);
    r.evict("hog[0]");
    assertTrue(r.run("pageout").contains("disk0 completes the write"));
    assertTrue(r.run("pageout").contains("arrives at net0's receive path"));
    assertEquals(2, r.free());
    r.run("net0/rx");
    assertEquals(1, r.free(), "the receive path takes a frame below the reserve");
    assertTrue(r.run("net0/rx").contains("completes the reply"));
    assertEquals(PageStatus.PAGED_OUT, r.status("hog[0]"));
    assertEquals(3, r.free());
  }

  @Test
  void network_noMemalloc_receiveOrdinary() {
    Run r = network(false);
    r.evict("hog[0]");
    r.run("pageout");
    r.run("pageout");
    assertFalse(r.canMove("net0/rx"));
    assertEquals(BlockReason.FRAME, r.waitOf("net0/rx").orElseThrow().reason());
    assertEquals(List.of("pageout"), r.waitsOn("net0/rx"));
    assertEquals(List.of("net0/rx"), r.waitsOn("pageout"));
    assertTrue(r.model.stuck(r.state));
  }
}
