package dev.pagerlab.vmcore;

/** Why a thread cannot take its next step. */
public enum BlockReason {
  /** Waiting for a free page frame (allocation or fault). */
  FRAME,
  /** Waiting for a free swap slot. */
  SWAP_SLOT,
  /** Waiting for an I/O request below to complete. */
  IO_COMPLETION,
  /** Waiting for a free worker thread of a userland server. */
  DAEMON_THREAD,
  /** Waiting for a page whose I/O is in flight. */
  PAGE_IN_FLIGHT,
  /** Waiting for a lock another thread holds. */
  LOCK;

  /** Lower-case words for reports: {@code frame}, {@code swap slot}, ... */
  public String words() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
