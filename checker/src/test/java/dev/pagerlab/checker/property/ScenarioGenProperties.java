package dev.pagerlab.checker.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Properties of the random scenario generator: always valid, within the promised sizes, covering every feature. */
@Tag("property")
class ScenarioGenProperties {
  private static final long SEED = 0x5eed_0003L;
  private static final ScenarioGen GEN = new ScenarioGen();

  @Test
  void generate_2000Samples_allValid() {
    PropertyRunner.checkAsserting("generated scenarios are valid", SEED, 2000, GEN, new ScenarioShrinker(),
        s -> assertEquals(List.of(), ScenarioValidity.check(s)));
  }

  @Test
  void generate_2000Samples_withinTheSmallSizes() {
    PropertyRunner.check("generated scenarios are small", SEED, 2000, GEN, new ScenarioShrinker(), s ->
        s.memory().frames() >= 6 && s.memory().frames() <= 24 && s.memory().reserved() <= 3
            && s.memory().target() <= s.memory().reserved() + 4
            && s.swap().files().size() >= 1 && s.swap().files().size() <= 2
            && s.swap().files().stream().allMatch(f -> f.slots() >= 4 && f.slots() <= 24)
            && s.layers().get(s.layers().size() - 1).kind() == LayerKind.BLOCK
            && s.processes().stream().allMatch(p -> p.pages() <= 4));
  }

  @Test
  void generate_sameSeed_sameScenario() {
    PropertyRunner.check("generation replays", SEED, 200, Rng::nextLong, Shrink.none(),
        seed -> GEN.generate(new Rng(seed)).equals(GEN.generate(new Rng(seed))));
  }

  @Test
  void generate_2000Samples_coverEveryFeature() {
    List<Scenario> samples = IntStream.range(0, 2000).mapToObj(i -> PropertyRunner.generate(GEN, SEED, i)).toList();
    Set<LayerKind> kinds = EnumSet.noneOf(LayerKind.class);
    samples.forEach(s -> s.layers().forEach(l -> kinds.add(l.kind())));
    assertEquals(EnumSet.allOf(LayerKind.class), kinds);
    List<Predicate<Scenario>> features = List.of(
        s -> s.layers().size() == 1,
        s -> s.layers().stream().anyMatch(l -> l.kext().isPresent()),
        s -> s.extensions().stream().anyMatch(k -> !k.onIo().isEmpty()),
        s -> s.layers().stream().anyMatch(LayerSpec::memalloc),
        s -> s.layers().stream().anyMatch(l -> l.kind() == LayerKind.NETWORK && l.server().isEmpty()),
        s -> s.processes().stream().anyMatch(p -> p.wired() && p.ioFlusher()),
        s -> s.processes().stream().anyMatch(p -> p.threads() == 2),
        s -> s.processes().stream().anyMatch(p -> p.pagesIn().isPresent()),
        s -> !s.regions().isEmpty(),
        s -> s.swap().dynamic().isPresent(),
        s -> s.swap().files().stream().anyMatch(f -> !f.preallocated()),
        s -> s.processes().stream().anyMatch(p -> p.workload().contains(new Step.Lock("lock-b"))
            || p.onRequest().contains(new Step.Lock("lock-b"))));
    for (int i = 0; i < features.size(); i++) {
      assertTrue(samples.stream().anyMatch(features.get(i)), "feature " + i + " never generated");
    }
  }
}
