package dev.pagerlab.vmcore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.SwapFileSpec;

/**
 * Follows a simulated run's swap files from the model's change lines and gives each page that enters a
 * file a real slot from a {@link SwapSlotAllocator}, freeing it when the page leaves the file (dirtied,
 * failed write, moved by a drain) and dropping a file once it is deleted. The model itself only counts
 * slots per file; slot identity never matters to its verdicts.
 */
final class SwapSlotTracker {
  private final VmModel model;
  private final SwapSlotAllocator allocator;
  private final Function<String, Long> capacity;
  private final String[] fileOf;

  /** A tracker of a model's pages with pageout clusters of {@code cluster} slots. */
  SwapSlotTracker(VmModel model, int cluster) {
    this.model = model;
    this.allocator = new SwapSlotAllocator(cluster);
    this.capacity = capacities(model.scenario());
    this.fileOf = new String[model.pages()];
  }

  /** Applies one step's change lines; returns what happened to slots, or "" when nothing did. */
  String step(List<String> changes) {
    String[] after = fileOf.clone();
    for (int p = 0; p < fileOf.length; p++) {
      String line = pageLine(changes, model.pageName(p));
      if (line != null) {
        String file = fileAfter(line);
        // A vnode region's page goes back to its own mapped file, which holds no swap slots.
        after[p] = file != null && file.endsWith("-file") && isMappedFile(file) ? null : file;
      }
    }
    List<String> notes = new ArrayList<>();
    for (int p = 0; p < fileOf.length; p++) {
      if (fileOf[p] != null && !fileOf[p].equals(after[p])) {
        notes.add(model.pageName(p) + " frees " + allocator.release(p).orElseThrow());
      }
    }
    removeDeleted(changes);
    for (int p = 0; p < fileOf.length; p++) {
      if (after[p] != null && !after[p].equals(fileOf[p])) {
        notes.add(model.pageName(p) + " -> " + assign(p, after[p]));
      }
    }
    System.arraycopy(after, 0, fileOf, 0, after.length);
    return notes.isEmpty() ? "" : " [" + String.join("; ", notes) + "]";
  }

  private void removeDeleted(List<String> changes) {
    for (SwapSlotAllocator.FileStats f : allocator.stats()) {
      if (changes.stream().anyMatch(l -> l.startsWith(f.file() + " ") && l.endsWith(" -> absent"))) {
        allocator.removeFile(f.file());
      }
    }
  }

  /** Per-file figures of the allocator now. */
  List<SwapSlotAllocator.FileStats> stats() {
    return allocator.stats();
  }

  /** The slot a page holds now, if any. */
  Optional<SwapSlotAllocator.SwapSlot> slotOf(int page) {
    return allocator.slotOf(page);
  }

  private SwapSlotAllocator.SwapSlot assign(int page, String file) {
    if (!allocator.hasFile(file)) {
      allocator.addFile(file, capacity.apply(file));
    }
    return allocator.assign(page, file);
  }

  private static String pageLine(List<String> changes, String name) {
    for (String line : changes) {
      if (line.startsWith(name + " ") && line.contains(" -> ")) {
        return line;
      }
    }
    return null;
  }

  /** The file named in a page change line's new state ("... -> paged out (swap0)"), or null. */
  static String fileAfter(String line) {
    String after = line.substring(line.lastIndexOf(" -> ") + 4);
    int open = after.lastIndexOf(" (");
    return after.endsWith(")") && open >= 0 ? after.substring(open + 2, after.length() - 1) : null;
  }

  private boolean isMappedFile(String file) {
    return model.scenario().regions().stream()
        .anyMatch(r -> r.backing() == dev.pagerlab.vmcore.spec.RegionSpec.Backing.VNODE && file.equals(r.name() + "-file"));
  }

  private static Function<String, Long> capacities(Scenario s) {
    return name -> {
      for (SwapFileSpec f : s.swap().files()) {
        if (f.name().equals(name)) {
          return (long) f.slots();
        }
      }
      return (long) s.swap().dynamic()
          .orElseThrow(() -> new IllegalStateException("no swap file " + name + " in the scenario"))
          .fileSlots();
    };
  }
}
