package dev.pagerlab.vmcore;

import dev.pagerlab.vmcore.spec.DynamicPagerSpec;
import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.Os;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A fluent builder of {@link Scenario} records for vmcore tests, which have no loader. */
final class Scenarios {
  private String name = "test";
  private MemorySpec memory = new MemorySpec(16, 2, 4);
  private final List<SwapFileSpec> files = new ArrayList<>();
  private List<String> stack = List.of();
  private Optional<DynamicPagerSpec> dynamic = Optional.empty();
  private final List<LayerSpec> layers = new ArrayList<>();
  private final List<ProcessSpec> processes = new ArrayList<>();
  private final List<RegionSpec> regions = new ArrayList<>();
  private final List<KextSpec> extensions = new ArrayList<>();

  private Scenarios() {}

  /** A scenario with 16 frames, reserve 2, target 4 and nothing else. */
  static Scenarios scenario(String name) {
    Scenarios s = new Scenarios();
    s.name = name;
    return s;
  }

  Scenarios memory(int frames, int reserved, int target) {
    memory = new MemorySpec(frames, reserved, target);
    return this;
  }

  Scenarios swapFile(String file, int slots, boolean preallocated) {
    files.add(new SwapFileSpec(file, slots, preallocated));
    return this;
  }

  Scenarios stack(String... ids) {
    stack = List.of(ids);
    return this;
  }

  Scenarios dynamic(String daemon, double highWater, double lowWater, int fileSlots, int maxFiles) {
    dynamic = Optional.of(new DynamicPagerSpec(daemon, highWater, lowWater, fileSlots, maxFiles));
    return this;
  }

  Scenarios layer(Layers layer) {
    layers.add(layer.build());
    return this;
  }

  Scenarios block(String id) {
    return layer(Layers.of(id, LayerKind.BLOCK));
  }

  Scenarios process(Procs p) {
    processes.add(p.build());
    return this;
  }

  Scenarios region(String region, int pages, String pager) {
    regions.add(new RegionSpec(region, pages, pager));
    return this;
  }

  Scenarios kext(String kext, int wired, int pageable, Step... onIo) {
    extensions.add(new KextSpec(kext, wired, pageable, List.of(onIo)));
    return this;
  }

  Scenario build() {
    return new Scenario(name, "built by a test", Os.GENERIC, "", memory, new SwapSpec(files, stack, dynamic),
        layers, processes, regions, extensions, Optional.empty(), List.of());
  }

  VmModel model() {
    return VmModel.of(build());
  }

  static Step alloc(int n) {
    return new Step.Alloc(n);
  }

  static Step touch(int n) {
    return new Step.Touch(n);
  }

  static Step touchPageable(int n) {
    return new Step.TouchPageable(n);
  }

  static Step touchRegion(String region, int n) {
    return new Step.TouchRegion(region, n);
  }

  static Step lock(String lock) {
    return new Step.Lock(lock);
  }

  static Step unlock(String lock) {
    return new Step.Unlock(lock);
  }

  static Procs proc(String name) {
    return new Procs(name);
  }

  static Layers layerOf(String id, LayerKind kind) {
    return Layers.of(id, kind);
  }

  /** Builds one process. */
  static final class Procs {
    private final String name;
    private int pages;
    private int threads = 1;
    private boolean wired;
    private boolean ioFlusher;
    private Optional<String> pagesIn = Optional.empty();
    private List<Step> workload = List.of();
    private List<Step> onRequest = List.of();

    private Procs(String name) {
      this.name = name;
    }

    Procs pages(int n) {
      pages = n;
      return this;
    }

    Procs threads(int n) {
      threads = n;
      return this;
    }

    Procs wired() {
      wired = true;
      return this;
    }

    Procs ioFlusher() {
      ioFlusher = true;
      return this;
    }

    Procs pagesIn(String region) {
      pagesIn = Optional.of(region);
      return this;
    }

    Procs workload(Step... steps) {
      workload = List.of(steps);
      return this;
    }

    Procs onRequest(Step... steps) {
      onRequest = List.of(steps);
      return this;
    }

    ProcessSpec build() {
      return new ProcessSpec(name, pages, threads, wired, ioFlusher, pagesIn, workload, onRequest);
    }
  }

  /** Builds one layer. */
  static final class Layers {
    private final String id;
    private final LayerKind kind;
    private Optional<String> server = Optional.empty();
    private Optional<String> kext = Optional.empty();
    private Optional<String> below = Optional.empty();
    private int allocPerWrite;
    private int allocPerRequest;
    private boolean memalloc;
    private boolean eio;
    private boolean timeout;

    private Layers(String id, LayerKind kind) {
      this.id = id;
      this.kind = kind;
    }

    static Layers of(String id, LayerKind kind) {
      return new Layers(id, kind);
    }

    Layers server(String process) {
      server = Optional.of(process);
      return this;
    }

    Layers kext(String name) {
      kext = Optional.of(name);
      return this;
    }

    Layers below(String layer) {
      below = Optional.of(layer);
      return this;
    }

    Layers allocPerWrite(int n) {
      allocPerWrite = n;
      return this;
    }

    Layers allocPerRequest(int n) {
      allocPerRequest = n;
      return this;
    }

    Layers memalloc() {
      memalloc = true;
      return this;
    }

    Layers eio() {
      eio = true;
      return this;
    }

    Layers timeout() {
      timeout = true;
      return this;
    }

    LayerSpec build() {
      return new LayerSpec(id, kind, server, kext, below, allocPerWrite, allocPerRequest, memalloc, eio, timeout);
    }
  }
}
