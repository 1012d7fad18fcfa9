package dev.pagerlab.vmcore;

import java.util.List;

/**
 * Why a blocked thread cannot move and whom it waits on.
 *
 * @param thread the blocked thread
 * @param reason what it waits for
 * @param on the threads that could supply it (empty: no one can)
 * @param because one clause for a reader
 */
public record WaitFor(int thread, BlockReason reason, List<Integer> on, String because) {
  public WaitFor {
    on = List.copyOf(on);
  }
}
