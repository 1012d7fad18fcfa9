package dev.pagerlab.scenarios;

import static dev.pagerlab.scenarios.Bad.HEAD;
import static dev.pagerlab.scenarios.Bad.assertError;
import static dev.pagerlab.scenarios.Bad.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Layers: kinds, the fields each kind allows, references, below cycles and the extensions. */
class ScenarioLoaderLayersTest {

  /** HEAD, a process d on line 4, a kext k on line 5, then {@code layers:} on line 6. */
  private static final String LAYERS = HEAD + "processes: [{name: d}]\nkernel: {extensions: [{name: k}]}\nlayers:\n";

  @Test
  void parse_unknownKind_listsKinds() {
    assertError(LAYERS + "  - id: a\n    kind: tape\n", 8, 5, "layers[0].kind",
        "got \"tape\"", "block, filesystem, fuse, diskimage, network");
  }

  @Test
  void parse_missingKind_isRequired() {
    assertError(LAYERS + "  - id: a\n", 7, 5, "layers[0].kind", "required field is missing", "layer kind");
  }

  @Test
  void parse_missingId_isRequired() {
    assertError(LAYERS + "  - kind: block\n", 7, 5, "layers[0].id", "required field is missing");
  }

  @Test
  void parse_unknownLayerField_listsAllowed() {
    assertError(LAYERS + "  - id: a\n    kind: block\n    size: 4\n", 9, 5, "layers[0].size",
        "unknown field 'size' in a layer", "allowed: id, kind, faults, daemon");
  }

  @Test
  void parse_blockWithBelow_isAlwaysTheBottom() {
    assertError(LAYERS + "  - id: a\n    kind: block\n    below: b\n", 9, 5, "layers[0].below",
        "always the bottom", "allowed on a block layer: id, kind, faults");
  }

  @Test
  void parse_blockWithDaemon_isNotAFieldOfBlock() {
    assertError(LAYERS + "  - id: a\n    kind: block\n    daemon: d\n", 9, 5, "layers[0].daemon",
        "'daemon' is not a field of a block layer", "allowed on a block layer: id, kind, faults");
  }

  @Test
  void parse_filesystemWithDaemon_isNotAFieldOfFilesystem() {
    assertError(LAYERS + "  - id: a\n    kind: filesystem\n    daemon: d\n", 9, 5, "layers[0].daemon",
        "not a field of a filesystem layer", "id, kind, faults, allocPerWrite, below");
  }

  @Test
  void parse_fuseWithHelper_isNotAFieldOfFuse() {
    assertError(LAYERS + "  - id: a\n    kind: fuse\n    helper: d\n", 9, 5, "layers[0].helper",
        "not a field of a fuse layer", "daemon, kext, below, timeout");
  }

  @Test
  void parse_fuseWithoutDaemon_isRequired() {
    assertError(LAYERS + "  - id: a\n    kind: fuse\n", 7, 5, "layers[0].daemon", "required field is missing");
  }

  @Test
  void parse_diskimageWithoutHelper_isRequired() {
    assertError(LAYERS + "  - id: a\n    kind: diskimage\n    kext: k\n", 7, 5, "layers[0].helper",
        "required field is missing");
  }

  @Test
  void parse_diskimageWithHelperAndKext_isKept() {
    LayerSpec layer = ok(LAYERS + "  - {id: a, kind: diskimage, helper: d, kext: k, below: b}\n"
        + "  - {id: b, kind: block}\n").layers().get(0);
    assertEquals(new LayerSpec("a", LayerKind.DISKIMAGE, Optional.of("d"), Optional.of("k"), Optional.of("b"),
        0, 0, false, false, false), layer);
  }

  @Test
  void parse_networkDefaults_areNoDaemonNoAllocOrdinary() {
    LayerSpec layer = ok(LAYERS + "  - {id: n, kind: network}\n").layers().get(0);
    assertEquals(new LayerSpec("n", LayerKind.NETWORK, Optional.empty(), Optional.empty(), Optional.empty(),
        0, 0, false, false, false), layer);
  }

