package dev.pagerlab.vmcore.spec;

import java.util.Locale;
import java.util.Optional;

/** The kinds of layer an I/O request can pass through. */
public enum LayerKind {
  /** A disk: completes, allocates nothing, always the bottom. */
  BLOCK,
  /** In-kernel filesystem: a write into a not-preallocated file allocates metadata first. */
  FILESYSTEM,
  /** FUSE: optional kext step, then a userland daemon thread serves the request. */
  FUSE,
  /** Disk image: a userland helper turns block I/O into file I/O. */
  DISKIMAGE,
  /** Network: optional daemon, then below, then receive-path allocations. */
  NETWORK;

  /** The YAML word for this kind. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named by a YAML word, if it is one. */
  public static Optional<LayerKind> ofWord(String word) {
    for (LayerKind k : values()) {
      if (k.word().equals(word)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
