package dev.pagerlab.cli;

import dev.pagerlab.scenarios.Catalog;
import dev.pagerlab.scenarios.ScenarioException;
import dev.pagerlab.scenarios.ScenarioLoader;
import dev.pagerlab.vmcore.spec.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Scenarios with where they came from and their YAML text, for messages and reports. */
final class ScenarioFiles {
  final List<Scenario> scenarios;
  final Map<String, String> origin = new LinkedHashMap<>();
  final Map<String, String> yaml = new LinkedHashMap<>();

  private ScenarioFiles(List<Scenario> scenarios) {
    this.scenarios = scenarios;
  }

  /** The built-in catalog. */
  static ScenarioFiles catalog() {
    ScenarioFiles f = new ScenarioFiles(Catalog.all());
    for (Scenario s : f.scenarios) {
      f.origin.put(s.name(), "catalog/" + s.name() + ".yaml");
      f.yaml.put(s.name(), Catalog.yamlOf(s.name()));
    }
    return f;
  }

  /** Scenario files and folders given on the command line, validated together. */
  static ScenarioFiles load(List<String> paths) throws ScenarioException {
    List<Path> ps = paths.stream().map(Path::of).toList();
    ScenarioFiles f = new ScenarioFiles(ScenarioLoader.loadAll(ps));
    for (Path p : yamlFiles(ps)) {
      try {
        Scenario s = ScenarioLoader.load(p);
        f.origin.put(s.name(), p.toString());
        f.yaml.put(s.name(), Files.readString(p, StandardCharsets.UTF_8));
      } catch (IOException | ScenarioException e) {
        // loadAll above already accepted every file; a file changed underneath us is not ours to report
      }
    }
    return f;
  }

  private static List<Path> yamlFiles(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(q -> q.toString().endsWith(".yaml") || q.toString().endsWith(".yml")).sorted().forEach(out::add);
        } catch (IOException e) {
          // reported by the loader
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  String originOf(String name) {
    return origin.getOrDefault(name, name);
  }
}
