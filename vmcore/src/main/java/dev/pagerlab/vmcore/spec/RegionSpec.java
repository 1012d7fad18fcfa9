package dev.pagerlab.vmcore.spec;

/**
 * A memory object paged by a userland pager (Mach external memory manager, umap, userfaultfd).
 *
 * @param name region name
 * @param pages pages in the region, none resident at start
 * @param pager the process serving data requests and data returns
 */
public record RegionSpec(String name, int pages, String pager) {}
