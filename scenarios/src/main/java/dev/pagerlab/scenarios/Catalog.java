package dev.pagerlab.scenarios;

import dev.pagerlab.vmcore.spec.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The built-in scenarios: every *.yaml and *.yml in the classpath folder {@code catalog/}, found
 * by listing the folder itself (a directory under target/classes, or entries of a jar), with no
 * index file. Loaded once; a bad catalog file is a build defect, reported as {@link IllegalStateException}.
 */
public final class Catalog {

  private static final String FOLDER = "catalog";
  private static Loaded loaded;

  /** The parsed catalog: scenarios by name and their texts. */
  record Loaded(List<Scenario> scenarios, Map<String, String> yamlByName) {}

  private Catalog() {}

  /** Every catalog scenario, sorted by name. */
  public static List<Scenario> all() {
    return loaded().scenarios();
  }

  /** The YAML text of the catalog scenario with this name, as shipped. */
  public static String yamlOf(String name) {
    String yaml = loaded().yamlByName().get(name);
    if (yaml == null) {
      throw new IllegalArgumentException("no catalog scenario named '" + name + "'");
    }
    return yaml;
  }

  private static synchronized Loaded loaded() {
    if (loaded == null) {
      loaded = load(scan(Catalog.class.getClassLoader()));
    }
    return loaded;
  }

  /** Parses scanned files (resource path to text) into scenarios sorted by name. */
  static Loaded load(Map<String, String> files) {
    List<Scenario> scenarios = new ArrayList<>();
    Map<String, String> yamlByName = new LinkedHashMap<>();
    Map<String, String> fileByName = new TreeMap<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Scenario scenario = parse(file.getValue(), file.getKey());
      String other = fileByName.putIfAbsent(scenario.name(), file.getKey());
      if (other != null) {
        throw new IllegalStateException(file.getKey() + ": scenario name '" + scenario.name()
            + "' is also used by " + other);
      }
      scenarios.add(scenario);
      yamlByName.put(scenario.name(), file.getValue());
    }
    scenarios.sort(Comparator.comparing(Scenario::name));
    return new Loaded(List.copyOf(scenarios), Map.copyOf(yamlByName));
  }

  private static Scenario parse(String yaml, String fileName) {
    try {
      return ScenarioLoader.parse(yaml, fileName);
    } catch (ScenarioException e) {
      throw new IllegalStateException("bad catalog scenario: " + e.getMessage(), e);
    }
  }

  /** The YAML files directly in {@code catalog/} on a class loader: resource path to text, by path. */
  static Map<String, String> scan(ClassLoader loader) {
    URL folder = loader.getResource(FOLDER);
    if (folder == null) {
      throw new IllegalStateException("no " + FOLDER + "/ folder on the classpath");
    }
    try {
      if (folder.getProtocol().equals("jar")) {
        return scanJar(folder);
      }
      return scanDirectory(Path.of(folder.toURI()));
    } catch (IOException | URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("cannot list the catalog at " + folder + ": " + e, e);
    }
  }

  private static Map<String, String> scanDirectory(Path directory) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path file : (Iterable<Path>) entries::iterator) {
        String name = file.getFileName().toString();
        if (ScenarioLoader.isYaml(name) && Files.isRegularFile(file)) {
          files.put(FOLDER + "/" + name, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  private static Map<String, String> scanJar(URL folder) throws IOException {
    URLConnection connection = folder.openConnection();
    connection.setUseCaches(false);
    Map<String, String> files = new TreeMap<>();
    try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (inFolder(entry.getName()) && !entry.isDirectory()) {
          files.put(entry.getName(), readEntry(jar, entry));
        }
      }
    }
    return files;
  }

  private static boolean inFolder(String entryName) {
    String prefix = FOLDER + "/";
    return entryName.startsWith(prefix) && entryName.indexOf('/', prefix.length()) < 0
        && ScenarioLoader.isYaml(entryName);
  }

  private static String readEntry(JarFile jar, JarEntry entry) throws IOException {
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
