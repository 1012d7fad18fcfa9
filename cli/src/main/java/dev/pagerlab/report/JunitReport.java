package dev.pagerlab.report;

import dev.pagerlab.checker.CheckResult;
import dev.pagerlab.vmcore.spec.Expect;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code junit.xml}: one test case per scenario, failed when the verdict misses its
 * {@code expect}, so CI systems list every scenario. Pure.
 */
final class JunitReport {
  private JunitReport() {}

  /** The JUnit XML text for these results. */
  static String render(List<CheckResult> results) {
    long failures = results.stream().filter(r -> !r.meetsExpect()).count();
    long millis = results.stream().mapToLong(r -> r.explored().millis()).sum();
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuite name=\"pagerlab check\" tests=\"").append(results.size()).append("\" failures=\"")
        .append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"").append(seconds(millis)).append("\">\n");
    results.forEach(r -> testCase(out, r));
    return out.append("</testsuite>\n").toString();
  }

  private static void testCase(StringBuilder out, CheckResult r) {
    out.append("  <testcase classname=\"pagerlab.check.").append(Escape.xml(r.scenario().os().word()))
        .append("\" name=\"").append(Escape.xml(r.scenario().name())).append("\" time=\"")
        .append(seconds(r.explored().millis())).append("\">\n");
    if (!r.meetsExpect()) {
      String expected = r.expect().map(Expect::word).orElse("");
      out.append("    <failure type=\"verdict\" message=\"").append(Escape.xml("expected " + expected + ", got "
          + r.verdict())).append("\">").append(Escape.xml(summary(r))).append("</failure>\n");
    }
    out.append("    <system-out>").append(Escape.xml(summary(r))).append("</system-out>\n  </testcase>\n");
  }

  private static String summary(CheckResult r) {
    StringBuilder s = new StringBuilder("verdict: " + r.verdict() + "\nclasses: " + ReportText.classes(r)
        + "\nexplored: " + String.join(", ", ReportText.explored(r.explored())) + "\n");
    r.cycle().forEach(e -> s.append(e.sentence()).append('\n'));
    return s.toString();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
