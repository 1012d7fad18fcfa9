package dev.pagerlab.fusefs;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Per-block CRC32C checksums of one file's data, in blocks of {@link #BLOCK} bytes. A block
 * whose checksum is 0 has never been written (reads of it are holes of zeros). Not thread-safe:
 * the owner of the file's lock guards it.
 */
public final class BlockChecksums {

  /** The block size the checksums cover. */
  public static final int BLOCK = 4096;

  private int[] sums = new int[0];
  private final CRC32C crc = new CRC32C();

  /** The checksum of {@code length} bytes of {@code data} from {@code offset}, never 0. Pure except for scratch state. */
  public int checksum(byte[] data, int offset, int length) {
    crc.reset();
    crc.update(data, offset, length);
    int value = (int) crc.getValue();
    return value == 0 ? 1 : value;
  }

  /** Records the checksum of block {@code block}, whose full contents are in {@code data}. */
  public void record(long block, byte[] data, int offset) {
    ensure(block);
    sums[(int) block] = checksum(data, offset, BLOCK);
  }

  /** Forgets blocks at or after {@code firstBlock} (after a truncate) and the partial block before it. */
  public void forgetFrom(long firstBlock) {
    if (firstBlock < sums.length) {
      Arrays.fill(sums, (int) Math.max(0, firstBlock), sums.length, 0);
    }
  }

  /** Whether block {@code block} holding {@code data} matches its recorded checksum (unrecorded blocks match). */
  public boolean verify(long block, byte[] data, int offset) {
    if (block >= sums.length || sums[(int) block] == 0) {
      return true;
    }
    return sums[(int) block] == checksum(data, offset, BLOCK);
  }

  /** Whether a checksum has been recorded for {@code block}. */
  public boolean has(long block) {
    return block < sums.length && sums[(int) block] != 0;
  }

  /** Bytes of memory this table uses. */
  public long footprint() {
    return 4L * sums.length;
  }

  private void ensure(long block) {
    if (block >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("block out of range: " + block);
    }
    if (block >= sums.length) {
      sums = Arrays.copyOf(sums, (int) Math.max(block + 1, sums.length * 2L));
    }
  }
}
