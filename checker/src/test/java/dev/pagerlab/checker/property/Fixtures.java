package dev.pagerlab.checker.property;

import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.Os;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.List;
import java.util.Optional;

/** Hand-built scenarios for tests, transcribed from the contract's examples. */
final class Fixtures {
  private Fixtures() {}

  /** examples/swap-on-fuse-pageable-daemon.yaml as records. */
  static Scenario fusePageableDaemon() {
    return new Scenario("swap-on-fuse-pageable-daemon", "Swap on FUSE with a pageable daemon.", Os.XNU, "",
        new MemorySpec(24, 2, 6),
        new SwapSpec(List.of(new SwapFileSpec("swap0", 32, true)), List.of("fuse0"), Optional.empty()),
        List.of(layer("fuse0", LayerKind.FUSE, Optional.of("fused"), Optional.of("disk0")),
            layer("disk0", LayerKind.BLOCK, Optional.empty(), Optional.empty())),
        List.of(new ProcessSpec("fused", 4, 1, false, false, Optional.empty(), List.of(),
                List.of(new Step.Touch(2), new Step.Alloc(1))),
            new ProcessSpec("hog", 0, 1, false, false, Optional.empty(), List.of(new Step.Alloc(30)), List.of())),
        List.of(), List.of(), Optional.empty(), List.of());
  }

  static LayerSpec layer(String id, LayerKind kind, Optional<String> server, Optional<String> below) {
    return new LayerSpec(id, kind, server, Optional.empty(), below, 0, 0, false, false, false);
  }
}
