package dev.pagerlab.vmcore.spec;

import java.util.List;
import java.util.Optional;

/**
 * One validated scenario: a paging stack, the processes on it and what the author expects.
 *
 * @param name unique id, {@code [a-z0-9-]+}
 * @param description one or two sentences, with the reasoning for the expected verdict
 * @param os the operating system the case comes from
 * @param source where the case is documented (URL or commit), empty when none is given
 * @param memory frames and watermarks
 * @param swap swap files, the I/O stack under them, the optional dynamic pager
 * @param layers every layer, by id
 * @param processes every userland process
 * @param regions memory objects paged by userland pagers
 * @param extensions kernel extensions
 * @param expect the expected verdict, if the author gave one
 * @param expectClasses the expected deadlock classes (an extension of the v1 format), empty when not given
 */
public record Scenario(
    String name,
    String description,
    Os os,
    String source,
    MemorySpec memory,
    SwapSpec swap,
    List<LayerSpec> layers,
    List<ProcessSpec> processes,
    List<RegionSpec> regions,
    List<KextSpec> extensions,
    Optional<Expect> expect,
    List<String> expectClasses) {

  public Scenario {
    layers = List.copyOf(layers);
    processes = List.copyOf(processes);
    regions = List.copyOf(regions);
    extensions = List.copyOf(extensions);
    expectClasses = List.copyOf(expectClasses);
  }

  /** The layer with this id, if any. */
  public Optional<LayerSpec> layer(String id) {
    return layers.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** The process with this name, if any. */
  public Optional<ProcessSpec> process(String name) {
    return processes.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The region with this name, if any. */
  public Optional<RegionSpec> region(String name) {
    return regions.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The kernel extension with this name, if any. */
  public Optional<KextSpec> extension(String name) {
    return extensions.stream().filter(k -> k.name().equals(name)).findFirst();
  }
}
