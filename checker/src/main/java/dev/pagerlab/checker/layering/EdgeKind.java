package dev.pagerlab.checker.layering;

import dev.pagerlab.checker.DeadlockClass;
import java.util.Optional;

/** What kind of wait a dependency edge stands for; the kind decides the classes of a chain. */
enum EdgeKind {
  /** A plain dependency: a request queued, a path continued, a completion awaited. */
  WAIT(null),
  /** An allocation or a fault that needs a frame, or a frame wait that needs reclaim. */
  FRAME(DeadlockClass.LOW_MEMORY),
  /** Touching pageable pages, which may need a page-in. */
  PAGE_IN(DeadlockClass.PAGING_RECURSION),
  /** Touching a page whose I/O is in flight waits for the thread doing that I/O. */
  PAGE_IN_FLIGHT(DeadlockClass.PAGING_RECURSION),
  /** Taking a lock, or a lock that waits for its holder. */
  LOCK(DeadlockClass.LOCK_ORDER);

  private final DeadlockClass deadlockClass;

  EdgeKind(DeadlockClass deadlockClass) {
    this.deadlockClass = deadlockClass;
  }

  /** The class a chain gets from an edge of this kind, if any. */
  Optional<DeadlockClass> deadlockClass() {
    return Optional.ofNullable(deadlockClass);
  }
}
