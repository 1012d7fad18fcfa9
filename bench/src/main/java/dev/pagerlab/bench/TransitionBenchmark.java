package dev.pagerlab.bench;

import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.VmState;
import dev.pagerlab.vmcore.VmTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Transitions applied per second: enumerate the enabled transitions of a state, apply each, and
 * fingerprint the result, over a fixed sample of states reached by seeded random walks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransitionBenchmark {
  static final int SAMPLE = 1024;

  @Param({"file-swap-unpreallocated", "swap-on-fuse-pageable-daemon", "swap-on-fuse-wired-ioflusher"})
  public String scenario;

  VmModel model;
  VmState[] states;
  int[] choice;

  @Setup(Level.Trial)
  public void setUp() {
    model = VmModel.of(BenchScenarios.example(scenario));
    List<VmState> sample = new ArrayList<>();
    List<Integer> choices = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(42);
    VmState s = model.initial();
    while (sample.size() < SAMPLE) {
      List<VmTransition> en = model.enabled(s);
      if (en.isEmpty()) {
        s = model.initial();
        continue;
      }
      int c = rng.nextInt(en.size());
      sample.add(s);
      choices.add(c);
      s = model.apply(s, en.get(c));
    }
    states = sample.toArray(VmState[]::new);
    choice = choices.stream().mapToInt(Integer::intValue).toArray();
  }

  /** One op = one transition: enumerate the state's enabled transitions, apply one, fingerprint it. */
  @Benchmark
  @OperationsPerInvocation(SAMPLE)
  public void transition(Blackhole bh) {
    for (int i = 0; i < SAMPLE; i++) {
      VmState next = model.apply(states[i], model.enabled(states[i]).get(choice[i]));
      bh.consume(next.fingerprint());
    }
  }
}
