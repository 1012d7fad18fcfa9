package dev.pagerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the written reports in a real headless Chromium: every page renders, every relative
 * link resolves to a file, and the browser logs no console message. Under {@code CI=true} a
 * missing Chromium fails the test; elsewhere it is skipped with the reason. The system property
 * {@code pagerlab.chromium} names another browser binary.
 */
@Tag("browser")
class ReportBrowserIT {
  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
  private static final List<String> CONSOLE_ERRORS =
      List.of("CONSOLE", "Uncaught", "ERR_FILE_NOT_FOUND", "Not allowed to load local resource");
  private static Path chromium;

  @TempDir
  Path tmp;

  @BeforeAll
  static void findChromium() {
    String wanted = System.getProperty("pagerlab.chromium");
    Stream<String> candidates = wanted != null ? Stream.of(wanted)
        : Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    Optional<Path> found = candidates.map(Path::of).filter(Files::isExecutable).findFirst();
    if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
      fail("CI=true but no Chromium at /usr/bin/chromium: run scripts/setup");
    }
    chromium = found.orElse(null);
  }

  @BeforeEach
  void needChromium() {
    Assumptions.assumeTrue(chromium != null, "skipped: no Chromium at /usr/bin/chromium (scripts/setup installs it)");
  }

  /** What the browser printed for one page. */
  private record Rendered(int exit, String dom, String log) {}

  private Rendered open(Path page) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "profile");
    Path out = tmp.resolve("dom-" + System.nanoTime() + ".html");
    Path err = tmp.resolve("log-" + System.nanoTime() + ".txt");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
        page.toUri().toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      fail("Chromium did not finish rendering " + page + " within 120 s");
    }
    return new Rendered(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> consoleErrors(String log) {
    return log.lines().filter(l -> CONSOLE_ERRORS.stream().anyMatch(l::contains)).toList();
  }

  /** The relative links and sources of a page, fragment-only and absolute ones left out. */
  private static List<String> relativeLinks(String html) {
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      String link = m.group(1);
      if (!link.isEmpty() && !link.startsWith("#") && !link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
        links.add(link);
      }
    }
    return links;
  }

  private Path writeReports() throws IOException {
    Path dir = tmp.resolve("reports");
    ReportWriter.writeAll(Fixtures.results(321), dir, Fixtures.YAML::get);
    return dir;
  }

  @Test
  void index_inChromium_rendersEveryRowWithoutConsoleErrors() throws Exception {
    Path dir = writeReports();
    Rendered index = open(dir.resolve("index.html"));
    assertEquals(0, index.exit(), index.log());
    assertEquals(3, index.dom().split("<tr class=\"scenario\">", -1).length - 1, index.dom());
    for (String name : List.of(Fixtures.DEADLOCK, Fixtures.SAFE, Fixtures.BOUNDED)) {
      assertTrue(index.dom().contains(">" + name + "</a>"), name);
    }
    assertEquals(List.of(), consoleErrors(index.log()));
  }

  @Test
  void links_everyPage_resolveToFilesAndRenderWithoutConsoleErrors() throws Exception {
    Path dir = writeReports();
    List<String> links = relativeLinks(Files.readString(dir.resolve("index.html")));
    assertTrue(links.contains(Fixtures.DEADLOCK + ".html"), links.toString());
    for (String link : links) {
      Path target = dir.resolve(link).normalize();
      assertTrue(Files.isRegularFile(target), "index.html links to missing " + link);
      if (!link.endsWith(".html")) {
        continue;
      }
      String html = Files.readString(target);
      for (String inner : relativeLinks(html)) {
        assertTrue(Files.isRegularFile(target.resolveSibling(inner).normalize()), link + " links to missing " + inner);
      }
      Rendered page = open(target);
      assertEquals(0, page.exit(), page.log());
      assertTrue(page.dom().contains("<h1>"), link);
      assertTrue(page.dom().contains("<svg"), link + " shows its stack picture");
      assertEquals(List.of(), consoleErrors(page.log()), link);
    }
  }

  @Test
  void detector_pageWithScriptError_isCaught() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.html"), "<!DOCTYPE html><html><head><link rel=\"icon\" "
        + "href=\"data:,\"></head><body><p>x</p><script>console.error('boom'); missingFunction();</script></body></html>");
    Rendered page = open(bad);
    List<String> errors = consoleErrors(page.log());
    assertFalse(errors.isEmpty(), "the console-error check must see a deliberate error:\n" + page.log());
    assertTrue(errors.stream().anyMatch(l -> l.contains("missingFunction")), errors.toString());
  }
}
