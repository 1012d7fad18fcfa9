package dev.pagerlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.checker.explore.Bounds;
import dev.pagerlab.scenarios.Catalog;
import dev.pagerlab.scenarios.ScenarioLoader;
import dev.pagerlab.vmcore.spec.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One test per catalog and coverage scenario: the verdict equals its expect, the classes its expectClasses. */
class CatalogVerdictsTest {
  private static final Pattern BOUND = Pattern.compile("(?m)^# bound: states=(\\d+)");

  static Stream<Scenario> catalog() {
    return Catalog.all().stream();
  }

  static Stream<Path> coverage() throws Exception {
    return Files.list(Path.of("src/test/resources/coverage")).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void catalogScenario_meetsItsExpectation(Scenario s) {
    assertMeets(s, CheckOptions.defaults().withMitigations(false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("coverage")
  void coverageScenario_meetsItsExpectation(Path file) throws Exception {
    Scenario s = ScenarioLoader.load(file);
    CheckOptions o = CheckOptions.defaults().withMitigations(false);
    Matcher m = BOUND.matcher(Files.readString(file));
    if (m.find()) {
      Bounds d = Bounds.defaults();
      o = o.withBounds(new Bounds(Long.parseLong(m.group(1)), d.maxDepth(), d.maxMillis()));
    }
    assertMeets(s, o);
  }

  static void assertMeets(Scenario s, CheckOptions o) {
    assertTrue(s.expect().isPresent(), s.name() + " has no expect");
    CheckResult r = Checker.check(s, o);
    assertEquals(s.expect().get().word(), r.verdict(), s.name() + ": " + r.cycle());
    if (!s.expectClasses().isEmpty()) {
      List<String> got = r.classes().stream().map(DeadlockClass::word).sorted().toList();
      assertEquals(s.expectClasses().stream().sorted().toList(), got, s.name());
    }
    if (r.verdict().equals("deadlock")) {
      assertTrue(!r.witness().steps().isEmpty() && !r.cycle().isEmpty(), s.name() + " deadlock without witness");
    }
  }
}
