package dev.pagerlab.checker.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: a pure function from a random source to a value, so the same seed always
 * generates the same value.
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Gen<T> {

  /** One value drawn from {@code rng}; pure apart from advancing {@code rng}. */
  T generate(Rng rng);

  /** The generator of {@code f} applied to this one's values. */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return rng -> f.apply(generate(rng));
  }

  /** The generator that feeds each value of this one to a generator chosen from it. */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
    return rng -> f.apply(generate(rng)).generate(rng);
  }

  /** Values of this generator that satisfy {@code keep}, retrying up to 1000 draws. */
  default Gen<T> filter(Predicate<? super T> keep) {
    return rng -> {
      for (int i = 0; i < 1000; i++) {
        T value = generate(rng);
        if (keep.test(value)) {
          return value;
        }
      }
      throw new IllegalStateException("filter rejected 1000 draws in a row");
    };
  }

  /** Always {@code value}. */
  static <T> Gen<T> constant(T value) {
    return rng -> value;
  }

  /** A uniform int in {@code [low, high]}, both inclusive. */
  static Gen<Integer> intRange(int low, int high) {
    return rng -> rng.intRange(low, high);
  }

  /** A uniform boolean. */
  static Gen<Boolean> bool() {
    return Rng::nextBoolean;
  }

  /** One of the given values, uniformly. */
  @SafeVarargs
  static <T> Gen<T> choose(T... values) {
    return choose(Arrays.asList(values));
  }

  /** One element of a non-empty list, uniformly. */
  static <T> Gen<T> choose(List<T> values) {
    List<T> copy = List.copyOf(values);
    return rng -> rng.pick(copy);
  }

  /** A value of one of the given generators, chosen uniformly. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> copy = List.of(gens);
    return rng -> rng.pick(copy).generate(rng);
  }

  /** A value of one of the given generators, chosen with probability proportional to its weight. */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    List<Weighted<? extends T>> copy = List.of(choices);
    int total = copy.stream().mapToInt(Weighted::weight).sum();
    return rng -> {
      int roll = rng.nextInt(total);
      for (Weighted<? extends T> w : copy) {
        roll -= w.weight();
        if (roll < 0) {
          return w.gen().generate(rng);
        }
      }
      throw new IllegalStateException("unreachable: weights sum to " + total);
    };
  }

  /** A generator with its weight, for {@link #frequency}. */
  static <T> Weighted<T> weighted(int weight, Gen<T> gen) {
    return new Weighted<>(weight, gen);
  }

  /** Lists of {@code min..max} elements of {@code element}, the size uniform. */
  static <T> Gen<List<T>> listOf(Gen<? extends T> element, int min, int max) {
    return rng -> {
      int size = rng.intRange(min, max);
      List<T> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(element.generate(rng));
      }
      return List.copyOf(list);
    };
  }

  /**
   * A generator with a positive weight.
   *
   * @param weight relative weight, positive
   * @param gen the generator
   * @param <T> the generated type
   */
  record Weighted<T>(int weight, Gen<T> gen) {
    public Weighted {
      if (weight <= 0) {
        throw new IllegalArgumentException("weight must be positive: " + weight);
      }
    }
  }
}
