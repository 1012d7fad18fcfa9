package dev.pagerlab.vmcore.spec;

import java.util.List;
import java.util.Optional;

/**
 * Swap: the files at start, the I/O stack under every file, the optional dynamic pager.
 *
 * @param files swap files that exist at start (may be empty)
 * @param stack layer ids, top to bottom; the last one's {@code below} chain continues the path
 * @param dynamic the dynamic pager, if any
 */
public record SwapSpec(List<SwapFileSpec> files, List<String> stack, Optional<DynamicPagerSpec> dynamic) {
  public SwapSpec {
    files = List.copyOf(files);
    stack = List.copyOf(stack);
  }
}
