package dev.pagerlab.checker.layering;

import dev.pagerlab.checker.StaticChain;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads back, from a chain's node labels, whose threads are on it, in the owner vocabulary of
 * {@code WaitEdge}: {@code pageout}, a process name, or a layer id for a receive path. The
 * labels follow the grammar of docs/LAYERING.md ("Nodes"), which this class is the parser of.
 */
final class ChainOwners {
  private ChainOwners() {}

  /** The owners of the thread nodes on a chain, in chain order. */
  static Set<String> of(StaticChain chain) {
    Set<String> owners = new LinkedHashSet<>();
    chain.nodes().forEach(label -> owner(label).ifPresent(owners::add));
    return owners;
  }

  /** The owner of one node label, empty for a node that stands for no thread (alloc, lock, region). */
  static Optional<String> owner(String label) {
    String bare = label.replaceAll("\\[[^]]*]$", "");
    int at = bare.indexOf('@');
    if (at >= 0) {
      return Optional.of(ofContext(bare.substring(at + 1)));
    }
    if (bare.equals("pageout") || bare.startsWith("swap:") || bare.startsWith("layer:") || bare.startsWith("kext:")) {
      return Optional.of("pageout");
    }
    if (bare.startsWith("proc:")) {
      return Optional.of(ofContext(bare.substring("proc:".length())));
    }
    if (bare.endsWith("/rx")) {
      return Optional.of(ofContext(bare));
    }
    return Optional.empty();
  }

  /** "fused", "hog/workload", "fused/pagein", "net0/rx" or "pageout" to its owner. */
  private static String ofContext(String context) {
    int slash = context.indexOf('/');
    return slash < 0 ? context : context.substring(0, slash);
  }
}
