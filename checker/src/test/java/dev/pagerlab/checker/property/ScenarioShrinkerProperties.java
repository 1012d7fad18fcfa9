package dev.pagerlab.checker.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Properties of scenario shrinking: valid, strictly smaller candidates and a known minimum. */
@Tag("property")
class ScenarioShrinkerProperties {
  private static final long SEED = 0x5eed_0005L;
  private static final ScenarioShrinker SHRINKER = new ScenarioShrinker();

  /** The toy failure: at least four frames above the reserve and a daemon with two pages or more. */
  static boolean fails(Scenario s) {
    return s.memory().frames() > s.memory().reserved() + 3
        && s.processes().stream().anyMatch(p -> p.pages() >= 2 && isServer(s, p.name()));
  }

  private static boolean isServer(Scenario s, String process) {
    return s.layers().stream().anyMatch(l -> l.server().equals(Optional.of(process)));
  }

  @Test
  void shrinkWhile_daemonWithTwoPagesAndFourFreeFrames_reachesTheMinimum() {
    Gen<Scenario> failing = new ScenarioGen().filter(ScenarioShrinkerProperties::fails);
    PropertyRunner.checkAsserting("scenario shrinks to the minimum", SEED, 200, failing, Shrink.none(), s -> {
      Scenario m = ScenarioShrinker.shrinkWhile(s, ScenarioShrinkerProperties::fails);
      assertEquals(List.of(), ScenarioValidity.check(m));
      assertTrue(fails(m));
      assertEquals(new MemorySpec(4, 0, 0), m.memory());
      assertEquals(1, m.processes().size(), "only the daemon is left");
      ProcessSpec daemon = m.processes().get(0);
      assertEquals(List.of(2, 1, 0), List.of(daemon.pages(), daemon.threads(), daemon.workload().size() + daemon.onRequest().size()));
      assertEquals(Optional.empty(), daemon.pagesIn());
      assertEquals(List.of(0, 0, 1, 1), List.of(m.regions().size(), m.extensions().size(),
          m.swap().files().size(), m.swap().files().get(0).slots()));
      assertEquals(Optional.empty(), m.swap().dynamic());
      LayerSpec top = m.layer(m.swap().stack().get(0)).orElseThrow();
      assertEquals(Optional.of(daemon.name()), top.server());
      assertEquals(top.kind() == LayerKind.NETWORK ? 1 : 2, m.layers().size(), "the daemon's layer, over a block unless it is network");
      assertEquals(0, top.allocPerRequest());
    });
  }

  @Test
  void candidates_generatedScenarios_validAndStrictlySmaller() {
    PropertyRunner.checkAsserting("candidates are valid and smaller", SEED, 200, new ScenarioGen(), Shrink.none(), s ->
        SHRINKER.candidates(s).forEach(c -> {
          assertEquals(List.of(), ScenarioValidity.check(c));
          assertTrue(weight(c) < weight(s), "candidate not smaller: " + c);
        }));
  }

  @Test
  void shrinkWhile_sameInput_sameOutput() {
    PropertyRunner.check("scenario shrinking is deterministic", SEED, 50, new ScenarioGen(), Shrink.none(), s ->
        ScenarioShrinker.shrinkWhile(s, x -> x.processes().size() >= 2)
            .equals(ScenarioShrinker.shrinkWhile(s, x -> x.processes().size() >= 2)));
  }

  @Test
  void candidates_500Samples_shrinkEveryKindOfPart() {
    List<Scenario> samples = IntStream.range(0, 500).mapToObj(i -> PropertyRunner.generate(new ScenarioGen(), SEED, i)).toList();
    List<ToIntFunction<Scenario>> parts = List.of(
        s -> s.memory().frames(), s -> s.memory().reserved(), s -> s.memory().target(),
        s -> s.layers().size(), s -> s.processes().size(),
        s -> s.swap().files().size(), s -> s.swap().dynamic().isPresent() ? 1 : 0,
        s -> sum(s.processes(), ProcessSpec::threads), s -> sum(s.processes(), ProcessSpec::pages),
        s -> sum(s.processes(), p -> p.workload().size() + p.onRequest().size()),
        s -> sum(s.processes(), p -> p.pagesIn().isPresent() ? 1 : 0),
        s -> sum(s.layers(), l -> l.kext().isPresent() ? 1 : 0), s -> sum(s.layers(), l -> l.allocPerWrite()),
        s -> sum(s.extensions(), KextSpec::pageable), s -> sum(s.regions(), r -> r.pages()));
    boolean[] shrunk = new boolean[parts.size()];
    for (Scenario s : samples) {
      List<Scenario> candidates = SHRINKER.candidates(s).toList();
      for (int i = 0; i < parts.size(); i++) {
        ToIntFunction<Scenario> part = parts.get(i);
        shrunk[i] |= candidates.stream().anyMatch(c -> part.applyAsInt(c) < part.applyAsInt(s));
      }
    }
    for (int i = 0; i < parts.size(); i++) {
      assertTrue(shrunk[i], "part " + i + " is never shrunk");
    }
  }

  /** Regions, pagers and kexts go only after their references, so only a whole run shows everything can go. */
  @Test
  void shrinkWhile_alwaysFailing_leavesOnlyABlockLayerAndOneSlot() {
    PropertyRunner.checkAsserting("everything optional can be shrunk away", SEED, 100, new ScenarioGen(), Shrink.none(), s -> {
      Scenario m = ScenarioShrinker.shrinkWhile(s, x -> true);
      assertEquals(new MemorySpec(1, 0, 0), m.memory());
      assertEquals(List.of(LayerKind.BLOCK), m.layers().stream().map(LayerSpec::kind).toList());
      assertEquals(List.of(0, 0, 0, 1, 1), List.of(m.processes().size(), m.regions().size(), m.extensions().size(),
          m.swap().files().size(), m.swap().files().get(0).slots()));
    });
  }

  /** A size that every shrink step must lower: every count in the scenario, plus one per reference. */
  static int weight(Scenario s) {
    return s.memory().frames() + s.memory().reserved() + s.memory().target()
        + sum(s.swap().files(), f -> 1 + f.slots())
        + s.swap().dynamic().map(d -> 1 + d.fileSlots() + d.maxFiles()).orElse(0)
        + sum(s.layers(), l -> 1 + l.allocPerWrite() + l.allocPerRequest() + (l.kext().isPresent() ? 1 : 0)
            + (l.server().isPresent() ? 1 : 0))
        + sum(s.processes(), p -> 1 + p.pages() + p.threads() + (p.pagesIn().isPresent() ? 1 : 0)
            + steps(p.workload()) + steps(p.onRequest()))
        + sum(s.regions(), r -> 1 + r.pages())
        + sum(s.extensions(), k -> 1 + k.wired() + k.pageable() + steps(k.onIo()));
  }

  private static int steps(List<Step> steps) {
    return sum(steps, step -> 1 + (step instanceof Step.Alloc a ? a.pages()
        : step instanceof Step.Touch t ? t.pages()
        : step instanceof Step.TouchPageable t ? t.pages()
        : step instanceof Step.TouchRegion t ? t.pages() : 0));
  }

  private static <E> int sum(List<E> items, ToIntFunction<E> f) {
    return items.stream().mapToInt(f).sum();
  }
}
