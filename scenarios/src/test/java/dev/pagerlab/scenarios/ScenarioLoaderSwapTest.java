package dev.pagerlab.scenarios;

import static dev.pagerlab.scenarios.Bad.HEAD;
import static dev.pagerlab.scenarios.Bad.assertError;
import static dev.pagerlab.scenarios.Bad.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagerlab.vmcore.spec.DynamicPagerSpec;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Swap files, the stack and how it agrees with below, and the dynamic pager. */
class ScenarioLoaderSwapTest {

  /** HEAD, process dp (line 4), layers f (fuse over b) and b (block) on lines 5-7, then {@code swap:} on line 8. */
  private static final String SWAP = HEAD + "processes: [{name: dp}]\nlayers:\n"
      + "  - {id: f, kind: fuse, daemon: dp, below: b}\n  - {id: b, kind: block}\nswap:\n";

  private static final String DYNAMIC = "  stack: [f]\n  dynamic:\n    daemon: dp\n";

  @Test
  void parse_noSwap_isNoFilesAndEmptyStack() {
    assertEquals(new SwapSpec(List.of(), List.of(), Optional.empty()), ok(HEAD).swap());
  }

  @Test
  void parse_dynamicPager_isKept() {
    SwapSpec swap = ok(SWAP + DYNAMIC + "    highWater: 0.75\n    lowWater: 0\n    fileSlots: 16\n    maxFiles: 3\n")
        .swap();
    assertEquals(Optional.of(new DynamicPagerSpec("dp", 0.75, 0.0, 16, 3)), swap.dynamic());
  }

  @Test
  void parse_filesWithoutStack_needAPath() {
    assertError(SWAP + "  files: [{name: s0, slots: 8}]\n", 8, 1, "swap.stack",
        "expected at least one layer id", "swap files need an I/O path");
  }

  @Test
  void parse_emptyStackWithDynamicPager_needsAPath() {
    assertError(SWAP + "  stack: []\n  dynamic: {daemon: dp, highWater: 0.5, lowWater: 0.1, fileSlots: 4, maxFiles: 2}\n",
        9, 3, "swap.stack", "expected at least one layer id", "dynamic pager");
  }

  @Test
  void parse_swapFileWithoutSlots_isRequired() {
    assertError(SWAP + "  files:\n    - name: s0\n  stack: [f]\n", 10, 7, "swap.files[0].slots", "required field is missing");
  }

  @Test
  void parse_swapFileZeroSlots_isOutOfRange() {
    assertError(SWAP + "  files:\n    - name: s0\n      slots: 0\n  stack: [f]\n", 11, 7, "swap.files[0].slots",
        "from 1 to 1000000, got 0");
  }

  @Test
  void parse_duplicateSwapFileName_isRejected() {
    assertError(SWAP + "  files:\n    - {name: s0, slots: 1}\n    - {name: s0, slots: 1}\n  stack: [f]\n", 11, 8,
        "swap.files[1].name", "duplicate swap file name 's0'");
  }

  @Test
  void parse_unknownSwapFileField_isRejected() {
    assertError(SWAP + "  files:\n    - {name: s0, slots: 1, sparse: true}\n  stack: [f]\n", 10, 28,
        "swap.files[0].sparse", "unknown field 'sparse' in a swap file", "allowed: name, slots, preallocated");
  }

  @Test
  void parse_stackUnknownLayer_listsLayers() {
    assertError(SWAP + "  stack: [f, tape]\n", 9, 14, "swap.stack[1]", "no layer 'tape'", "known: f, b");
  }

  @Test
  void parse_stackDisagreeingWithBelow_namesBoth() {
    assertError(HEAD + "processes: [{name: dp}]\nlayers:\n  - {id: f, kind: fuse, daemon: dp, below: b}\n"
        + "  - {id: b, kind: block}\n  - {id: c, kind: block}\nswap:\n  stack: [f, c]\n", 10, 14, "swap.stack[1]",
        "'c' follows 'f' in the stack", "layers[0].below is 'b'", "must agree with below");
  }

