package dev.pagerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  static final String DEADLOCK = """
      name: tiny-file-swap
      description: a write into a not-preallocated file needs more metadata than the reserve holds
      memory: { frames: 12, reserved: 2, target: 4 }
      swap:
        files: [ { name: swapfile, slots: 16, preallocated: false } ]
        stack: [ufs0]
      layers:
        - { id: ufs0, kind: filesystem, allocPerWrite: 3, below: disk0 }
        - { id: disk0, kind: block }
      processes:
        - name: hog
          workload: [ { alloc: 16 } ]
      expect: deadlock
      """;

  @TempDir
  Path tmp;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void check_expectMet_exitsZeroAndWritesEveryReport() throws Exception {
    Path f = write("tiny.yaml", DEADLOCK);
    Path reports = tmp.resolve("reports");
    Run r = run("check", f.toString(), "--report-dir", reports.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("deadlock") && r.out().contains("tiny-file-swap"), r.out());
    for (String ext : new String[] {"json", "md", "dot", "svg"}) {
      assertTrue(Files.exists(reports.resolve("tiny-file-swap." + ext)), ext);
    }
    assertTrue(Files.exists(reports.resolve("index.html")));
    JsonNode json = new ObjectMapper().readTree(reports.resolve("tiny-file-swap.json").toFile());
    for (String field : new String[] {"name", "verdict", "classes", "witness", "cycle", "explored", "expect"}) {
      assertTrue(json.has(field), field);
    }
    assertEquals("deadlock", json.get("verdict").asText());
  }

  @Test
  void check_expectMissed_exitsOne() throws Exception {
    Path f = write("tiny.yaml", DEADLOCK.replace("expect: deadlock", "expect: safe"));
    Run r = run("check", f.toString(), "--report-dir", tmp.resolve("r").toString());
    assertEquals(1, r.status());
    assertTrue(r.out().contains("MISMATCH"), r.out());
  }

  @Test
  void check_badField_exitsTwoNamingFileLineAndField() throws Exception {
    Path f = write("bad.yaml", DEADLOCK.replace("allocPerWrite: 3", "allocPerWrite: 3, colour: red"));
    Run r = run("check", f.toString(), "--report-dir", tmp.resolve("r").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("bad.yaml:8:"), r.err());
    assertTrue(r.err().contains("colour"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(tmp.resolve("r").resolve("index.html")), "no report for bad input");
  }

  @Test
  void check_missingFile_exitsTwo() {
    Run r = run("check", tmp.resolve("nope.yaml").toString(), "--report-dir", tmp.resolve("r").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("nope.yaml"), r.err());
  }

  @Test
  void check_invalidYaml_exitsTwo() throws Exception {
    Path f = write("broken.yaml", "name: x\ndescription: [unclosed\n");
    Run r = run("check", f.toString(), "--report-dir", tmp.resolve("r").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith(f.toString()) || r.err().contains("broken.yaml"), r.err());
  }

  @Test
  void check_unwritableReportDir_exitsTwoLeavingNothingBehind() throws Exception {
    Path f = write("tiny.yaml", DEADLOCK);
    Path ro = Files.createDirectory(tmp.resolve("ro"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("r-xr-xr-x")));
    Path file = write("plainfile", "x");
    Run r = run("check", f.toString(), "--report-dir", file.resolve("sub").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("cannot write reports"), r.err());
    if (!"root".equals(System.getProperty("user.name"))) {
      Run r2 = run("check", f.toString(), "--report-dir", ro.toString());
      assertEquals(2, r2.status());
    }
    try (Stream<Path> s = Files.list(ro)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void check_unknownOption_exitsTwo() {
    Run r = run("check", "--frobnicate");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown option --frobnicate"), r.err());
  }

  @Test
  void check_sameInputTwice_byteIdenticalJsonAndMarkdown() throws Exception {
    Path f = write("tiny.yaml", DEADLOCK);
    run("check", f.toString(), "--report-dir", tmp.resolve("a").toString());
    run("check", f.toString(), "--report-dir", tmp.resolve("b").toString());
    String a = Files.readString(tmp.resolve("a/tiny-file-swap.json")).replaceAll("\"millis\" ?: ?\\d+", "");
    String b = Files.readString(tmp.resolve("b/tiny-file-swap.json")).replaceAll("\"millis\" ?: ?\\d+", "");
    assertEquals(a, b);
    assertEquals(Files.readString(tmp.resolve("a/tiny-file-swap.md")).replaceAll("\\d+ ms", ""),
        Files.readString(tmp.resolve("b/tiny-file-swap.md")).replaceAll("\\d+ ms", ""));
  }

  @Test
  void replay_savedWitness_reachesTheSameStuckState() throws Exception {
    Path f = write("tiny.yaml", DEADLOCK);
    Path reports = tmp.resolve("reports");
    run("check", f.toString(), "--report-dir", reports.toString());
    Run r = run("check", f.toString(), "--replay", reports.resolve("tiny-file-swap.json").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("stuck") && r.out().contains("low-memory"), r.out());
  }

  @Test
  void simulate_sameSeed_sameOutput() throws Exception {
    Path f = write("tiny.yaml", DEADLOCK);
    Run a = run("simulate", f.toString(), "--seed", "7");
    Run b = run("simulate", f.toString(), "--seed", "7");
    assertEquals(0, a.status(), a.err());
    assertEquals(a.out(), b.out());
    assertTrue(a.out().contains("statistics after"), a.out());
  }

  @Test
  void simulate_profileDir_savesOwnerOnlyProfile() throws Exception {
    Path f = write("tiny.yaml", DEADLOCK);
    Path dir = tmp.resolve("profiles");
    Run r = run("simulate", f.toString(), "--seed", "3", "--quiet", "--profile-dir", dir.toString());
    assertEquals(0, r.status(), r.err());
    Path p = dir.resolve("tiny-file-swap.profile");
    assertTrue(Files.exists(p));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
  }

  @Test
  void shrink_deadlockingScenario_printsSmallerScenarioThatStillDeadlocks() throws Exception {
    Path f = write("tiny.yaml", DEADLOCK);
    Path small = tmp.resolve("small.yaml");
    Run r = run("shrink", f.toString(), "--out", small.toString());
    assertEquals(0, r.status(), r.err());
    String yaml = Files.readString(small);
    assertTrue(yaml.contains("frames:"), yaml);
    Run c = run("check", small.toString(), "--report-dir", tmp.resolve("r").toString(), "--no-mitigations");
    assertEquals(0, c.status(), c.out() + c.err());
    assertTrue(c.out().startsWith("deadlock"), c.out());
    int frames = Integer.parseInt(yaml.replaceAll("(?s).*frames: (\\d+).*", "$1"));
    assertTrue(frames < 12, "shrunk from 12 frames to " + frames);
  }
}
