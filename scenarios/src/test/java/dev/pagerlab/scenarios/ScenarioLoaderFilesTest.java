package dev.pagerlab.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.vmcore.spec.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load and loadAll: files, directories, and names unique across files. */
class ScenarioLoaderFilesTest {

  @TempDir
  Path dir;

  private Path write(String fileName, String scenarioName) throws IOException {
    Path file = dir.resolve(fileName);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "name: " + scenarioName + "\ndescription: d\nmemory: {frames: 4}\n");
  }

  private static List<String> names(List<Scenario> scenarios) {
    return scenarios.stream().map(Scenario::name).toList();
  }

  @Test
  void loadAll_directory_readsYamlAndYmlSortedByFileNameIgnoringOthers() throws Exception {
    write("b.yml", "second");
    write("a.yaml", "first");
    write("c.yaml", "third");
    Files.writeString(dir.resolve("notes.txt"), "not a scenario");
    write("nested/d.yaml", "nested");
    assertEquals(List.of("first", "second", "third"), names(ScenarioLoader.loadAll(List.of(dir))));
  }

  @Test
  void loadAll_filesAndDirectories_keepsTheGivenOrder() throws Exception {
    Path single = write("z.yaml", "zed");
    Files.createDirectories(dir.resolve("more"));
    write("more/a.yaml", "ay");
    assertEquals(List.of("zed", "ay"), names(ScenarioLoader.loadAll(List.of(single, dir.resolve("more")))));
  }

  @Test
  void loadAll_sameFileTwice_loadsItOnce() throws Exception {
    Path file = write("a.yaml", "ay");
    assertEquals(List.of("ay"), names(ScenarioLoader.loadAll(List.of(file, file))));
  }

  @Test
  void loadAll_emptyDirectory_isError() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("README"), "nothing");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(List.of(empty)));
    assertEquals(empty.toString() + ": no .yaml or .yml files in this directory", e.getMessage());
    assertEquals(0, e.line());
  }

  @Test
  void loadAll_missingPath_isError() {
    Path missing = dir.resolve("nope.yaml");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(List.of(missing)));
    assertEquals(missing + ": no such file or directory", e.getMessage());
    assertEquals(missing.toString(), e.file());
  }

  @Test
  void loadAll_duplicateNameAcrossFiles_namesBothFiles() throws Exception {
    Path first = write("a.yaml", "same");
    Path second = write("b.yaml", "same");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(List.of(dir)));
    assertEquals(second.toString(), e.file());
    assertEquals(1, e.line());
    assertEquals(1, e.column());
    assertEquals("name", e.field());
    assertTrue(e.reason().contains("'same' is also used by " + first), e.getMessage());
  }

  @Test
  void loadAll_badFileInDirectory_namesThatFile() throws Exception {
    write("a.yaml", "fine");
    Path bad = Files.writeString(dir.resolve("b.yaml"), "name: Bad\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(List.of(dir)));
    assertEquals(bad.toString(), e.file());
    assertEquals("name", e.field());
  }

  @Test
  void load_missingFile_isErrorWithoutPosition() {
    Path missing = dir.resolve("gone.yaml");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(missing));
    assertEquals(missing + ": cannot read: no such file or directory", e.getMessage());
  }

  @Test
  void load_notUtf8_isError() throws Exception {
    Path latin = Files.write(dir.resolve("latin.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(latin));
    assertEquals(latin + ": not UTF-8 text", e.getMessage());
  }

  @Test
  void load_file_namesErrorsByThePathGiven() throws Exception {
    Path file = Files.writeString(dir.resolve("x.yaml"), "name: x\ndescription: d\nmemory: {frames: 4, target: 9}\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertEquals(file + ":3:21: memory.target: expected a whole number from reserved (0) to frames (4), got 9",
        e.getMessage());
  }

  @Test
  void load_directory_isNotAScenarioFile() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir));
    assertEquals(dir + ": is a directory, not a scenario file", e.getMessage());
  }

  @Test
  void load_tooLargeFile_isRejected() throws Exception {
    Path big = Files.writeString(dir.resolve("big.yaml"), "#".repeat((1 << 20) + 1));
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(big));
    assertEquals(big + ": larger than 1 MiB: not a scenario file", e.getMessage());
  }
}
