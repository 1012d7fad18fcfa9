package dev.pagerlab.vmcore;

/**
 * A radix-tree bitmap allocator of block runs in the manner of FreeBSD's blist (sys/kern/subr_blist.c):
 * leaves are 64-bit bitmaps (a set bit is a free block, bit 0 the lowest address) and meta nodes have a
 * radix of 64. Every node carries a hint, the largest free run inside its span (capped at
 * {@link #MAX_ALLOC}), plus the free runs touching its two ends, so a search skips every subtree that
 * cannot hold the run and still returns the lowest-addressed fit. Unlike FreeBSD's upper-bound hint,
 * the hint here is exact, so a search never descends in vain. Pure and deterministic; not thread-safe.
 */
public final class Blist {
  /** Blocks per leaf bitmap (FreeBSD's BLIST_BMAP_RADIX). */
  public static final int BMAP_RADIX = 64;
  /** Children per meta node (FreeBSD's BLIST_META_RADIX since it equals the bitmap radix). */
  public static final int META_RADIX = 64;
  /** The longest run one {@link #alloc} may ask for (FreeBSD's BLIST_MAX_ALLOC). */
  public static final int MAX_ALLOC = 64;
  /** What {@link #alloc} returns when no run fits (FreeBSD's SWAPBLK_NONE). */
  public static final long NONE = -1;
  private static final int SHIFT = 6;

  private final long blocks;
  private final long[] leaves;
  // Per level, per node (level 0 = the leaves): free run at the low end, at the high end, longest inside.
  private final byte[][] low;
  private final byte[][] high;
  private final byte[][] longest;
  private long free;

  /** A blist of {@code blocks} blocks, all free; {@code blocks} may be 0. */
  public Blist(long blocks) {
    if (blocks < 0 || blocks > (long) (Integer.MAX_VALUE - 8) * BMAP_RADIX) {
      throw new IllegalArgumentException("blist size out of range: " + blocks);
    }
    this.blocks = blocks;
    int n = (int) Math.max(1, (blocks + BMAP_RADIX - 1) >>> SHIFT);
    leaves = new long[n];
    int levels = 1;
    for (long k = n; k > 1; k = (k + META_RADIX - 1) >>> SHIFT) {
      levels++;
    }
    low = new byte[levels][];
    high = new byte[levels][];
    longest = new byte[levels][];
    for (int l = 0; l < levels; l++) {
      low[l] = new byte[n];
      high[l] = new byte[n];
      longest[l] = new byte[n];
      n = (n + META_RADIX - 1) >>> SHIFT;
    }
    mark(0, blocks, true);
  }

  /** Blocks the blist manages. */
  public long size() {
    return blocks;
  }

  /** Blocks now free. */
  public long free() {
    return free;
  }

  /** The longest run one {@link #alloc} can now satisfy (0 to {@link #MAX_ALLOC}); O(1). */
  public int largestAllocatable() {
    return longest[levels() - 1][0];
  }

  /** The longest run of free blocks, uncapped: a fragmentation figure; O(blocks / 64). */
  public long largestFreeRun() {
    long best = 0;
    long run = 0;
    for (long w : leaves) {
      if (w == -1L) {
        run += BMAP_RADIX;
        continue;
      }
      run += Long.numberOfTrailingZeros(~w);
      best = Math.max(Math.max(best, run), longestRun(w));
      run = Long.numberOfLeadingZeros(~w);
    }
    return Math.max(best, run);
  }

  /** Whether block {@code blk} is free. */
  public boolean isFree(long blk) {
    checkRange(blk, 1);
    return (leaves[(int) (blk >>> SHIFT)] & (1L << blk)) != 0;
  }

  /**
   * Allocates the lowest-addressed run of {@code count} contiguous free blocks (1 to {@link #MAX_ALLOC})
   * and returns its first block, or {@link #NONE} when no such run exists.
   */
  public long alloc(int count) {
    if (count < 1 || count > MAX_ALLOC) {
      throw new IllegalArgumentException("alloc count " + count + " not in 1.." + MAX_ALLOC);
    }
    int top = levels() - 1;
    if (longest[top][0] < count) {
      return NONE;
    }
    long blk = find(top, 0, count);
    mark(blk, count, false);
    return blk;
  }

  /** Frees the run {@code [blk, blk + count)}; throws IllegalStateException if any block of it is free. */
  public void free(long blk, long count) {
    checkRange(blk, count);
    for (long b = blk; b < blk + count; ) {
      int leaf = (int) (b >>> SHIFT);
      int n = (int) Math.min(blk + count - b, BMAP_RADIX - (b & (BMAP_RADIX - 1)));
      long m = mask(b, n);
      if ((leaves[leaf] & m) != 0) {
        long first = leaf * (long) BMAP_RADIX + Long.numberOfTrailingZeros(leaves[leaf] & m);
        throw new IllegalStateException("freeing free block " + first + " in run " + blk + "+" + count);
      }
      b += n;
    }
    mark(blk, count, true);
  }

