package dev.pagerlab.vmcore;

import java.util.List;
import java.util.Map;

/**
 * One simulated run: the timeline and its statistics.
 *
 * @param seed the seed that replays it
 * @param steps transitions taken
 * @param timeline every step with the counters after it
 * @param faults page faults that needed a read
 * @param pageouts pages evicted (written out or dropped clean)
 * @param pageins reads completed
 * @param prefetches pages read in with a fault's cluster
 * @param prefetchHits prefetched pages touched while still resident
 * @param errors injected I/O errors and timeouts
 * @param last counters at the end
 * @param blocked threads blocked at the end and why
 * @param threads one line per thread at the end
 * @param stuck whether the run ended stuck (nothing can move, someone is blocked)
 * @param profiles working-set profiles recorded, to seed the next start
 * @param swapFiles each swap file's slot figures at the end (largest free run: fragmentation)
 */
public record SimulationResult(long seed, int steps, List<Entry> timeline, int faults, int pageouts, int pageins,
    int prefetches, int prefetchHits, int errors, StateSummary last, List<WaitFor> blocked, List<String> threads,
    boolean stuck, Map<String, List<Integer>> profiles, List<SwapSlotAllocator.FileStats> swapFiles) {

  /** Copies the slot figures. */
  public SimulationResult {
    swapFiles = List.copyOf(swapFiles);
  }

  /** A run without slot figures (the constructor before slots were tracked). */
  public SimulationResult(long seed, int steps, List<Entry> timeline, int faults, int pageouts, int pageins,
      int prefetches, int prefetchHits, int errors, StateSummary last, List<WaitFor> blocked, List<String> threads,
      boolean stuck, Map<String, List<Integer>> profiles) {
    this(seed, steps, timeline, faults, pageouts, pageins, prefetches, prefetchHits, errors, last, blocked, threads,
        stuck, profiles, List.of());
  }

  /**
   * One step of the timeline.
   *
   * @param step 1-based step number
   * @param thread the thread that moved
   * @param text what it did
   * @param after counters after the step
   */
  public record Entry(int step, String thread, String text, StateSummary after) {}
}
