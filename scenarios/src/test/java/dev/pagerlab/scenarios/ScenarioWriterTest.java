package dev.pagerlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagerlab.vmcore.spec.Scenario;
import org.junit.jupiter.api.Test;

class ScenarioWriterTest {

  @Test
  void write_everyCatalogScenario_readsBackEqual() throws Exception {
    for (Scenario s : Catalog.all()) {
      String yaml = ScenarioWriter.write(s);
      assertEquals(s, ScenarioLoader.parse(yaml, s.name() + ".yaml"), yaml);
    }
  }
}