  private int levels() {
    return low.length;
  }

  /** Finds the lowest fit of {@code count} inside node {@code i} of level {@code l}, known to hold one. */
  private long find(int l, int i, int count) {
    if (l == 0) {
      return ((long) i << SHIFT) + Long.numberOfTrailingZeros(starts(leaves[i], count));
    }
    int c = l - 1;
    int first = i << SHIFT;
    int last = Math.min(first + META_RADIX, low[c].length) - 1;
    for (int k = first; k <= last; k++) {
      if (longest[c][k] >= count) {
        return find(c, k, count);
      }
      if (k < last && high[c][k] + low[c][k + 1] >= count) {
        return ((long) (k + 1) << (SHIFT * l)) - high[c][k];
      }
    }
    throw new IllegalStateException("blist hint promised a run of " + count + " under level " + l + " node " + i);
  }

  /** Sets ({@code free} true) or clears the bits of a run, then refreshes the summaries above it. */
  private void mark(long blk, long count, boolean makeFree) {
    if (count == 0) {
      return;
    }
    for (long b = blk; b < blk + count; ) {
      int leaf = (int) (b >>> SHIFT);
      int n = (int) Math.min(blk + count - b, BMAP_RADIX - (b & (BMAP_RADIX - 1)));
      long m = mask(b, n);
      leaves[leaf] = makeFree ? leaves[leaf] | m : leaves[leaf] & ~m;
      b += n;
    }
    free += makeFree ? count : -count;
    int from = (int) (blk >>> SHIFT);
    int to = (int) ((blk + count - 1) >>> SHIFT);
    boolean changed = false;
    for (int leaf = from; leaf <= to; leaf++) {
      changed |= set(0, leaf, Long.numberOfTrailingZeros(~leaves[leaf]), Long.numberOfLeadingZeros(~leaves[leaf]),
          longestRun(leaves[leaf]));
    }
    // Climb only while a summary changed: the ones above depend on nothing else.
    for (int l = 1; l < levels() && changed; l++) {
      from >>>= SHIFT;
      to >>>= SHIFT;
      changed = false;
      for (int i = from; i <= to; i++) {
        changed |= summarizeMeta(l, i);
      }
    }
  }

  /** Stores a node's summary; returns whether it changed. */
  private boolean set(int l, int i, int lo, int hi, int best) {
    if (low[l][i] == lo && high[l][i] == hi && longest[l][i] == best) {
      return false;
    }
    low[l][i] = (byte) lo;
    high[l][i] = (byte) hi;
    longest[l][i] = (byte) best;
    return true;
  }

  /**
   * A meta node's low (high) run is its first (last) child's, since every child spans at least the cap;
   * only a level's last node has fewer children, and nothing follows it.
   */
  private boolean summarizeMeta(int l, int i) {
    int c = l - 1;
    int first = i << SHIFT;
    int last = Math.min(first + META_RADIX, low[c].length) - 1;
    int best = 0;
    for (int k = first; k <= last; k++) {
      best = Math.max(best, longest[c][k]);
      if (k < last) {
        best = Math.max(best, Math.min(MAX_ALLOC, high[c][k] + low[c][k + 1]));
      }
    }
    return set(l, i, low[c][first], high[c][last], best);
  }

  /** The bits at which a run of {@code count} set bits of {@code w} starts. */
  static long starts(long w, int count) {
    long r = w;
    for (int len = 1; len < count; ) {
      int s = Math.min(len, count - len);
      r &= r >>> s;
      len += s;
    }
    return r;
  }

  /** The longest run of set bits in {@code w}. */
  static int longestRun(long w) {
    int n = 0;
    for (long r = w; r != 0; r &= r >>> 1) {
      n++;
    }
    return n;
  }

  private static long mask(long blk, int n) {
    long m = n == BMAP_RADIX ? -1L : (1L << n) - 1;
    return m << blk;
  }

  private void checkRange(long blk, long count) {
    if (blk < 0 || count < 0 || blk > blocks - count) {
      throw new IllegalArgumentException("blocks " + blk + "+" + count + " outside 0.." + blocks);
    }
  }

  @Override
  public String toString() {
    return "Blist[" + blocks + " blocks, " + free + " free, largest allocatable " + largestAllocatable() + "]";
  }
}
