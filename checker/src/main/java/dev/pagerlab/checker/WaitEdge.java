package dev.pagerlab.checker;

import dev.pagerlab.vmcore.BlockReason;

/**
 * One edge of a wait-for graph: a blocked thread and the thread it waits on.
 *
 * @param from the waiting thread, e.g. {@code fused#0}
 * @param fromOwner who owns it in the stack picture: a process name, {@code pageout}, or a layer id
 * @param to the thread waited on
 * @param toOwner who owns that thread in the stack picture
 * @param reason what it waits for
 * @param because one clause saying why, e.g. {@code "allocating 1 page with free=2 <= reserved=2"}
 */
public record WaitEdge(String from, String fromOwner, String to, String toOwner, BlockReason reason, String because) {

  /** "X waits for Y because Z". */
  public String sentence() {
    return from + " waits for " + to + " (" + reason.words() + ") because " + because;
  }
}
