package dev.pagerlab.checker.explore;

import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.VmState;
import dev.pagerlab.vmcore.VmTransition;
import dev.pagerlab.vmcore.WaitFor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Breadth-first search over fingerprints: the first stuck state found is at the smallest depth,
 * so its path is a shortest witness. Explores everything reachable (within bounds) so that the
 * classes are the union over every stuck state, as the contract asks.
 */
public final class BreadthFirstExplorer {
  private final Bounds bounds;
  private final ProgressListener progress;
  private final boolean reduce;

  /** An explorer with the given bounds and partial-order reduction, reporting progress to a listener. */
  public BreadthFirstExplorer(Bounds bounds, ProgressListener progress) {
    this(bounds, progress, true);
  }

  /**
   * An explorer; {@code reduce} turns on partial-order reduction: a local step (one that commutes
   * with every other move and that no other move disables) is explored alone. Stuck states are
   * terminal, so every one stays reachable, by a path of the same length (local steps only move
   * earlier), and every cycle of the reduced graph still passes a fully expanded state because
   * local steps only ever advance a thread's program counter.
   */
  public BreadthFirstExplorer(Bounds bounds, ProgressListener progress, boolean reduce) {
    this.bounds = bounds;
    this.progress = progress;
    this.reduce = reduce;
  }

  /** Explores every state reachable from the model's start, within the bounds. */
  public Exploration explore(VmModel model) {
    return new Search(model).run();
  }

  /**
   * One search. The work for one state sits in its own method, {@link #expand}, so the JIT
   * compiles it as an ordinary hot method after a few thousand states; a single long loop would
   * run as on-stack-replaced code for the whole of a one-shot search, at about half the speed.
   */
  private final class Search implements Consumer<VmState> {
    final VmModel model;
    final long started = System.nanoTime();
    final FingerprintStateSet seen = new FingerprintStateSet(1 << 11);
    final IntList parent = new IntList();
    final IntList choice = new IntList();
    final PackedStateQueue frontier;
    long transitions;
    int depth;
    int deadlock = -1;
    int exhausted = -1;
    int dataLoss = -1;
    long deadlockStates;
    final Set<DeadlockClass> classes = EnumSet.noneOf(DeadlockClass.class);
    final Set<List<String>> ownerCycles = new TreeSet<>(Comparator.comparing(Object::toString));
    Set<DeadlockClass> lastClasses = EnumSet.noneOf(DeadlockClass.class);
    String bound = "none";
    private int expanding;
    private int choosing;

    Search(VmModel model) {
      this.model = model;
      this.frontier = new PackedStateQueue(model.coreLength(), model.threads());
    }

    Exploration run() {
      VmState init = model.initial();
      long maxStates = Math.min(bounds.maxStates(), statesThatFit(init));
      String stateBound = maxStates < bounds.maxStates() ? "memory=" + maxStates + " states" : "states=" + maxStates;
      seen.add(init.fingerprint());
      parent.add(-1);
      choice.add(-1);
      frontier.add(init);
      int head = 0;
      int levelEnd = 1;
      long nextReport = System.nanoTime() + 500_000_000L;
      while (!frontier.isEmpty()) {
        if (head == levelEnd) {
          depth++;
          levelEnd = parent.size();
        }
        expand(frontier.poll(), head++);
        if (parent.size() >= maxStates) {
          bound = stateBound;
          break;
        }
        if ((head & 1023) == 0) {
          long now = System.nanoTime();
          if ((now - started) / 1_000_000 >= bounds.maxMillis()) {
            bound = "time=" + (bounds.maxMillis() / 1000) + "s";
            break;
          }
          if (now >= nextReport) {
            progress.progress(parent.size(), depth, frontier.size(), (now - started) / 1_000_000);
            nextReport = now + 500_000_000L;
          }
        }
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      return new Exploration(parent.size(), transitions, depth, bound, millis, deadlock, exhausted, dataLoss,
          classes, deadlockStates, ownerCycles, parent.toArray(), choice.toArray());
    }

    /** Classifies state {@code id} and queues its successors not seen before. */
    void expand(VmState s, int id) {
      List<VmTransition> enabled = model.enabled(s);
      if (enabled.isEmpty()) {
        stuck(s, id);
      }
      if (dataLoss < 0 && model.lostAny(s)) {
        dataLoss = id;
      }
      if (depth >= bounds.maxDepth()) {
        if (!enabled.isEmpty()) {
          bound = "depth=" + bounds.maxDepth();
        }
        return;
      }
      int only = reduce ? localStep(model, s, enabled) : -1;
      int from = only < 0 ? 0 : only;
      int to = only < 0 ? enabled.size() : only + 1;
      expanding = id;
      for (int i = from; i < to; i++) {
        choosing = i;
        model.applyTransient(s, enabled.get(i), this);
      }
    }

    /** One successor, built in place in the state being expanded: queued (packed) if new. */
    @Override
    public void accept(VmState next) {
      transitions++;
      if (seen.add(next.fingerprint())) {
        parent.add(expanding);
        choice.add(choosing);
        frontier.add(next);
      }
    }

    /** A state with no move: a deadlock if its waits close a cycle, else exhausted (if anyone waits). */
    void stuck(VmState s, int id) {
      List<WaitFor> waits = model.waitsQuick(s);
      if (waits.isEmpty()) {
        return;
      }
      CycleAnalysis a = CycleAnalysis.of(model, waits);
      if (a.hasCycle()) {
        deadlockStates++;
        classes.addAll(a.classes());
        if (ownerCycles.size() < 256 && (deadlockStates < 64 || !lastClasses.equals(a.classes()))) {
          ownerCycles.addAll(CycleAnalysis.ownerCycles(model, waits));
          lastClasses = a.classes();
        }
        deadlock = deadlock < 0 ? id : deadlock;
      } else if (exhausted < 0) {
        exhausted = id;
      }
    }
  }

  /**
   * How many states of this size fit in about half of the free heap, counting the state itself
   * (it may sit in the frontier), its fingerprint slot and its parent link.
   */
  static long statesThatFit(VmState init) {
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    long perState = 4L * init.encode().length + 96;
    return Math.max(1_000, free / 2 / perState);
  }

  /** The index of the first local transition (taken alone: partial-order reduction), or -1. */
  static int localStep(VmModel model, VmState s, List<VmTransition> enabled) {
    if (enabled.size() < 2) {
      return -1;
    }
    for (int i = 0; i < enabled.size(); i++) {
      if (model.isLocal(s, enabled.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** A growable int array. */
  static final class IntList {
    private int[] a = new int[1024];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
