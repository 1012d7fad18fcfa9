package dev.pagerlab.vmcore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Working-set detection for the simulator: each process's fault profile (the pages it faulted,
 * in order), the pages to prefetch with a fault (its cluster of adjacent pages, plus the pages a
 * saved profile names), and the profiles to save for the next start, like xnu's app profiles.
 */
public final class WorkingSet {
  private final VmModel model;
  private final int cluster;
  private final Map<String, Set<Integer>> profiles = new TreeMap<>();
  private final Map<String, Set<Integer>> seeds;

  /** A detector for a model, prefetching {@code cluster} pages around a fault, seeded by saved profiles. */
  public WorkingSet(VmModel model, int cluster, Map<String, List<Integer>> savedProfiles) {
    this.model = model;
    this.cluster = cluster;
    this.seeds = new TreeMap<>();
    savedProfiles.forEach((k, v) -> seeds.put(k, new LinkedHashSet<>(v)));
  }

  /** Records a fault of a process page and returns the pages worth prefetching with it. */
  public List<Integer> fault(int page) {
    int proc = model.pageProcess(page);
    if (proc < 0) {
      return List.of();
    }
    String name = model.procName[proc];
    int base = model.procBase[proc];
    profiles.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(page - base);
    List<Integer> out = new ArrayList<>();
    int start = page - ((page - base) % cluster);
    for (int p = start; p < start + cluster && p < base + model.procPages[proc]; p++) {
      if (p != page) {
        out.add(p);
      }
    }
    Set<Integer> seed = seeds.remove(name);
    if (seed != null) {
      for (int rel : seed) {
        if (rel < model.procPages[proc] && base + rel != page && !out.contains(base + rel)) {
          out.add(base + rel);
        }
      }
    }
    return out;
  }

  /** The fault profiles recorded so far, process name to page numbers within the process. */
  public Map<String, List<Integer>> profiles() {
    Map<String, List<Integer>> out = new TreeMap<>();
    profiles.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }
}
