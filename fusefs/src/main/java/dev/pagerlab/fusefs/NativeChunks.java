package dev.pagerlab.fusefs;

import com.kenai.jffi.MemoryIO;
import java.util.Arrays;

/**
 * A file's bytes in native memory, in chunks of {@link #CHUNK} bytes allocated on first write
 * (holes read as zeros). Data moves between the kernel's request buffer and the chunks with one
 * memcpy and no Java heap copy. Not thread-safe: the caller holds the file's lock.
 */
final class NativeChunks {

  /** The allocation unit. */
  static final int CHUNK = 64 * 1024;

  private static final MemoryIO MEMORY = MemoryIO.getInstance();
  private long[] chunks = new long[0];
  private int allocated;

  /** Bytes of native memory held. */
  long footprint() {
    return (long) allocated * CHUNK;
  }

  /** Bytes that allocating [offset, offset+length) would add. Pure. */
  long costOf(long offset, long length) {
    long cost = 0;
    for (long c = offset / CHUNK; c <= (offset + length - 1) / CHUNK && length > 0; c++) {
      cost += c < chunks.length && chunks[(int) c] != 0 ? 0 : CHUNK;
    }
    return cost;
  }

  /** Allocates the chunks covering [offset, offset+length); returns the bytes allocated. */
  long allocate(long offset, long length) {
    if (length <= 0) {
      return 0;
    }
    int last = (int) ((offset + length - 1) / CHUNK);
    if (last >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(last + 1, chunks.length * 2));
    }
    long added = 0;
    for (int c = (int) (offset / CHUNK); c <= last; c++) {
      if (chunks[c] == 0) {
        chunks[c] = MEMORY.allocateMemory(CHUNK, true);
        if (chunks[c] == 0) {
          throw new OutOfMemoryError("native chunk allocation failed");
        }
        allocated++;
        added += CHUNK;
      }
    }
    return added;
  }

  /** Copies {@code length} bytes from native address {@code src} to the file at {@code offset}; chunks must exist. */
  void copyIn(long src, long offset, int length) {
    while (length > 0) {
      int c = (int) (offset / CHUNK);
      int in = (int) (offset % CHUNK);
      int n = Math.min(length, CHUNK - in);
      MEMORY.copyMemory(src, chunks[c] + in, n);
      src += n;
      offset += n;
      length -= n;
    }
  }

  /** Copies {@code length} bytes of the file at {@code offset} to native address {@code dst}, zeros for holes. */
  void copyOut(long offset, long dst, int length) {
    while (length > 0) {
      int c = (int) (offset / CHUNK);
      int in = (int) (offset % CHUNK);
      int n = Math.min(length, CHUNK - in);
      long chunk = c < chunks.length ? chunks[c] : 0;
      if (chunk == 0) {
        MEMORY.setMemory(dst, n, (byte) 0);
      } else {
        MEMORY.copyMemory(chunk + in, dst, n);
      }
      dst += n;
      offset += n;
      length -= n;
    }
  }

  /** Copies {@code length} bytes of the file at {@code offset} into {@code dst}, zeros for holes. */
  void copyOut(long offset, byte[] dst, int length) {
    int at = 0;
    while (length > 0) {
      int c = (int) (offset / CHUNK);
      int in = (int) (offset % CHUNK);
      int n = Math.min(length, CHUNK - in);
      long chunk = c < chunks.length ? chunks[c] : 0;
      if (chunk == 0) {
        Arrays.fill(dst, at, at + n, (byte) 0);
      } else {
        MEMORY.getByteArray(chunk + in, dst, at, n);
      }
      at += n;
      offset += n;
      length -= n;
    }
  }

  /** Zeros [offset, end of its chunk) and frees every chunk wholly at or after {@code size}; returns bytes freed. */
  long truncate(long size) {
    long freed = 0;
    int keep = (int) ((size + CHUNK - 1) / CHUNK);
    for (int c = keep; c < chunks.length; c++) {
      if (chunks[c] != 0) {
        MEMORY.freeMemory(chunks[c]);
        chunks[c] = 0;
        allocated--;
        freed += CHUNK;
      }
    }
    int in = (int) (size % CHUNK);
    int c = (int) (size / CHUNK);
    if (in != 0 && c < chunks.length && chunks[c] != 0) {
      MEMORY.setMemory(chunks[c] + in, CHUNK - in, (byte) 0);
    }
    return freed;
  }

  /** Flips one bit at {@code offset} if its chunk exists (a test hook that plays a bad disk). */
  boolean corrupt(long offset) {
    int c = (int) (offset / CHUNK);
    if (c >= chunks.length || chunks[c] == 0) {
      return false;
    }
    long at = chunks[c] + offset % CHUNK;
    MEMORY.putByte(at, (byte) (MEMORY.getByte(at) ^ 1));
    return true;
  }

  /** Frees every chunk; returns the bytes freed. */
  long free() {
    return truncate(0);
  }
}
