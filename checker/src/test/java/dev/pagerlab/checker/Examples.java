package dev.pagerlab.checker;

import dev.pagerlab.vmcore.spec.Expect;
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

/** The three contract examples, built in code so checker tests need no loader. */
final class Examples {
  private Examples() {}

  static Scenario fileSwapUnpreallocated() {
    return new Scenario("file-swap-unpreallocated", "example", Os.FREEBSD, "", new MemorySpec(20, 2, 5),
        new SwapSpec(List.of(new SwapFileSpec("swapfile", 32, false)), List.of("ufs0"), Optional.empty()),
        List.of(layer("ufs0", LayerKind.FILESYSTEM, null, 3, "disk0"), layer("disk0", LayerKind.BLOCK, null, 0, null)),
        List.of(hog(28)), List.of(), List.of(), Optional.of(Expect.DEADLOCK), List.of());
  }

  static Scenario swapOnFuse(boolean wired, boolean ioFlusher) {
    ProcessSpec fused = new ProcessSpec("fused", 4, 1, wired, ioFlusher, Optional.empty(), List.of(),
        List.of(new Step.Touch(2), new Step.Alloc(1)));
    return new Scenario("swap-on-fuse", "example", Os.XNU, "", new MemorySpec(24, 2, 6),
        new SwapSpec(List.of(new SwapFileSpec("swap0", 32, true)), List.of("fuse0"), Optional.empty()),
        List.of(layer("fuse0", LayerKind.FUSE, "fused", 0, "disk0"), layer("disk0", LayerKind.BLOCK, null, 0, null)),
        List.of(fused, hog(30)), List.of(), List.of(),
        Optional.of(wired && ioFlusher ? Expect.SAFE : Expect.DEADLOCK), List.of());
  }

  static ProcessSpec hog(int pages) {
    return new ProcessSpec("hog", 0, 1, false, false, Optional.empty(), List.of(new Step.Alloc(pages)), List.of());
  }

  static LayerSpec layer(String id, LayerKind kind, String server, int alloc, String below) {
    return new LayerSpec(id, kind, Optional.ofNullable(server), Optional.empty(), Optional.ofNullable(below),
        alloc, 0, false, false, false);
  }
}
