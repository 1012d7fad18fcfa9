package dev.pagerlab.checker;

import java.util.Locale;

/** The classes a wait-for cycle can have (SCENARIOS.md section 3). */
public enum DeadlockClass {
  /** A wait for a frame is on the cycle. */
  LOW_MEMORY,
  /** A thread of a process that serves requests is on the cycle. */
  USERLAND_DEPENDENCY,
  /** A wait for a page in flight is on the cycle. */
  PAGING_RECURSION,
  /** A wait for a lock is on the cycle. */
  LOCK_ORDER;

  /** The contract's word: {@code low-memory}, ... */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
