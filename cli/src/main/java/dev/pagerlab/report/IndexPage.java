package dev.pagerlab.report;

import dev.pagerlab.checker.CheckResult;
import dev.pagerlab.vmcore.spec.Expect;
import java.util.List;

/**
 * Writes {@code index.html}: one table of every scenario of the run, each row linking to its
 * report. The time column is the only part that differs between identical runs. Pure.
 */
final class IndexPage {
  private IndexPage() {}

  /** The index page for these results, in the order given. */
  static String render(List<CheckResult> results) {
    long misses = results.stream().filter(r -> !r.meetsExpect()).count();
    StringBuilder b = new StringBuilder();
    b.append("<h1>pagerlab check</h1>\n<p class=\"summary\">").append(results.size())
        .append(results.size() == 1 ? " scenario" : " scenarios").append(" · ")
        .append(results.size() - misses).append(" meet their expectation · <span class=\"")
        .append(misses == 0 ? "meets" : "misses").append("\">").append(misses).append(" do not</span>")
        .append(" · <a href=\"junit.xml\">JUnit XML</a></p>\n");
    b.append("<div class=\"scroll\"><table class=\"index\">\n<thead><tr><th>scenario</th><th>os</th>")
        .append("<th>verdict</th><th>classes</th><th>states</th><th>time</th><th>expect</th><th>meets</th>")
        .append("</tr></thead>\n<tbody>\n");
    results.forEach(r -> row(b, r));
    b.append("</tbody></table></div>\n");
    return HtmlPage.page("pagerlab check: " + results.size() + " scenarios", b.toString());
  }

  private static void row(StringBuilder b, CheckResult r) {
    String file = Escape.fileName(r.scenario().name());
    b.append("<tr class=\"scenario\">");
    b.append("<td data-label=\"scenario\"><a href=\"").append(file).append(".html\">")
        .append(Escape.xml(r.scenario().name())).append("</a></td>");
    b.append("<td data-label=\"os\">").append(Escape.xml(r.scenario().os().word())).append("</td>");
    b.append("<td data-label=\"verdict\">").append(HtmlPage.badge(r.verdict())).append("</td>");
    b.append("<td data-label=\"classes\">").append(Escape.xml(ReportText.classes(r))).append("</td>");
    b.append("<td data-label=\"states\" class=\"num\">").append(r.explored().states()).append("</td>");
    b.append("<td data-label=\"time\" class=\"num time\">").append(r.explored().millis()).append(" ms</td>");
    b.append("<td data-label=\"expect\">").append(Escape.xml(r.expect().map(Expect::word).orElse("\u2014")))
        .append("</td>");
    b.append("<td data-label=\"meets\" class=\"").append(r.meetsExpect() ? "meets\">\u2713 yes" : "misses\">\u2717 no")
        .append("</td></tr>\n");
  }
}
