package dev.pagerlab.checker.property;

import dev.pagerlab.vmcore.spec.DynamicPagerSpec;
import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Shrinks scenarios: candidates with fewer layers, processes, regions, kexts, swap files,
 * threads and steps, then smaller frames, watermarks, pages, slots and counts. Every candidate
 * is valid per {@link ScenarioValidity} and strictly smaller (a count drops, none grows), so
 * greedy shrinking ends. Things are removed only when nothing references them; separate
 * candidates detach optional references first (a layer's kext, a network daemon, a pagesIn).
 */
public final class ScenarioShrinker implements Shrink<Scenario> {
  /** Candidates tested at most by {@link #shrinkWhile}. */
  public static final int MAX_ATTEMPTS = 20_000;

  private final List<Function<Scenario, Stream<Scenario>>> passes = List.of(
      ScenarioShrinker::withoutLayers, ScenarioShrinker::withoutProcesses, ScenarioShrinker::withoutRegions,
      ScenarioShrinker::withoutExtensions, ScenarioShrinker::withoutDynamicPager, ScenarioShrinker::withoutSwapFiles,
      ScenarioShrinker::detached, ScenarioShrinker::withoutSteps, ScenarioShrinker::smallerMemory,
      ScenarioShrinker::fewerThreads, ScenarioShrinker::fewerPages, ScenarioShrinker::smallerSwap,
      ScenarioShrinker::smallerLayers, ScenarioShrinker::smallerSteps);

  /** The smallest scenario found (a local minimum) that still satisfies {@code stillFails}. */
  public static Scenario shrinkWhile(Scenario scenario, Predicate<Scenario> stillFails) {
    return shrinkWhile(scenario, stillFails, MAX_ATTEMPTS);
  }

  /**
   * Like {@link #shrinkWhile(Scenario, Predicate)}, testing at most {@code maxAttempts}
   * candidates (for an expensive {@code stillFails}, such as a full exploration).
   */
  public static Scenario shrinkWhile(Scenario scenario, Predicate<Scenario> stillFails, int maxAttempts) {
    return Shrinking.minimize(scenario, new ScenarioShrinker(), stillFails, maxAttempts).value();
  }

  /** Valid, strictly smaller scenarios, removals first, then smaller numbers; pure and lazy. */
  @Override
  public Stream<Scenario> candidates(Scenario s) {
    return passes.stream().flatMap(p -> p.apply(s)).filter(ScenarioValidity::isValid);
  }

  private static Stream<Integer> indices(List<?> list) {
    return IntStream.range(0, list.size()).boxed();
  }

  /** Ints from {@code min} toward {@code value}, excluding it: min first, then halving the distance. */
  private static Stream<Integer> below(int value, int min) {
    return value <= min ? Stream.empty() : Shrink.intToward(min).candidates(value);
  }

  // ---- removals --------------------------------------------------------------------------

  /** Each layer removed from the path, the layers above and the stack reconnected to its below. */
  private static Stream<Scenario> withoutLayers(Scenario s) {
    return s.layers().size() < 2 ? Stream.empty() : s.layers().stream().map(l -> withoutLayer(s, l));
  }

  private static Scenario withoutLayer(Scenario s, LayerSpec gone) {
    List<LayerSpec> layers = s.layers().stream().filter(l -> l != gone)
        .map(l -> l.below().equals(Optional.of(gone.id())) ? ScenarioEdit.layer(l, l.server(), l.kext(), gone.below()) : l)
        .toList();
    List<String> stack = new ArrayList<>();
    for (String id : s.swap().stack()) {
      Optional<String> replacement = id.equals(gone.id()) ? gone.below() : Optional.of(id);
      replacement.filter(r -> !stack.contains(r)).ifPresent(stack::add);
    }
    Scenario out = ScenarioEdit.layers(s, layers);
    return ScenarioEdit.swap(out, new SwapSpec(s.swap().files(), stack, s.swap().dynamic()));
  }

  private static Stream<Scenario> withoutProcesses(Scenario s) {
    return indices(s.processes()).filter(i -> !referenced(s, s.processes().get(i).name()))
        .map(i -> ScenarioEdit.processes(s, ScenarioEdit.remove(s.processes(), i)));
  }

  private static boolean referenced(Scenario s, String process) {
    return s.layers().stream().anyMatch(l -> l.server().equals(Optional.of(process)))
        || s.regions().stream().anyMatch(r -> r.pager().equals(process))
        || s.swap().dynamic().map(d -> d.daemon().equals(process)).orElse(false);
  }

  private static Stream<Scenario> withoutRegions(Scenario s) {
    return indices(s.regions()).filter(i -> !regionReferenced(s, s.regions().get(i)))
        .map(i -> ScenarioEdit.regions(s, ScenarioEdit.remove(s.regions(), i)));
  }

  private static boolean regionReferenced(Scenario s, RegionSpec r) {
    return s.processes().stream().anyMatch(p -> p.pagesIn().equals(Optional.of(r.name())))
        || StepLists.all(s).stream().flatMap(ref -> ref.get(s).stream())
            .anyMatch(step -> step instanceof Step.TouchRegion t && t.region().equals(r.name()));
  }

  private static Stream<Scenario> withoutExtensions(Scenario s) {
    return indices(s.extensions())
        .filter(i -> s.layers().stream().noneMatch(l -> l.kext().equals(Optional.of(s.extensions().get(i).name()))))
        .map(i -> ScenarioEdit.extensions(s, ScenarioEdit.remove(s.extensions(), i)));
  }

  private static Stream<Scenario> withoutDynamicPager(Scenario s) {
    return s.swap().dynamic().isEmpty() ? Stream.empty()
        : Stream.of(ScenarioEdit.swap(s, new SwapSpec(s.swap().files(), s.swap().stack(), Optional.empty())));
  }

  private static Stream<Scenario> withoutSwapFiles(Scenario s) {
    return indices(s.swap().files())
        .map(i -> ScenarioEdit.swap(s, new SwapSpec(ScenarioEdit.remove(s.swap().files(), i), s.swap().stack(), s.swap().dynamic())));
  }

  /** Optional references dropped: a layer's kext, a network layer's daemon, a process's pagesIn. */
  private static Stream<Scenario> detached(Scenario s) {
    Stream<Scenario> kexts = indices(s.layers()).filter(i -> s.layers().get(i).kext().isPresent())
        .map(i -> layerAt(s, i, l -> ScenarioEdit.layer(l, l.server(), Optional.empty(), l.below())));
    Stream<Scenario> daemons = indices(s.layers()).filter(i -> s.layers().get(i).server().isPresent())
        .map(i -> layerAt(s, i, l -> ScenarioEdit.layer(l, Optional.empty(), l.kext(), l.below())));
    Stream<Scenario> pagesIn = indices(s.processes()).filter(i -> s.processes().get(i).pagesIn().isPresent())
        .map(i -> processAt(s, i, p -> ScenarioEdit.process(p, p.pages(), p.threads(), Optional.empty())));
    return Stream.of(kexts, daemons, pagesIn).flatMap(x -> x);
  }

  /** Each step removed; removing a lock removes its matching unlock too. */
  private static Stream<Scenario> withoutSteps(Scenario s) {
    return StepLists.all(s).stream().flatMap(ref -> indices(ref.get(s)).map(i -> ref.set(s, withoutStep(ref.get(s), i))));
  }

  private static List<Step> withoutStep(List<Step> steps, int i) {
    List<Step> out = ScenarioEdit.remove(steps, i);
    if (steps.get(i) instanceof Step.Lock lock) {
      int unlock = out.subList(i, out.size()).indexOf(new Step.Unlock(lock.name()));
      if (unlock >= 0) {
        out.remove(i + unlock);
      }
    }
    return out;
  }

  // ---- smaller numbers -------------------------------------------------------------------

  /** Fewer frames (watermarks clamped under them), a smaller reserve, a lower target. */
  private static Stream<Scenario> smallerMemory(Scenario s) {
    MemorySpec m = s.memory();
    Stream<MemorySpec> frames = below(m.frames(), 1).map(f -> clamped(f, m.reserved(), m.target()));
    Stream<MemorySpec> reserved = below(m.reserved(), 0).map(r -> new MemorySpec(m.frames(), r, m.target()));
    Stream<MemorySpec> target = below(m.target(), m.reserved()).map(t -> new MemorySpec(m.frames(), m.reserved(), t));
    return Stream.of(frames, reserved, target).flatMap(x -> x).map(x -> ScenarioEdit.memory(s, x));
  }

  private static MemorySpec clamped(int frames, int reserved, int target) {
    int t = Math.min(target, frames);
    return new MemorySpec(frames, Math.min(reserved, t), t);
  }

  private static Stream<Scenario> fewerThreads(Scenario s) {
    return indices(s.processes()).flatMap(i -> below(s.processes().get(i).threads(), 1)
        .map(n -> processAt(s, i, p -> ScenarioEdit.process(p, p.pages(), n, p.pagesIn()))));
  }

  /** Fewer process, region and kext pages; touches of the pages gone are clamped or dropped. */
  private static Stream<Scenario> fewerPages(Scenario s) {
    Stream<Scenario> processes = indices(s.processes()).flatMap(i -> below(s.processes().get(i).pages(), 0)
        .map(n -> processAt(s, i, p -> clampTouches(ScenarioEdit.process(p, n, p.threads(), p.pagesIn())))));
    Stream<Scenario> regions = indices(s.regions()).flatMap(i -> below(s.regions().get(i).pages(), 1)
        .map(n -> withRegionPages(s, i, n)));
    Stream<Scenario> kexts = indices(s.extensions()).flatMap(i -> Stream.concat(
        below(s.extensions().get(i).wired(), 0).map(n -> kextAt(s, i, k -> ScenarioEdit.kext(k, n, k.pageable(), k.onIo()))),
        below(s.extensions().get(i).pageable(), 0).map(n -> kextAt(s, i, k -> clampPageable(k, n)))));
    return Stream.of(processes, regions, kexts).flatMap(x -> x);
  }

  private static ProcessSpec clampTouches(ProcessSpec p) {
    Function<Step, Optional<Step>> clamp = step -> step instanceof Step.Touch t
        ? Optional.<Step>of(new Step.Touch(Math.min(t.pages(), p.pages()))).filter(x -> p.pages() > 0)
        : Optional.of(step);
    return ScenarioEdit.steps(p, ScenarioEdit.mapSteps(p.workload(), clamp), ScenarioEdit.mapSteps(p.onRequest(), clamp));
  }

  private static KextSpec clampPageable(KextSpec k, int pageable) {
    Function<Step, Optional<Step>> clamp = step -> step instanceof Step.TouchPageable t
        ? Optional.<Step>of(new Step.TouchPageable(Math.min(t.pages(), pageable))).filter(x -> pageable > 0)
        : Optional.of(step);
    return ScenarioEdit.kext(k, k.wired(), pageable, ScenarioEdit.mapSteps(k.onIo(), clamp));
  }

  private static Scenario withRegionPages(Scenario s, int i, int pages) {
    RegionSpec r = s.regions().get(i);
    Scenario out = ScenarioEdit.regions(s, ScenarioEdit.set(s.regions(), i, new RegionSpec(r.name(), pages, r.pager(), r.backing(), r.sparse())));
    return ScenarioEdit.mapEverySteps(out, steps -> ScenarioEdit.mapSteps(steps, step ->
        Optional.of(step instanceof Step.TouchRegion t && t.region().equals(r.name())
            ? new Step.TouchRegion(t.region(), Math.min(t.pages(), pages)) : step)));
  }

  /** Fewer slots in a swap file, smaller and fewer dynamic pager files. */
  private static Stream<Scenario> smallerSwap(Scenario s) {
    SwapSpec w = s.swap();
    Stream<Scenario> slots = indices(w.files()).flatMap(i -> below(w.files().get(i).slots(), 1).map(n -> {
      SwapFileSpec f = w.files().get(i);
      List<SwapFileSpec> files = ScenarioEdit.set(w.files(), i, new SwapFileSpec(f.name(), n, f.preallocated()));
      return ScenarioEdit.swap(s, new SwapSpec(files, w.stack(), w.dynamic()));
    }));
    Stream<Scenario> dynamic = w.dynamic().stream().flatMap(d -> smallerDynamic(d, w.files().size()))
        .map(d -> ScenarioEdit.swap(s, new SwapSpec(w.files(), w.stack(), Optional.of(d))));
    return Stream.concat(slots, dynamic);
  }

  private static Stream<DynamicPagerSpec> smallerDynamic(DynamicPagerSpec d, int files) {
    return Stream.concat(
        below(d.fileSlots(), 1).map(n -> new DynamicPagerSpec(d.daemon(), d.highWater(), d.lowWater(), n, d.maxFiles())),
        below(d.maxFiles(), Math.max(1, files)).map(n -> new DynamicPagerSpec(d.daemon(), d.highWater(), d.lowWater(), d.fileSlots(), n)));
  }

  private static Stream<Scenario> smallerLayers(Scenario s) {
    return indices(s.layers()).flatMap(i -> {
      LayerSpec l = s.layers().get(i);
      return Stream.concat(
          below(l.allocPerWrite(), 0).map(n -> layerAt(s, i, x -> ScenarioEdit.allocs(x, n, x.allocPerRequest()))),
          below(l.allocPerRequest(), 0).map(n -> layerAt(s, i, x -> ScenarioEdit.allocs(x, x.allocPerWrite(), n))));
    });
  }

  /** Smaller counts in alloc, touch, touchPageable and touchRegion steps. */
  private static Stream<Scenario> smallerSteps(Scenario s) {
    return StepLists.all(s).stream().flatMap(ref -> indices(ref.get(s)).flatMap(i ->
        smallerStep(ref.get(s).get(i)).map(step -> ref.set(s, ScenarioEdit.set(ref.get(s), i, step)))));
  }

  private static Stream<Step> smallerStep(Step step) {
    if (step instanceof Step.Alloc a) {
      return below(a.pages(), 1).map(Step.Alloc::new);
    } else if (step instanceof Step.Touch t) {
      return below(t.pages(), 1).map(Step.Touch::new);
    } else if (step instanceof Step.TouchPageable t) {
      return below(t.pages(), 1).map(Step.TouchPageable::new);
    } else if (step instanceof Step.TouchRegion t) {
      return below(t.pages(), 1).map(n -> new Step.TouchRegion(t.region(), n));
    }
    return Stream.empty();
  }

  private static Scenario layerAt(Scenario s, int i, Function<LayerSpec, LayerSpec> f) {
    return ScenarioEdit.layers(s, ScenarioEdit.set(s.layers(), i, f.apply(s.layers().get(i))));
  }

  private static Scenario processAt(Scenario s, int i, Function<ProcessSpec, ProcessSpec> f) {
    return ScenarioEdit.processes(s, ScenarioEdit.set(s.processes(), i, f.apply(s.processes().get(i))));
  }

  private static Scenario kextAt(Scenario s, int i, Function<KextSpec, KextSpec> f) {
    return ScenarioEdit.extensions(s, ScenarioEdit.set(s.extensions(), i, f.apply(s.extensions().get(i))));
  }
}
