package dev.pagerlab.checker.property;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a property over generated values from JUnit 5; on failure shrinks the counterexample
 * greedily and throws an {@link AssertionError} that says how to replay it.
 *
 * <p>System properties: {@value #SEED_PROPERTY} overrides every suite's default seed;
 * {@value #TRIES_PROPERTY} multiplies every suite's tries (e.g. {@code 10} or {@code 0.1});
 * {@value #TRY_PROPERTY} runs only that try index (printed on failure).
 */
public final class PropertyRunner {
  /** The system property that overrides the default seed. */
  public static final String SEED_PROPERTY = "pagerlab.seed";
  /** The system property that scales the number of tries. */
  public static final String TRIES_PROPERTY = "pagerlab.tries";
  /** The system property that runs a single try. */
  public static final String TRY_PROPERTY = "pagerlab.try";
  /** Candidates tested at most while shrinking one counterexample. */
  public static final int MAX_SHRINK_ATTEMPTS = 100_000;

  private static final Logger LOG = LoggerFactory.getLogger(PropertyRunner.class);

  private PropertyRunner() {}

  /** The seed to use: {@code pagerlab.seed} if set, else the suite's fixed default. */
  public static long effectiveSeed(long defaultSeed) {
    String value = System.getProperty(SEED_PROPERTY);
    return value == null || value.isBlank() ? defaultSeed : Long.parseLong(value.trim());
  }

  /** The tries to run: the suite's default scaled by {@code pagerlab.tries}, at least one. */
  public static int effectiveTries(int defaultTries) {
    String value = System.getProperty(TRIES_PROPERTY);
    double factor = value == null || value.isBlank() ? 1.0 : Double.parseDouble(value.trim());
    return (int) Math.max(1, Math.round(defaultTries * factor));
  }

  /** The value of try {@code index} under {@code seed}: each try has its own stream, so it replays alone. */
  public static <T> T generate(Gen<T> gen, long seed, int index) {
    return gen.generate(new Rng(Rng.derive(seed, index)));
  }

  /**
   * Checks that {@code property} holds for {@code tries} values of {@code gen}; a value fails
   * when the predicate returns false or throws.
   *
   * @throws AssertionError naming the seed, the try, the original and shrunk counterexamples
   *     and the {@code -Dpagerlab.seed=...} line that replays it
   */
  public static <T> void check(String name, long seed, int tries, Gen<T> gen, Shrink<T> shrink, Predicate<? super T> property) {
    long used = effectiveSeed(seed);
    int total = effectiveTries(tries);
    for (int index : tryIndices(total)) {
      T value = generate(gen, used, index);
      Optional<Throwable> failure = failure(property, value);
      if (failure.isPresent()) {
        throw counterexample(name, used, index, total, value, shrink, property, failure.get());
      }
    }
    LOG.trace("property {} held for {} tries, seed {}", name, total, used);
  }

  /**
   * Like {@link #check} for a property written with assertions: a value fails when
   * {@code property} throws.
   */
  public static <T> void checkAsserting(String name, long seed, int tries, Gen<T> gen, Shrink<T> shrink, Consumer<? super T> property) {
    check(name, seed, tries, gen, shrink, value -> {
      property.accept(value);
      return true;
    });
  }

  private static int[] tryIndices(int total) {
    String only = System.getProperty(TRY_PROPERTY);
    if (only != null && !only.isBlank()) {
      return new int[] {Integer.parseInt(only.trim())};
    }
    return java.util.stream.IntStream.range(0, total).toArray();
  }

  /** The simple name of the test class that called the runner, for the replay line. */
  private static String caller() {
    return StackWalker.getInstance().walk(frames -> frames
        .map(StackWalker.StackFrame::getClassName)
        .filter(c -> !c.equals(PropertyRunner.class.getName()) && !c.startsWith("java.") && !c.startsWith("org.junit."))
        .findFirst()
        .map(c -> c.substring(c.lastIndexOf('.') + 1).replaceAll("\\$.*", ""))
        .orElse("*"));
  }

  /** Why {@code value} fails {@code property}, or empty when it holds. */
  private static <T> Optional<Throwable> failure(Predicate<? super T> property, T value) {
    try {
      return property.test(value) ? Optional.empty() : Optional.of(new AssertionError("property returned false"));
    } catch (RuntimeException | AssertionError e) {
      return Optional.of(e);
    }
  }

  private static <T> AssertionError counterexample(
      String name, long seed, int index, int total, T original, Shrink<T> shrink,
      Predicate<? super T> property, Throwable cause) {
    Shrinking.Shrunk<T> shrunk = Shrinking.minimize(
        original, shrink, v -> failure(property, v).isPresent(), MAX_SHRINK_ATTEMPTS);
    Throwable shrunkCause = failure(property, shrunk.value()).orElse(cause);
    String message = String.format(
        "property '%s' failed at try %d of %d with seed %d%n"
            + "  original: %s%n"
            + "  shrunk:   %s  (%d shrinks, %d candidates tested%s)%n"
            + "  failure:  %s%n"
            + "  replay:   -D%s=%d -D%s=%d   (or -D%s=%d alone to rerun every try)%n"
            + "  e.g.:     ./mvnw -B test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='%s' -D%s=%d -D%s=%d",
        name, index, total, seed, original, shrunk.value(), shrunk.steps(), shrunk.attempts(),
        shrunk.exhausted() ? ", budget exhausted" : "", shrunkCause,
        SEED_PROPERTY, seed, TRY_PROPERTY, index, SEED_PROPERTY, seed,
        caller(), SEED_PROPERTY, seed, TRY_PROPERTY, index);
    return new AssertionError(message, shrunkCause);
  }
}
