package dev.pagerlab.vmcore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Swap slots of the default (anonymous) pager: one {@link Blist} per swap file, runs allocated in
 * pageout clusters, and the map from a page to its slot. A file hands out slots from its open cluster
 * and reserves the next cluster (halving the request until it fits, like swp_pager_getswapspace) when
 * that one is used up. Pure and deterministic; not thread-safe.
 */
public final class SwapSlotAllocator {
  /** Pageout cluster size by default (FreeBSD's historical SWB_NPAGES of 8). */
  public static final int DEFAULT_CLUSTER = 8;

  private final int cluster;
  private final Map<String, SwapFile> files = new LinkedHashMap<>();
  private final Map<Integer, SwapSlot> slots = new HashMap<>();

  /**
   * A page's slot.
   *
   * @param file swap file name
   * @param slot slot number within the file
   */
  public record SwapSlot(String file, long slot) {
    @Override
    public String toString() {
      return file + " slot " + slot;
    }
  }

  /**
   * A run of contiguous slots.
   *
   * @param file swap file name
   * @param first first slot
   * @param count slots in the run
   */
  public record SwapRun(String file, long first, int count) {}

  /**
   * One file's figures.
   *
   * @param file swap file name
   * @param slots slots the file holds
   * @param used slots holding a page
   * @param reserved slots of open clusters not yet holding a page
   * @param free slots free in the allocator
   * @param largestFreeRun the longest run of free slots: the fragmentation figure
   */
  public record FileStats(String file, long slots, long used, long reserved, long free, long largestFreeRun) {}

  /** A swap file's allocator and its open cluster (next slot, slots left). */
  private static final class SwapFile {
    final Blist blist;
    long used;
    long next;
    int left;

    SwapFile(long slots) {
      blist = new Blist(slots);
    }
  }

  /** An allocator with pageout clusters of {@code cluster} slots (1 to {@link Blist#MAX_ALLOC}). */
  public SwapSlotAllocator(int cluster) {
    if (cluster < 1 || cluster > Blist.MAX_ALLOC) {
      throw new IllegalArgumentException("cluster " + cluster + " not in 1.." + Blist.MAX_ALLOC);
    }
    this.cluster = cluster;
  }

  /** An allocator with clusters of {@link #DEFAULT_CLUSTER}. */
  public SwapSlotAllocator() {
    this(DEFAULT_CLUSTER);
  }

  /** Adds a swap file of {@code slots} free slots (swapon); throws if the name is taken. */
  public void addFile(String name, long slots) {
    check(!files.containsKey(name), "swap file " + name + " added twice");
    files.put(name, new SwapFile(slots));
  }

  /** Whether a file of that name is present. */
  public boolean hasFile(String name) {
    return files.containsKey(name);
  }

  /** Removes a drained swap file (swapoff); throws IllegalStateException if a page still holds a slot in it. */
  public void removeFile(String name) {
    SwapFile f = file(name);
    check(f.used == 0, "swap file " + name + " removed with " + f.used + " slots in use");
    files.remove(name);
  }

  /**
   * Allocates a contiguous run of up to {@code pages} slots in a file, halving the request until it
   * fits; empty when the file has no free slot.
   */
  public Optional<SwapRun> allocate(String name, int pages) {
    Blist b = file(name).blist;
    for (int n = Math.min(pages, Blist.MAX_ALLOC); n >= 1; n /= 2) {
      long first = b.alloc(n);
      if (first != Blist.NONE) {
        return Optional.of(new SwapRun(name, first, n));
      }
    }
    return Optional.empty();
  }

  /** Frees a run of slots; throws IllegalStateException if any is already free. */
  public void free(SwapRun run) {
    file(run.file()).blist.free(run.first(), run.count());
  }

  /**
   * Gives {@code page} a slot in the named file from its open cluster, reserving a new cluster when
   * that is used up; throws IllegalStateException if the page holds a slot or the file is full.
   */
  public SwapSlot assign(int page, String name) {
    check(!slots.containsKey(page), "page " + page + " already holds " + slots.get(page));
    SwapFile f = file(name);
    if (f.left == 0) {
      SwapRun run = allocate(name, cluster)
          .orElseThrow(() -> new IllegalStateException("swap file " + name + " has no free slot"));
      f.next = run.first();
      f.left = run.count();
    }
    SwapSlot s = new SwapSlot(name, f.next++);
    f.left--;
    f.used++;
    slots.put(page, s);
    return s;
  }

  /** Frees the slot {@code page} holds, if any, and returns it. */
  public Optional<SwapSlot> release(int page) {
    SwapSlot s = slots.remove(page);
    if (s == null) {
      return Optional.empty();
    }
    SwapFile f = file(s.file());
    f.blist.free(s.slot(), 1);
    f.used--;
    return Optional.of(s);
  }

  /** The slot {@code page} holds, if any. */
  public Optional<SwapSlot> slotOf(int page) {
    return Optional.ofNullable(slots.get(page));
  }

  /** Gives the unused rest of a file's open cluster back to its blist. */
  public void closeCluster(String name) {
    SwapFile f = file(name);
    if (f.left > 0) {
      f.blist.free(f.next, f.left);
      f.left = 0;
    }
  }

  /** Figures of every file, in the order they were added. */
  public List<FileStats> stats() {
    List<FileStats> out = new ArrayList<>();
    files.forEach((name, f) -> out.add(new FileStats(name, f.blist.size(), f.used, f.left, f.blist.free(),
        f.blist.largestFreeRun())));
    return out;
  }

  private SwapFile file(String name) {
    SwapFile f = files.get(name);
    check(f != null, "no swap file " + name);
    return f;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }
}
