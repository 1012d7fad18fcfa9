package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockChecksumsTest {

  private static byte[] block(long seed) {
    byte[] b = new byte[BlockChecksums.BLOCK];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  @Test
  void verify_unrecordedBlock_passes() {
    assertTrue(new BlockChecksums().verify(3, block(1), 0));
  }

  @Test
  void verify_recordedBlock_passesOnlyForSameBytes() {
    BlockChecksums sums = new BlockChecksums();
    byte[] b = block(2);
    sums.record(5, b, 0);
    assertTrue(sums.verify(5, b, 0));
    b[100] ^= 1;
    assertFalse(sums.verify(5, b, 0), "a flipped bit is caught");
  }

  @Test
  void forgetFrom_dropsBlocksAtAndAfter() {
    BlockChecksums sums = new BlockChecksums();
    for (int i = 0; i < 10; i++) {
      sums.record(i, block(i), 0);
    }
    sums.forgetFrom(4);
    assertTrue(sums.has(3));
    assertFalse(sums.has(4));
    assertFalse(sums.has(9));
  }

  @Test
  void checksum_neverZero_soZeroMeansUnrecorded() {
    BlockChecksums sums = new BlockChecksums();
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 1000; i++) {
      byte[] b = new byte[16];
      rnd.nextBytes(b);
      assertNotEquals(0, sums.checksum(b, 0, b.length));
    }
  }
}
