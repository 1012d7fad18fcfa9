package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  @Test
  void decide_noFaults_returnsNull() {
    FaultPlan plan = new FaultPlan();
    for (Operation op : Operation.values()) {
      assertNull(plan.decide(op));
    }
  }

  @Test
  void decide_countedFault_firesThatManyTimesOnMatchingOps() {
    FaultPlan plan = new FaultPlan();
    plan.inject(FaultKind.EIO_READ, 2);
    assertNull(plan.decide(Operation.WRITE));
    assertEquals(FaultKind.EIO_READ, plan.decide(Operation.READ));
    assertEquals(FaultKind.EIO_READ, plan.decide(Operation.READ));
    assertNull(plan.decide(Operation.READ));
  }

  @Test
  void decide_forever_firesUntilCleared() {
    FaultPlan plan = new FaultPlan();
    plan.inject(FaultKind.ENOSPC, FaultPlan.FOREVER);
    for (int i = 0; i < 100; i++) {
      assertEquals(FaultKind.ENOSPC, plan.decide(Operation.WRITE));
    }
    assertEquals(FaultKind.ENOSPC, plan.decide(Operation.FALLOCATE));
    assertEquals(Map.of(FaultKind.ENOSPC, FaultPlan.FOREVER), plan.armed());
    plan.clear(FaultKind.ENOSPC);
    assertNull(plan.decide(Operation.WRITE));
  }

  @Test
  void inject_zeroOrNegativeTimes_rejected() {
    FaultPlan plan = new FaultPlan();
    assertThrows(IllegalArgumentException.class, () -> plan.inject(FaultKind.STALL, 0));
    assertThrows(IllegalArgumentException.class, () -> plan.inject(FaultKind.STALL, -2));
    assertThrows(IllegalArgumentException.class, () -> plan.latency(Duration.ofMillis(-1)));
  }

  @Test
  void awaitStallCleared_blocksUntilClear() throws Exception {
    FaultPlan plan = new FaultPlan();
    plan.inject(FaultKind.STALL, 1);
    CompletableFuture<Boolean> stalled = CompletableFuture.supplyAsync(plan::awaitStallCleared);
    Thread.sleep(100);
    assertTrue(!stalled.isDone(), "still stalled");
    plan.clear(FaultKind.STALL);
    assertTrue(stalled.get(5, TimeUnit.SECONDS));
  }

  @Test
  void appliesTo_dataFaultsOnlyOnTheirOperations() {
    assertTrue(FaultKind.EIO_WRITE.appliesTo(Operation.WRITE));
    assertTrue(!FaultKind.EIO_WRITE.appliesTo(Operation.READ));
    assertTrue(FaultKind.STALL.appliesTo(Operation.READ));
    assertTrue(!FaultKind.STALL.appliesTo(Operation.GETATTR));
  }
}
