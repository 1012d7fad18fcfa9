package dev.pagerlab.checker;

import dev.pagerlab.scenarios.Catalog;
import dev.pagerlab.scenarios.ScenarioException;
import dev.pagerlab.scenarios.ScenarioLoader;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenarios for the model property suite: the catalog plus hand-written ones that between them
 * use regions, a recursive pager, locks, the dynamic pager, network and diskimage layers, a kext
 * with pageable memory, injected EIO and timeouts. Each maps to label words its walks must reach.
 */
final class PropertyScenarios {
  private PropertyScenarios() {}

  /** Label fragments each hand-written scenario's random walks are expected to produce. */
  static final Map<String, List<String>> REACHES = Map.of(
      "prop-regions", List.of("asks its pager umapd", "asks its pager outer", "returns dirty page", "supplies"),
      "prop-locks-network", List.of("takes lock a", "takes lock b", "receive path", "queues the write"),
      "prop-dynamic", List.of("takes the request for a new swap file", "ufs0 allocates metadata"),
      "prop-diskimage-kext", List.of("touches fusekext[0]", "to hdiutil#0", "(EIO)", "times out"),
      "prop-network-memalloc-eio", List.of("allocates receive buffer", "(EIO)", "times out"),
      "prop-drain", List.of("takes the request to drain", "deletes the drained swap file"),
      "prop-dynamic-fuse-faults", List.of("takes the request", "(EIO)", "times out", "queues the"));

  private static final String REGIONS = """
      name: prop-regions
      description: regions, a recursive pager whose own pages live in another region, and anonymous swap
      memory: { frames: 14, reserved: 2, target: 6 }
      swap:
        files: [ { name: swap0, slots: 16, preallocated: true } ]
        stack: [disk0]
      layers:
        - { id: disk0, kind: block }
      regions:
        - { name: mapped, pages: 4, pager: umapd }
        - { name: heap, pages: 2, pager: outer }
      processes:
        - name: outer
          pages: 2
          onRequest: [ { touch: 1 } ]
        - name: umapd
          pages: 2
          pagesIn: heap
          onRequest: [ { touch: 2 }, { alloc: 1 } ]
        - name: app
          workload:
            - touchRegion: { region: mapped, pages: 4 }
            - alloc: 6
            - touchRegion: { region: mapped, pages: 2 }
      """;

  private static final String LOCKS_NETWORK = """
      name: prop-locks-network
      description: a network block device whose daemon takes two locks in the order a workload reverses
      memory: { frames: 16, reserved: 2, target: 6 }
      swap:
        files: [ { name: swap0, slots: 24, preallocated: true } ]
        stack: [nbd0]
      layers:
        - { id: nbd0, kind: network, daemon: nbdd, allocPerRequest: 1, below: disk0 }
        - { id: disk0, kind: block }
      processes:
        - name: nbdd
          pages: 2
          threads: 2
          onRequest: [ { lock: a }, { touch: 1 }, { lock: b }, { alloc: 1 }, { unlock: b }, { unlock: a } ]
        - name: app
          workload: [ { lock: b }, { alloc: 8 }, { lock: a }, { unlock: a }, { unlock: b }, { alloc: 6 } ]
      """;

  private static final String DYNAMIC = """
      name: prop-dynamic
      description: a dynamic pager growing swap on a filesystem that allocates metadata per write
      memory: { frames: 16, reserved: 2, target: 6 }
      swap:
        files: [ { name: swap0, slots: 4, preallocated: false } ]
        stack: [ufs0]
        dynamic: { daemon: dynamic_pager, highWater: 0.75, lowWater: 0.25, fileSlots: 4, maxFiles: 3 }
      layers:
        - { id: ufs0, kind: filesystem, allocPerWrite: 1, below: disk0 }
        - { id: disk0, kind: block }
      processes:
        - name: dynamic_pager
          pages: 1
          onRequest: [ { touch: 1 } ]
        - name: hog
          workload: [ { alloc: 14 }, { touch: 4 } ]
      """;

  private static final String DRAIN = """
      name: prop-drain
      description: two files from the start, so the dynamic pager drains the newest while pageout fills them
      memory: { frames: 12, reserved: 1, target: 6 }
      swap:
        files:
          - { name: swap0, slots: 3, preallocated: true }
          - { name: swap1, slots: 3, preallocated: true }
        stack: [disk0]
        dynamic: { daemon: dynamic_pager, highWater: 0.9, lowWater: 0.5, fileSlots: 3, maxFiles: 2 }
      layers:
        - { id: disk0, kind: block, faults: [eio] }
      processes:
        - name: dynamic_pager
          pages: 1
          onRequest: [ { touch: 1 } ]
        - name: app
          pages: 6
          workload: [ { touch: 6 }, { alloc: 3 }, { touch: 6 } ]
      """;

