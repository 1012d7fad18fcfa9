package dev.pagerlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.Scenario;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

  @Test
  void all_catalog_loadsWithUniqueNamesSortedByName() {
    List<String> names = Catalog.all().stream().map(Scenario::name).toList();
    assertTrue(names.containsAll(List.of("file-swap-unpreallocated", "swap-on-fuse-pageable-daemon",
        "swap-on-fuse-wired-ioflusher")), names.toString());
    assertEquals(names.size(), new HashSet<>(names).size(), "unique: " + names);
    assertEquals(names.stream().sorted().toList(), names);
  }

  @Test
  void all_everyCatalogFile_isNamedAfterItsScenario() {
    Map<String, String> files = Catalog.scan(CatalogTest.class.getClassLoader());
    assertEquals(Catalog.all().size(), files.size());
    for (Scenario scenario : Catalog.all()) {
      assertTrue(files.containsKey("catalog/" + scenario.name() + ".yaml"), scenario.name());
    }
  }

  @Test
  void all_everyScenario_expectsAVerdict() {
    for (Scenario scenario : Catalog.all()) {
      assertTrue(scenario.expect().isPresent(), scenario.name() + " has no expect");
    }
  }

  @Test
  void yamlOf_catalogName_returnsTheShippedText() {
    String yaml = Catalog.yamlOf("swap-on-fuse-wired-ioflusher");
    assertTrue(yaml.startsWith("name: swap-on-fuse-wired-ioflusher\n"), yaml);
    assertTrue(yaml.contains("expect: safe"), yaml);
  }

  @Test
  void yamlOf_unknownName_isIllegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalog.yamlOf("nope"));
    assertTrue(e.getMessage().contains("'nope'"));
  }

  @Test
  void scan_jar_readsOnlyYamlDirectlyUnderCatalog(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("shaded.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      directory(out, "catalog/");
      entry(out, "catalog/one.yaml", "name: one\ndescription: d\nmemory: {frames: 2}\n");
      entry(out, "catalog/two.yml", "name: two\ndescription: d\nmemory: {frames: 2}\n");
      entry(out, "catalog/notes.txt", "ignored");
      directory(out, "catalog/nested/");
      entry(out, "catalog/nested/three.yaml", "ignored");
      entry(out, "other/four.yaml", "ignored");
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Map<String, String> files = Catalog.scan(loader);
      assertEquals(Set.of("catalog/one.yaml", "catalog/two.yml"), files.keySet());
      assertTrue(files.get("catalog/two.yml").startsWith("name: two"));
    }
  }

  @Test
  void scan_noCatalogFolder_isIllegalState(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThrows(IllegalStateException.class, () -> Catalog.scan(loader));
    }
  }

  @Test
  void load_duplicateNamesInCatalog_isIllegalState() {
    String yaml = "name: same\ndescription: d\nmemory: {frames: 2}\n";
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Catalog.load(Map.of("catalog/a.yaml", yaml, "catalog/b.yaml", yaml)));
    assertTrue(e.getMessage().contains("'same'"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  private static void directory(JarOutputStream out, String name) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.closeEntry();
  }

  private static void entry(JarOutputStream out, String name, String text) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream stream = out;
    stream.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
