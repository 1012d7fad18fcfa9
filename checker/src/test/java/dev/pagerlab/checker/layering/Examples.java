package dev.pagerlab.checker.layering;

import static dev.pagerlab.checker.layering.TestScenario.alloc;
import static dev.pagerlab.checker.layering.TestScenario.proc;
import static dev.pagerlab.checker.layering.TestScenario.touch;

import dev.pagerlab.vmcore.spec.Scenario;

/** The three examples of the contract (spec/examples), as records, and their variants. */
final class Examples {
  private Examples() {}

  /** file-swap-unpreallocated, optionally with the swap file preallocated. */
  static Scenario fileSwap(boolean preallocated, int allocPerWrite) {
    return TestScenario.named("file-swap-unpreallocated").memory(20, 2, 5)
        .file("swapfile", 32, preallocated).stack("ufs0")
        .filesystem("ufs0", allocPerWrite, "disk0").block("disk0")
        .process(proc("hog").workload(alloc(28)))
        .build();
  }

  /** swap-on-fuse: pageable-daemon (false, false) and wired-ioflusher (true, true) and the mixes. */
  static Scenario fuse(boolean wired, boolean ioFlusher, int reserved, int threads) {
    TestScenario.Proc fused = proc("fused").pages(4).threads(threads).onRequest(touch(2), alloc(1));
    if (wired) {
      fused.wired();
    }
    if (ioFlusher) {
      fused.ioFlusher();
    }
    return TestScenario.named("swap-on-fuse").memory(24, reserved, 6)
        .file("swap0", 32, true).stack("fuse0")
        .fuse("fuse0", "fused", null, "disk0").block("disk0")
        .process(fused)
        .process(proc("hog").workload(alloc(30)))
        .build();
  }
}
