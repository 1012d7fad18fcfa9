package dev.pagerlab.scenarios;

import static dev.pagerlab.scenarios.Bad.HEAD;
import static dev.pagerlab.scenarios.Bad.assertError;
import static dev.pagerlab.scenarios.Bad.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagerlab.vmcore.spec.Expect;
import dev.pagerlab.vmcore.spec.Os;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Top-level fields, memory, processes and the extensions' top-level fields. */
class ScenarioLoaderFieldsTest {

  @Test
  void parse_unknownTopLevelField_listsAllowedFields() {
    assertError(HEAD + "colour: red\n", 4, 1, "colour", "unknown field 'colour'",
        "allowed: name, description, os, source, memory, swap, layers, processes, regions, kernel, expect, expectClasses");
  }

  @Test
  void parse_unknownNestedField_namesItsPath() {
    assertError(HEAD + "processes:\n  - name: a\n    thread: 2\n", 6, 5, "processes[0].thread",
        "unknown field 'thread'", "allowed: name, pages, threads, wired, ioFlusher, pagesIn, workload, onRequest");
  }

  @Test
  void parse_missingName_isRequired() {
    assertError("description: d\nmemory: {frames: 4}\n", 1, 1, "name", "required field is missing", "[a-z0-9-]+");
  }

  @Test
  void parse_missingDescription_isRequired() {
    assertError("name: t\nmemory: {frames: 4}\n", 1, 1, "description", "required field is missing");
  }

  @Test
  void parse_missingMemory_isRequired() {
    assertError("name: t\ndescription: d\n", 1, 1, "memory", "required field is missing", "frames");
  }

  @Test
  void parse_missingFrames_pointsAtMemory() {
    assertError("name: t\ndescription: d\nmemory:\n  reserved: 1\n", 3, 1, "memory.frames",
        "required field is missing", "from 1 to 1000000");
  }

  @Test
  void parse_nameWithCapitals_failsPattern() {
    assertError("name: Swap_On_Fuse\ndescription: d\nmemory: {frames: 4}\n", 1, 1, "name",
        "[a-z0-9-]+", "got \"Swap_On_Fuse\"");
  }

  @Test
  void parse_blankDescription_isRejected() {
    assertError("name: t\ndescription: ''\nmemory: {frames: 4}\n", 2, 1, "description", "got \"\"");
  }

  @Test
  void parse_unknownOs_listsOsWords() {
    assertError(HEAD + "os: beos\n", 4, 1, "os", "got \"beos\"", "xnu", "freebsd", "linux", "generic",
        "dragonfly", "mach", "hurd", "l4", "plan9", "windows");
  }

  @Test
  void parse_extensionOsWord_isAccepted() {
    assertEquals(Os.PLAN9, ok(HEAD + "os: plan9\n").os());
    assertEquals(Os.L4, ok(HEAD + "os: l4\n").os());
  }

  @Test
  void parse_zeroFrames_isOutOfRange() {
    assertError("name: t\ndescription: d\nmemory: {frames: 0}\n", 3, 10, "memory.frames",
        "expected a whole number from 1 to 1000000, got 0");
  }

  @Test
  void parse_absurdFrames_isOutOfRange() {
    assertError("name: t\ndescription: d\nmemory: {frames: 1000001}\n", 3, 10, "memory.frames",
        "from 1 to 1000000, got 1000001");
  }

  @Test
  void parse_framesOverflowingLong_isErrorNotCrash() {
    assertError("name: t\ndescription: d\nmemory: {frames: 99999999999999999999999}\n", 3, 10, "memory.frames",
        "got 99999999999999999999999");
  }

  @Test
  void parse_fractionalFrames_isNotWhole() {
    assertError("name: t\ndescription: d\nmemory: {frames: 2.5}\n", 3, 10, "memory.frames",
        "expected a whole number", "got 2.5");
  }

  @Test
  void parse_quotedFrames_isNotANumber() {
    assertError("name: t\ndescription: d\nmemory: {frames: '8'}\n", 3, 10, "memory.frames", "got \"8\"");
  }

  @Test
  void parse_negativeReserved_isOutOfRange() {
    assertError("name: t\ndescription: d\nmemory: {frames: 8, reserved: -1}\n", 3, 21, "memory.reserved",
        "from 0 to frames (8), got -1");
  }

  @Test
  void parse_reservedAboveFrames_isOutOfRange() {
    assertError("name: t\ndescription: d\nmemory: {frames: 8, reserved: 9}\n", 3, 21, "memory.reserved",
        "from 0 to frames (8), got 9");
  }

  @Test
  void parse_targetBelowReserved_isOutOfRange() {
    assertError("name: t\ndescription: d\nmemory: {frames: 8, reserved: 3, target: 2}\n", 3, 34,
        "memory.target", "from reserved (3) to frames (8), got 2");
  }

  @Test
  void parse_targetAboveFrames_isOutOfRange() {
    assertError("name: t\ndescription: d\nmemory: {frames: 8, target: 9}\n", 3, 21, "memory.target",
        "from reserved (0) to frames (8), got 9");
  }

  @Test
  void parse_threadsNotANumber_givesTheOneLineMessage() {
    ScenarioException e = assertError(HEAD + "processes:\n  - name: a\n  - name: b\n    threads: x\n", 7, 5,
        "processes[1].threads");
    assertEquals("bad.yaml:7:5: processes[1].threads: expected a whole number from 1 to 64, got \"x\"",
        e.getMessage());
  }

  @Test
  void parse_tooManyThreads_isOutOfRange() {
    assertError(HEAD + "processes:\n  - name: a\n    threads: 65\n", 6, 5, "processes[0].threads",
        "from 1 to 64, got 65");
  }

