package dev.pagerlab.scenarios;

import dev.pagerlab.vmcore.spec.Scenario;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads scenario files (SCENARIOS.md section 1 and the extensions in docs/FORMAT.md) into
 * validated {@link Scenario} records. Every problem is a {@link ScenarioException} naming the
 * file, line, column and field; nothing else escapes.
 */
public final class ScenarioLoader {

  private static final Logger LOG = LoggerFactory.getLogger(ScenarioLoader.class);
  private static final long MAX_BYTES = 1 << 20;

  private ScenarioLoader() {}

  /** The scenario in one file; errors name the file as {@code file.toString()}. */
  public static Scenario load(Path file) throws ScenarioException {
    return parse(read(file), file.toString());
  }

  /** The scenario in {@code yaml}; errors name {@code fileName}. */
  public static Scenario parse(String yaml, String fileName) throws ScenarioException {
    Scenario scenario = ScenarioReader.read(YamlDocument.parse(yaml, fileName));
    LOG.debug("loaded scenario {} from {}", scenario.name(), fileName);
    return scenario;
  }

  /**
   * The scenarios in files and directories (each *.yaml and *.yml directly inside, by name), in
   * the order given; a missing path, a directory without scenarios or a name used twice is an error.
   */
  public static List<Scenario> loadAll(List<Path> pathsOrDirs) throws ScenarioException {
    Map<String, YamlDocument> seen = new HashMap<>();
    List<Scenario> scenarios = new ArrayList<>();
    for (Path file : expand(pathsOrDirs)) {
      YamlDocument document = YamlDocument.parse(read(file), file.toString());
      Scenario scenario = ScenarioReader.read(document);
      YamlDocument earlier = seen.putIfAbsent(scenario.name(), document);
      if (earlier != null) {
        throw document.error("name", "scenario name '" + scenario.name() + "' is also used by "
            + earlier.fileName() + "; names must be unique");
      }
      scenarios.add(scenario);
    }
    return scenarios;
  }

  private static Set<Path> expand(List<Path> pathsOrDirs) throws ScenarioException {
    Set<Path> files = new LinkedHashSet<>();
    for (Path path : pathsOrDirs) {
      if (Files.isDirectory(path)) {
        files.addAll(yamlFilesIn(path));
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new ScenarioException(path.toString(), 0, 0, "", "no such file or directory");
      }
    }
    return files;
  }

  private static List<Path> yamlFilesIn(Path directory) throws ScenarioException {
    try (Stream<Path> entries = Files.list(directory)) {
      List<Path> files = entries
          .filter(p -> isYaml(p.getFileName().toString()) && Files.isRegularFile(p))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
      if (files.isEmpty()) {
        throw new ScenarioException(directory.toString(), 0, 0, "", "no .yaml or .yml files in this directory");
      }
      return files;
    } catch (IOException e) {
      throw new ScenarioException(directory.toString(), 0, 0, "", "cannot list: " + e.getMessage(), e);
    }
  }

  /** Whether a file name ends in .yaml or .yml. */
  static boolean isYaml(String fileName) {
    return fileName.endsWith(".yaml") || fileName.endsWith(".yml");
  }

  private static String read(Path file) throws ScenarioException {
    if (Files.isDirectory(file)) {
      throw new ScenarioException(file.toString(), 0, 0, "", "is a directory, not a scenario file");
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ScenarioException(file.toString(), 0, 0, "", "larger than 1 MiB: not a scenario file");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new ScenarioException(file.toString(), 0, 0, "", "not UTF-8 text", e);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), 0, 0, "", "cannot read: " + describe(e), e);
    }
  }

  private static String describe(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file or directory" : e.toString();
  }
}
