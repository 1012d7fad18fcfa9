package dev.pagerlab.bench;

import dev.pagerlab.checker.explore.Bounds;
import dev.pagerlab.checker.explore.BreadthFirstExplorer;
import dev.pagerlab.checker.explore.Exploration;
import dev.pagerlab.checker.explore.ProgressListener;
import dev.pagerlab.vmcore.VmModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Distinct states stored per second by a full breadth-first search of scaled-up examples: a
 * search takes a millisecond or two, so this is the average over many searches (states and
 * transitions are counted per search, time per search).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xmn256m", "-XX:+UseParallelGC"})
public class ExploreBenchmark {

  @Param({"swap-on-fuse-pageable-daemon", "swap-on-fuse-wired-ioflusher", "file-swap-unpreallocated"})
  public String scenario;

  @Param({"64", "128", "256"})
  public int frames;

  VmModel model;

  /** Counters JMH prints beside the time: states and transitions per explore. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counts {
    public long states;
    public long transitions;
  }

  @Setup(Level.Trial)
  public void setUp() {
    model = VmModel.of(BenchScenarios.scaled(scenario, frames));
  }

  @Benchmark
  public Exploration explore(Counts counts) {
    Exploration e = new BreadthFirstExplorer(new Bounds(50_000_000, 1_000_000, 600_000), ProgressListener.quiet())
        .explore(model);
    counts.states += e.states();
    counts.transitions += e.transitions();
    return e;
  }
}