  @Test
  void parse_networkFields_areKept() {
    LayerSpec layer = ok(LAYERS + "  - {id: n, kind: network, daemon: d, allocPerRequest: 2, memalloc: true}\n")
        .layers().get(0);
    assertEquals(new LayerSpec("n", LayerKind.NETWORK, Optional.of("d"), Optional.empty(), Optional.empty(),
        0, 2, true, false, false), layer);
  }

  @Test
  void parse_filesystemAllocPerWrite_defaultsToZero() {
    assertEquals(0, ok(LAYERS + "  - {id: f, kind: filesystem}\n").layers().get(0).allocPerWrite());
  }

  @Test
  void parse_negativeAllocPerWrite_isOutOfRange() {
    assertError(LAYERS + "  - id: f\n    kind: filesystem\n    allocPerWrite: -1\n", 9, 5, "layers[0].allocPerWrite",
        "from 0 to 1000000, got -1");
  }

  @Test
  void parse_faultsEioAndTimeout_setTheExtensionFlags() {
    LayerSpec layer = ok(LAYERS + "  - {id: a, kind: fuse, daemon: d, faults: [eio], timeout: true}\n").layers().get(0);
    assertEquals(true, layer.eio());
    assertEquals(true, layer.timeout());
  }

  @Test
  void parse_unknownFault_isRejected() {
    assertError(LAYERS + "  - id: a\n    kind: block\n    faults: [eio, enospc]\n", 9, 19, "layers[0].faults[1]",
        "expected a fault word (eio)", "got \"enospc\"");
  }

  @Test
  void parse_timeoutOnFilesystem_isOnlyForUserlandLayers() {
    assertError(LAYERS + "  - id: a\n    kind: filesystem\n    timeout: true\n", 9, 5, "layers[0].timeout",
        "only for fuse, diskimage and network");
  }

  @Test
  void parse_timeoutOnBlock_isOnlyForUserlandLayers() {
    assertError(LAYERS + "  - id: a\n    kind: block\n    timeout: true\n", 9, 5, "layers[0].timeout",
        "only for fuse, diskimage and network");
  }

  @Test
  void parse_duplicateLayerId_isRejected() {
    assertError(LAYERS + "  - {id: a, kind: block}\n  - {id: a, kind: block}\n", 8, 6, "layers[1].id",
        "duplicate layer id 'a'", "also layers[0]");
  }

  @Test
  void parse_belowUnknownLayer_listsLayers() {
    assertError(LAYERS + "  - id: a\n    kind: filesystem\n    below: disk9\n  - {id: disk0, kind: block}\n", 9, 5,
        "layers[0].below", "no layer 'disk9'", "known: a, disk0");
  }

  @Test
  void parse_belowCycle_namesTheCycle() {
    assertError(LAYERS + "  - {id: a, kind: filesystem, below: b}\n  - {id: b, kind: fuse, daemon: d, below: a}\n",
        7, 31, "layers[0].below", "a below cycle: a -> b -> a");
  }

  @Test
  void parse_belowItself_isACycle() {
    assertError(LAYERS + "  - {id: x, kind: block}\n  - {id: a, kind: filesystem, below: a}\n", 8, 31,
        "layers[1].below", "a below cycle: a -> a");
  }

  @Test
  void parse_daemonIsARegion_saysWhatItIs() {
    assertError(LAYERS + "  - {id: a, kind: fuse, daemon: r}\nregions: [{name: r, pages: 1, pager: d}]\n", 7, 25,
        "layers[0].daemon", "expected a process", "'r' is a region", "known: d");
  }

  @Test
  void parse_helperUnknown_isRejected() {
    assertError(LAYERS + "  - {id: a, kind: diskimage, helper: hdiutil}\n", 7, 30, "layers[0].helper",
        "no process 'hdiutil'");
  }

  @Test
  void parse_kextNotInExtensions_isRejected() {
    assertError(LAYERS + "  - {id: a, kind: fuse, daemon: d, kext: osxfuse}\n", 7, 36, "layers[0].kext",
        "expected a kext in kernel.extensions", "no kext 'osxfuse'", "known: k");
  }

  @Test
  void parse_kextNamingAProcess_saysWhatItIs() {
    assertError(LAYERS + "  - {id: a, kind: fuse, daemon: d, kext: d}\n", 7, 36, "layers[0].kext",
        "'d' is a process");
  }
}
