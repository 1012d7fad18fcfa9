package dev.pagerlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerlab.checker.CheckOptions;
import dev.pagerlab.checker.CheckResult;
import dev.pagerlab.checker.Checker;
import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.checker.WaitEdge;
import dev.pagerlab.checker.WitnessStep;
import dev.pagerlab.checker.explore.Bounds;
import dev.pagerlab.checker.explore.ProgressListener;
import dev.pagerlab.report.ReportWriter;
import dev.pagerlab.scenarios.ScenarioException;
import dev.pagerlab.vmcore.spec.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code pagerlab check}: verdicts, reports and the exit status of SCENARIOS.md section 4. */
final class CheckCommand {
  private static final Set<String> VALUED = Set.of("--report-dir", "--max-states", "--max-depth", "--max-seconds",
      "--seed", "--replay", "--jobs");
  private static final Set<String> FLAGS = Set.of("--no-mitigations", "--quiet");
  private final PrintStream out;
  private final PrintStream err;

  CheckCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] argv) throws UsageException {
    Args a = Args.parse("check", argv, 1, VALUED, FLAGS);
    Bounds d = Bounds.defaults();
    Bounds bounds = new Bounds(a.number("check", "--max-states", d.maxStates(), 1, 2_000_000_000L),
        (int) a.number("check", "--max-depth", d.maxDepth(), 1, 1_000_000),
        a.number("check", "--max-seconds", d.maxMillis() / 1000, 1, 86_400) * 1000);
    long seed = a.number("check", "--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    int jobs = (int) a.number("check", "--jobs", Runtime.getRuntime().availableProcessors(), 1, 256);
    ScenarioFiles files;
    try {
      files = a.positional.isEmpty() ? ScenarioFiles.catalog() : ScenarioFiles.load(a.positional);
    } catch (ScenarioException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (a.flag("--replay")) {
      return replay(files, a.get("--replay", ""));
    }
    Path dir = Path.of(a.get("--report-dir", "reports"));
    String unwritable = unwritable(dir);
    if (unwritable != null) {
      err.println("check: cannot write reports to " + dir + ": " + unwritable);
      return 2;
    }
    boolean terminal = System.console() != null && !a.flag("--quiet");
    CheckOptions options = new CheckOptions(bounds, seed, !a.flag("--no-mitigations"), ProgressListener.quiet());
    List<CheckResult> results;
    try {
      results = checkAll(files, options, jobs, terminal);
    } catch (BadScenario e) {
      err.println(e.getMessage());
      return 2;
    }
    int missed = 0;
    for (CheckResult r : results) {
      missed += r.meetsExpect() ? 0 : 1;
      out.println(line(r));
    }
    try {
      ReportWriter.writeAll(results, dir, files.yaml::get);
    } catch (IOException e) {
      err.println("check: cannot write reports to " + dir + ": " + e.getMessage());
      return 2;
    }
    out.println(results.size() + (results.size() == 1 ? " scenario: " : " scenarios: ")
        + (results.size() - missed) + " met expectations, " + missed + " did not; reports in " + dir + "/index.html");
    return missed == 0 ? 0 : 1;
  }

  private static final class BadScenario extends Exception {
    private static final long serialVersionUID = 1L;

    BadScenario(String message) {
      super(message);
    }
  }

  private List<CheckResult> checkAll(ScenarioFiles files, CheckOptions options, int jobs, boolean terminal)
      throws BadScenario {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, files.scenarios.size())), r -> {
      Thread t = new Thread(null, r, "check", 256L << 20);
      t.setDaemon(true);
      return t;
    });
    AtomicInteger done = new AtomicInteger();
    long started = System.nanoTime();
    try {
      List<Future<CheckResult>> futures = new ArrayList<>();
      for (Scenario s : files.scenarios) {
        CheckOptions o = options.withProgress(terminal ? (states, depth, frontier, millis) ->
            err.printf(Locale.ROOT, "\r  %s: %,d states, depth %d, frontier %,d, %,.0f states/s   ", s.name(), states,
                depth, frontier, states * 1000.0 / Math.max(1, millis)) : ProgressListener.quiet());
        futures.add(pool.submit(() -> {
          CheckResult r = Checker.check(s, o);
          int n = done.incrementAndGet();
          if (terminal) {
            err.printf(Locale.ROOT, "\r[%d/%d] %-48s %s (%.1f s)%n", n, files.scenarios.size(), s.name(), r.verdict(),
                (System.nanoTime() - started) / 1e9);
          }
          return r;
        }));
      }
      List<CheckResult> results = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          results.add(futures.get(i).get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          String name = files.scenarios.get(i).name();
          if (c instanceof IllegalArgumentException) {
            throw new BadScenario(files.originOf(name) + ": " + c.getMessage());
          }
          throw new IllegalStateException("checking " + name + " failed", c);
        }
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadScenario("check: interrupted");
    } finally {
      pool.shutdownNow();
    }
  }

  static String line(CheckResult r) {
    String classes = r.classes().isEmpty() ? "" : " [" + String.join(", ", r.classes().stream()
        .map(DeadlockClass::word).toList()) + (r.classesComplete() ? "" : ", incomplete") + "]";
    String expect = r.expect().map(e -> "  expect " + e.word() + ": " + (r.meetsExpect() ? "ok" : "MISMATCH"))
        .orElse("");
    return String.format(Locale.ROOT, "%-17s %s%s%s  (%,d states, %,d ms%s)", r.verdict(), r.scenario().name(), classes,
        expect, r.explored().states(), r.explored().millis(),
        r.explored().bounded() ? ", bound " + r.explored().bound() : "");
  }

  private int replay(ScenarioFiles files, String witnessFile) {
    if (files.scenarios.size() != 1) {
      err.println("check --replay: give exactly one scenario file with the witness, got " + files.scenarios.size());
      return 2;
    }
    List<Integer> schedule = new ArrayList<>();
    try {
      JsonNode root = new ObjectMapper().readTree(Path.of(witnessFile).toFile());
      JsonNode w = root.path("witness");
      JsonNode sched = w.isObject() ? w.path("schedule") : root.path("schedule");
      if (!sched.isArray()) {
        err.println(witnessFile + ": field witness.schedule: expected a list of step choices");
        return 2;
      }
      sched.forEach(n -> schedule.add(n.asInt()));
    } catch (IOException e) {
      err.println(witnessFile + ": cannot read the witness: " + e.getMessage().lines().findFirst().orElse(""));
      return 2;
    }
    Checker.Replay r;
    try {
      r = Checker.replay(files.scenarios.get(0), schedule);
    } catch (IllegalArgumentException e) {
      err.println(witnessFile + ": " + e.getMessage());
      return 2;
    }
    for (WitnessStep s : r.witness().steps()) {
      out.println(String.format(Locale.ROOT, "%4d. %s", s.index(), s.text()));
    }
    for (WaitEdge e : r.cycle()) {
      out.println("  cycle: " + e.sentence());
    }
    r.witness().finalState().forEach(l -> out.println("  | " + l));
    out.println("replayed " + schedule.size() + " steps: " + (r.stuck() ? "stuck" : "not stuck")
        + (r.cycle().isEmpty() ? ", no cycle" : ", cycle " + r.classes().stream().map(DeadlockClass::word).toList()));
    return 0;
  }

  private static String unwritable(Path dir) {
    try {
      Files.createDirectories(dir);
      if (!Files.isWritable(dir)) {
        return "not writable";
      }
      Path probe = Files.createTempFile(dir, ".probe", ".tmp");
      Files.delete(probe);
      return null;
    } catch (IOException | SecurityException e) {
      return e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage();
    }
  }
}
