package dev.pagerlab.fusefs;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional per-block checksums over any backing: a write records the CRC32C of every block it
 * touches (reading the block back from the backing), a read first verifies every recorded block
 * it covers and answers EIO on a mismatch, never wrong bytes. Checksums live in the daemon's
 * memory, so they protect data for the life of the mount. Each file's blocks are guarded by its
 * checksum table's monitor.
 */
final class Checksums {

  private static final Logger LOG = LoggerFactory.getLogger(Checksums.class);
  private static final int BLOCK = BlockChecksums.BLOCK;
  private final Backing backing;
  private final Map<Object, BlockChecksums> tables = new ConcurrentHashMap<>();
  private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[BLOCK]);

  Checksums(Backing backing) {
    this.backing = backing;
  }

  /** Writes through to the backing and records the checksums of the blocks written. */
  int write(long handle, long buf, int size, long offset) {
    BlockChecksums sums = table(backing.identity(handle));
    synchronized (sums) {
      int n = backing.write(handle, buf, size, offset);
      for (long b = offset / BLOCK; n > 0 && b <= (offset + n - 1) / BLOCK; b++) {
        byte[] block = readBlock(handle, b);
        if (block == null) {
          return Errors.EIO;
        }
        sums.record(b, block, 0);
      }
      return n;
    }
  }

  /** Verifies every recorded block the read covers, then reads; EIO on a mismatch. */
  int read(long handle, long buf, int size, long offset, String path) {
    BlockChecksums sums = table(backing.identity(handle));
    synchronized (sums) {
      for (long b = offset / BLOCK; size > 0 && b <= (offset + size - 1) / BLOCK; b++) {
        if (sums.has(b)) {
          byte[] block = readBlock(handle, b);
          if (block == null || !sums.verify(b, block, 0)) {
            LOG.error("checksum mismatch in {} block {} (offset {}); answering EIO", path, b, b * BLOCK);
            return Errors.EIO;
          }
        }
      }
      return backing.read(handle, buf, size, offset);
    }
  }

  /** Forgets the checksums of a file's blocks from the one holding {@code size} on. */
  void truncated(Object identity, long size) {
    if (identity != null) {
      BlockChecksums sums = table(identity);
      synchronized (sums) {
        sums.forgetFrom(size / BLOCK);
      }
    }
  }

  private BlockChecksums table(Object identity) {
    return tables.computeIfAbsent(identity == null ? "" : identity, k -> new BlockChecksums());
  }

  private byte[] readBlock(long handle, long block) {
    byte[] bytes = scratch.get();
    int n = backing.read(handle, bytes, BLOCK, block * BLOCK);
    if (n < 0) {
      return null;
    }
    Arrays.fill(bytes, n, BLOCK, (byte) 0);
    return bytes;
  }
}
