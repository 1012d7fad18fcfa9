package dev.pagerlab.vmcore.spec;

import java.util.Locale;

/**
 * A memory object paged by a pager other than the default (swap) pager.
 *
 * @param name region name
 * @param pages pages in the region, none resident at start
 * @param pager the process serving data requests and data returns (backing {@link Backing#PAGER});
 *     empty for the kernel's own vnode and device pagers
 * @param backing who pages it: an external userland pager (Mach memory manager, umap,
 *     userfaultfd), the vnode pager (a mapped file: clean pages dropped, dirty pages written to
 *     their file down the I/O stack), or the device pager (device memory, never paged)
 * @param sparse vnode pager only: the file has holes, so writing a page back into it allocates
 *     filesystem metadata like a write into a not-preallocated swap file
 */
public record RegionSpec(String name, int pages, String pager, Backing backing, boolean sparse) {

  /** A region served by a userland pager process (the v1 form). */
  public RegionSpec(String name, int pages, String pager) {
    this(name, pages, pager, Backing.PAGER, false);
  }

  /** Who pages a region. */
  public enum Backing {
    /** A userland pager process (v1). */
    PAGER,
    /** The vnode pager: the pages of a mapped file. */
    VNODE,
    /** The device pager: device memory, never paged, needs no frames. */
    DEVICE;

    /** The YAML word. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
