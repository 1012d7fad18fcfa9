package dev.pagerlab.cli;

import dev.pagerlab.scenarios.ScenarioException;
import dev.pagerlab.scenarios.ScenarioLoader;
import dev.pagerlab.vmcore.SimulationResult;
import dev.pagerlab.vmcore.Simulator;
import dev.pagerlab.vmcore.StateSummary;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.WaitFor;
import dev.pagerlab.vmcore.spec.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code pagerlab simulate}: one seeded, reproducible schedule with its timeline and statistics. */
final class SimulateCommand {
  private static final Set<String> VALUED = Set.of("--seed", "--steps", "--profile-dir", "--live");
  private static final Set<String> FLAGS = Set.of("--quiet");
  private final PrintStream out;
  private final PrintStream err;

  SimulateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] argv) throws UsageException {
    Args a = Args.parse("simulate", argv, 1, VALUED, FLAGS);
    if (a.positional.size() != 1) {
      throw new UsageException("simulate: give exactly one scenario FILE (got " + a.positional.size() + ")");
    }
    long seed = a.number("simulate", "--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    int steps = (int) a.number("simulate", "--steps", 10_000, 1, 100_000_000);
    Scenario s;
    try {
      s = ScenarioLoader.load(Path.of(a.positional.get(0)));
    } catch (ScenarioException e) {
      err.println(e.getMessage());
      return 2;
    }
    VmModel model;
    try {
      model = VmModel.of(s);
    } catch (IllegalArgumentException e) {
      err.println(a.positional.get(0) + ": " + e.getMessage());
      return 2;
    }
    Profiles profiles = a.flag("--profile-dir") ? new Profiles(Path.of(a.get("--profile-dir", ""))) : null;
    Map<String, List<Integer>> seeds;
    try {
      seeds = profiles == null ? Map.of() : profiles.load(s.name());
    } catch (IOException | IllegalArgumentException e) {
      err.println("simulate: cannot read profile: " + e.getMessage());
      return 2;
    }
    SimulationResult r;
    LiveSwap live = null;
    try {
      if (a.flag("--live")) {
        live = LiveSwap.open(Path.of(a.get("--live", "")), s);
      }
      Simulator sim = new Simulator(model, seed, steps, seeds);
      r = (live == null ? sim : sim.device(live)).run();
    } catch (dev.pagerlab.fusefs.MountException | IOException | java.io.UncheckedIOException e) {
      err.println("simulate --live: " + e.getMessage());
      if (live != null) {
        live.close();
      }
      return 2;
    }
    if (!a.flag("--quiet")) {
      out.println("# " + s.name() + " (seed " + seed + "): step thread: what happened  | free, resident, swapped, slots");
      for (SimulationResult.Entry e : r.timeline()) {
        StateSummary x = e.after();
        out.println(String.format(Locale.ROOT, "%5d %-60s | free %d, resident %d, swapped %d, slots %d/%d",
            e.step(), e.text(), x.free(), x.resident(), x.swapped(), x.slotsUsed(), x.slotsTotal()));
      }
    }
    printStatistics(model, r, steps);
    if (live != null) {
      out.println("  " + live.summary());
      live.close();
      if (live.mismatches() > 0) {
        return 1;
      }
    }
    if (profiles != null) {
      try {
        Path p = profiles.save(s.name(), r.profiles());
        out.println("working-set profiles saved to " + p + " (mode 0600)");
      } catch (IOException e) {
        err.println("simulate: cannot save profiles: " + e.getMessage());
        return 2;
      }
    }
    return 0;
  }

  private void printStatistics(VmModel model, SimulationResult r, int maxSteps) {
    StateSummary x = r.last();
    out.println();
    out.println("statistics after " + r.steps() + " steps (seed " + r.seed() + "):");
    out.println("  faults " + r.faults() + ", page-ins " + r.pageins() + ", pageouts " + r.pageouts()
        + ", prefetched " + r.prefetches() + ", prefetch hits " + r.prefetchHits() + ", I/O errors " + r.errors());
    out.println("  frames: free " + x.free() + ", resident pages " + x.resident() + ", request buffers " + x.buffers());
    out.println("  swap: " + x.files() + " file(s), " + x.slotsUsed() + " of " + x.slotsTotal() + " slots used, "
        + x.swapped() + " pages paged out");
    for (var f : r.swapFiles()) {
      out.println("    " + f.file() + ": " + f.used() + " slots used, " + f.reserved() + " reserved in open clusters, "
          + f.free() + " free of " + f.slots() + ", largest free run " + f.largestFreeRun() + " (blist)");
    }
    if (r.blocked().isEmpty()) {
      out.println("  no thread is blocked");
    } else {
      out.println("  blocked threads:");
      for (WaitFor w : r.blocked()) {
        out.println("    " + model.threadName(w.thread()) + " waits for " + w.reason().words()
            + (w.on().isEmpty() ? " (no one can supply it)" : " on " + String.join(", ",
                w.on().stream().map(model::threadName).toList())) + ": " + w.because());
      }
    }
    if (r.stuck()) {
      out.println("  STUCK: no thread can move and some are blocked (run `pagerlab check` on it)");
    } else if (r.steps() >= maxSteps) {
      out.println("  stopped at the step limit (" + maxSteps + "); raise it with --steps");
    } else {
      out.println("  ended quiescent: nothing left to do and no thread blocked");
    }
  }
}
