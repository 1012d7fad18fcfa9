package dev.pagerlab.scenarios;

import static dev.pagerlab.scenarios.Bad.HEAD;
import static dev.pagerlab.scenarios.Bad.assertError;
import static dev.pagerlab.scenarios.Bad.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps: one key each, where each kind of step may appear, and touches within declared pages. */
class ScenarioLoaderStepsTest {

  /** HEAD, region r of 3 pages paged by p (line 4), then process p with 4 pages from line 6; its onRequest steps from line 9. */
  private static final String PROCESS = HEAD + "regions: [{name: r, pages: 3, pager: p}]\nprocesses:\n"
      + "  - name: p\n    pages: 4\n    onRequest:\n";

  /** HEAD, then a kext k with 2 pageable pages; its onIo steps from line 9. */
  private static final String KEXT = HEAD + "kernel:\n  extensions:\n    - name: k\n    pageable: 2\n    onIo:\n"
      .replace("    pageable", "      pageable").replace("    onIo", "      onIo");

  @Test
  void parse_everyStepKind_isKept() {
    ProcessSpec p = ok(PROCESS + "      - alloc: 2\n      - touch: 4\n      - touchRegion: {region: r, pages: 3}\n"
        + "      - lock: m\n      - unlock: m\n").processes().get(0);
    assertEquals(List.of(new Step.Alloc(2), new Step.Touch(4), new Step.TouchRegion("r", 3), new Step.Lock("m"),
        new Step.Unlock("m")), p.onRequest());
  }

  @Test
  void parse_kextOnIo_isKept() {
    KextSpec k = ok(KEXT + "        - touchPageable: 2\n        - alloc: 1\n").extensions().get(0);
    assertEquals(new KextSpec("k", 0, 2, List.of(new Step.TouchPageable(2), new Step.Alloc(1))), k);
  }

  @Test
  void parse_stepWithTwoKeys_isRejected() {
    assertError(PROCESS + "      - touch: 1\n        alloc: 1\n", 9, 9, "processes[0].onRequest[0]",
        "exactly one key among alloc, touch, touchPageable, touchRegion, lock, unlock", "got touch, alloc");
  }

  @Test
  void parse_emptyStep_isRejected() {
    assertError(PROCESS + "      - {}\n", 9, 9, "processes[0].onRequest[0]", "exactly one key", "got none");
  }

  @Test
  void parse_unknownStep_listsSteps() {
    assertError(PROCESS + "      - sleep: 1\n", 9, 9, "processes[0].onRequest[0].sleep", "unknown step 'sleep'",
        "allowed: alloc, touch, touchPageable, touchRegion, lock, unlock");
  }

  @Test
  void parse_scalarStep_isRejected() {
    assertError(PROCESS + "      - alloc\n", 9, 9, "processes[0].onRequest[0]", "expected a step", "got \"alloc\"");
  }

  @Test
  void parse_allocZero_isOutOfRange() {
    assertError(PROCESS + "      - alloc: 0\n", 9, 9, "processes[0].onRequest[0].alloc", "from 1 to 1000000, got 0");
  }

  @Test
  void parse_allocHuge_isOutOfRange() {
    assertError(PROCESS + "      - alloc: 10000000000\n", 9, 9, "processes[0].onRequest[0].alloc",
        "from 1 to 1000000, got 10000000000");
  }

  @Test
  void parse_touchBeyondOwnPages_saysTheLimit() {
    assertError(PROCESS + "      - touch: 5\n", 9, 9, "processes[0].onRequest[0].touch",
        "touch 5 exceeds the pages of process 'p'", "at most 4 (pages 4 + workload alloc 0)");
  }

  @Test
  void parse_touchWithinPagesPlusWorkload_isAccepted() {
    assertEquals(List.of(new Step.Touch(7)), ok(PROCESS + "      - touch: 7\n    workload: [{alloc: 1}, {alloc: 2}]\n")
        .processes().get(0).onRequest());
  }

