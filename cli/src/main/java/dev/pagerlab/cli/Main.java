package dev.pagerlab.cli;

import java.io.PrintStream;

/** The {@code pagerlab} command line: check, simulate, mount, umount. */
public final class Main {
  private Main() {}

  /** Runs a command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command; returns 0 (ok), 1 (a verdict missed its expectation) or 2 (bad input). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    try {
      return switch (args[0]) {
        case "check" -> new CheckCommand(out, err).run(args);
        case "simulate" -> new SimulateCommand(out, err).run(args);
        case "shrink" -> new ShrinkCommand(out, err).run(args);
        case "mount" -> dev.pagerlab.fusefs.MountCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        case "umount" -> dev.pagerlab.fusefs.UmountCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        default -> {
          err.println("pagerlab: unknown command \"" + args[0] + "\"; try: pagerlab help");
          yield 2;
        }
      };
    } catch (UsageException e) {
      err.println(e.getMessage());
      return 2;
    }
  }

  static final String USAGE = """
      pagerlab: can this paging stack deadlock?

        pagerlab check [PATH ...] [--report-dir DIR] [--max-states N] [--max-depth N]
                       [--max-seconds N] [--seed N] [--no-mitigations] [--replay WITNESS.json]
            Check scenario files or folders (none: the built-in catalog); write reports to DIR
            (default reports/). Exit 0 when every verdict meets its expect, 1 when one does not,
            2 on bad input.
        pagerlab simulate FILE [--seed N] [--steps N] [--profile-dir DIR] [--live DIR] [--quiet]
            Run one seeded, reproducible schedule and print its timeline and statistics; with
            --live, swap for real through pagerlab's FUSE filesystem mounted at DIR.
        pagerlab shrink FILE [--out FILE] [--max-states N]
            Print the smallest scenario (fewer frames, pages, threads, layers, steps) that still
            deadlocks.
        pagerlab mount DIR [--backing memory|DIR2] [--threads N] [options]
            Mount the FUSE swap filesystem in the foreground until Ctrl-C or pagerlab umount DIR.
        pagerlab umount DIR
            Unmount it (also clears a dead mount).
      """;
}
