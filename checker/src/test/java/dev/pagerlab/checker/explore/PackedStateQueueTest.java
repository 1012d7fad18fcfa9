package dev.pagerlab.checker.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.scenarios.Catalog;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.VmState;
import dev.pagerlab.vmcore.VmTransition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedStateQueueTest {
  private static final long SEED = 0x5eed_2026L;

  /** States along random walks of a catalog scenario with processes, layers and a kext. */
  private static List<VmState> walkStates(VmModel m, int count) {
    Random rnd = new Random(SEED);
    List<VmState> out = new ArrayList<>();
    VmState s = m.initial();
    while (out.size() < count) {
      out.add(s);
      List<VmTransition> enabled = m.enabled(s);
      s = enabled.isEmpty() ? m.initial() : m.apply(s, enabled.get(rnd.nextInt(enabled.size())));
    }
    return out;
  }

  private static VmModel model() {
    return VmModel.of(Catalog.all().stream().filter(s -> s.name().equals("swap-on-fuse-pageable-daemon"))
        .findFirst().orElseThrow());
  }

  @Test
  void interleavedAddsAndPollsComeBackInOrderAcrossSmallChunks() {
    VmModel m = model();
    List<VmState> states = walkStates(m, 5_000);
    // A chunk holds only a few states, so reading and writing cross chunk borders all the time,
    // and the reader catches up with the writer's chunk again and again.
    PackedStateQueue q = new PackedStateQueue(m.coreLength(), m.threads(), 3 * states.get(0).packedLength());
    ArrayDeque<VmState> reference = new ArrayDeque<>();
    Random rnd = new Random(SEED);
    int next = 0;
    while (next < states.size() || !reference.isEmpty()) {
      if (next < states.size() && (reference.isEmpty() || rnd.nextInt(3) > 0)) {
        q.add(states.get(next));
        reference.add(states.get(next++));
      } else {
        VmState want = reference.poll();
        VmState got = q.poll();
        assertEquals(want, got, "seed " + SEED);
        assertEquals(want.fingerprint(), got.fingerprint(), "seed " + SEED);
        assertArrayEquals(want.encode(), got.encode(), "seed " + SEED);
      }
      assertEquals(reference.size(), q.size());
    }
    assertTrue(q.isEmpty());
    assertNull(q.poll());
  }

  @Test
  void unpackedStatesStepLikeTheOriginals() {
    VmModel m = model();
    PackedStateQueue q = new PackedStateQueue(m.coreLength(), m.threads());
    for (VmState s : walkStates(m, 2_000)) {
      q.add(s);
      VmState back = q.poll();
      List<VmTransition> enabled = m.enabled(s);
      assertEquals(enabled, m.enabled(back));
      for (VmTransition t : enabled) {
        VmState a = m.apply(s, t);
        VmState b = m.apply(back, t);
        assertEquals(a, b);
        assertEquals(a.fingerprint(), b.fingerprint());
        // The incremental hashes agree with hashing the successor from scratch.
        VmState fresh = VmState.decode(a.encode(), m.coreLength(), m.threads());
        assertEquals(fresh.fingerprint(), b.fingerprint());
      }
    }
  }
}
