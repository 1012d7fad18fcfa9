package dev.pagerlab.checker.layering;

import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import java.util.Optional;

/**
 * A set of pageable pages that some thread touches: a process's own pages, a kext's pageable
 * pages or a region's pages.
 *
 * @param key unique key, e.g. {@code proc:fused}
 * @param label the page-in node's label without qualifier, e.g. {@code proc:fused/pagein}
 * @param size how many pages the set has
 * @param region the region whose pager pages the set, or empty when it lives in swap
 * @param home the context key whose page-in node needs no qualifier
 * @param words how a reason names the set, e.g. {@code fused's pages}
 */
record PageSet(String key, String label, int size, Optional<String> region, String home, String words) {

  /** A process's own pages: in swap, or in its {@code pagesIn} region. */
  static PageSet of(ProcessSpec p) {
    String key = "proc:" + p.name();
    return new PageSet(key, key + "/pagein", p.pages(), p.pagesIn(), key, p.name() + "'s pages");
  }

  /** A kext's pageable (IOMallocPageable-like) pages, in swap. */
  static PageSet of(KextSpec k) {
    String key = "kext:" + k.name();
    return new PageSet(key, key + "/pageable", k.pageable(), Optional.empty(), "pageout",
        k.name() + "'s pageable pages");
  }

  /**
   * A region's pages: paged by its pager process, or by the vnode pager down the swap stack to
   * its mapped file (no region edge), or device memory that is never paged (no pages at all).
   */
  static PageSet of(RegionSpec r) {
    String key = "region:" + r.name();
    return switch (r.backing()) {
      case PAGER -> new PageSet(key, key + "/pagein", r.pages(), Optional.of(r.name()), "", r.name() + "'s pages");
      case VNODE -> new PageSet(key, key + "/pagein", r.pages(), Optional.empty(), "",
          r.name() + "'s mapped file pages");
      case DEVICE -> new PageSet(key, key + "/pagein", 0, Optional.empty(), "", r.name() + "'s device pages");
    };
  }
}
