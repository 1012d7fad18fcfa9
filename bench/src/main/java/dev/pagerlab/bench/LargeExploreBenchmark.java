package dev.pagerlab.bench;

import dev.pagerlab.checker.explore.Bounds;
import dev.pagerlab.checker.explore.BreadthFirstExplorer;
import dev.pagerlab.checker.explore.Exploration;
import dev.pagerlab.checker.explore.ProgressListener;
import dev.pagerlab.scenarios.ScenarioException;
import dev.pagerlab.scenarios.ScenarioLoader;
import dev.pagerlab.vmcore.VmModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
 * Distinct states per second on a state space too large for the examples' sizes: the first two
 * million states of a two-thread FUSE daemon with a kext, a hog and an editor (the swap-on-fuse
 * example grown), at 64, 128 and 256 frames (the hog and the swap file grow with the frames).
 * Score: ms per two million states. The JVM flags are the launcher's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xmn256m", "-XX:+UseParallelGC"})
public class LargeExploreBenchmark {
  static final long STATES = 2_000_000;

  @Param({"64", "128", "256"})
  public int frames;

  VmModel model;

  @Setup(Level.Trial)
  public void setUp() throws IOException, ScenarioException {
    try (InputStream in = LargeExploreBenchmark.class.getResourceAsStream("/bench/fuse-two-workers.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("frames: 64", "frames: " + frames)
          .replace("alloc: 60", "alloc: " + (frames - 4))
          .replace("slots: 96", "slots: " + (frames + 32));
      model = VmModel.of(ScenarioLoader.parse(yaml, "fuse-two-workers-x" + frames + ".yaml"));
    }
  }

  @Benchmark
  public Exploration twoMillionStates() {
    return new BreadthFirstExplorer(new Bounds(STATES, 1_000_000, 600_000), ProgressListener.quiet()).explore(model);
  }
}
