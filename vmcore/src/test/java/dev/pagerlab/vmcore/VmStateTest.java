package dev.pagerlab.vmcore;

import static dev.pagerlab.vmcore.Scenarios.alloc;
import static dev.pagerlab.vmcore.Scenarios.layerOf;
import static dev.pagerlab.vmcore.Scenarios.lock;
import static dev.pagerlab.vmcore.Scenarios.proc;
import static dev.pagerlab.vmcore.Scenarios.touch;
import static dev.pagerlab.vmcore.Scenarios.touchPageable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.LayerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmStateTest {

  /** A stack with a kext, a daemon, a lock and a workload: many frame types on thread stacks. */
  static Scenarios rich() {
    return Scenarios.scenario("rich").memory(16, 2, 10).swapFile("swap0", 8, true).stack("fuse0")
        .layer(layerOf("fuse0", LayerKind.FUSE).server("fused").kext("kx").below("disk0")).block("disk0")
        .kext("kx", 1, 2, touchPageable(1))
        .process(proc("fused").pages(2).threads(2).onRequest(lock("q"), touch(1), alloc(1)))
        .process(proc("app").pages(3).workload(alloc(4), touch(3)));
  }

  @Test
  void state_encodeDecode_roundTrips() {
    VmModel m = rich().model();
    VmState s = m.initial();
    for (int i = 0; i < 60; i++) {
      VmState back = VmState.decode(s.encode(), m.coreLength(), m.threads());
      assertEquals(s, back, "step " + i);
      assertEquals(s.fingerprint(), back.fingerprint());
      assertArrayEquals(s.encode(), back.encode());
      List<VmTransition> enabled = m.enabled(s);
      if (enabled.isEmpty()) {
        break;
      }
      s = m.apply(s, enabled.get(i % enabled.size()));
    }
    assertTrue(s.encode().length > m.coreLength(), "some thread stack was non-empty at the end");
  }

  @Test
  void fingerprint_equalStates_equal() {
    Run ab = Run.of(Scenarios.scenario("commute").memory(8, 1, 1)
        .process(proc("a").workload(alloc(1))).process(proc("b").workload(alloc(1))));
    Run ba = new Run(ab.model);
    ab.run("a");
    VmState onlyA = ab.state;
    ab.run("b");
    ba.run("b");
    ba.run("a");
    assertTrue(ab.state != ba.state);
    assertEquals(ab.state, ba.state, "independent moves commute");
    assertEquals(ab.state.fingerprint(), ba.state.fingerprint());
    assertEquals(ab.state.hashCode(), ba.state.hashCode());
    assertNotEquals(onlyA, ab.state);
    assertNotEquals(onlyA.fingerprint(), ab.state.fingerprint());
  }

  @Test
  void apply_anyTransition_leavesSourceStateUnchanged() {
    VmModel m = rich().model();
    VmState s = m.initial();
    for (int i = 0; i < 40 && !m.enabled(s).isEmpty(); i++) {
      int[] before = s.encode();
      long fp = s.fingerprint();
      VmState next = m.apply(s, m.enabled(s).get(0));
      assertArrayEquals(before, s.encode(), "apply mutated its source state");
      assertEquals(fp, VmState.decode(before, m.coreLength(), m.threads()).fingerprint());
      s = next;
    }
  }

  @Test
  void applyTransient_everyTransition_givesApplysSuccessorAndRestoresTheSource() {
    VmModel m = rich().model();
    VmState s = m.initial();
    for (int i = 0; i < 80; i++) {
      List<VmTransition> enabled = m.enabled(s);
      if (enabled.isEmpty()) {
        break;
      }
      for (VmTransition t : enabled) {
        int[] before = s.encode();
        long fp = s.fingerprint();
        VmState kept = m.apply(s, t);
        int[][] seen = new int[1][];
        long[] seenFp = new long[1];
        m.applyTransient(s, t, next -> {
          seen[0] = next.encode();
          seenFp[0] = next.fingerprint();
        });
        assertArrayEquals(kept.encode(), seen[0], "step " + i + ": " + m.label(s, t));
        assertEquals(kept.fingerprint(), seenFp[0]);
        assertArrayEquals(before, s.encode(), "applyTransient left its source changed");
        assertEquals(fp, s.fingerprint());
        int[] packed = new int[kept.packedLength() + 3];
        kept.packInto(packed, 3);
        VmState back = VmState.unpack(packed, 3, m.coreLength(), m.threads());
        assertEquals(kept, back);
        assertEquals(kept.fingerprint(), back.fingerprint());
      }
      s = m.apply(s, enabled.get(i % enabled.size()));
    }
  }
}
