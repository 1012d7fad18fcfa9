package dev.pagerlab.checker.property;

import java.util.List;

/**
 * Any transition system the schedule search can walk: a start state, the transitions enabled
 * in a state, and their effect. A schedule is a list of choice indices into {@link #enabled}.
 *
 * <p>Contract: all three methods are pure and deterministic; {@code enabled} returns the
 * transitions in a stable order (the same state always gives the same list), so a schedule
 * replays; states and transitions implement {@code equals} and {@code hashCode} by value
 * (records do), which the schedule shrinker uses to cut cycles and re-encode reordered steps.
 *
 * @param <S> the state type
 * @param <T> the transition type
 */
public interface TransitionSystem<S, T> {

  /** The start state. */
  S initial();

  /** The transitions enabled in {@code s}, in a stable order; empty when {@code s} is terminal. */
  List<T> enabled(S s);

  /** The state after taking {@code t}, which must be enabled in {@code s}; pure. */
  S apply(S s, T t);
}
