package dev.pagerlab.checker.layering;

import org.junit.jupiter.api.Test;

class ScratchPrintTest {
  @Test
  void print() {
    for (var s : java.util.List.of(Examples.fuse(false, false, 2, 1), Examples.fuse(false, true, 2, 1), Examples.fileSwap(false, 3))) {
      System.out.println("=== " + s.name() + " " + LayeringAnalysis.potentialClasses(s));
      LayeringAnalysis.analyze(s).forEach(c -> System.out.println(c.classes() + "\n" + c.text() + "\n"));
    }
  }
}
