package dev.pagerlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.Expect;
import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.Os;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

  private static final Path CATALOG = Path.of("src/main/resources/catalog");

  private static Scenario example(String name) throws ScenarioException {
    return ScenarioLoader.load(CATALOG.resolve(name + ".yaml"));
  }

  private static LayerSpec block(String id) {
    return new LayerSpec(id, LayerKind.BLOCK, Optional.empty(), Optional.empty(), Optional.empty(), 0, 0,
        false, false, false);
  }

  private static LayerSpec fuse(String id, String daemon, String below) {
    return new LayerSpec(id, LayerKind.FUSE, Optional.of(daemon), Optional.empty(), Optional.of(below), 0, 0,
        false, false, false);
  }

  private static ProcessSpec hog(int pages) {
    return new ProcessSpec("hog", 0, 1, false, false, Optional.empty(), List.of(new Step.Alloc(pages)), List.of());
  }

  private static SwapSpec swap(String file, boolean preallocated, String top) {
    return new SwapSpec(List.of(new SwapFileSpec(file, 32, preallocated)), List.of(top), Optional.empty());
  }

  @Test
  void load_fileSwapUnpreallocated_givesItsRecords() throws ScenarioException {
    Scenario scenario = example("file-swap-unpreallocated");
    LayerSpec ufs = new LayerSpec("ufs0", LayerKind.FILESYSTEM, Optional.empty(), Optional.empty(),
        Optional.of("disk0"), 3, 0, false, false, false);
    Scenario expected = new Scenario("file-swap-unpreallocated", scenario.description(), Os.FREEBSD, "",
        new MemorySpec(20, 2, 5), swap("swapfile", false, "ufs0"), List.of(ufs, block("disk0")),
        List.of(hog(28)), List.of(), List.of(), Optional.of(Expect.DEADLOCK), List.of());
    assertEquals(expected, scenario);
    assertTrue(scenario.description().startsWith("Swapping to a file that was not preallocated: each write"));
    assertTrue(scenario.description().endsWith("(the low-memory deadlock of file-backed swap)."));
  }

  @Test
  void load_swapOnFusePageableDaemon_givesItsRecords() throws ScenarioException {
    Scenario scenario = example("swap-on-fuse-pageable-daemon");
    ProcessSpec fused = new ProcessSpec("fused", 4, 1, false, false, Optional.empty(), List.of(),
        List.of(new Step.Touch(2), new Step.Alloc(1)));
    Scenario expected = new Scenario("swap-on-fuse-pageable-daemon", scenario.description(), Os.XNU, "",
        new MemorySpec(24, 2, 6), swap("swap0", true, "fuse0"),
        List.of(fuse("fuse0", "fused", "disk0"), block("disk0")), List.of(fused, hog(30)), List.of(),
        List.of(), Optional.of(Expect.DEADLOCK), List.of());
    assertEquals(expected, scenario);
    assertTrue(scenario.description().startsWith("Anonymous memory swaps to a file on a FUSE filesystem"));
  }

  @Test
  void load_swapOnFuseWiredIoflusher_givesItsRecords() throws ScenarioException {
    Scenario scenario = example("swap-on-fuse-wired-ioflusher");
    ProcessSpec fused = new ProcessSpec("fused", 4, 1, true, true, Optional.empty(), List.of(),
        List.of(new Step.Touch(2), new Step.Alloc(1)));
    Scenario expected = new Scenario("swap-on-fuse-wired-ioflusher", scenario.description(), Os.LINUX, "",
        new MemorySpec(24, 2, 6), swap("swap0", true, "fuse0"),
        List.of(fuse("fuse0", "fused", "disk0"), block("disk0")), List.of(fused, hog(30)), List.of(),
        List.of(), Optional.of(Expect.SAFE), List.of());
    assertEquals(expected, scenario);
    assertTrue(scenario.description().contains("(mlockall)"));
  }

  @Test
  void parse_minimalScenario_takesEveryDefault() throws ScenarioException {
    Scenario scenario = ScenarioLoader.parse("name: m\ndescription: d\nmemory: {frames: 8}\n"
        + "processes: [{name: p}]\n", "m.yaml");
    assertEquals(new Scenario("m", "d", Os.GENERIC, "", new MemorySpec(8, 0, 0),
        new SwapSpec(List.of(), List.of(), Optional.empty()), List.of(),
        List.of(new ProcessSpec("p", 0, 1, false, false, Optional.empty(), List.of(), List.of())),
        List.of(), List.of(), Optional.empty(), List.of()), scenario);
  }
}
