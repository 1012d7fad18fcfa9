package dev.pagerlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pagerlab.vmcore.spec.Scenario;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutated catalog files: the loader either accepts them or rejects them with a one-line
 * {@link ScenarioException} at a real position of the file, never with any other exception.
 */
class ScenarioLoaderProperties {

  private static final long SEED = Long.getLong("pagerlab.seed", 0x5CE7A710L);
  private static final int RUNS = 1_000;
  private static final List<String> TOKENS = List.of("-1", "0", "1", "64", "65", "1000001", "99999999999999999999",
      "1.5", "x", "''", "[]", "{}", "true", "~", "null", "eio", "fused", "disk0", "fuse0", "- ", ": ", "{", "[", "\t",
      "&a", "*a", "---", "touchPageable: 1", "below: fuse0", "below: ufs0", "kind: block", "\n  ", "#");

  @Test
  void parse_mutatedCatalogFiles_acceptOrRejectWithPosition() {
    SplittableRandom random = new SplittableRandom(SEED);
    List<Scenario> catalog = Catalog.all();
    for (int run = 0; run < RUNS; run++) {
      String original = Catalog.yamlOf(catalog.get(random.nextInt(catalog.size())).name());
      String mutated = mutate(original, random);
      try {
        ScenarioLoader.parse(mutated, "m.yaml");
      } catch (ScenarioException e) {
        checkPosition(e, mutated, run);
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed " + SEED + " run " + run + ": " + e + " on:\n" + mutated, e);
      }
    }
  }

  private static void checkPosition(ScenarioException e, String yaml, int run) {
    String where = "seed " + SEED + " run " + run + ": " + e.getMessage() + " on:\n" + yaml;
    long lines = yaml.lines().count() + 1;
    assertTrue(e.line() >= 1 && e.line() <= lines, where);
    assertTrue(e.column() >= 1, where);
    assertEquals(1, e.getMessage().lines().count(), where);
    assertTrue(e.getMessage().startsWith("m.yaml:" + e.line() + ":" + e.column() + ": "), where);
  }

  private static String mutate(String yaml, SplittableRandom random) {
    StringBuilder text = new StringBuilder(yaml);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && text.length() > 0; i++) {
      int at = random.nextInt(text.length());
      int kind = random.nextInt(3);
      if (kind == 0) {
        text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
      } else if (kind == 1) {
        text.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
      } else {
        text.replace(at, Math.min(text.length(), at + 1 + random.nextInt(4)), TOKENS.get(random.nextInt(TOKENS.size())));
      }
    }
    return text.toString();
  }
}
