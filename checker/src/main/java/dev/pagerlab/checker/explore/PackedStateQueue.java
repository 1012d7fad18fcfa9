package dev.pagerlab.checker.explore;

import dev.pagerlab.vmcore.VmState;
import java.util.ArrayDeque;

/**
 * The breadth-first frontier as packed ints in chunks (doubling up to 4 MiB) instead of one
 * object graph per state: a frontier of a million states is a few dozen arrays the garbage collector never has to
 * trace or copy piece by piece, and a state costs its encoding and nothing more.
 */
final class PackedStateQueue {
  private static final int CHUNK = 1 << 20;
  private static final int FIRST_CHUNK = 1 << 12;

  private final int threads;
  private final int[] core;
  private final ArrayDeque<int[]> full = new ArrayDeque<>();
  private final ArrayDeque<Integer> fullEnds = new ArrayDeque<>();
  private int[] read;
  private int readAt;
  private int readEnd;
  private int[] write;
  private int writeAt;
  private long size;

  private final int chunk;

  PackedStateQueue(int coreLength, int threads) {
    this(coreLength, threads, CHUNK);
  }

  /** A queue with chunks of {@code chunk} ints (tests use small ones to cross chunk borders). */
  PackedStateQueue(int coreLength, int threads, int chunk) {
    this.threads = threads;
    this.core = new int[coreLength];
    this.chunk = chunk;
  }

  void add(VmState s) {
    int n = s.packedLength();
    if (write == null || writeAt + n > write.length) {
      if (write == read) {
        readEnd = writeAt;
      } else if (write != null) {
        full.add(write);
        fullEnds.add(writeAt);
      }
      // Chunks start small and double up to the full size: a search of a few thousand states
      // should not pay for zeroing megabytes it never uses.
      int size = write == null ? Math.min(chunk, FIRST_CHUNK) : Math.min(chunk, write.length * 2);
      write = new int[Math.max(size, n)];
      writeAt = 0;
    }
    s.packInto(write, writeAt);
    writeAt += n;
    size++;
  }

  /**
   * The oldest state, or null. Its core is an array the queue reuses: the state is valid until
   * the next call of poll, and must not be kept beyond it.
   */
  VmState poll() {
    if (size == 0) {
      return null;
    }
    if (read == null || read != write && readAt == readEnd) {
      if (full.isEmpty()) {
        read = write;
      } else {
        read = full.poll();
        readEnd = fullEnds.poll();
      }
      readAt = 0;
    }
    VmState s = VmState.unpack(read, readAt, threads, core);
    readAt += s.packedLength();
    if (--size == 0) {
      // Drained: the chunk being written starts over.
      read = null;
      readAt = 0;
      writeAt = 0;
    }
    return s;
  }

  long size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }
}
