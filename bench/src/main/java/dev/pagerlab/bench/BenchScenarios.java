package dev.pagerlab.bench;

import dev.pagerlab.scenarios.Catalog;
import dev.pagerlab.scenarios.ScenarioException;
import dev.pagerlab.scenarios.ScenarioLoader;
import dev.pagerlab.vmcore.spec.Scenario;

/** The contract examples, as shipped, and scaled up to the frame counts the issue names. */
final class BenchScenarios {
  private BenchScenarios() {}

  static Scenario example(String name) {
    return Catalog.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /** The example with frames multiplied and the hog's allocation grown to match. */
  static Scenario scaled(String name, int frames) {
    String yaml = Catalog.yamlOf(name);
    Scenario s = example(name);
    int hog = s.process("hog").orElseThrow().workload().stream()
        .mapToInt(st -> st instanceof dev.pagerlab.vmcore.spec.Step.Alloc a ? a.pages() : 0).sum();
    int newHog = hog + (frames - s.memory().frames());
    String text = yaml.replaceFirst("frames: \\d+", "frames: " + frames)
        .replaceFirst("alloc: " + hog, "alloc: " + newHog)
        .replaceFirst("slots: \\d+", "slots: " + (newHog + 8));
    try {
      return ScenarioLoader.parse(text, name + "-x" + frames + ".yaml");
    } catch (ScenarioException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
