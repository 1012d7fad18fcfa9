package dev.pagerlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Working-set profiles on disk, one file per scenario, readable by their owner only (like xnu's
 * app_profile files): lines {@code process: page page ...}. Written to a temp file, then renamed.
 */
final class Profiles {
  private final Path dir;

  Profiles(Path dir) {
    this.dir = dir;
  }

  Map<String, List<Integer>> load(String scenario) throws IOException {
    Path p = dir.resolve(scenario + ".profile");
    Map<String, List<Integer>> out = new TreeMap<>();
    if (!Files.exists(p)) {
      return out;
    }
    int n = 0;
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(p + ":" + n + ": expected \"process: page page ...\"");
      }
      List<Integer> pages = new ArrayList<>();
      for (String w : line.substring(colon + 1).trim().split("\\s+")) {
        if (!w.isEmpty()) {
          try {
            pages.add(Integer.parseInt(w));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(p + ":" + n + ": page numbers must be whole numbers, got " + w);
          }
        }
      }
      out.put(line.substring(0, colon).trim(), pages);
    }
    return out;
  }

  Path save(String scenario, Map<String, List<Integer>> profiles) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(scenario + ".profile");
    Path tmp = Files.createTempFile(dir, "." + scenario, ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    StringBuilder sb = new StringBuilder("# pagerlab working-set profile: pages each process faulted\n");
    profiles.forEach((k, v) -> sb.append(k).append(':').append(v.stream().map(String::valueOf)
        .reduce("", (x, y) -> x + " " + y)).append('\n'));
    Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }
}
