package dev.pagerlab.vmcore.spec;

import java.util.List;

/**
 * A kernel extension on the I/O path.
 *
 * @param name kext name
 * @param wired IOMalloc-like pages, never paged
 * @param pageable IOMallocPageable-like pages, paged to the same swap
 * @param onIo steps run in the issuing thread's context for every request through its layer
 */
public record KextSpec(String name, int wired, int pageable, List<Step> onIo) {
  public KextSpec {
    onIo = List.copyOf(onIo);
  }
}
