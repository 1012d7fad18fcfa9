package dev.pagerlab.checker.explore;

/**
 * An open-addressing hash set of longs: linear probing in one primitive array, no boxing.
 * Fingerprint 0 is stored as a separate flag because 0 marks an empty slot.
 *
 * <p>In front of the table sits a small direct-mapped cache of recently added or found
 * fingerprints (an eighth of the table, at most 512 KiB, so it stays in the CPU's cache): breadth-first search meets most
 * duplicates shortly after the first copy (the two orders of a pair of independent steps reach
 * the same state from neighbouring parents), and a hit there answers "seen" without the cache
 * miss a probe of a table of millions costs. The cache only ever holds fingerprints that are in
 * the table, so a hit is never wrong.
 */
public final class FingerprintStateSet implements StateSet {
  private long[] table;
  private int mask;
  private long size;
  private boolean hasZero;
  private long[] recent;
  private static final int RECENT = 1 << 16;

  /** A set sized for about {@code expected} fingerprints before it grows. */
  public FingerprintStateSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    table = new long[cap];
    mask = cap - 1;
    recent = new long[recentSize(cap)];
  }

  /** The recent cache grows with the table (an eighth of it) up to {@link #RECENT} entries. */
  private static int recentSize(int tableLength) {
    return Math.min(RECENT, Math.max(16, tableLength / 8));
  }

  @Override
  public boolean add(long fp) {
    if (fp == 0) {
      if (hasZero) {
        return false;
      }
      hasZero = true;
      size++;
      return true;
    }
    int h = spread(fp);
    int r = (h >>> 16 ^ h) & (recent.length - 1);
    if (recent[r] == fp) {
      return false;
    }
    recent[r] = fp;
    int i = h & mask;
    while (true) {
      long v = table[i];
      if (v == 0) {
        table[i] = fp;
        if (++size * 2 > table.length) {
          grow();
        }
        return true;
      }
      if (v == fp) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  @Override
  public long size() {
    return size;
  }

  private static int spread(long fp) {
    long h = fp * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    mask = table.length - 1;
    if (recent.length < recentSize(table.length)) {
      recent = new long[recentSize(table.length)];
    }
    for (long v : old) {
      if (v != 0) {
        int i = spread(v) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = v;
      }
    }
  }
}
