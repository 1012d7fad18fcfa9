package dev.pagerlab.fusefs;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults to inject into one mount, changeable at run time from any thread. Each kind has a
 * budget: 0 is off, a positive number fires that many times, {@link #FOREVER} fires until
 * cleared. Latency is a delay added to every data request. Thread-safe; {@link #decide} never
 * blocks and allocates nothing.
 */
public final class FaultPlan {

  /** A budget that never runs out. */
  public static final int FOREVER = -1;

  private static final FaultKind[] KINDS = FaultKind.values();
  private final AtomicInteger[] budgets = new AtomicInteger[KINDS.length];
  private volatile long latencyNanos;
  private volatile int armed;
  private final Object stallMonitor = new Object();
  private long stallEpoch;

  /** A plan with no faults. */
  public FaultPlan() {
    for (int i = 0; i < budgets.length; i++) {
      budgets[i] = new AtomicInteger();
    }
  }

  /** Arms {@code kind} for {@code times} requests ({@link #FOREVER} for all of them). */
  public void inject(FaultKind kind, int times) {
    if (times == 0 || times < FOREVER) {
      throw new IllegalArgumentException("times must be positive or FOREVER, was " + times);
    }
    budgets[kind.ordinal()].set(times);
    recount();
  }

  /** Disarms {@code kind}; clearing STALL releases every stalled worker. */
  public void clear(FaultKind kind) {
    budgets[kind.ordinal()].set(0);
    recount();
    if (kind == FaultKind.STALL) {
      releaseStalled();
    }
  }

  /** Disarms every fault and the latency, and releases stalled workers. */
  public void clearAll() {
    for (FaultKind kind : KINDS) {
      clear(kind);
    }
    latencyNanos = 0;
  }

  /** Sets the delay added to every data request (zero for none). */
  public void latency(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + delay);
    }
    latencyNanos = delay.toNanos();
  }

  /** The delay added to every data request, in nanoseconds. */
  public long latencyNanos() {
    return latencyNanos;
  }

  /** Whether any fault may still fire (a cheap check for the hot path). */
  public boolean anyArmed() {
    return armed != 0;
  }

  /** What is still armed, for logs and status. */
  public Map<FaultKind, Integer> armed() {
    Map<FaultKind, Integer> out = new EnumMap<>(FaultKind.class);
    for (FaultKind kind : KINDS) {
      int left = budgets[kind.ordinal()].get();
      if (left != 0) {
        out.put(kind, left);
      }
    }
    return out;
  }

  /**
   * The fault to inject into a request for {@code operation}, or null; consumes one unit of its
   * budget. When several apply, the order of {@link FaultKind} decides. Never blocks.
   */
  public FaultKind decide(Operation operation) {
    if (armed == 0) {
      return null;
    }
    for (FaultKind kind : KINDS) {
      if (kind.appliesTo(operation) && take(budgets[kind.ordinal()])) {
        return kind;
      }
    }
    return null;
  }

  /** Blocks the calling worker until STALL is cleared or stalled workers are released (unmount); false if interrupted. */
  public boolean awaitStallCleared() {
    synchronized (stallMonitor) {
      long epoch = stallEpoch;
      while (epoch == stallEpoch) {
        try {
          stallMonitor.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** Wakes every stalled worker (used by clear and by unmount). */
  public void releaseStalled() {
    synchronized (stallMonitor) {
      stallEpoch++;
      stallMonitor.notifyAll();
    }
  }

  private static boolean take(AtomicInteger budget) {
    while (true) {
      int left = budget.get();
      if (left == 0) {
        return false;
      }
      if (left == FOREVER || budget.compareAndSet(left, left - 1)) {
        return true;
      }
    }
  }

  private void recount() {
    int n = 0;
    for (AtomicInteger budget : budgets) {
      n += budget.get() != 0 ? 1 : 0;
    }
    armed = n;
  }
}
