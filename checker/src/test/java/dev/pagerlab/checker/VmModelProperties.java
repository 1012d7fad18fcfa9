package dev.pagerlab.checker;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pagerlab.vmcore.SimulationResult;
import dev.pagerlab.vmcore.Simulator;
import dev.pagerlab.vmcore.StateSummary;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.VmState;
import dev.pagerlab.vmcore.VmTransition;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random schedules, and a capped breadth-first sweep, over the catalog and hand-written
 * scenarios, checking after every transition the model invariants (frames, wired pages, dirty
 * copies, slots), that re-applying a transition gives an equal state with an equal fingerprint,
 * that encode/decode round-trips, that enabled() is deterministic, and the contract rules in
 * {@link RandomSchedule#checkContract}. The contract examples and the hand-written scenarios get
 * the full budget; the rest of the catalog shares a fixed one, so the suite's time stays bounded
 * as the catalog grows. The seed is printed; -Dpagerlab.seed=N replays a run and
 * -Dpagerlab.steps=N sets the full per-scenario step budget (default 3000).
 */
@Tag("property")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VmModelProperties {
  private static final int MAX_DEPTH = 300;
  private static final int SHRINK_BUDGET = 3000;
  private static final int STATE_CAP = 8_000;
  private static final int SHARED_STEPS = 30_000;
  private static final int SHARED_STATES = 40_000;
  private static final int MIN_STEPS = 300;
  private static final int MIN_STATES = 500;
  private static final Set<String> CONTRACT_EXAMPLES = Set.of("file-swap-unpreallocated",
      "swap-on-fuse-pageable-daemon", "swap-on-fuse-wired-ioflusher");

  private final long seed = Long.getLong("pagerlab.seed", new SplittableRandom().nextLong());
  private final int fullSteps = Integer.getInteger("pagerlab.steps", 3000);
  private final List<Scenario> scenarios = PropertyScenarios.all();
  private final long others = scenarios.stream().filter(s -> !fullBudget(s)).count();

  Stream<Arguments> scenarios() {
    System.out.println("VmModelProperties seed " + seed + " (replay with -Dpagerlab.seed=" + seed + ")");
    return scenarios.stream().map(s -> Arguments.of(Named.of(s.name(), s)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyTransition_randomSchedules_keepsModelProperties(Scenario scenario) {
    VmModel model = VmModel.of(scenario);
    SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * scenario.name().hashCode()));
    int budget = fullBudget(scenario) ? fullSteps : (int) Math.max(MIN_STEPS, SHARED_STEPS / Math.max(1, others));
    Set<Long> seen = new HashSet<>();
    int walks = 0;
    int steps = 0;
    while (steps < budget) {
      int[] choices = walk(model, rng, seen);
      walks++;
      Optional<RandomSchedule.Failure> failure = RandomSchedule.replay(model, choices, new ArrayList<>());
      if (failure.isPresent()) {
        failWith(scenario, model, choices, failure.get());
      }
      steps += Math.max(1, choices.length);
    }
    System.out.printf("%s: %d walks, %d steps, %d distinct states, seed %d%n", scenario.name(), walks, steps,
        seen.size(), seed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyReachableState_breadthFirstUpToCap_keepsModelProperties(Scenario scenario) {
    VmModel model = VmModel.of(scenario);
    int cap = fullBudget(scenario) ? STATE_CAP : (int) Math.max(MIN_STATES, SHARED_STATES / Math.max(1, others));
    Map<VmState, VmState> parent = new HashMap<>();
    Map<VmState, VmTransition> via = new HashMap<>();
    ArrayDeque<VmState> queue = new ArrayDeque<>();
    Set<String> labels = new HashSet<>();
    boolean wantLabels = PropertyScenarios.REACHES.containsKey(scenario.name());
    VmState start = model.initial();
    parent.put(start, start);
    queue.add(start);
    while (!queue.isEmpty() && parent.size() < cap) {
      VmState s = queue.poll();
      List<VmTransition> enabled = model.enabled(s);
      for (VmTransition t : enabled) {
        if (wantLabels) {
          labels.add(model.label(s, t));
        }
        VmState[] next = new VmState[1];
        Optional<String> broken = RandomSchedule.checkStep(model, s, enabled, t, next);
        if (broken.isEmpty()) {
          broken = RandomSchedule.checkState(model, next[0]);
        }
        if (broken.isPresent()) {
          List<String> trace = trace(model, parent, via, s);
          trace.add(model.label(s, t));
          fail(scenario.name() + ": " + new RandomSchedule.Failure(trace.size(), broken.get(), trace).describe());
        }
        if (parent.putIfAbsent(next[0], s) == null) {
          via.put(next[0], t);
          queue.add(next[0]);
        }
      }
    }
    System.out.printf("%s: %d states checked breadth-first%s%n", scenario.name(), parent.size(),
        queue.isEmpty() ? " (all reachable)" : " (cap " + cap + ")");
    for (String fragment : PropertyScenarios.REACHES.getOrDefault(scenario.name(), List.of())) {
      assertTrue(labels.stream().anyMatch(l -> l.contains(fragment)), scenario.name() + ": no move reached '"
          + fragment + "' within " + cap + " states: the scenario no longer exercises what it was written for");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void simulator_randomSeeds_framesAddUpAtEveryStep(Scenario scenario) {
    if (!fullBudget(scenario)) {
      return;
    }
    VmModel model = VmModel.of(scenario);
    int frames = scenario.memory().frames();
    int wired = scenario.extensions().stream().mapToInt(k -> k.wired()).sum();
    SplittableRandom rng = new SplittableRandom(seed ^ scenario.name().hashCode());
    for (int run = 0; run < 5; run++) {
      long runSeed = rng.nextLong();
      SimulationResult r = new Simulator(model, runSeed, 400, Map.of()).run();
      for (SimulationResult.Entry e : r.timeline()) {
        StateSummary x = e.after();
        if (x.free() < 0 || x.free() + x.resident() + x.buffers() + wired != frames || x.slotsUsed() > x.slotsTotal()) {
          fail(scenario.name() + ": simulator seed " + runSeed + " step " + e.step() + " (" + e.text() + ") left " + x
              + " with " + wired + " wired of " + frames + " frames (suite seed " + seed + ")");
        }
      }
    }
  }

  private static boolean fullBudget(Scenario s) {
    return CONTRACT_EXAMPLES.contains(s.name()) || PropertyScenarios.REACHES.containsKey(s.name());
  }

  /** The labels of the breadth-first path from the start to {@code s}: a shortest trace. */
  private static List<String> trace(VmModel model, Map<VmState, VmState> parent, Map<VmState, VmTransition> via,
      VmState s) {
    List<String> out = new ArrayList<>();
    for (VmState at = s; parent.get(at) != at; at = parent.get(at)) {
      out.add(0, model.label(parent.get(at), via.get(at)));
    }
    return out;
  }

  /** Draws one random schedule from the start until nothing is enabled or the depth limit. */
  private static int[] walk(VmModel model, SplittableRandom rng, Set<Long> seen) {
    int[] choices = new int[MAX_DEPTH];
    int n = 0;
    VmState s = model.initial();
    while (n < MAX_DEPTH) {
      seen.add(s.fingerprint());
      List<VmTransition> enabled = model.enabled(s);
      if (enabled.isEmpty()) {
        break;
      }
      choices[n] = rng.nextInt(1 << 30);
      s = model.apply(s, RandomSchedule.pick(enabled, choices[n]));
      n++;
    }
    return Arrays.copyOf(choices, n);
  }

  private void failWith(Scenario scenario, VmModel model, int[] choices, RandomSchedule.Failure original) {
    int[] shrunk = RandomSchedule.shrink(model, Arrays.copyOf(choices, original.step()), SHRINK_BUDGET);
    RandomSchedule.Failure small = RandomSchedule.replay(model, shrunk, new ArrayList<>()).orElse(original);
    fail(scenario.name() + ": " + small.describe()
        + "\n  (shrunk from " + original.step() + " steps; seed " + seed + ")"
        + "\n  replay: ./mvnw -B -pl checker -am test -Dtest=VmModelProperties -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dpagerlab.seed=" + seed);
  }
}