  @Test
  void parse_stackWithoutBelows_isAPath() {
    List<String> stack = ok(HEAD + "processes: [{name: dp}]\nlayers:\n  - {id: f, kind: fuse, daemon: dp}\n"
        + "  - {id: b, kind: block}\nswap:\n  stack: [f, b]\n").swap().stack();
    assertEquals(List.of("f", "b"), stack);
  }

  @Test
  void parse_blockInTheMiddleOfTheStack_isAlwaysTheBottom() {
    assertError(SWAP + "  stack: [b, f]\n", 9, 11, "swap.stack[0]", "'b' is a block layer, always the bottom",
        "'f' follows it");
  }

  @Test
  void parse_stackLoopingBackThroughBelow_visitsALayerTwice() {
    assertError(HEAD + "processes: [{name: dp}]\nlayers:\n  - {id: f, kind: fuse, daemon: dp}\n"
        + "  - {id: g, kind: filesystem, below: f}\nswap:\n  stack: [f, g]\n", 9, 3, "swap.stack",
        "visits 'f' twice: f -> g -> f");
  }

  @Test
  void parse_dynamicDaemonUnknown_isRejected() {
    assertError(SWAP + "  stack: [f]\n  dynamic:\n    daemon: dynamic_pager\n    highWater: 0.5\n    lowWater: 0.1\n"
        + "    fileSlots: 4\n    maxFiles: 2\n", 11, 5, "swap.dynamic.daemon", "no process 'dynamic_pager'", "known: dp");
  }

  @Test
  void parse_highWaterAboveOne_isOutOfRange() {
    assertError(SWAP + DYNAMIC + "    highWater: 1.5\n", 12, 5, "swap.dynamic.highWater",
        "expected a fraction from 0 to 1, got 1.5");
  }

  @Test
  void parse_highWaterNotANumber_isRejected() {
    assertError(SWAP + DYNAMIC + "    highWater: high\n", 12, 5, "swap.dynamic.highWater",
        "expected a fraction from 0 to 1, got \"high\"");
  }

  @Test
  void parse_negativeLowWater_isOutOfRange() {
    assertError(SWAP + DYNAMIC + "    highWater: 0.5\n    lowWater: -0.1\n", 13, 5, "swap.dynamic.lowWater",
        "from 0 to 1, got -0.1");
  }

  @Test
  void parse_lowWaterNotBelowHighWater_isRejected() {
    assertError(SWAP + DYNAMIC + "    highWater: 0.5\n    lowWater: 0.5\n    fileSlots: 4\n    maxFiles: 2\n", 13, 5,
        "swap.dynamic.lowWater", "expected lowWater below highWater (0.5), got 0.5");
  }

  @Test
  void parse_missingFileSlots_isRequired() {
    assertError(SWAP + DYNAMIC + "    highWater: 0.5\n    lowWater: 0.1\n    maxFiles: 2\n", 10, 3,
        "swap.dynamic.fileSlots", "required field is missing");
  }

  @Test
  void parse_zeroFileSlots_isOutOfRange() {
    assertError(SWAP + DYNAMIC + "    highWater: 0.5\n    lowWater: 0.1\n    fileSlots: 0\n    maxFiles: 2\n", 14, 5,
        "swap.dynamic.fileSlots", "from 1 to 1000000, got 0");
  }

  @Test
  void parse_maxFilesBelowInitialFiles_isRejected() {
    assertError(SWAP + "  files: [{name: a, slots: 4}, {name: b, slots: 4}]\n" + DYNAMIC
        + "    highWater: 0.5\n    lowWater: 0.1\n    fileSlots: 4\n    maxFiles: 1\n", 16, 5,
        "swap.dynamic.maxFiles", "from 2", "the 2 initial files", "got 1");
  }

  @Test
  void parse_zeroMaxFiles_isRejected() {
    assertError(SWAP + DYNAMIC + "    highWater: 0.5\n    lowWater: 0.1\n    fileSlots: 4\n    maxFiles: 0\n", 15, 5,
        "swap.dynamic.maxFiles", "from 1 (at least 1", "got 0");
  }

  @Test
  void parse_unknownDynamicField_isRejected() {
    assertError(SWAP + DYNAMIC + "    grow: true\n", 12, 5, "swap.dynamic.grow", "unknown field 'grow'",
        "allowed: daemon, highWater, lowWater, fileSlots, maxFiles");
  }
}
