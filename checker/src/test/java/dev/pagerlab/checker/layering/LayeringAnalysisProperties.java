package dev.pagerlab.checker.layering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.checker.StaticChain;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Property suite over random scenarios: chains are well formed and deterministic, the class
 * union is exact, and each mitigation that only removes dependencies (wiring, preallocating, a
 * larger reserve) never adds a chain. Prints the seed on failure; rerun with -Dlayering.seed=N
 * (and -Dlayering.scenarios=N for more or fewer scenarios).
 */
@Tag("properties")
class LayeringAnalysisProperties {
  private static final int SCENARIOS = Integer.getInteger("layering.scenarios", 1_000);

  @Test
  void randomScenarios_chainsAreElementaryDeterministicAndExplained() {
    forEach((s, chains) -> {
      assertEquals(chains, all(s), "not deterministic");
      assertTrue(LayeringAnalysis.analyze(s, 3).size() <= 3, "a limit must bound the chains");
      for (StaticChain c : chains) {
        List<String> ring = c.nodes().subList(0, c.nodes().size() - 1);
        assertEquals(c.nodes().get(0), c.nodes().get(c.nodes().size() - 1), c.text());
        assertEquals(ring.size(), Set.copyOf(ring).size(), c.text());
        assertEquals(c.nodes().size() + 1, c.text().split("\n").length, c.text());
        assertTrue(c.text().startsWith("Chain exists of:\n  " + String.join(" --> ", c.nodes())), c.text());
        assertTrue(names(s).containsAll(LayeringAnalysis.owners(c)), LayeringAnalysis.owners(c) + "\n" + c.text());
      }
      assertEquals(chains.size(), chains.stream().map(StaticChain::nodes).distinct().count(), "duplicate chains");
    });
  }

  @Test
  void randomScenarios_potentialClassesAreTheUnionOfTheChains() {
    forEach((s, chains) -> {
      Set<DeadlockClass> union = EnumSet.noneOf(DeadlockClass.class);
      chains.forEach(c -> union.addAll(c.classes()));
      assertEquals(union, LayeringAnalysis.potentialClasses(s));
    });
  }

  @Test
  void randomScenarios_wiringEveryProcess_neverAddsAChain() {
    forEach((s, chains) -> assertSubset(chains, all(with(s, LayeringAnalysisProperties::wireAll))));
  }

  @Test
  void randomScenarios_preallocatingEveryFile_neverAddsAChain() {
    forEach((s, chains) -> assertSubset(chains, all(with(s, LayeringAnalysisProperties::preallocate))));
  }

  @Test
  void randomScenarios_aLargerReserve_neverAddsAChain() {
    forEach((s, chains) -> assertSubset(chains, all(with(s, LayeringAnalysisProperties::moreReserve))));
  }

