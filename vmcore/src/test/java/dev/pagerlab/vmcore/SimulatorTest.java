package dev.pagerlab.vmcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  @Test
  void simulator_sameSeed_sameTimeline() {
    VmModel m = VmStateTest.rich().model();
    SimulationResult a = new Simulator(m, 42, 400, Map.of()).run();
    SimulationResult b = new Simulator(m, 42, 400, Map.of()).run();
    assertTrue(a.steps() > 10, "the run did something: " + a.steps());
    assertEquals(a.timeline(), b.timeline());
    assertEquals(a.last(), b.last());
    assertEquals(a.faults(), b.faults());
    assertEquals(a.pageouts(), b.pageouts());
    assertEquals(a.profiles(), b.profiles());
  }

  @Test
  void simulator_differentSeeds_differentSchedules() {
    VmModel m = VmStateTest.rich().model();
    Set<Object> timelines = new HashSet<>();
    for (long seed = 1; seed <= 6; seed++) {
      timelines.add(new Simulator(m, seed, 400, Map.of()).run().timeline());
    }
    assertTrue(timelines.size() > 1, "six seeds gave one schedule");
  }
}
