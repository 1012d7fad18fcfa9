package dev.pagerlab.checker.layering;

import static dev.pagerlab.checker.layering.TestScenario.alloc;
import static dev.pagerlab.checker.layering.TestScenario.lock;
import static dev.pagerlab.checker.layering.TestScenario.proc;
import static dev.pagerlab.checker.layering.TestScenario.touch;
import static dev.pagerlab.checker.layering.TestScenario.touchPageable;
import static dev.pagerlab.checker.layering.TestScenario.touchRegion;
import static dev.pagerlab.checker.layering.TestScenario.unlock;

import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random scenarios over every layer kind, step kind, regions, kexts, locks and the dynamic pager;
 * the path is given either by {@code below} links or by a stack listing every layer.
 */
final class RandomScenarios {
  private static final String[] LOCKS = {"L", "M"};
  private final SplittableRandom random;
  private final List<String> regions = new ArrayList<>();

  private RandomScenarios(SplittableRandom random) {
    this.random = random;
  }

  /** One random scenario drawn from {@code random}. */
  static Scenario next(SplittableRandom random, String name) {
    return new RandomScenarios(random).build(name);
  }

  private Scenario build(String name) {
    int reserved = random.nextInt(5);
    TestScenario t = TestScenario.named(name).memory(8 + random.nextInt(57), reserved, reserved + 1 + random.nextInt(6));
    if (random.nextInt(3) > 0) {
      regions.add("r0");
      t.region("r0", 1 + random.nextInt(6), random.nextBoolean() ? "pager" : "d0");
    }
    int files = random.nextInt(3);
    for (int i = 0; i < files; i++) {
      t.file("swap" + i, 8, random.nextBoolean());
    }
    int depth = random.nextInt(4);
    boolean listed = random.nextInt(3) == 0;
    List<String> stack = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      stack.add("l" + i);
      layer(t, i, listed ? null : i + 1 < depth ? "l" + (i + 1) : "disk");
    }
    t.block("disk");
    if (listed && depth > 0) {
      stack.add("disk");
      t.stack(stack.toArray(new String[0]));
    } else {
      t.stack(depth == 0 ? new String[0] : new String[] {"l0"});
    }
    for (int i = 0; i < depth; i++) {
      t.process(process("d" + i));
    }
    t.process(process("pager"));
    if (random.nextInt(4) == 0) {
      t.dynamic("dp", 8, 1 + random.nextInt(4));
      t.process(process("dp"));
    }
    t.process(proc("hog").pages(random.nextInt(4)).workload(steps(false)));
    return t.build();
  }

  private void layer(TestScenario t, int i, String below) {
    String id = "l" + i;
    switch (random.nextInt(4)) {
      case 0 -> t.filesystem(id, random.nextInt(4), below);
      case 1 -> {
        String kext = random.nextBoolean() ? "k" + i : null;
        t.fuse(id, "d" + i, kext, below);
        if (kext != null) {
          t.kext(kext, random.nextInt(3), random.nextInt(3), steps(true));
        }
      }
      case 2 -> t.diskimage(id, "d" + i, below);
      default -> t.network(id, random.nextBoolean() ? "d" + i : null, random.nextInt(3), random.nextBoolean(),
          random.nextBoolean() ? below : null);
    }
  }

  private TestScenario.Proc process(String name) {
    TestScenario.Proc p = proc(name).pages(random.nextInt(5)).threads(1 + random.nextInt(3)).onRequest(steps(false));
    if (random.nextBoolean()) {
      p.wired();
    }
    if (random.nextBoolean()) {
      p.ioFlusher();
    }
    if (!regions.isEmpty() && random.nextInt(5) == 0) {
      p.pagesIn(regions.get(0));
    }
    return p;
  }

  private Step[] steps(boolean kext) {
    int n = random.nextInt(4);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      steps.add(step(kext));
    }
    return steps.toArray(new Step[0]);
  }

  private Step step(boolean kext) {
    int pages = 1 + random.nextInt(3);
    return switch (random.nextInt(6)) {
      case 0 -> alloc(pages);
      case 1 -> kext ? touchPageable(pages) : touch(pages);
      case 2 -> regions.isEmpty() ? alloc(pages) : touchRegion(regions.get(0), pages);
      case 3 -> lock(LOCKS[random.nextInt(LOCKS.length)]);
      case 4 -> unlock(LOCKS[random.nextInt(LOCKS.length)]);
      default -> alloc(pages * 4);
    };
  }
}
