package dev.pagerlab.fusefs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/** `pagerlab umount DIR`: unmounts a pagerlab mount, a dead or stuck one included, and waits until it is gone. */
public final class UmountCommand {

  private UmountCommand() {}

  /** Runs the command; returns 0 once DIR is unmounted, 1 if it is not a FUSE mount or stays mounted, 2 for bad arguments. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1 || args[0].startsWith("-")) {
      err.println("pagerlab umount: usage: pagerlab umount DIR");
      return 2;
    }
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    if (!FusePlatform.current().isMounted(dir)) {
      err.println("pagerlab umount: " + dir + " is not a FUSE mount");
      return 1;
    }
    if (!FuseMount.forceUnmount(dir, Duration.ofSeconds(10))) {
      err.println("pagerlab umount: " + dir + " is still mounted after 10 s");
      return 1;
    }
    out.println("unmounted " + dir);
    return 0;
  }

  /** Runs the command as a standalone program. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }
}
