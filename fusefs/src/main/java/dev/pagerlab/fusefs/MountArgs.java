package dev.pagerlab.fusefs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Parses `pagerlab mount` arguments into {@link MountOptions}. Pure. */
final class MountArgs {

  /** Bad command-line arguments; the message is the one line to show. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static final String USAGE = "usage: pagerlab mount DIR [--backing memory|DIR2] [--threads N] [--checksum]"
      + " [--allow-other] [--max-write BYTES[k|m]] [--direct-io] [--writeback-cache] [--spin MICROS]"
      + " [--memory-size BYTES[k|m|g]]"
      + " [--no-auto-unmount] [--timeout SECONDS] [-o OPT[,OPT]]";

  private MountArgs() {}

  /** The options {@code args} ask for. */
  static MountOptions parse(String[] args) throws UsageException {
    Path dir = null;
    Path backing = null;
    long memory = MountOptions.DEFAULT_MEMORY;
    int threads = 1;
    int maxWrite = MountOptions.MAX_WRITE;
    boolean checksum = false;
    boolean allowOther = false;
    boolean directIo = false;
    boolean writeback = false;
    int spin = MountOptions.AUTO_SPIN;
    boolean autoUnmount = true;
    Duration timeout = Duration.ofSeconds(10);
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--backing" -> {
          String v = value(args, ++i, a);
          backing = v.equals("memory") ? null : Path.of(v);
        }
        case "--threads" -> threads = intValue(args, ++i, a, 1, 64);
        case "--max-write" -> maxWrite = (int) sizeValue(args, ++i, a, 4096, MountOptions.MAX_WRITE_NEGOTIATED);
        case "--memory-size" -> memory = size(value(args, ++i, a), a);
        case "--timeout" -> timeout = Duration.ofSeconds(intValue(args, ++i, a, 1, 3600));
        case "--checksum" -> checksum = true;
        case "--allow-other" -> allowOther = true;
        case "--direct-io" -> directIo = true;
        case "--writeback-cache" -> writeback = true;
        case "--spin" -> spin = intValue(args, ++i, a, 0, MountOptions.MAX_SPIN_MICROS);
        case "--no-auto-unmount" -> autoUnmount = false;
        case "-o" -> extra.addAll(List.of(value(args, ++i, a).split(",")));
        default -> {
          if (a.startsWith("-")) {
            throw new UsageException("unknown option " + a + "; " + USAGE);
          } else if (dir != null) {
            throw new UsageException("one mount point only, got " + dir + " and " + a);
          }
          dir = Path.of(a);
        }
      }
    }
    if (dir == null) {
      throw new UsageException("missing mount point; " + USAGE);
    }
    if (memory < 1 << 20) {
      throw new UsageException("--memory-size must be at least 1m");
    }
    return new MountOptions(dir, backing, memory, threads, checksum, allowOther, maxWrite, directIo, writeback,
        spin, autoUnmount, timeout, extra);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static int intValue(String[] args, int i, String option, int min, int max) throws UsageException {
    String v = value(args, i, option);
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new UsageException(option + " must be " + min + ".." + max + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a number, was " + v);
    }
  }

  private static long sizeValue(String[] args, int i, String option, long min, long max) throws UsageException {
    long n = size(value(args, i, option), option);
    if (n < min || n > max || n % 4096 != 0) {
      throw new UsageException(option + " must be a multiple of 4096 (4k) in " + min + ".." + max + ", was " + n);
    }
    return n;
  }

  /** Bytes for "512m", "2g", "65536". Pure. */
  static long size(String v, String option) throws UsageException {
    String s = v.trim().toLowerCase(java.util.Locale.ROOT);
    long unit = 1;
    if (s.endsWith("k") || s.endsWith("m") || s.endsWith("g")) {
      unit = switch (s.charAt(s.length() - 1)) {
        case 'k' -> 1L << 10;
        case 'm' -> 1L << 20;
        default -> 1L << 30;
      };
      s = s.substring(0, s.length() - 1);
    }
    try {
      long n = Long.parseLong(s);
      if (n <= 0 || n > Long.MAX_VALUE / unit) {
        throw new UsageException(option + " out of range: " + v);
      }
      return n * unit;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a size like 512m or 2g, was " + v);
    }
  }
}
