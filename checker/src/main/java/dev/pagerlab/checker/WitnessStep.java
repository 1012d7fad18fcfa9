package dev.pagerlab.checker;

import java.util.List;

/**
 * One transition of a witness.
 *
 * @param index 1-based position in the trace
 * @param thread the thread that moved, e.g. {@code pageout}
 * @param text the transition's readable label
 * @param changes what changed in the state, one short phrase each (e.g. {@code "free 5 -> 4"})
 */
public record WitnessStep(int index, String thread, String text, List<String> changes) {
  public WitnessStep {
    changes = List.copyOf(changes);
  }
}