  @Test
  void parse_touchBeyondPagesPlusWorkload_saysTheLimit() {
    assertError(PROCESS + "      - touch: 8\n    workload: [{alloc: 1}, {alloc: 2}]\n", 9, 9,
        "processes[0].onRequest[0].touch", "at most 7 (pages 4 + workload alloc 3)");
  }

  @Test
  void parse_touchInWorkloadBeyondLimit_isRejected() {
    assertError(HEAD + "processes:\n  - name: hog\n    workload:\n      - touch: 1\n", 7, 9,
        "processes[0].workload[0].touch", "at most 0 (pages 0 + workload alloc 0)");
  }

  @Test
  void parse_touchPageableInProcess_isOnlyForKexts() {
    assertError(PROCESS + "      - touchPageable: 1\n", 9, 9, "processes[0].onRequest[0].touchPageable",
        "only allowed in a kext's onIo", "process 'p'");
  }

  @Test
  void parse_touchPageableBeyondPageable_saysTheLimit() {
    assertError(KEXT + "        - touchPageable: 3\n", 9, 11, "kernel.extensions[0].onIo[0].touchPageable",
        "from 1 to 2 (the pageable pages of kext 'k'), got 3");
  }

  @Test
  void parse_touchPageableWithoutPageable_isRejected() {
    assertError(HEAD + "kernel:\n  extensions:\n    - name: k\n      onIo: [{touchPageable: 1}]\n", 7, 15,
        "kernel.extensions[0].onIo[0].touchPageable", "no pageable pages", "pageable: 0");
  }

  @Test
  void parse_touchInOnIo_isForProcesses() {
    assertError(KEXT + "        - touch: 1\n", 9, 11, "kernel.extensions[0].onIo[0].touch",
        "touch is for a process's own pages", "touchPageable");
  }

  @Test
  void parse_touchRegionUnknownRegion_isRejected() {
    assertError(PROCESS + "      - touchRegion:\n          region: s\n          pages: 1\n", 10, 11,
        "processes[0].onRequest[0].touchRegion.region", "no region 's'", "known: r");
  }

  @Test
  void parse_touchRegionBeyondRegionPages_saysTheLimit() {
    assertError(PROCESS + "      - touchRegion:\n          region: r\n          pages: 4\n", 11, 11,
        "processes[0].onRequest[0].touchRegion.pages", "from 1 to 3 (the pages of region 'r'), got 4");
  }

  @Test
  void parse_touchRegionInOnIoBeyondRegionPages_isRejected() {
    assertError(HEAD + "processes: [{name: p}]\nregions: [{name: r, pages: 1, pager: p}]\n"
        + "kernel: {extensions: [{name: k, onIo: [{touchRegion: {region: r, pages: 2}}]}]}\n", 6, 66,
        "kernel.extensions[0].onIo[0].touchRegion.pages", "the pages of region 'r'");
  }

  @Test
  void parse_touchRegionUnknownKey_isRejected() {
    assertError(PROCESS + "      - touchRegion: {region: r, pages: 1, dirty: false}\n", 9, 44,
        "processes[0].onRequest[0].touchRegion.dirty", "unknown field 'dirty' in a touchRegion step",
        "allowed: region, pages");
  }

  @Test
  void parse_touchRegionScalar_isRejected() {
    assertError(PROCESS + "      - touchRegion: r\n", 9, 9, "processes[0].onRequest[0].touchRegion",
        "expected a touchRegion step (a mapping)", "got \"r\"");
  }

  @Test
  void parse_lockWithoutName_isRejected() {
    assertError(PROCESS + "      - lock: ''\n", 9, 9, "processes[0].onRequest[0].lock", "expected a lock name");
  }

  @Test
  void parse_stepsNotAList_isRejected() {
    assertError(HEAD + "processes:\n  - name: p\n    workload: {alloc: 1}\n", 6, 5, "processes[0].workload",
        "expected a list of steps (a list)", "got a mapping");
  }
}
