package dev.pagerlab.checker.property;

import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Copy-with helpers over the immutable spec records; every method is pure. */
public final class ScenarioEdit {
  private ScenarioEdit() {}

  public static Scenario memory(Scenario s, MemorySpec m) {
    return new Scenario(s.name(), s.description(), s.os(), s.source(), m, s.swap(), s.layers(),
        s.processes(), s.regions(), s.extensions(), s.expect(), s.expectClasses());
  }

  public static Scenario swap(Scenario s, SwapSpec w) {
    return new Scenario(s.name(), s.description(), s.os(), s.source(), s.memory(), w, s.layers(),
        s.processes(), s.regions(), s.extensions(), s.expect(), s.expectClasses());
  }

  public static Scenario layers(Scenario s, List<LayerSpec> layers) {
    return new Scenario(s.name(), s.description(), s.os(), s.source(), s.memory(), s.swap(), layers,
        s.processes(), s.regions(), s.extensions(), s.expect(), s.expectClasses());
  }

  public static Scenario processes(Scenario s, List<ProcessSpec> processes) {
    return new Scenario(s.name(), s.description(), s.os(), s.source(), s.memory(), s.swap(), s.layers(),
        processes, s.regions(), s.extensions(), s.expect(), s.expectClasses());
  }

  public static Scenario regions(Scenario s, List<RegionSpec> regions) {
    return new Scenario(s.name(), s.description(), s.os(), s.source(), s.memory(), s.swap(), s.layers(),
        s.processes(), regions, s.extensions(), s.expect(), s.expectClasses());
  }

  public static Scenario extensions(Scenario s, List<KextSpec> extensions) {
    return new Scenario(s.name(), s.description(), s.os(), s.source(), s.memory(), s.swap(), s.layers(),
        s.processes(), s.regions(), extensions, s.expect(), s.expectClasses());
  }

  static <E> List<E> set(List<E> list, int i, E e) {
    List<E> out = new ArrayList<>(list);
    out.set(i, e);
    return out;
  }

  static <E> List<E> remove(List<E> list, int i) {
    List<E> out = new ArrayList<>(list);
    out.remove(i);
    return out;
  }

  public static <E> List<E> mapAll(List<E> list, UnaryOperator<E> f) {
    return list.stream().map(f).toList();
  }

  /** The process with pages, threads, wiring and pagesIn replaced; steps kept. */
  static ProcessSpec process(ProcessSpec p, int pages, int threads, Optional<String> pagesIn) {
    return new ProcessSpec(p.name(), pages, threads, p.wired(), p.ioFlusher(), pagesIn, p.workload(), p.onRequest());
  }

  static ProcessSpec steps(ProcessSpec p, List<Step> workload, List<Step> onRequest) {
    return new ProcessSpec(p.name(), p.pages(), p.threads(), p.wired(), p.ioFlusher(), p.pagesIn(), workload, onRequest);
  }

  static LayerSpec layer(LayerSpec l, Optional<String> server, Optional<String> kext, Optional<String> below) {
    return new LayerSpec(l.id(), l.kind(), server, kext, below, l.allocPerWrite(), l.allocPerRequest(),
        l.memalloc(), l.eio(), l.timeout());
  }

  static LayerSpec allocs(LayerSpec l, int allocPerWrite, int allocPerRequest) {
    return new LayerSpec(l.id(), l.kind(), l.server(), l.kext(), l.below(), allocPerWrite, allocPerRequest,
        l.memalloc(), l.eio(), l.timeout());
  }

  static KextSpec kext(KextSpec k, int wired, int pageable, List<Step> onIo) {
    return new KextSpec(k.name(), wired, pageable, onIo);
  }

  /** {@code steps} with each step mapped, steps mapped to empty dropped. */
  static List<Step> mapSteps(List<Step> steps, Function<Step, Optional<Step>> f) {
    return steps.stream().map(f).flatMap(Optional::stream).toList();
  }

  /** Every step list of {@code s} (workloads, onRequests, onIos) mapped by {@code f}. */
  static Scenario mapEverySteps(Scenario s, UnaryOperator<List<Step>> f) {
    Scenario out = processes(s, mapAll(s.processes(), p -> steps(p, f.apply(p.workload()), f.apply(p.onRequest()))));
    return extensions(out, mapAll(s.extensions(), k -> kext(k, k.wired(), k.pageable(), f.apply(k.onIo()))));
  }
}
