package dev.pagerlab.cli;

import dev.pagerlab.checker.CheckOptions;
import dev.pagerlab.checker.Checker;
import dev.pagerlab.checker.explore.Bounds;
import dev.pagerlab.checker.property.ScenarioShrinker;
import dev.pagerlab.scenarios.ScenarioException;
import dev.pagerlab.scenarios.ScenarioLoader;
import dev.pagerlab.scenarios.ScenarioWriter;
import dev.pagerlab.vmcore.spec.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/** {@code pagerlab shrink}: the smallest scenario (frames, pages, threads, layers, steps) that still deadlocks. */
final class ShrinkCommand {
  private static final Set<String> VALUED = Set.of("--out", "--max-states");
  private final PrintStream out;
  private final PrintStream err;

  ShrinkCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] argv) throws UsageException {
    Args a = Args.parse("shrink", argv, 1, VALUED, Set.of());
    if (a.positional.size() != 1) {
      throw new UsageException("shrink: give exactly one scenario FILE (got " + a.positional.size() + ")");
    }
    long states = a.number("shrink", "--max-states", 200_000, 100, 100_000_000);
    Scenario s;
    try {
      s = ScenarioLoader.load(Path.of(a.positional.get(0)));
    } catch (ScenarioException e) {
      err.println(e.getMessage());
      return 2;
    }
    CheckOptions o = CheckOptions.defaults().withMitigations(false).withBounds(new Bounds(states, 100_000, 10_000));
    if (!deadlocks(s, o)) {
      err.println("shrink: " + s.name() + " does not deadlock (within " + states + " states); nothing to shrink");
      return 1;
    }
    Scenario small = ScenarioShrinker.shrinkWhile(s, x -> deadlocks(x, o), 2_000);
    String yaml = "# shrunk by pagerlab shrink from " + a.positional.get(0) + ": still deadlocks\n"
        + ScenarioWriter.write(small);
    if (a.flag("--out")) {
      Path target = Path.of(a.get("--out", ""));
      try {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".shrink", ".tmp");
        Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        err.println("shrink: cannot write " + target + ": " + e.getMessage());
        return 2;
      }
      out.println("wrote " + target);
    } else {
      out.print(yaml);
    }
    return 0;
  }

  private static boolean deadlocks(Scenario s, CheckOptions o) {
    try {
      return Checker.verdictOnly(s, o).equals("deadlock");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
