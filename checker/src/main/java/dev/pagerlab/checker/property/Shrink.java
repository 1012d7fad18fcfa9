package dev.pagerlab.checker.property;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A shrinker: the smaller candidates of a value, most aggressive first, so a greedy search
 * that takes the first candidate still failing converges fast. Candidates must be strictly
 * smaller in some well-founded order, or shrinking may not terminate.
 *
 * @param <T> the shrunk type
 */
@FunctionalInterface
public interface Shrink<T> {

  /** Smaller candidates of {@code value}, lazily, most aggressive first; pure. */
  Stream<T> candidates(T value);

  /** Only the candidates that satisfy {@code keep} (e.g. a generator's precondition). */
  default Shrink<T> filter(Predicate<? super T> keep) {
    return value -> candidates(value).filter(keep);
  }

  /** No candidates: the value is reported as generated. */
  static <T> Shrink<T> none() {
    return value -> Stream.empty();
  }

  /** Ints moved toward {@code target}: target itself first, then halving the distance. */
  static Shrink<Integer> intToward(int target) {
    return value -> {
      List<Integer> out = new ArrayList<>();
      for (long step = (long) value - target; step != 0; step /= 2) {
        out.add((int) (value - step));
      }
      return out.stream();
    };
  }

  /**
   * Lists made shorter (chunks removed, halving the chunk size down to one element, never
   * below {@code minSize}) and then lists with one element shrunk by {@code element}.
   */
  static <T> Shrink<List<T>> list(Shrink<T> element, int minSize) {
    return value -> Stream.concat(removals(value, minSize), elementShrinks(value, element));
  }

  /** Lists with one chunk removed, biggest chunks first. */
  private static <T> Stream<List<T>> removals(List<T> value, int minSize) {
    int n = value.size();
    return IntStream.iterate(n, k -> k > 0, k -> k / 2)
        .filter(k -> n - k >= minSize)
        .boxed()
        .flatMap(k -> IntStream.iterate(0, from -> from < n, from -> from + k)
            .mapToObj(from -> without(value, from, Math.min(n, from + k))));
  }

  /** Lists with element {@code i} replaced by one of its candidates. */
  private static <T> Stream<List<T>> elementShrinks(List<T> value, Shrink<T> element) {
    return IntStream.range(0, value.size()).boxed()
        .flatMap(i -> element.candidates(value.get(i)).map(c -> replaced(value, i, c)));
  }

  private static <T> List<T> without(List<T> value, int from, int to) {
    List<T> out = new ArrayList<>(value.subList(0, from));
    out.addAll(value.subList(to, value.size()));
    return out;
  }

  private static <T> List<T> replaced(List<T> value, int i, T element) {
    List<T> out = new ArrayList<>(value);
    out.set(i, element);
    return out;
  }
}
