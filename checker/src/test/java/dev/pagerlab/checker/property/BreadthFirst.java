package dev.pagerlab.checker.property;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;

/** Test oracle: the length of a shortest schedule to a target, by breadth-first search. */
final class BreadthFirst {
  private BreadthFirst() {}

  static <S, T> OptionalInt shortest(TransitionSystem<S, T> system, Predicate<? super S> target) {
    Map<S, Integer> depth = new HashMap<>();
    ArrayDeque<S> frontier = new ArrayDeque<>();
    depth.put(system.initial(), 0);
    frontier.add(system.initial());
    while (!frontier.isEmpty()) {
      S s = frontier.poll();
      if (target.test(s)) {
        return OptionalInt.of(depth.get(s));
      }
      for (T t : system.enabled(s)) {
        S next = system.apply(s, t);
        if (depth.putIfAbsent(next, depth.get(s) + 1) == null) {
          frontier.add(next);
        }
      }
    }
    return OptionalInt.empty();
  }
}
