package dev.pagerlab.checker.property;

import java.util.Optional;
import java.util.function.Predicate;

/** Greedy shrinking: repeatedly take the first candidate that still fails, to a local minimum. */
public final class Shrinking {
  private Shrinking() {}

  /**
   * The outcome of shrinking.
   *
   * @param value the smallest failing value found (a local minimum unless the budget ran out)
   * @param steps accepted shrinks
   * @param attempts candidates tested
   * @param exhausted true when the attempt budget stopped shrinking before a local minimum
   * @param <T> the shrunk type
   */
  public record Shrunk<T>(T value, int steps, int attempts, boolean exhausted) {}

  /**
   * Shrinks a failing {@code value} while {@code stillFails} holds, testing at most
   * {@code maxAttempts} candidates; deterministic for a deterministic predicate.
   */
  public static <T> Shrunk<T> minimize(T value, Shrink<T> shrink, Predicate<? super T> stillFails, int maxAttempts) {
    T current = value;
    int steps = 0;
    int[] attempts = {0};
    while (attempts[0] < maxAttempts) {
      Optional<T> next = shrink.candidates(current)
          .takeWhile(c -> attempts[0] < maxAttempts)
          .peek(c -> attempts[0]++)
          .filter(c -> stillFails.test(c))
          .findFirst();
      if (next.isEmpty()) {
        return new Shrunk<>(current, steps, attempts[0], attempts[0] >= maxAttempts);
      }
      current = next.get();
      steps++;
    }
    return new Shrunk<>(current, steps, attempts[0], true);
  }
}
