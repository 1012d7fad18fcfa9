package dev.pagerlab.fusefs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import jnr.ffi.LibraryLoader;

/**
 * Everything that differs between Linux with libfuse 2 and macOS with macFUSE, in one place:
 * library names, mount options, how to list, unmount and abort mounts, and preallocation.
 */
public abstract class FusePlatform {

  private static final FusePlatform CURRENT = detect();

  /** The platform this JVM runs on. */
  public static FusePlatform current() {
    return CURRENT;
  }

  /** The C library to load. */
  abstract String libcName();

  /** The libfuse 2 library names to try, in order. */
  abstract List<String> fuseLibraries();

  /** Mount options that large requests need here (big_writes, max_write or their equivalent). */
  abstract List<String> largeRequestOptions(int maxWrite);

  /** Whether the kernel device needed for mounting exists, or why not. */
  abstract String missingPrerequisite();

  /** Whether {@code dir} is a FUSE mount point now; never blocks on a stuck mount. */
  public abstract boolean isMounted(Path dir);

  /** The kernel connection id of the FUSE mount at {@code dir}, if known. */
  public abstract OptionalInt connectionOf(Path dir);

  /** The command that unmounts {@code dir}; lazy detaches even when busy. */
  abstract List<String> unmountCommand(Path dir, boolean lazy);

  /**
   * Unmounts {@code dir} (lazy detaches even when busy); true if the call succeeded. As root on
   * Linux this is a system call, not a fork: a fork from a process with callers stuck on its own
   * mount can hang (the child closes inherited FUSE files, and each close is a FLUSH request).
   */
  public boolean unmount(Path dir, boolean lazy) {
    String out = run(unmountCommand(dir, lazy));
    return !isMounted(dir) || out.isBlank();
  }

  /** Makes sure connections can be aborted later (mounts fusectl on Linux when root); never forks. */
  void prepareAbort() {}

  /** Marks file descriptor {@code fd} close-on-exec. */
  static void closeOnExec(LibC libc, int fd) {
    libc.fcntl(fd, jnr.constants.platform.Fcntl.F_SETFD.intValue(), 1);
  }

  /** Aborts the kernel connection {@code id}: every pending and future request fails; false if unsupported. */
  public abstract boolean abortConnection(int id);

  /** Preallocates like fallocate(2); returns 0 or -errno. */
  abstract int fallocate(LibC libc, int fd, int mode, long offset, long length);

  /**
   * Whether workers may answer READ and WRITE themselves from the raw request
   * ({@link DataFastPath}): the Linux kernel's FUSE protocol is the documented one; macFUSE's
   * device is not tested here, so it keeps libfuse's path.
   */
  boolean rawDataReplies() {
    return false;
  }