  @Test
  void parse_negativePages_isOutOfRange() {
    assertError(HEAD + "processes:\n  - name: a\n    pages: -3\n", 6, 5, "processes[0].pages",
        "from 0 to 1000000, got -3");
  }

  @Test
  void parse_pagesOverflowingInt_isErrorNotCrash() {
    assertError(HEAD + "processes:\n  - name: a\n    pages: 4294967296\n", 6, 5, "processes[0].pages",
        "from 0 to 1000000, got 4294967296");
  }

  @Test
  void parse_wiredNotABoolean_isRejected() {
    assertError(HEAD + "processes:\n  - name: a\n    wired: sometimes\n", 6, 5, "processes[0].wired",
        "expected true or false, got \"sometimes\"");
  }

  @Test
  void parse_processNotAMapping_isRejected() {
    assertError(HEAD + "processes:\n  - fused\n", 5, 5, "processes[0]", "expected a process (a mapping)",
        "got \"fused\"");
  }

  @Test
  void parse_processesNotAList_isRejected() {
    assertError(HEAD + "processes: fused\n", 4, 1, "processes", "expected processes (a list)", "got \"fused\"");
  }

  @Test
  void parse_duplicateProcessName_namesTheFirst() {
    assertError(HEAD + "processes:\n  - name: a\n  - name: a\n", 6, 5, "processes[1].name",
        "duplicate process name 'a'", "also processes[0]");
  }

  @Test
  void parse_duplicateRegionName_isRejected() {
    assertError(HEAD + "processes: [{name: p}]\nregions:\n  - {name: r, pages: 1, pager: p}\n"
        + "  - {name: r, pages: 2, pager: p}\n", 7, 6, "regions[1].name", "duplicate region name 'r'");
  }

  @Test
  void parse_duplicateKextName_isRejected() {
    assertError(HEAD + "kernel:\n  extensions:\n    - {name: k}\n    - {name: k}\n", 7, 8,
        "kernel.extensions[1].name", "duplicate kext name 'k'", "also kernel.extensions[0]");
  }

  @Test
  void parse_unknownKernelField_isRejected() {
    assertError(HEAD + "kernel:\n  kexts: []\n", 5, 3, "kernel.kexts", "unknown field 'kexts'", "allowed: extensions");
  }

  @Test
  void parse_regionPagerIsAKext_saysWhatItIs() {
    assertError(HEAD + "kernel: {extensions: [{name: k}]}\nregions:\n  - {name: r, pages: 1, pager: k}\n", 6, 25,
        "regions[0].pager", "expected a process", "'k' is a kext", "there are none");
  }

  @Test
  void parse_regionPagesZero_isOutOfRange() {
    assertError(HEAD + "processes: [{name: p}]\nregions:\n  - {name: r, pages: 0, pager: p}\n", 6, 15,
        "regions[0].pages", "from 1 to 1000000, got 0");
  }

  @Test
  void parse_pagesInUnknownRegion_isRejected() {
    assertError(HEAD + "processes:\n  - name: p\n    pagesIn: nowhere\n", 6, 5, "processes[0].pagesIn",
        "expected a region", "no region 'nowhere'");
  }

  @Test
  void parse_pagesInAndRegionPager_areKept() {
    Scenario s = ok(HEAD + "processes:\n  - {name: pager, pagesIn: r}\nregions:\n  - {name: r, pages: 3, pager: pager}\n");
    assertEquals(Optional.of("r"), s.processes().get(0).pagesIn());
    assertEquals("pager", s.regions().get(0).pager());
  }

  @Test
  void parse_unknownExpectWord_listsVerdicts() {
    assertError(HEAD + "expect: livelock\n", 4, 1, "expect", "got \"livelock\"", "deadlock", "exhausted",
        "data-loss", "safe", "safe-up-to-bound");
  }

  @Test
  void parse_everyExpectWord_isAccepted() {
    for (Expect expect : Expect.values()) {
      assertEquals(Optional.of(expect), ok(HEAD + "expect: " + expect.word() + "\n").expect());
    }
  }

  @Test
  void parse_sourceAndExpectClasses_areKept() {
    Scenario s = ok(HEAD + "source: https://example.org/bug/1\nexpectClasses: [low-memory, lock-order]\n");
    assertEquals("https://example.org/bug/1", s.source());
    assertEquals(List.of("low-memory", "lock-order"), s.expectClasses());
  }

  @Test
  void parse_unknownExpectClass_isRejected() {
    assertError(HEAD + "expectClasses: [low-memory, starvation]\n", 4, 29, "expectClasses[1]",
        "got \"starvation\"", "userland-dependency", "paging-recursion");
  }

  @Test
  void parse_repeatedExpectClass_isRejected() {
    assertError(HEAD + "expectClasses: [low-memory, low-memory]\n", 4, 29, "expectClasses[1]", "listed twice");
  }

  @Test
  void parse_expectClassesWithSafe_isContradictory() {
    assertError(HEAD + "expect: safe\nexpectClasses: [low-memory]\n", 5, 1, "expectClasses",
        "go with expect: deadlock", "expect is safe");
  }

  @Test
  void parse_emptyValues_countAsAbsent() {
    Scenario s = ok(HEAD + "os:\nprocesses:\n  - name: p\n    onRequest:\n");
    assertEquals(Os.GENERIC, s.os());
    assertEquals(List.of(), s.processes().get(0).onRequest());
  }

  @Test
  void parse_emptyRequiredValue_isMissing() {
    assertError("name:\ndescription: d\nmemory: {frames: 4}\n", 1, 1, "name", "required field is missing");
  }
}
