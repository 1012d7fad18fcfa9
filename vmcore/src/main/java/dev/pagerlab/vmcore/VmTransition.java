package dev.pagerlab.vmcore;

/**
 * One enabled move of one thread. {@link VmModel#label} gives its witness text.
 *
 * @param thread the thread that moves
 * @param kind {@link #RUN} (its one deterministic next action), {@link #EVICT} (pageout picks a
 *     victim), {@link #EIO} (an injected I/O error) or {@link #TIMEOUT} (a wait on a daemon gives up)
 * @param arg the victim page for {@link #EVICT}, otherwise 0
 */
public record VmTransition(int thread, int kind, int arg) {
  /** The thread's single deterministic next action. */
  public static final int RUN = 0;
  /** The pageout thread picks {@code arg} as its victim. */
  public static final int EVICT = 1;
  /** The request entering an EIO-injecting layer fails. */
  public static final int EIO = 2;
  /** A request waiting on a userland server with a timeout gives up. */
  public static final int TIMEOUT = 3;
}
