package dev.pagerlab.checker.layering;

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

/** A small builder for scenario records in tests (the YAML loader lives elsewhere). */
final class TestScenario {
  private final String name;
  private MemorySpec memory = new MemorySpec(24, 2, 6);
  private final List<SwapFileSpec> files = new ArrayList<>();
  private List<String> stack = List.of();
  private Optional<DynamicPagerSpec> dynamic = Optional.empty();
  private final List<LayerSpec> layers = new ArrayList<>();
  private final List<ProcessSpec> processes = new ArrayList<>();
  private final List<RegionSpec> regions = new ArrayList<>();
  private final List<KextSpec> kexts = new ArrayList<>();

  private TestScenario(String name) {
    this.name = name;
  }

  static TestScenario named(String name) {
    return new TestScenario(name);
  }

  TestScenario memory(int frames, int reserved, int target) {
    memory = new MemorySpec(frames, reserved, target);
    return this;
  }

  TestScenario file(String file, int slots, boolean preallocated) {
    files.add(new SwapFileSpec(file, slots, preallocated));
    return this;
  }

  TestScenario stack(String... ids) {
    stack = List.of(ids);
    return this;
  }

  TestScenario dynamic(String daemon, int fileSlots, int maxFiles) {
    dynamic = Optional.of(new DynamicPagerSpec(daemon, 0.75, 0.25, fileSlots, maxFiles));
    return this;
  }

  TestScenario block(String id) {
    return layer(id, LayerKind.BLOCK, null, null, null, 0, 0, false);
  }

  TestScenario filesystem(String id, int allocPerWrite, String below) {
    return layer(id, LayerKind.FILESYSTEM, null, null, below, allocPerWrite, 0, false);
  }

  TestScenario fuse(String id, String daemon, String kext, String below) {
    return layer(id, LayerKind.FUSE, daemon, kext, below, 0, 0, false);
  }

  TestScenario diskimage(String id, String helper, String below) {
    return layer(id, LayerKind.DISKIMAGE, helper, null, below, 0, 0, false);
  }

  TestScenario network(String id, String daemon, int allocPerRequest, boolean memalloc, String below) {
    return layer(id, LayerKind.NETWORK, daemon, null, below, 0, allocPerRequest, memalloc);
  }

  private TestScenario layer(String id, LayerKind kind, String server, String kext, String below,
      int allocPerWrite, int allocPerRequest, boolean memalloc) {
    layers.add(new LayerSpec(id, kind, Optional.ofNullable(server), Optional.ofNullable(kext),
        Optional.ofNullable(below), allocPerWrite, allocPerRequest, memalloc, false, false));
    return this;
  }

  TestScenario process(Proc proc) {
    processes.add(proc.build());
    return this;
  }

  TestScenario region(String region, int pages, String pager) {
    regions.add(new RegionSpec(region, pages, pager));
    return this;
  }

  TestScenario kext(String kext, int wired, int pageable, Step... onIo) {
    kexts.add(new KextSpec(kext, wired, pageable, List.of(onIo)));
    return this;
  }

  Scenario build() {
    return new Scenario(name, "test scenario " + name, Os.GENERIC, "", memory,
        new SwapSpec(files, stack, dynamic), layers, processes, regions, kexts, Optional.empty(), List.of());
  }

  static Proc proc(String name) {
    return new Proc(name);
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

  /** A process under construction. */
  static final class Proc {
    private final String name;
    private int pages;
    private int threads = 1;
    private boolean wired;
    private boolean ioFlusher;
    private Optional<String> pagesIn = Optional.empty();
    private List<Step> workload = List.of();
    private List<Step> onRequest = List.of();

    private Proc(String name) {
      this.name = name;
    }

    Proc pages(int n) {
      pages = n;
      return this;
    }

    Proc threads(int n) {
      threads = n;
      return this;
    }

    Proc wired() {
      wired = true;
      return this;
    }

    Proc ioFlusher() {
      ioFlusher = true;
      return this;
    }

    Proc pagesIn(String region) {
      pagesIn = Optional.of(region);
      return this;
    }

    Proc workload(Step... steps) {
      workload = List.of(steps);
      return this;
    }

    Proc onRequest(Step... steps) {
      onRequest = List.of(steps);
      return this;
    }

    ProcessSpec build() {
      return new ProcessSpec(name, pages, threads, wired, ioFlusher, pagesIn, workload, onRequest);
    }
  }
}
