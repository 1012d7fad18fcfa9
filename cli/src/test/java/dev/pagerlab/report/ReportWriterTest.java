package dev.pagerlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerlab.checker.CheckResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportWriterTest {
  private static final List<String> KINDS = List.of(".json", ".md", ".dot", ".svg", ".html");
  private static final List<String> NAMES = List.of(Fixtures.DEADLOCK, Fixtures.SAFE, Fixtures.BOUNDED);

  @TempDir
  Path tmp;

  private Path write(String sub, long millis) throws IOException {
    Path dir = tmp.resolve(sub);
    ReportWriter.writeAll(Fixtures.results(millis), dir, Fixtures.YAML::get);
    return dir;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void writeAll_threeScenarios_writesEveryFile() throws IOException {
    Path dir = write("reports", 5);
    for (String name : NAMES) {
      for (String kind : KINDS) {
        assertTrue(Files.size(dir.resolve(name + kind)) > 0, name + kind);
      }
    }
    assertTrue(Files.size(dir.resolve("index.html")) > 0);
    assertTrue(Files.size(dir.resolve("junit.xml")) > 0);
  }

  @Test
  void json_deadlock_hasEveryContractField() throws IOException {
    JsonNode j = new ObjectMapper().readTree(write("r", 5).resolve(Fixtures.DEADLOCK + ".json").toFile());
    for (String field : List.of("name", "verdict", "classes", "witness", "cycle", "explored", "expect", "meetsExpect",
        "classesComplete", "cycleClosedAt", "staticChains", "mitigations", "events", "seed", "os", "source",
        "description")) {
      assertTrue(j.has(field), field);
    }
    assertEquals(Fixtures.DEADLOCK, j.get("name").asText());
    assertEquals("deadlock", j.get("verdict").asText());
    assertEquals("[\"low-memory\",\"paging-recursion\",\"userland-dependency\"]", j.get("classes").toString());
    assertEquals("deadlock", j.get("expect").asText());
    assertTrue(j.get("meetsExpect").asBoolean());
    assertEquals(4, j.get("cycleClosedAt").asInt());
    assertEquals(42, j.get("seed").asLong());
    assertEquals(6, j.get("witness").size());
    for (JsonNode step : j.get("witness")) {
      for (String field : List.of("index", "thread", "text", "changes")) {
        assertTrue(step.has(field), "witness step " + field);
      }
    }
    assertEquals("allocate 14 pages", j.get("witness").get(0).get("text").asText());
    JsonNode edge = j.get("cycle").get(0);
    assertEquals("pageout", edge.get("from").asText());
    assertEquals("fused#0", edge.get("to").asText());
    assertEquals("io-completion", edge.get("reason").asText());
    assertTrue(edge.get("because").asText().contains("served by fused#0"));
    JsonNode explored = j.get("explored");
    for (String field : List.of("states", "transitions", "depth", "bound", "millis", "reductions")) {
      assertTrue(explored.has(field), "explored " + field);
    }
    assertEquals(18234, explored.get("states").asLong());
    assertEquals(5, explored.get("millis").asLong());
    assertEquals(2, j.get("mitigations").size());
    assertEquals("wire-daemon", j.get("mitigations").get(0).get("mitigations").get(0).get("kind").asText());
    assertFalse(j.get("staticChains").get(1).get("reachable").asBoolean());
  }

  @Test
  void json_boundedWithoutWitness_hasEmptyListsAndMissedExpect() throws IOException {
    JsonNode j = new ObjectMapper().readTree(write("r", 5).resolve(Fixtures.BOUNDED + ".json").toFile());
    assertEquals("safe-up-to-bound", j.get("verdict").asText());
    assertEquals(0, j.get("witness").size());
    assertEquals(0, j.get("cycle").size());
    assertFalse(j.get("meetsExpect").asBoolean());
    assertFalse(j.get("classesComplete").asBoolean());
    assertEquals("states 250000", j.get("explored").get("bound").asText());
  }

  @Test
  void writeAll_twoRunsDifferentTimes_identicalExceptTimes() throws IOException {
    Path a = write("a", 17);
    Path b = write("b", 98765);
    List<String> files = new ArrayList<>(List.of("index.html", "junit.xml"));
    NAMES.forEach(n -> KINDS.forEach(k -> files.add(n + k)));
    for (String f : files) {
      assertEquals(withoutTimes(read(a.resolve(f))), withoutTimes(read(b.resolve(f))), f);
    }
    for (String n : NAMES) {
      for (String kind : List.of(".md", ".dot", ".svg", ".html")) {
        assertArrayEquals(Files.readAllBytes(a.resolve(n + kind)), Files.readAllBytes(b.resolve(n + kind)), n + kind);
      }
    }
    assertNotEquals(read(a.resolve("index.html")), read(b.resolve("index.html")), "the time column shows the time");
  }

  /** The text with the run's time fields blanked, the only place a time may appear. */
  private static String withoutTimes(String text) {
    return text.replaceAll("\"millis\": \\d+", "\"millis\": 0")
        .replaceAll("<td data-label=\"time\" class=\"num time\">\\d+ ms</td>", "<td>TIME</td>")
        .replaceAll("time=\"[0-9.]+\"", "time=\"0\"");
  }

  @Test
  void writeAll_overExistingReports_leavesNoTemporaryFiles() throws IOException {
    Path dir = write("r", 5);
    ReportWriter.writeAll(Fixtures.results(6), dir, Fixtures.YAML::get);
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(names.stream().noneMatch(n -> n.startsWith(".") || n.endsWith(".tmp")), names.toString());
      assertEquals(NAMES.size() * KINDS.size() + 2, names.size(), names.toString());
    }
    assertTrue(read(dir.resolve(Fixtures.DEADLOCK + ".json")).contains("\"millis\": 6"));
  }

  @Test
  void writeAll_leftoversOfAKilledRun_removesOnlyStaleOnes() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("r"));
    Path stale = Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "index.html.123.tmp"), "<ht");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
    Path live = Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "other.json.456.tmp"), "{");
    Path mine = Files.writeString(dir.resolve("notes.txt"), "keep");
    Files.setLastModifiedTime(mine, FileTime.from(Instant.now().minusSeconds(3600)));
    ReportWriter.writeAll(Fixtures.results(1), dir, n -> null);
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(live), "a temporary file of a run still writing is left alone");
    assertTrue(Files.exists(mine));
  }

  @Test
  void writeAll_dirUnderARegularFile_throwsNamingTheDir() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    Path dir = file.resolve("reports");
    IOException e = assertThrows(IOException.class, () -> ReportWriter.writeAll(Fixtures.results(1), dir, n -> null));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().startsWith("cannot create report directory"), e.getMessage());
  }

  @Test
  void writeAll_dirIsARegularFile_throwsNamingTheDir() throws IOException {
    Path file = Files.writeString(tmp.resolve("reports"), "x");
    IOException e = assertThrows(IOException.class, () -> ReportWriter.writeAll(Fixtures.results(1), file, n -> null));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertEquals("x", read(file));
  }

  @Test
  void writeAll_readOnlyDir_throwsAndWritesNothing() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "root may write into a read-only directory");
    Path dir = Files.createDirectory(tmp.resolve("ro"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      IOException e = assertThrows(IOException.class, () -> ReportWriter.writeAll(Fixtures.results(1), dir, n -> null));
      assertTrue(e.getMessage().contains("not writable"), e.getMessage());
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(0, files.count());
      }
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void atomicWrite_targetIsADirectory_failsAndLeavesNoTemporaryFile() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("d"));
    Files.createDirectory(dir.resolve("index.html"));
    Files.writeString(dir.resolve("index.html").resolve("keep"), "x");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(dir, "index.html", "<html>"));
    assertTrue(e.getMessage().contains("index.html"), e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("index.html"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  private static Document parseXml(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> cycleLines(Document svg) {
    List<Element> red = new ArrayList<>();
    NodeList lines = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline");
    for (int i = 0; i < lines.getLength(); i++) {
      Element e = (Element) lines.item(i);
      if (e.getAttribute("stroke").equals(Palette.CYCLE)) {
        red.add(e);
      }
    }
    return red;
  }

  @Test
  void svg_deadlock_isWellFormedWithRedCycleEdges() throws Exception {
    Document svg = parseXml(write("r", 5).resolve(Fixtures.DEADLOCK + ".svg"));
    assertEquals("svg", svg.getDocumentElement().getLocalName());
    List<Element> red = cycleLines(svg);
    assertEquals(2, red.size(), "pageout -> fused and fused -> pageout");
    for (Element e : red) {
      assertTrue(e.getAttribute("marker-end").contains("arrow-cycle-"));
      assertTrue(e.getAttribute("points").split(" ").length >= 2);
    }
  }

  @Test
  void svg_safe_hasNoCycleEdgesAndEveryNode() throws Exception {
    Document svg = parseXml(write("r", 5).resolve(Fixtures.SAFE + ".svg"));
    assertEquals(0, cycleLines(svg).size());
    String text = svg.getDocumentElement().getTextContent();
    for (String label : List.of("pageout", "memory", "swap0", "fuse0", "disk0", "fused", "hog")) {
      assertTrue(text.contains(label), label);
    }
  }

  @Test
  void svg_everyScenario_nodesDoNotOverlap() throws Exception {
    Path dir = write("r", 5);
    for (String name : NAMES) {
      NodeList rects = parseXml(dir.resolve(name + ".svg")).getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
      List<double[]> boxes = new ArrayList<>();
      for (int i = 0; i < rects.getLength(); i++) {
        Element r = (Element) rects.item(i);
        if (((Element) r.getParentNode()).getAttribute("class").equals("node")) {
          boxes.add(new double[] {num(r, "x"), num(r, "y"), num(r, "width"), num(r, "height")});
        }
      }
      assertTrue(boxes.size() >= 5, name);
      for (int i = 0; i < boxes.size(); i++) {
        for (int k = i + 1; k < boxes.size(); k++) {
          assertFalse(overlap(boxes.get(i), boxes.get(k)), name + ": nodes " + i + " and " + k + " overlap");
        }
      }
    }
  }

  private static double num(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }

  private static boolean overlap(double[] a, double[] b) {
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
  }

  @Test
  void markdown_deadlock_explainsLikeLockdep() throws IOException {
    String md = read(write("r", 5).resolve(Fixtures.DEADLOCK + ".md"));
    assertTrue(md.contains("**Verdict: deadlock** (expected deadlock: met)"), md);
    assertTrue(md.contains("Chain exists of: pageout --> fused#0 --> pageout"), md);
    assertTrue(md.contains("1. pageout waits for fused#0 (io completion) because the write of fused page 0"), md);
    assertTrue(md.contains("2. fused#0 waits for pageout (page in flight) because"), md);
    assertTrue(md.contains("| step | pageout | fused#0 | hog#0 | dynamic_pager#0 |"), md);
    assertTrue(md.contains("| 2 | evict fused page 0 \\| dirty, to swap0 slot 0 | | | |"), md);
    assertTrue(md.contains("| 1 | | | allocate 14 pages | |"), md);
    assertTrue(md.contains("1. **hog#0** allocate 14 pages: free 16 -> 2; hog resident 0 -> 14"), md);
    assertTrue(md.lastIndexOf(ReportText.CLOSED_MARKER) > md.indexOf("4. **fused#0** touch page 0"), md);
    assertTrue(md.lastIndexOf(ReportText.CLOSED_MARKER) < md.indexOf("5. **hog#0**"), md);
    assertTrue(md.contains("**reachable** (paging-recursion, userland-dependency)"), md);
    assertTrue(md.contains("potential only (paging-recursion)"), md);
    assertTrue(md.contains("1. mlockall the FUSE daemon fused; mark fused PR_SET_IO_FLUSHER \u2192 safe"), md);
    assertTrue(md.contains("https://github.com/osxfuse/osxfuse/issues/139"), md);
    assertTrue(md.contains("- states: 18234"), md);
    assertTrue(md.contains("![layer stack of " + Fixtures.DEADLOCK + "](" + Fixtures.DEADLOCK + ".svg)"), md);
  }

  @Test
  void markdown_safeUpToBound_saysTheBoundAndIncompleteness() throws IOException {
    String md = read(write("r", 5).resolve(Fixtures.BOUNDED + ".md"));
    assertTrue(md.contains("**Verdict: safe-up-to-bound** (expected safe: NOT met)"), md);
    assertTrue(md.contains("within the bound (states 250000)"), md);
    assertFalse(md.contains("## Witness"), md);
  }

  @Test
  void dot_deadlock_highlightsCycleEdges() throws IOException {
    String dot = read(write("r", 5).resolve(Fixtures.DEADLOCK + ".dot"));
    assertTrue(dot.startsWith("digraph \"" + Fixtures.DEADLOCK + "\" {"), dot);
    assertTrue(dot.contains("\"pageout\" -> \"process:fused\" [label=\"waits: io completion\", color=\"#d62728\""), dot);
    assertTrue(dot.contains("\"process:fused\" -> \"pageout\" [label=\"waits: page in flight\", color=\"#d62728\""), dot);
    assertTrue(dot.contains("\"layer:fuse0\" -> \"kext:fusekext\""), dot);
    assertTrue(dot.contains("\"file:swap0\" -> \"layer:fuse0\""), dot);
    assertTrue(dot.trim().endsWith("}"));
  }

  @Test
  void html_report_escapesTextAndInlinesPictureAndYaml() throws IOException {
    String html = read(write("r", 5).resolve(Fixtures.DEADLOCK + ".html"));
    assertTrue(html.contains("pages &lt;while&gt; it serves a write &amp; waits"), "description escaped");
    assertFalse(html.contains("<while>"));
    assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assertTrue(html.contains("<li>pageout waits for fused#0 (io completion) because"));
    assertTrue(html.contains("<a href=\"https://github.com/osxfuse/osxfuse/issues/139\""));
    assertTrue(html.contains("<pre class=\"yaml\">name: " + Fixtures.DEADLOCK));
    assertTrue(read(tmp.resolve("r").resolve(Fixtures.SAFE + ".html")).contains("# a &lt;comment&gt; &amp; more"));
    assertFalse(read(tmp.resolve("r").resolve(Fixtures.BOUNDED + ".html")).contains("<pre class=\"yaml\">"));
  }

  @Test
  void index_threeScenarios_linksEachReport() throws IOException {
    String html = read(write("r", 1234).resolve("index.html"));
    for (String name : NAMES) {
      assertTrue(html.contains("<a href=\"" + name + ".html\">" + name + "</a>"), name);
    }
    assertEquals(3, html.split("<tr class=\"scenario\">", -1).length - 1);
    assertTrue(html.contains("1234 ms"));
    assertTrue(html.contains("2 meet their expectation"));
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"), "self-contained");
  }

  @Test
  void junit_boundedMissesExpect_isTheOnlyFailure() throws Exception {
    Document xml = parseXml(write("r", 1500).resolve("junit.xml"));
    Element suite = xml.getDocumentElement();
    assertEquals("3", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));
    NodeList cases = suite.getElementsByTagName("testcase");
    assertEquals(3, cases.getLength());
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      boolean failed = c.getElementsByTagName("failure").getLength() > 0;
      assertEquals(c.getAttribute("name").equals(Fixtures.BOUNDED), failed, c.getAttribute("name"));
      assertEquals("1.500", c.getAttribute("time"));
    }
  }

  @Test
  void writeAll_emptyRun_writesIndexAndJunit() throws IOException {
    Path dir = tmp.resolve("empty");
    ReportWriter.writeAll(List.<CheckResult>of(), dir, n -> null);
    assertTrue(read(dir.resolve("index.html")).contains("0 scenarios"));
    assertTrue(read(dir.resolve("junit.xml")).contains("tests=\"0\""));
  }
}