  private static final String DISKIMAGE_KEXT = """
      name: prop-diskimage-kext
      description: fuse with a kext that touches pageable memory, over a disk image whose helper sees EIO
      memory: { frames: 18, reserved: 2, target: 7 }
      swap:
        files: [ { name: swap0, slots: 24, preallocated: true } ]
        stack: [fuse0]
      layers:
        - { id: fuse0, kind: fuse, daemon: fused, kext: fusekext, below: dmg0, timeout: true }
        - { id: dmg0, kind: diskimage, helper: hdiutil, below: disk0, faults: [eio] }
        - { id: disk0, kind: block }
      processes:
        - name: fused
          pages: 3
          threads: 2
          onRequest: [ { touch: 2 }, { alloc: 1 } ]
        - name: hdiutil
          pages: 2
          ioFlusher: true
          onRequest: [ { touch: 1 } ]
        - name: hog
          workload: [ { alloc: 10 }, { touch: 6 } ]
      kernel:
        extensions:
          - name: fusekext
            wired: 1
            pageable: 2
            onIo: [ { touchPageable: 1 } ]
      """;

  private static final String NETWORK_EIO = """
      name: prop-network-memalloc-eio
      description: swap over a network layer with memalloc receive buffers, a soft-mount timeout and EIO
      memory: { frames: 14, reserved: 2, target: 5 }
      swap:
        files: [ { name: swap0, slots: 16, preallocated: true } ]
        stack: [nfs0]
      layers:
        - { id: nfs0, kind: network, daemon: nfsiod, allocPerRequest: 2, memalloc: true, timeout: true, below: disk0 }
        - { id: disk0, kind: block, faults: [eio] }
      processes:
        - name: nfsiod
          pages: 2
          wired: true
          onRequest: [ { touch: 1 } ]
        - name: app
          pages: 2
          workload: [ { alloc: 9 }, { touch: 4 } ]
      """;

  private static final String DYNAMIC_FUSE_FAULTS = """
      name: prop-dynamic-fuse-faults
      description: a dynamic pager whose files live on fuse with a timeout over a disk with EIO, and a region
      memory: { frames: 16, reserved: 2, target: 7 }
      swap:
        files:
          - { name: swap0, slots: 2, preallocated: false }
          - { name: swap1, slots: 2, preallocated: true }
        stack: [fuse0]
        dynamic: { daemon: dynamic_pager, highWater: 0.6, lowWater: 0.4, fileSlots: 3, maxFiles: 4 }
      layers:
        - { id: fuse0, kind: fuse, daemon: fused, kext: fkext, below: ufs0, timeout: true }
        - { id: ufs0, kind: filesystem, allocPerWrite: 1, below: disk0 }
        - { id: disk0, kind: block, faults: [eio] }
      regions:
        - { name: shm, pages: 3, pager: fused }
      processes:
        - name: dynamic_pager
          pages: 1
          ioFlusher: true
          onRequest: [ { touch: 1 } ]
        - name: fused
          pages: 2
          threads: 2
          onRequest: [ { lock: fs }, { touch: 1 }, { unlock: fs } ]
        - name: app
          pages: 3
          workload: [ { touch: 3 }, { alloc: 6 }, { touchRegion: { region: shm, pages: 3 } }, { touch: 3 } ]
      kernel:
        extensions:
          - { name: fkext, wired: 1, pageable: 1, onIo: [ { touchPageable: 1 } ] }
      """;

  /** The catalog's scenarios followed by the hand-written ones. */
  static List<Scenario> all() {
    List<Scenario> out = new ArrayList<>(Catalog.all());
    for (String yaml : List.of(REGIONS, LOCKS_NETWORK, DYNAMIC, DRAIN, DISKIMAGE_KEXT, NETWORK_EIO,
        DYNAMIC_FUSE_FAULTS)) {
      out.add(parse(yaml));
    }
    return out;
  }

  private static Scenario parse(String yaml) {
    String name = yaml.substring("name: ".length(), yaml.indexOf('\n'));
    try {
      return ScenarioLoader.parse(yaml, name + ".yaml");
    } catch (ScenarioException e) {
      throw new IllegalStateException("hand-written property scenario does not load: " + e.getMessage(), e);
    }
  }
}
