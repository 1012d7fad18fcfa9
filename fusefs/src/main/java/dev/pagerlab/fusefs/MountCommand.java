package dev.pagerlab.fusefs;

import java.io.PrintStream;

/** `pagerlab mount DIR ...`: mounts and stays in the foreground until Ctrl-C, SIGTERM or `pagerlab umount DIR`. */
public final class MountCommand {

  private MountCommand() {}

  /** Runs the command; returns the exit status (0 after a clean unmount, 1 if mounting failed, 2 for bad arguments). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    MountOptions options;
    boolean libfuseLoop = java.util.Arrays.asList(args).contains("--libfuse-loop");
    try {
      options = MountArgs.parse(java.util.Arrays.stream(args).filter(a -> !a.equals("--libfuse-loop"))
          .toArray(String[]::new));
    } catch (MountArgs.UsageException e) {
      err.println("pagerlab mount: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("pagerlab mount: " + e.getMessage());
      return 2;
    }
    if (libfuseLoop) {
      LibfuseLoop.run(options);
      return 0;
    }
    FuseMount mount;
    try {
      mount = FuseMount.mount(options);
    } catch (MountException e) {
      err.println("pagerlab mount: " + e.getMessage());
      return 1;
    }
    out.println("mounted " + mount.mountPoint() + " (" + (options.backingDir() == null ? "memory" : options.backingDir())
        + " backing, " + options.threads() + " worker(s)" + (options.writebackCache() ? ", writeback cache" : "")
        + "); Ctrl-C or `pagerlab umount " + mount.mountPoint()
        + "` to unmount");
    out.flush();
    try {
      mount.awaitUnmounted();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      mount.close();
    }
    out.println("unmounted " + mount.mountPoint());
    return 0;
  }

  /** Runs the command as a standalone program (for child processes and the benchmark). */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }
}
