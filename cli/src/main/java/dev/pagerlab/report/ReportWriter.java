package dev.pagerlab.report;

import dev.pagerlab.checker.CheckResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's reports (SCENARIOS.md section 4): per scenario {@code NAME.json},
 * {@code NAME.md}, {@code NAME.dot}, {@code NAME.svg} and {@code NAME.html}, then
 * {@code index.html} and {@code junit.xml}. Every file is written to a temporary file in the
 * directory and renamed atomically; the same results give byte-identical files except for
 * {@code explored.millis} in the JSON and the time column of the index (and junit.xml's times).
 */
public final class ReportWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

  private ReportWriter() {}

  /**
   * Writes every report for these results into {@code dir}, creating it if needed.
   *
   * @param results the results, in the order the index lists them
   * @param dir the report directory
   * @param yamlOf the scenario file's text for a scenario name, or null when there is none
   * @throws IOException with a message naming the directory or file when it cannot be written
   */
  public static void writeAll(List<CheckResult> results, Path dir, Function<String, String> yamlOf)
      throws IOException {
    AtomicFiles.prepare(dir);
    for (CheckResult r : results) {
      writeScenario(r, dir, yamlOf.apply(r.scenario().name()));
    }
    AtomicFiles.write(dir, "index.html", IndexPage.render(results));
    AtomicFiles.write(dir, "junit.xml", JunitReport.render(results));
    LOG.debug("wrote reports for {} scenarios to {}", results.size(), dir);
  }

  /** Writes the five files of one scenario. */
  private static void writeScenario(CheckResult r, Path dir, String yaml) throws IOException {
    String file = Escape.fileName(r.scenario().name());
    String svg = SvgReport.render(r);
    AtomicFiles.write(dir, file + ".json", JsonReport.render(r));
    AtomicFiles.write(dir, file + ".md", MarkdownReport.render(r, yaml));
    AtomicFiles.write(dir, file + ".dot", DotReport.render(r));
    AtomicFiles.write(dir, file + ".svg", svg);
    AtomicFiles.write(dir, file + ".html", HtmlReport.render(r, svg, yaml));
  }
}
