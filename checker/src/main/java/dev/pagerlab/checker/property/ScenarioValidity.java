package dev.pagerlab.checker.property;

import dev.pagerlab.vmcore.spec.DynamicPagerSpec;
import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/**
 * A conservative validity check of a scenario against SCENARIOS.md, for generated and shrunk
 * scenarios (the YAML loader has its own, with file positions). Conservative: it may reject
 * scenarios the contract leaves open (e.g. an unused layer, a touch beyond a process's pages,
 * an unlock without a lock), never accept one the contract forbids. Pure.
 */
public final class ScenarioValidity {
  private static final int MAX_FRAMES = 1_000_000;
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

  private ScenarioValidity() {}

  /** Every problem with {@code s}, one sentence each; empty when it is valid. */
  public static List<String> check(Scenario s) {
    List<String> problems = new ArrayList<>();
    header(s, problems);
    memory(s.memory(), problems);
    swap(s, problems);
    unique("layer", s.layers(), LayerSpec::id, problems);
    unique("process", s.processes(), ProcessSpec::name, problems);
    unique("region", s.regions(), RegionSpec::name, problems);
    unique("extension", s.extensions(), KextSpec::name, problems);
    s.layers().forEach(l -> layer(s, l, problems));
    path(s, problems);
    s.processes().forEach(p -> process(s, p, problems));
    s.regions().forEach(r -> region(s, r, problems));
    s.extensions().forEach(k -> extension(s, k, problems));
    s.swap().dynamic().ifPresent(d -> dynamic(s, d, problems));
    return problems;
  }

  /** Whether {@code s} has no problems. */
  public static boolean isValid(Scenario s) {
    return check(s).isEmpty();
  }

  private static void header(Scenario s, List<String> problems) {
    require(s.name() != null && NAME.matcher(s.name()).matches(), () -> "name must match [a-z0-9-]+", problems);
    require(s.description() != null && !s.description().isBlank(), () -> "description is required", problems);
    require(s.os() != null, () -> "os is required", problems);
  }

  private static void memory(MemorySpec m, List<String> problems) {
    require(m.frames() >= 1 && m.frames() <= MAX_FRAMES, () -> "frames must be 1.." + MAX_FRAMES, problems);
    require(m.reserved() >= 0 && m.reserved() <= m.target(), () -> "need 0 <= reserved <= target", problems);
    require(m.target() <= m.frames(), () -> "need target <= frames", problems);
  }

  private static void swap(Scenario s, List<String> problems) {
    unique("swap file", s.swap().files(), f -> f.name(), problems);
    s.swap().files().forEach(f -> require(f.slots() >= 1, () -> "swap file " + f.name() + " needs slots >= 1", problems));
    require(!s.swap().files().isEmpty() || s.swap().dynamic().isPresent(),
        () -> "swap needs a file or a dynamic pager", problems);
    require(!s.swap().stack().isEmpty(), () -> "swap stack is empty", problems);
    s.swap().stack().forEach(id -> require(s.layer(id).isPresent(), () -> "stack names unknown layer " + id, problems));
  }

  private static void layer(Scenario s, LayerSpec l, List<String> problems) {
    String at = "layer " + l.id();
    boolean served = l.kind() == LayerKind.FUSE || l.kind() == LayerKind.DISKIMAGE;
    boolean userland = served || l.kind() == LayerKind.NETWORK;
    require(!served || l.server().isPresent(), () -> at + " needs its daemon or helper", problems);
    require(userland || l.server().isEmpty(), () -> at + " is a kernel layer and has no server", problems);
    l.server().ifPresent(p -> require(s.process(p).isPresent(), () -> at + " names unknown process " + p, problems));
    require(served || l.kext().isEmpty(), () -> at + " cannot carry a kext", problems);
    l.kext().ifPresent(k -> require(s.extension(k).isPresent(), () -> at + " names unknown extension " + k, problems));
    require(l.kind() != LayerKind.BLOCK || l.below().isEmpty(), () -> at + " is a block layer: always the bottom", problems);
    l.below().ifPresent(b -> require(s.layer(b).isPresent(), () -> at + " has unknown below " + b, problems));
    require(l.allocPerWrite() >= 0 && (l.kind() == LayerKind.FILESYSTEM || l.allocPerWrite() == 0),
        () -> at + ": allocPerWrite is for filesystem layers, >= 0", problems);
    require(l.allocPerRequest() >= 0 && (l.kind() == LayerKind.NETWORK || l.allocPerRequest() == 0),
        () -> at + ": allocPerRequest is for network layers, >= 0", problems);
    require(l.kind() == LayerKind.NETWORK || !l.memalloc(), () -> at + ": memalloc is for network layers", problems);
  }

