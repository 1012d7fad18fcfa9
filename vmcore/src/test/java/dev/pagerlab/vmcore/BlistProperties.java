package dev.pagerlab.vmcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Blist against a BitSet first-fit reference over random alloc/free sequences. */
@Tag("property")
class BlistProperties {
  private static final long SEED = Long.getLong("pagerlab.seed", System.nanoTime());

  /** The obvious allocator: a BitSet of free blocks, scanned from the bottom. */
  private static final class Reference {
    final BitSet free = new BitSet();
    final int size;

    Reference(int size) {
      this.size = size;
      free.set(0, size);
    }

    long alloc(int n) {
      for (int i = free.nextSetBit(0); i >= 0 && i + n <= size; i = free.nextSetBit(i + 1)) {
        int end = free.nextClearBit(i);
        if (end - i >= n) {
          free.clear(i, i + n);
          return i;
        }
        i = end;
      }
      return Blist.NONE;
    }

    long largestRun() {
      long best = 0;
      for (int i = free.nextSetBit(0); i >= 0; i = free.nextSetBit(free.nextClearBit(i))) {
        best = Math.max(best, free.nextClearBit(i) - i);
      }
      return best;
    }
  }

  @Test
  void blist_randomAllocFree_matchesBitSetFirstFit() {
    SplittableRandom seeds = new SplittableRandom(SEED);
    System.out.println("BlistProperties seed " + SEED + " (rerun with -Dpagerlab.seed=" + SEED + ")");
    for (int trial = 0; trial < 150; trial++) {
      long seed = seeds.nextLong();
      try {
        trial(new SplittableRandom(seed));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("trial seed " + seed + " (suite seed " + SEED + "): " + e.getMessage(), e);
      }
    }
  }

  private static void trial(SplittableRandom rng) {
    int[] sizes = {1, 63, 64, 65, 200, 64 * 64 - 1, 64 * 64, 64 * 64 + 1, 3 * 64 * 64 + 77, 64 * 64 * 64 + 5};
    int size = rng.nextInt(4) == 0 ? rng.nextInt(1, 20_000) : sizes[rng.nextInt(sizes.length)];
    Blist b = new Blist(size);
    Reference ref = new Reference(size);
    List<long[]> held = new ArrayList<>();
    int maxRun = 1 + rng.nextInt(64);
    int ops = 200 + rng.nextInt(1500);
    for (int op = 0; op < ops; op++) {
      if (held.isEmpty() || rng.nextInt(100) < 55) {
        int n = 1 + rng.nextInt(maxRun);
        long got = b.alloc(n);
        assertEquals(ref.alloc(n), got, "alloc " + n + " at op " + op + " of size " + size);
        if (got != Blist.NONE) {
          held.add(new long[] {got, n});
        }
      } else {
        freeSome(b, ref, held, rng);
      }
      assertEquals(ref.free.cardinality(), b.free(), "free count at op " + op);
      assertEquals(Math.min(Blist.MAX_ALLOC, ref.largestRun()), b.largestAllocatable(), "hint at op " + op);
    }
    assertEquals(ref.largestRun(), b.largestFreeRun());
    for (int k = 0; k < size; k++) {
      assertEquals(ref.free.get(k), b.isFree(k), "block " + k);
    }
  }

  /** Frees a random held run, or a random part of one; now and then tries a double free. */
  private static void freeSome(Blist b, Reference ref, List<long[]> held, SplittableRandom rng) {
    long[] run = held.remove(rng.nextInt(held.size()));
    long first = run[0];
    long n = run[1];
    if (n > 1 && rng.nextBoolean()) {
      long cut = 1 + rng.nextLong(n - 1);
      held.add(new long[] {first + cut, n - cut});
      n = cut;
    }
    b.free(first, n);
    ref.free.set((int) first, (int) (first + n));
    if (rng.nextInt(20) == 0) {
      long f = b.free();
      long again = first + rng.nextLong(n);
      assertThrows(IllegalStateException.class, () -> b.free(again, 1));
      assertEquals(f, b.free(), "a refused double free changed the count");
    }
    assertTrue(b.isFree(first));
  }
}
