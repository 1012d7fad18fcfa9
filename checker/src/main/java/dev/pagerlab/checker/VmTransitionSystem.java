package dev.pagerlab.checker;

import dev.pagerlab.checker.explore.CycleAnalysis;
import dev.pagerlab.checker.property.TransitionSystem;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.VmState;
import dev.pagerlab.vmcore.VmTransition;
import java.util.List;

/** The VM model as a {@link TransitionSystem} for random schedule search and shrinking. */
record VmTransitionSystem(VmModel model) implements TransitionSystem<VmState, VmTransition> {

  @Override
  public VmState initial() {
    return model.initial();
  }

  @Override
  public List<VmTransition> enabled(VmState s) {
    return model.enabled(s);
  }

  @Override
  public VmState apply(VmState s, VmTransition t) {
    return model.apply(s, t);
  }

  /** Whether a state is stuck with a wait-for cycle: a deadlock. */
  boolean deadlocked(VmState s) {
    return model.enabled(s).isEmpty() && CycleAnalysis.of(model, model.waitsQuick(s)).hasCycle();
  }
}