  private static FusePlatform detect() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.contains("mac") || os.contains("darwin") ? new MacOs() : new Linux();
  }

  /** Linux with libfuse 2 and fusermount. */
  static final class Linux extends FusePlatform {
    @Override
    boolean rawDataReplies() {
      return true;
    }

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final Path CONNECTIONS = Path.of("/sys/fs/fuse/connections");
    private static final int MNT_DETACH = 2;
    private volatile LinuxCalls calls;
    private volatile LibC libc;

    /** fallocate(2), which only Linux has. */
    public interface LinuxCalls {
      /** fallocate(2). */
      int fallocate(int fd, int mode, long offset, long length);
    }

    @Override
    String libcName() {
      return "c";
    }

    @Override
    List<String> fuseLibraries() {
      return List.of("fuse", "libfuse.so.2");
    }

    @Override
    List<String> largeRequestOptions(int maxWrite) {
      return List.of("big_writes", "max_write=" + maxWrite, "max_read=" + maxWrite);
    }

    @Override
    String missingPrerequisite() {
      if (!Files.exists(Path.of("/dev/fuse"))) {
        return "/dev/fuse does not exist (load the fuse module: modprobe fuse)";
      } else if (!Files.isReadable(Path.of("/dev/fuse")) || !Files.isWritable(Path.of("/dev/fuse"))) {
        return "/dev/fuse is not readable and writable by this user";
      } else if (which("fusermount") == null) {
        return "fusermount is not installed (apt-get install fuse)";
      }
      return null;
    }

    @Override
    public boolean isMounted(Path dir) {
      return mountinfoLine(dir) != null;
    }

    @Override
    public OptionalInt connectionOf(Path dir) {
      String[] f = mountinfoLine(dir);
      if (f == null) {
        return OptionalInt.empty();
      }
      String[] mm = f[2].split(":");
      return OptionalInt.of(Integer.parseInt(mm[1]));
    }

    @Override
    List<String> unmountCommand(Path dir, boolean lazy) {
      List<String> cmd = new ArrayList<>(List.of("fusermount", "-u", "-q"));
      if (lazy) {
        cmd.add("-z");
      }
      cmd.add(dir.toString());
      return cmd;
    }

    @Override
    public boolean unmount(Path dir, boolean lazy) {
      LibC libc = libc();
      if (libc.geteuid() == 0) {
        return libc.umount2(dir.toString(), lazy ? MNT_DETACH : 0) == 0 || !isMounted(dir);
      }
      return super.unmount(dir, lazy);
    }

    @Override
    void prepareAbort() {
      LibC libc = libc();
      String[] entries = CONNECTIONS.toFile().list();
      if (entries != null && entries.length == 0 && libc.geteuid() == 0) {
        libc.mount("fusectl", CONNECTIONS.toString(), "fusectl", 0, null);
      }
    }

    private LibC libc() {
      if (libc == null) {
        libc = LibC.load();
      }
      return libc;
    }

    @Override
    public boolean abortConnection(int id) {
      prepareAbort();
      try {
        Files.writeString(CONNECTIONS.resolve(Integer.toString(id)).resolve("abort"), "1");
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    int fallocate(LibC libc, int fd, int mode, long offset, long length) {
      if (calls == null) {
        calls = LibraryLoader.create(LinuxCalls.class).load("c");
      }
      return calls.fallocate(fd, mode, offset, length) == 0 ? 0 : -jnr.ffi.Runtime.getRuntime(calls).getLastError();
    }

    private static String[] mountinfoLine(Path dir) {
      String target = dir.toAbsolutePath().normalize().toString();
      try {
        for (String line : Files.readAllLines(MOUNTINFO)) {
          String[] f = line.split(" ");
          int dash = java.util.Arrays.asList(f).indexOf("-");
          if (f.length > 4 && unescape(f[4]).equals(target) && dash > 0 && dash + 1 < f.length
              && f[dash + 1].startsWith("fuse")) {
            return f;
          }
        }
      } catch (IOException e) {
        return null;
      }
      return null;
    }

    private static String unescape(String s) {
      return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
  }

  /** macOS with macFUSE (untested here; see the README). */
  static final class MacOs extends FusePlatform {
    @Override
    String libcName() {
      return "c";
    }

    @Override
    List<String> fuseLibraries() {
      return List.of("fuse", "osxfuse", "macfuse", "/usr/local/lib/libfuse.2.dylib");
    }

    @Override
    List<String> largeRequestOptions(int maxWrite) {
      return List.of("iosize=" + maxWrite);
    }

    @Override
    String missingPrerequisite() {
      return Files.exists(Path.of("/Library/Filesystems/macfuse.fs")) ? null
          : "macFUSE is not installed (brew install --cask macfuse, then allow its system extension)";
    }

    @Override
    public boolean isMounted(Path dir) {
      String target = " on " + dir.toAbsolutePath().normalize() + " (";
      return run(List.of("mount")).lines().anyMatch(l -> l.contains(target) && l.contains("fuse"));
    }

    @Override
    public OptionalInt connectionOf(Path dir) {
      return OptionalInt.empty();
    }

    @Override
    List<String> unmountCommand(Path dir, boolean lazy) {
      return lazy ? List.of("diskutil", "unmount", "force", dir.toString()) : List.of("umount", dir.toString());
    }

    @Override
    public boolean abortConnection(int id) {
      return false;
    }

    @Override
    int fallocate(LibC libc, int fd, int mode, long offset, long length) {
      return Errors.EOPNOTSUPP;
    }
  }

  /** Runs {@code cmd} and returns its standard output ("" on failure). */
  static String run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** The absolute path of {@code program} on PATH, or null. */
  static String which(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }
}
