package dev.pagerlab.checker.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Properties of the engine itself: generators stay in range, shrinking finds minima, failures replay. */
@Tag("property")
class PropertyRunnerProperties {
  private static final long SEED = 0x5eed_0001L;
  private static final Gen<List<Integer>> LISTS = Gen.listOf(Gen.intRange(-50, 50), 0, 30);
  private static final Shrink<List<Integer>> LIST_SHRINK = Shrink.list(Shrink.intToward(0), 0);

  private static AssertionError failure(long seed, Gen<List<Integer>> gen, java.util.function.Predicate<List<Integer>> p) {
    return assertThrows(AssertionError.class, () -> PropertyRunner.check("toy", seed, 200, gen, LIST_SHRINK, p));
  }

  @Test
  void check_listWithAnElementOfTenOrMore_shrinksToTheSingletonTen() {
    AssertionError e = failure(SEED, LISTS, list -> list.stream().allMatch(x -> x < 10));
    long seed = PropertyRunner.effectiveSeed(SEED);
    assertTrue(e.getMessage().contains("with seed " + seed), e.getMessage());
    assertTrue(e.getMessage().contains("shrunk:   [10]"), e.getMessage());
    assertTrue(e.getMessage().contains("-Dpagerlab.seed=" + seed), e.getMessage());
    assertTrue(e.getMessage().contains("-Dtest='PropertyRunnerProperties'"), e.getMessage());
    assertTrue(e.getMessage().matches("(?s).*failed at try \\d+ of \\d+.*original: \\[.*"), e.getMessage());
  }

  @Test
  void check_listOfThreeOrMore_shrinksToThreeZeros() {
    AssertionError e = failure(SEED, LISTS, list -> list.size() < 3);
    assertTrue(e.getMessage().contains("shrunk:   [0, 0, 0]"), e.getMessage());
  }

  @Test
  void check_sameSeed_sameMessageByteForByte() {
    java.util.function.Predicate<List<Integer>> p = list -> list.stream().mapToInt(Integer::intValue).sum() < 60;
    assertEquals(failure(SEED, LISTS, p).getMessage(), failure(SEED, LISTS, p).getMessage());
  }

  @Test
  void check_printedTry_regeneratesTheOriginal() {
    AssertionError e = failure(SEED, LISTS, list -> list.size() < 20);
    String message = e.getMessage();
    int index = Integer.parseInt(message.replaceAll("(?s).*failed at try (\\d+) of.*", "$1"));
    String original = message.replaceAll("(?s).*original: (\\[[^\\]]*\\]).*", "$1");
    assertEquals(original, PropertyRunner.generate(LISTS, PropertyRunner.effectiveSeed(SEED), index).toString());
  }

  @Test
  void checkAsserting_throwingAssertion_isShrunkAndKeepsTheCause() {
    AssertionError e = assertThrows(AssertionError.class, () -> PropertyRunner.checkAsserting("asserting", SEED, 200,
        Gen.intRange(0, 1000), Shrink.intToward(0), x -> assertTrue(x < 500, "too big: " + x)));
    assertTrue(e.getMessage().contains("shrunk:   500 "), e.getMessage());
    assertTrue(e.getCause().getMessage().contains("too big: 500"), e.getCause().getMessage());
  }

  @Test
  void effectiveSeedAndTries_systemProperties_overrideAndScaleTheDefaults() {
    String seed = System.getProperty(PropertyRunner.SEED_PROPERTY);
    String tries = System.getProperty(PropertyRunner.TRIES_PROPERTY);
    try {
      System.setProperty(PropertyRunner.SEED_PROPERTY, "123");
      System.setProperty(PropertyRunner.TRIES_PROPERTY, "0.5");
      assertEquals(List.of(123L, 50, 1), List.of(PropertyRunner.effectiveSeed(SEED), PropertyRunner.effectiveTries(100),
          PropertyRunner.effectiveTries(1)));
    } finally {
      restore(PropertyRunner.SEED_PROPERTY, seed);
      restore(PropertyRunner.TRIES_PROPERTY, tries);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void check_holdingProperty_returnsQuietly() {
    PropertyRunner.check("abs is non-negative", SEED, 500, Gen.intRange(-1000, 1000), Shrink.intToward(0), x -> Math.abs(x) >= 0);
  }

  @Test
  void intRange_anyBounds_staysInside() {
    Gen<int[]> bounds = Gen.intRange(-100, 100).flatMap(lo -> Gen.intRange(lo, lo + 50).map(hi -> new int[] {lo, hi}));
    PropertyRunner.check("intRange stays in bounds", SEED, 1000, bounds, Shrink.none(), b -> {
      int x = Gen.intRange(b[0], b[1]).generate(new Rng(b[0] * 31L + b[1]));
      return b[0] <= x && x <= b[1];
    });
  }

  @Test
  void listOf_anySizes_respectsThem() {
    PropertyRunner.check("listOf respects sizes", SEED, 1000, Gen.intRange(0, 20), Shrink.none(), min -> {
      List<Integer> list = Gen.listOf(Gen.constant(1), min, min + 5).generate(new Rng(min));
      return list.size() >= min && list.size() <= min + 5;
    });
  }

  @Test
  void frequency_weights_drawEachInProportion() {
    Gen<String> gen = Gen.frequency(Gen.weighted(1, Gen.constant("rare")), Gen.weighted(9, Gen.constant("common")));
    Rng rng = new Rng(SEED);
    long rare = java.util.stream.IntStream.range(0, 10_000).filter(i -> gen.generate(rng).equals("rare")).count();
    assertTrue(rare > 800 && rare < 1200, "rare drawn " + rare + " times of 10000");
  }

  @Test
  void oneOfAndChoose_manyDraws_coverEveryChoice() {
    Gen<Integer> gen = Gen.oneOf(Gen.choose(1, 2), Gen.constant(3).map(x -> x + 1));
    Rng rng = new Rng(SEED);
    assertEquals(java.util.Set.of(1, 2, 4),
        java.util.stream.IntStream.range(0, 200).mapToObj(i -> gen.generate(rng)).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void rng_sameSeed_sameSequence() {
    PropertyRunner.check("rng replays", SEED, 200, rng -> rng.nextLong(), Shrink.none(), seed -> {
      Rng a = new Rng(seed);
      Rng b = new Rng(seed);
      return java.util.stream.IntStream.range(0, 50).allMatch(i -> a.nextLong() == b.nextLong())
          && Rng.derive(seed, 7) == Rng.derive(seed, 7) && Rng.derive(seed, 7) != Rng.derive(seed, 8);
    });
  }

  @Test
  void intToward_anyValue_candidatesAreCloserToTarget() {
    PropertyRunner.check("intToward gets closer", SEED, 1000, Gen.intRange(-10_000, 10_000), Shrink.none(), x ->
        Shrink.intToward(0).candidates(x).allMatch(c -> Math.abs(c) < Math.abs(x))
            && (x == 0 || Shrink.intToward(0).candidates(x).findFirst().orElseThrow() == 0));
  }

  @Test
  void listShrink_minimumSize_neverGoesBelowIt() {
    Shrink<List<Integer>> shrink = Shrink.list(Shrink.intToward(0), 2);
    PropertyRunner.check("list shrink keeps min size", SEED, 300, Gen.listOf(Gen.intRange(0, 9), 2, 12), Shrink.none(), list ->
        shrink.candidates(list).allMatch(c -> c.size() >= 2 && (c.size() < list.size() || !c.equals(list))));
  }
}