  @Test
  void randomScenarios_timing_printsTheSlowest() {
    List<Scenario> scenarios = new java.util.ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed());
    for (int i = 0; i < SCENARIOS; i++) {
      scenarios.add(RandomScenarios.next(random, "random-" + i));
    }
    scenarios.forEach(LayeringAnalysis::analyze);
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] wall = new long[scenarios.size()];
    long[] busy = new long[scenarios.size()];
    for (int i = 0; i < wall.length; i++) {
      long startCpu = cpu.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      LayeringAnalysis.analyze(scenarios.get(i));
      wall[i] = System.nanoTime() - start;
      busy[i] = cpu.getCurrentThreadCpuTime() - startCpu;
    }
    long total = java.util.Arrays.stream(wall).sum();
    System.out.println("LayeringAnalysis over " + wall.length + " random scenarios (after one warm-up pass): wall "
        + percentiles(wall) + "; thread CPU " + percentiles(busy));
    assertTrue(total > 0);
  }

  /** "mean 0.2 ms, median 0.1 ms, p99 1.0 ms, max 2.0 ms"; sorts the array. */
  private static String percentiles(long[] nanos) {
    double mean = java.util.Arrays.stream(nanos).average().orElse(0) / 1e6;
    java.util.Arrays.sort(nanos);
    return String.format(java.util.Locale.ROOT, "mean %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms", mean,
        nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
  }

  private interface Check {
    void check(Scenario s, List<StaticChain> chains);
  }

  private static void forEach(Check check) {
    long seed = seed();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < SCENARIOS; i++) {
      Scenario s = RandomScenarios.next(random, "random-" + i);
      try {
        check.check(s, all(s));
      } catch (AssertionError | RuntimeException e) {
        fail("seed " + seed + ", scenario #" + i + ": " + s + "\n" + e.getMessage(), e);
      }
    }
  }

  /** pageout, every process name and every layer id: the owner vocabulary of WaitEdge. */
  private static Set<String> names(Scenario s) {
    Set<String> names = new java.util.HashSet<>(Set.of("pageout"));
    s.processes().forEach(p -> names.add(p.name()));
    s.layers().forEach(l -> names.add(l.id()));
    return names;
  }

  /** Every chain: the properties compare whole sets, which a limit would cut arbitrarily. */
  private static List<StaticChain> all(Scenario s) {
    return LayeringAnalysis.analyze(s, Integer.MAX_VALUE);
  }

  private static long seed() {
    return Long.getLong("layering.seed", 20261123L);
  }

  private static void assertSubset(List<StaticChain> before, List<StaticChain> after) {
    Set<List<String>> allowed = before.stream().map(LayeringAnalysisProperties::shape).collect(Collectors.toSet());
    for (StaticChain c : after) {
      assertTrue(allowed.contains(shape(c)), "new chain after a mitigation:\n" + c.text());
    }
  }

  /**
   * The chain's ring, rotated to its smallest node, with swap file names and write variants
   * folded: node creation order (and so where a chain starts), the grouping of files and which
   * writes allocate may change under a mitigation.
   */
  private static List<String> shape(StaticChain c) {
    List<String> ring = c.nodes().subList(0, c.nodes().size() - 1).stream()
        .map(n -> n.startsWith("swap:") ? "swap:*" : n.replace("[alloc-write]", "")).toList();
    int first = ring.indexOf(ring.stream().min(String::compareTo).orElseThrow());
    List<String> rotated = new java.util.ArrayList<>(ring.subList(first, ring.size()));
    rotated.addAll(ring.subList(0, first));
    return rotated;
  }

  private static Scenario with(Scenario s, UnaryOperator<Scenario> change) {
    return change.apply(s);
  }

  private static Scenario wireAll(Scenario s) {
    List<ProcessSpec> wired = s.processes().stream().map(p -> new ProcessSpec(p.name(), p.pages(), p.threads(), true,
        p.ioFlusher(), p.pagesIn(), p.workload(), p.onRequest())).toList();
    return new Scenario(s.name(), s.description(), s.os(), s.source(), s.memory(), s.swap(), s.layers(), wired,
        s.regions(), s.extensions(), s.expect(), s.expectClasses());
  }

  private static Scenario preallocate(Scenario s) {
    List<SwapFileSpec> files = s.swap().files().stream().map(f -> new SwapFileSpec(f.name(), f.slots(), true)).toList();
    SwapSpec swap = new SwapSpec(files, s.swap().stack(), s.swap().dynamic());
    return new Scenario(s.name(), s.description(), s.os(), s.source(), s.memory(), swap, s.layers(), s.processes(),
        s.regions(), s.extensions(), s.expect(), s.expectClasses());
  }

  private static Scenario moreReserve(Scenario s) {
    MemorySpec m = s.memory();
    MemorySpec more = new MemorySpec(m.frames() + 3, m.reserved() + 3, m.target() + 3);
    return new Scenario(s.name(), s.description(), s.os(), s.source(), more, s.swap(), s.layers(), s.processes(),
        s.regions(), s.extensions(), s.expect(), s.expectClasses());
  }
}
