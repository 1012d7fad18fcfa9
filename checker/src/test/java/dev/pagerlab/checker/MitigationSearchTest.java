package dev.pagerlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MitigationSearchTest {

  @Test
  void fileSwap_preallocationAloneMakesItSafe() {
    List<MitigationSet> sets = MitigationSearch.search(Examples.fileSwapUnpreallocated(), CheckOptions.defaults());
    System.out.println(sets);
    assertTrue(sets.stream().anyMatch(s -> s.mitigations().size() == 1
        && s.mitigations().get(0).kind().equals("preallocate")), sets.toString());
    sets.forEach(s -> assertEquals("safe", s.verdict()));
  }

  @Test
  void swapOnFuse_needsWiringAndIoFlusherTogether() {
    List<MitigationSet> sets = MitigationSearch.search(Examples.swapOnFuse(false, false), CheckOptions.defaults());
    System.out.println(sets);
    assertFalse(sets.isEmpty());
    Set<Set<String>> kinds = sets.stream()
        .map(s -> s.mitigations().stream().map(Mitigation::kind).collect(Collectors.toSet()))
        .collect(Collectors.toSet());
    assertTrue(kinds.contains(Set.of("wire-daemon", "io-flusher")), kinds.toString());
    assertTrue(sets.stream().allMatch(s -> s.mitigations().size() == 2), "no single mitigation suffices: " + kinds);
  }
}
