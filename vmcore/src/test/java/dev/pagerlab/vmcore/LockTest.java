package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.alloc;
import static dev.pagerlab.vmcore.Scenarios.lock;
import static dev.pagerlab.vmcore.Scenarios.proc;
import static dev.pagerlab.vmcore.Scenarios.unlock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockTest {

  private static Run twoThreads(Step[] a, Step[] b) {
    return Run.of(Scenarios.scenario("locks").memory(8, 1, 1)
        .process(proc("a").workload(a)).process(proc("b").workload(b)));
  }

  @Test
  void lock_heldByOther_blocksWithLockEdge() {
    Run r = twoThreads(new Step[] {lock("L"), alloc(1), unlock("L")}, new Step[] {lock("L"), unlock("L")});
    assertTrue(r.run("a").contains("takes lock L"));
    assertFalse(r.canMove("b"));
    assertEquals(BlockReason.LOCK, r.waitOf("b").orElseThrow().reason());
    assertEquals(List.of("a"), r.waitsOn("b"));
    r.run("a");
    assertTrue(r.run("a").contains("releases lock L"));
    assertTrue(r.run("b").contains("takes lock L"));
  }

  @Test
  void lock_stillHeldAtEndOfSteps_released() {
    Run r = twoThreads(new Step[] {lock("L"), alloc(1)}, new Step[] {lock("L")});
    r.run("a");
    assertFalse(r.canMove("b"));
    VmState held = r.state;
    r.run("a");
    List<String> changes = r.model.changes(held, r.state);
    assertTrue(changes.contains("lock L released"), "the last step of a ends its workload: " + changes);
    assertTrue(r.run("b").contains("takes lock L"));
  }

  @Test
  void lock_heldInRequest_releasedAtRequestEnd() {
    Run r = Run.of(Scenarios.scenario("req-lock").memory(8, 1, 7).swapFile("swap0", 4, true).stack("fuse0")
        .layer(Scenarios.layerOf("fuse0", dev.pagerlab.vmcore.spec.LayerKind.FUSE).server("fused").below("disk0"))
        .block("disk0")
        .process(proc("fused").onRequest(lock("M"), alloc(1)))
        .process(proc("app").pages(2).workload(alloc(1), lock("M"))));
    r.evict("app[0]");
    r.run("pageout");
    assertTrue(r.run("fused#0").contains("takes lock M"));
    r.run("app");
    assertEquals(List.of("fused#0"), r.waitsOn("app"));
    r.runAll("fused#0");
    assertTrue(r.run("app").contains("takes lock M"), "the request's lock is released when its steps end");
  }
}
