package dev.pagerlab.vmcore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs one seeded schedule of a model: a random runnable thread moves at each step, the pageout
 * thread picks its victim least-recently-used first, injected faults fire now and then, and
 * faults prefetch their working-set cluster. Pages written to swap get real slot numbers from a
 * {@link SwapSlotAllocator} (the timeline shows them). The same seed gives the same run.
 */
public final class Simulator {
  private final VmModel model;
  private final long seed;
  private final int maxSteps;
  private final WorkingSet workingSet;
  private SwapDevice device = SwapDevice.none();

  /** A simulator of a model with a seed, a step limit and saved working-set profiles. */
  public Simulator(VmModel model, long seed, int maxSteps, Map<String, List<Integer>> profiles) {
    this.model = model;
    this.seed = seed;
    this.maxSteps = maxSteps;
    this.workingSet = new WorkingSet(model, 4, profiles);
  }

  /** Sends every swap write and read of the run to {@code d} as well (live mode); returns this simulator. */
  public Simulator device(SwapDevice d) {
    this.device = d;
    return this;
  }

  /** Runs until the system is stuck, quiescent, or the step limit. */
  public SimulationResult run() {
    SplittableRandom rng = new SplittableRandom(seed);
    VmState s = model.initial();
    long[] lastUse = new long[model.pages()];
    Set<Integer> prefetched = new HashSet<>();
    List<SimulationResult.Entry> timeline = new ArrayList<>();
    SwapSlotTracker swap = new SwapSlotTracker(model, SwapSlotAllocator.DEFAULT_CLUSTER);
    int faults = 0;
    int pageouts = 0;
    int pageins = 0;
    int prefetchHits = 0;
    int prefetches = 0;
    int errors = 0;
    int step = 0;
    for (; step < maxSteps; step++) {
      List<VmTransition> enabled = model.enabled(s);
      if (enabled.isEmpty()) {
        break;
      }
      VmTransition t = choose(enabled, lastUse, rng);
      String label = model.label(s, t);
      int touched = model.touchedPage(s, t);
      if (touched >= 0 && prefetched.remove(touched) && model.pageStatus(s, touched).resident()) {
        prefetchHits++;
      }
      VmState next = model.apply(s, t);
      errors += t.kind() == VmTransition.EIO || t.kind() == VmTransition.TIMEOUT ? 1 : 0;
      List<Integer> written = new ArrayList<>();
      List<Integer> read = new ArrayList<>();
      for (int p = 0; p < model.pages(); p++) {
        PageStatus a = model.pageStatus(s, p);
        PageStatus b = model.pageStatus(next, p);
        if (a == b) {
          continue;
        }
        lastUse[p] = step + 1L;
        if (a == PageStatus.PAGED_OUT && b == PageStatus.READING) {
          faults++;
        } else if (a == PageStatus.READING && (b == PageStatus.RESIDENT_CLEAN || b == PageStatus.RESIDENT_DIRTY)) {
          pageins++;
          read.add(p);
          for (int q : workingSet.fault(p)) {
            VmState after = model.prefetch(next, q);
            if (after != next) {
              prefetches++;
              prefetched.add(q);
              read.add(q);
              next = after;
            }
          }
        } else if (a == PageStatus.WRITING && b == PageStatus.PAGED_OUT) {
          pageouts++;
          written.add(p);
        } else if (a == PageStatus.RESIDENT_CLEAN && b == PageStatus.PAGED_OUT) {
          pageouts++;
        }
      }
      if (touched >= 0) {
        lastUse[touched] = step + 1L;
      }
      String slots = swap.step(model.changes(s, next));
      for (int p : written) {
        swap.slotOf(p).ifPresent(slot -> device.write(slot.file(), slot.slot(), p));
      }
      for (int p : read) {
        swap.slotOf(p).ifPresent(slot -> device.read(slot.file(), slot.slot(), p));
      }
      timeline.add(new SimulationResult.Entry(step + 1, model.threadName(t.thread()), label + slots,
          model.summary(next)));
      s = next;
    }
    List<WaitFor> waits = model.waits(s);
    boolean stuck = model.enabled(s).isEmpty() && !waits.isEmpty();
    return new SimulationResult(seed, step, timeline, faults, pageouts, pageins, prefetches, prefetchHits, errors,
        model.summary(s), waits, model.describe(s), stuck, workingSet.profiles(), swap.stats());
  }

  private VmTransition choose(List<VmTransition> enabled, long[] lastUse, SplittableRandom rng) {
    int[] threads = enabled.stream().mapToInt(VmTransition::thread).distinct().toArray();
    int thread = threads[rng.nextInt(threads.length)];
    List<VmTransition> mine = enabled.stream().filter(t -> t.thread() == thread).toList();
    VmTransition best = null;
    for (VmTransition t : mine) {
      if (t.kind() == VmTransition.EVICT && (best == null || lastUse[t.arg()] < lastUse[best.arg()])) {
        best = t;
      }
    }
    if (best != null) {
      return best;
    }
    for (VmTransition t : mine) {
      if (t.kind() != VmTransition.RUN && rng.nextInt(10) == 0) {
        return t;
      }
    }
    for (VmTransition t : mine) {
      if (t.kind() == VmTransition.RUN) {
        return t;
      }
    }
    return mine.get(0);
  }
}
