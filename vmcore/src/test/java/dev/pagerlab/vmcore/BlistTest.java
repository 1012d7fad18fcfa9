package dev.pagerlab.vmcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlistTest {

  @Test
  void alloc_emptyList_runsComeLowestFirst() {
    Blist b = new Blist(1000);
    assertEquals(0, b.alloc(8));
    assertEquals(8, b.alloc(8));
    assertEquals(16, b.alloc(1));
    assertEquals(1000 - 17, b.free());
    assertTrue(!b.isFree(16) && b.isFree(17));
  }

  @Test
  void alloc_runAcrossLeafBoundary_isContiguous() {
    Blist b = new Blist(256);
    assertEquals(0, b.alloc(60));
    assertEquals(60, b.alloc(10));
    for (long k = 60; k < 70; k++) {
      assertFalse(b.isFree(k), "block " + k);
    }
    assertEquals(256 - 70, b.free());
  }

  @Test
  void alloc_holeTooSmall_skipsToNextFit() {
    Blist b = new Blist(128);
    assertEquals(0, b.alloc(64));
    assertEquals(64, b.alloc(64));
    b.free(10, 3);
    b.free(100, 5);
    assertEquals(100, b.alloc(4));
    assertEquals(10, b.alloc(3));
    assertEquals(104, b.alloc(1));
    assertEquals(Blist.NONE, b.alloc(1));
  }

  @Test
  void alloc_exhausted_returnsNone() {
    Blist b = new Blist(100);
    assertEquals(0, b.alloc(64));
    assertEquals(64, b.alloc(32));
    assertEquals(Blist.NONE, b.alloc(5));
    assertEquals(96, b.alloc(4));
    assertEquals(Blist.NONE, b.alloc(1));
    assertEquals(0, b.free());
    assertEquals(0, b.largestAllocatable());
    assertEquals(0, b.largestFreeRun());
  }

  @Test
  void alloc_countOutOfRange_throws() {
    Blist b = new Blist(1000);
    assertThrows(IllegalArgumentException.class, () -> b.alloc(0));
    assertThrows(IllegalArgumentException.class, () -> b.alloc(Blist.MAX_ALLOC + 1));
    assertEquals(0, b.alloc(Blist.MAX_ALLOC));
  }

  @Test
  void alloc_moreThanTheListHolds_returnsNone() {
    Blist b = new Blist(10);
    assertEquals(Blist.NONE, b.alloc(11));
    assertEquals(0, b.alloc(10));
  }

  @Test
  void free_freeBlock_throwsAndChangesNothing() {
    Blist b = new Blist(200);
    assertEquals(0, b.alloc(64));
    b.free(5, 1);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.free(0, 10));
    assertTrue(e.getMessage().contains("block 5"), e.getMessage());
    assertEquals(200 - 63, b.free());
    assertFalse(b.isFree(0));
    assertThrows(IllegalStateException.class, () -> b.free(100, 1));
  }

  @Test
  void free_outsideTheList_throws() {
    Blist b = new Blist(64);
    assertThrows(IllegalArgumentException.class, () -> b.free(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> b.free(60, 5));
    assertThrows(IllegalArgumentException.class, () -> b.isFree(64));
  }

  @Test
  void free_everything_restoresOneRun() {
    Blist b = new Blist(64 * 64 * 3 + 5);
    long n = 0;
    while (b.alloc(64) != Blist.NONE) {
      n++;
    }
    assertEquals((64 * 64 * 3 + 5) / 64, n);
    assertEquals(5, b.free());
    b.free(0, n * 64);
    assertEquals(64 * 64 * 3 + 5, b.free());
    assertEquals(64 * 64 * 3 + 5, b.largestFreeRun());
    assertEquals(64, b.largestAllocatable());
  }

  @Test
  void alloc_exactly64Blocks_fillsOneLeaf() {
    Blist b = new Blist(64);
    assertEquals(0, b.alloc(64));
    assertEquals(Blist.NONE, b.alloc(1));
    b.free(63, 1);
    assertEquals(63, b.alloc(1));
  }

  @Test
  void alloc_atMetaNodeBoundary_crossesSubtrees() {
    Blist b = new Blist(64 * 64 * 2);
    assertEquals(0, b.alloc(1));
    b.free(0, 1);
    fill(b, 64 * 64 - 3);
    assertEquals(64 * 64 - 3, b.alloc(6));
    assertEquals(64 * 64 + 3, b.alloc(1));
  }

  @Test
  void alloc_runAtTheVeryEnd_isFound() {
    Blist b = new Blist(64 * 64 + 10);
    fill(b, 64 * 64 + 10 - 7);
    assertEquals(Blist.NONE, b.alloc(8));
    assertEquals(64 * 64 + 3, b.alloc(7));
    assertEquals(0, b.free());
  }

  @Test
  void blist_hugeSize_allocatesAndFrees() {
    long size = 1L << 20;
    Blist b = new Blist(size);
    assertEquals(size, b.free());
    fill(b, size - 64 * 64 * 64 - 1);
    assertEquals(size - 64 * 64 * 64 - 1, b.alloc(64));
    b.free(12345, 1);
    assertEquals(12345, b.alloc(1));
    b.free(size - 64 * 64 * 64 - 1, 64);
    assertEquals(64 * 64 * 64 + 1, b.largestFreeRun());
  }

  @Test
  void blist_2pow26Blocks_worksAtDepthFive() {
    long size = 1L << 26;
    Blist b = new Blist(size);
    fill(b, size - 2);
    assertEquals(Blist.NONE, b.alloc(3));
    assertEquals(size - 2, b.alloc(2));
    assertEquals(0, b.free());
    b.free(size / 2 - 1, 2);
    assertEquals(size / 2 - 1, b.alloc(2));
  }

  @Test
  void largestFreeRun_fragmented_isTheLongestHole() {
    Blist b = new Blist(1000);
    fill(b, 1000);
    b.free(100, 3);
    b.free(500, 130);
    b.free(999, 1);
    assertEquals(130, b.largestFreeRun());
    assertEquals(64, b.largestAllocatable());
    assertEquals(134, b.free());
  }

  @Test
  void blist_zeroBlocks_hasNothing() {
    Blist b = new Blist(0);
    assertEquals(Blist.NONE, b.alloc(1));
    assertEquals(0, b.free());
    assertEquals(0, b.largestFreeRun());
    b.free(0, 0);
  }

  @Test
  void leafHelpers_matchBitByBitCount() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 2000; i++) {
      long w = rng.nextLong() & rng.nextLong() | (i % 3 == 0 ? rng.nextLong() : 0);
      int longest = 0;
      int run = 0;
      for (int k = 0; k < 64; k++) {
        run = (w >>> k & 1) != 0 ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      assertEquals(longest, Blist.longestRun(w), Long.toHexString(w));
      int n = 1 + rng.nextInt(64);
      long starts = Blist.starts(w, n);
      for (int k = 0; k < 64; k++) {
        boolean fits = k + n <= 64 && (n == 64 ? w == -1L : (w >>> k & ((1L << n) - 1)) == (1L << n) - 1);
        assertEquals(fits, (starts >>> k & 1) != 0, Long.toHexString(w) + " n " + n + " k " + k);
      }
    }
  }

  @Test
  void blist_millionRandomOps_printsThroughput() {
    long size = 1L << 20;
    Blist b = new Blist(size);
    SplittableRandom rng = new SplittableRandom(20);
    long[] first = new long[1 << 16];
    int[] count = new int[first.length];
    int held = 0;
    long inUse = 0;
    int failed = 0;
    int ops = 1_000_000;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long c0 = cpu.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int op = 0; op < ops; op++) {
      if (held > 0 && (held == first.length || rng.nextInt(100) < 45)) {
        int k = rng.nextInt(held);
        b.free(first[k], count[k]);
        inUse -= count[k];
        held--;
        first[k] = first[held];
        count[k] = count[held];
      } else {
        int n = 1 + rng.nextInt(Blist.MAX_ALLOC);
        long blk = b.alloc(n);
        if (blk != Blist.NONE) {
          first[held] = blk;
          count[held++] = n;
          inUse += n;
        } else {
          failed++;
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
    System.out.printf("Blist 2^20 blocks: %d random alloc/free (runs 1..64) in %.3f s wall = %.0f ops/s, "
        + "%.3f s CPU = %.0f ops/s; %d allocs found no run; at the end %d blocks in use, largest free run %d%n",
        ops, seconds, ops / seconds, cpuSeconds, ops / cpuSeconds, failed, inUse, b.largestFreeRun());
    assertEquals(size - inUse, b.free());
  }

  /** Allocates blocks 0..upTo-1 (assumes they are all free and the first ones to go). */
  private static void fill(Blist b, long upTo) {
    long done = 0;
    while (done < upTo) {
      int n = (int) Math.min(64, upTo - done);
      assertEquals(done, b.alloc(n));
      done += n;
    }
  }
}
