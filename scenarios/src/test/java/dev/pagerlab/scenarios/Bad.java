package dev.pagerlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pagerlab.vmcore.spec.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Test helpers: parse a small YAML string and check where and why it is rejected. */
final class Bad {

  /** Three valid lines (name, description, memory); a test's own lines start at line 4. */
  static final String HEAD = "name: t\ndescription: d\nmemory: {frames: 10}\n";

  private Bad() {}

  /** Asserts {@code yaml} is rejected at this line, column and field, with every word in the reason. */
  static ScenarioException assertError(String yaml, int line, int column, String field, String... words) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "bad.yaml"));
    List<Executable> checks = new ArrayList<>();
    checks.add(() -> assertEquals("bad.yaml", e.file(), e.getMessage()));
    checks.add(() -> assertEquals(line, e.line(), "line of: " + e.getMessage()));
    checks.add(() -> assertEquals(column, e.column(), "column of: " + e.getMessage()));
    checks.add(() -> assertEquals(field, e.field(), "field of: " + e.getMessage()));
    String prefix = "bad.yaml:" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ");
    checks.add(() -> assertEquals(prefix + e.reason(), e.getMessage()));
    checks.add(() -> assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage()));
    for (String word : words) {
      checks.add(() -> assertTrue(e.reason().contains(word), "'" + word + "' in: " + e.getMessage()));
    }
    assertAll(checks);
    return e;
  }

  /** Parses a scenario that must be valid. */
  static Scenario ok(String yaml) {
    try {
      return ScenarioLoader.parse(yaml, "ok.yaml");
    } catch (ScenarioException e) {
      return fail("expected a valid scenario: " + e.getMessage());
    }
  }
}