  /** The stack then the below chain of its last layer: acyclic, ending at a block or network layer, covering every layer. */
  private static void path(Scenario s, List<String> problems) {
    List<String> path = path(s);
    Set<String> seen = new HashSet<>();
    for (String id : path) {
      if (!seen.add(id)) {
        problems.add("the I/O path visits layer " + id + " twice");
        return;
      }
    }
    Optional<LayerSpec> bottom = path.isEmpty() ? Optional.empty() : s.layer(path.get(path.size() - 1));
    bottom.ifPresent(b -> require(b.kind() == LayerKind.BLOCK || b.kind() == LayerKind.NETWORK,
        () -> "the I/O path must end at a block or network layer, not " + b.id(), problems));
    s.layers().forEach(l -> require(seen.contains(l.id()), () -> "layer " + l.id() + " is not on the I/O path", problems));
  }

  /** The I/O path's layer ids, top to bottom, stopping at an unknown id or a repeat. */
  public static List<String> path(Scenario s) {
    List<String> path = new ArrayList<>(s.swap().stack());
    Set<String> seen = new LinkedHashSet<>(path);
    Optional<String> next = path.isEmpty() ? Optional.empty()
        : s.layer(path.get(path.size() - 1)).flatMap(LayerSpec::below);
    while (next.isPresent() && seen.add(next.get())) {
      path.add(next.get());
      next = s.layer(next.get()).flatMap(LayerSpec::below);
    }
    next.ifPresent(path::add);
    return path;
  }

  private static void process(Scenario s, ProcessSpec p, List<String> problems) {
    String at = "process " + p.name();
    require(p.pages() >= 0, () -> at + " needs pages >= 0", problems);
    require(p.threads() >= 1, () -> at + " needs threads >= 1", problems);
    p.pagesIn().ifPresent(r -> require(s.region(r).isPresent(), () -> at + " pagesIn names unknown region " + r, problems));
    steps(at + " workload", p.workload(), s, p, null, problems);
    steps(at + " onRequest", p.onRequest(), s, p, null, problems);
  }

  private static void region(Scenario s, RegionSpec r, List<String> problems) {
    require(r.pages() >= 1, () -> "region " + r.name() + " needs pages >= 1", problems);
    require(r.backing() != RegionSpec.Backing.PAGER || s.process(r.pager()).isPresent(), () -> "region " + r.name() + " names unknown pager " + r.pager(), problems);
  }

  private static void extension(Scenario s, KextSpec k, List<String> problems) {
    require(k.wired() >= 0 && k.pageable() >= 0, () -> "extension " + k.name() + " needs wired, pageable >= 0", problems);
    steps("extension " + k.name() + " onIo", k.onIo(), s, null, k, problems);
  }

  private static void dynamic(Scenario s, DynamicPagerSpec d, List<String> problems) {
    require(s.process(d.daemon()).isPresent(), () -> "dynamic pager names unknown process " + d.daemon(), problems);
    require(0 <= d.lowWater() && d.lowWater() < d.highWater() && d.highWater() <= 1,
        () -> "dynamic pager needs 0 <= lowWater < highWater <= 1", problems);
    require(d.fileSlots() >= 1, () -> "dynamic pager needs fileSlots >= 1", problems);
    require(d.maxFiles() >= Math.max(1, s.swap().files().size()), () -> "dynamic pager maxFiles is below the initial files", problems);
  }

  /** Steps of a process ({@code p}) or of a kext's onIo ({@code k}): counts in range, locks nested. */
  private static void steps(String at, List<Step> steps, Scenario s, ProcessSpec p, KextSpec k, List<String> problems) {
    Set<String> held = new HashSet<>();
    for (Step step : steps) {
      require(stepValid(step, s, p, k, held), () -> at + " has an invalid step " + step, problems);
    }
  }

  private static boolean stepValid(Step step, Scenario s, ProcessSpec p, KextSpec k, Set<String> held) {
    if (step instanceof Step.Alloc a) {
      return a.pages() >= 1;
    } else if (step instanceof Step.Touch t) {
      return p != null && t.pages() >= 1 && t.pages() <= p.pages();
    } else if (step instanceof Step.TouchPageable t) {
      return k != null && t.pages() >= 1 && t.pages() <= k.pageable();
    } else if (step instanceof Step.TouchRegion t) {
      return p != null && t.pages() >= 1 && s.region(t.region()).map(r -> t.pages() <= r.pages()).orElse(false);
    } else if (step instanceof Step.Lock l) {
      return l.name() != null && !l.name().isBlank() && held.add(l.name());
    } else if (step instanceof Step.Unlock u) {
      return held.remove(u.name());
    }
    return false;
  }

  private static <E> void unique(String what, List<E> items, Function<E, String> name, List<String> problems) {
    Set<String> seen = new HashSet<>();
    items.forEach(i -> require(seen.add(name.apply(i)), () -> "duplicate " + what + " " + name.apply(i), problems));
  }

  private static void require(boolean ok, Supplier<String> problem, List<String> problems) {
    if (!ok) {
      problems.add(problem.get());
    }
  }
}
