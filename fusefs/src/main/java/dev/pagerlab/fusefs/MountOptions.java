package dev.pagerlab.fusefs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to mount: where, on what backing, with how many workers and which options.
 *
 * @param mountPoint an existing empty directory
 * @param backingDir a directory on another filesystem for passthrough, or null for memory
 * @param memoryBytes the capacity of the in-memory backing
 * @param threads worker threads serving requests (1 is single-threaded)
 * @param checksums whether to keep per-block checksums
 * @param allowOther whether other users may use the mount
 * @param maxWrite the largest request, a multiple of 4096: at most 131072 (libfuse 2's cap), or
 *     up to 1 MiB on Linux, where it is negotiated past libfuse (FUSE_MAX_PAGES)
 * @param directIo whether to bypass the page cache (direct_io for every file)
 * @param writebackCache whether the kernel may cache writes and send them later (FUSE_WRITEBACK_CACHE)
 * @param spinMicros how long a worker polls for the next request before it sleeps (0: never;
 *     {@link #AUTO_SPIN}: see {@link #effectiveSpinMicros})
 * @param autoUnmount whether the kernel side unmounts when the daemon dies
 * @param mountTimeout how long to wait for the mount to answer
 * @param extraOptions further -o options passed to libfuse as they are
 */
public record MountOptions(Path mountPoint, Path backingDir, long memoryBytes, int threads, boolean checksums,
    boolean allowOther, int maxWrite, boolean directIo, boolean writebackCache, int spinMicros, boolean autoUnmount,
    Duration mountTimeout, List<String> extraOptions) {

  /** libfuse 2's largest request. */
  public static final int MAX_WRITE = 131072;

  /** The largest request negotiated past libfuse 2 (Linux): 256 pages. */
  public static final int MAX_WRITE_NEGOTIATED = 1 << 20;

  /**
   * Spin chosen by the machine and the worker count ({@link #effectiveSpinMicros}): 50 us for
   * one worker where there is a second CPU for it, else 0.
   */
  public static final int AUTO_SPIN = -1;

  /** The largest spin: 10 ms. */
  public static final int MAX_SPIN_MICROS = 10_000;

  /** The default in-memory capacity: 1 GiB. */
  public static final long DEFAULT_MEMORY = 1L << 30;

  /** Validates. */
  public MountOptions {
    Objects.requireNonNull(mountPoint, "mountPoint");
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be 1..64, was " + threads);
    }
    if (maxWrite < 4096 || maxWrite > MAX_WRITE_NEGOTIATED || maxWrite % 4096 != 0) {
      throw new IllegalArgumentException("max-write must be a multiple of 4096 in 4096.." + MAX_WRITE_NEGOTIATED
          + ", was " + maxWrite);
    }
    if (spinMicros < AUTO_SPIN || spinMicros > MAX_SPIN_MICROS) {
      throw new IllegalArgumentException("spin must be 0.." + MAX_SPIN_MICROS + " us, was " + spinMicros);
    }
    if (memoryBytes < 1 << 20) {
      throw new IllegalArgumentException("memory capacity must be at least 1 MiB, was " + memoryBytes);
    }
    extraOptions = List.copyOf(extraOptions);
    mountTimeout = mountTimeout == null ? Duration.ofSeconds(10) : mountTimeout;
  }

  /** Defaults for {@code mountPoint}: memory backing, one worker, 128 KiB requests, auto_unmount. */
  public static MountOptions defaults(Path mountPoint) {
    return new MountOptions(mountPoint, null, DEFAULT_MEMORY, 1, false, false, MAX_WRITE, false, false,
        AUTO_SPIN, true, Duration.ofSeconds(10), List.of());
  }

  /** A copy with {@code n} worker threads. */
  public MountOptions withThreads(int n) {
    return new MountOptions(mountPoint, backingDir, memoryBytes, n, checksums, allowOther, maxWrite, directIo,
        writebackCache, spinMicros, autoUnmount, mountTimeout, extraOptions);
  }

  /** A copy backed by {@code dir} (null for memory). */
  public MountOptions withBacking(Path dir) {
    return new MountOptions(mountPoint, dir, memoryBytes, threads, checksums, allowOther, maxWrite, directIo,
        writebackCache, spinMicros, autoUnmount, mountTimeout, extraOptions);
  }

  /** A copy with checksums on or off. */
  public MountOptions withChecksums(boolean on) {
    return new MountOptions(mountPoint, backingDir, memoryBytes, threads, on, allowOther, maxWrite, directIo,
        writebackCache, spinMicros, autoUnmount, mountTimeout, extraOptions);
  }

  /** A copy with an in-memory capacity of {@code bytes}. */
  public MountOptions withMemory(long bytes) {
    return new MountOptions(mountPoint, backingDir, bytes, threads, checksums, allowOther, maxWrite, directIo,
        writebackCache, spinMicros, autoUnmount, mountTimeout, extraOptions);
  }

  /** A copy with direct_io on or off. */
  public MountOptions withDirectIo(boolean on) {
    return new MountOptions(mountPoint, backingDir, memoryBytes, threads, checksums, allowOther, maxWrite, on,
        writebackCache, spinMicros, autoUnmount, mountTimeout, extraOptions);
  }

  /** A copy with the kernel's writeback cache on or off. */
  public MountOptions withWritebackCache(boolean on) {
    return new MountOptions(mountPoint, backingDir, memoryBytes, threads, checksums, allowOther, maxWrite, directIo,
        on, spinMicros, autoUnmount, mountTimeout, extraOptions);
  }

  /**
   * The spin the workers use. By default (AUTO_SPIN) 50 us for a single worker when the
   * machine has a second CPU: that worker then takes the next request while still running
   * instead of being woken on another CPU, which measured 2.3x the random 4 KiB requests per
   * second on a 2-CPU virtual machine. Off with several workers, where the others sleeping in
   * receive are woken by the kernel anyway and the poller competes with them (single 128 KiB
   * stream 0.77x, 4 writers 0.94x), and off on one CPU, where polling only delays the caller.
   */
  public int effectiveSpinMicros() {
    if (spinMicros != AUTO_SPIN) {
      return spinMicros;
    }
    return threads == 1 && java.lang.Runtime.getRuntime().availableProcessors() > 1 ? 50 : 0;
  }

  /** A copy whose largest request is {@code bytes}. */
  public MountOptions withMaxWrite(int bytes) {
    return new MountOptions(mountPoint, backingDir, memoryBytes, threads, checksums, allowOther, bytes, directIo,
        writebackCache, spinMicros, autoUnmount, mountTimeout, extraOptions);
  }

  /** The -o option string for libfuse on {@code platform}. */
  String optionString(FusePlatform platform) {
    List<String> o = new ArrayList<>(List.of("fsname=pagerlab", "subtype=pagerlab", "default_permissions"));
    o.addAll(platform.largeRequestOptions(maxWrite));
    if (allowOther) {
      o.add("allow_other");
    }
    if (directIo) {
      o.add("direct_io");
    }
    if (autoUnmount) {
      o.add("auto_unmount");
    }
    o.addAll(extraOptions);
    return String.join(",", o);
  }
}
