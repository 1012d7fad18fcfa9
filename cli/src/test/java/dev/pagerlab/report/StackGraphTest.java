package dev.pagerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagerlab.checker.CheckResult;
import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.checker.Explored;
import dev.pagerlab.checker.WaitEdge;
import dev.pagerlab.checker.Witness;
import dev.pagerlab.vmcore.BlockReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackGraphTest {

  private static CheckResult withCycle(List<WaitEdge> cycle) {
    CheckResult base = Fixtures.deadlock(1);
    return new CheckResult(base.scenario(), "deadlock", List.of(DeadlockClass.USERLAND_DEPENDENCY), true,
        Witness.none(), cycle, new Explored(10, 20, 3, "none", 1, List.of()), List.of(), List.of(), List.of(), 1L);
  }

  @Test
  void of_deadlock_hasTheStackTopToBottom() {
    StackGraph g = StackGraph.of(Fixtures.deadlock(1).scenario(), List.of());
    List<String> ids = g.nodes().stream().map(StackGraph.Node::id).toList();
    assertTrue(ids.containsAll(List.of("memory", "pageout", "file:swap0", "file:dynamic", "layer:fuse0", "layer:disk0",
        "kext:fusekext", "process:fused", "process:hog", "process:dynamic_pager")), ids.toString());
    assertTrue(g.edges().contains(new StackGraph.Edge("pageout", "file:swap0", "writes", false)));
    assertTrue(g.edges().contains(new StackGraph.Edge("file:swap0", "layer:fuse0", "through", false)));
    assertTrue(g.edges().contains(new StackGraph.Edge("layer:fuse0", "layer:disk0", "below", false)));
    assertTrue(g.edges().contains(new StackGraph.Edge("layer:fuse0", "process:fused", "served by", false)));
    assertTrue(g.edges().contains(new StackGraph.Edge("process:dynamic_pager", "file:dynamic", "creates, drains", false)));
    assertEquals(StackGraph.Kind.WORKLOAD, g.nodes().get(ids.indexOf("process:hog")).kind());
    assertTrue(g.edges().stream().noneMatch(StackGraph.Edge::cycle));
  }

  @Test
  void of_cycleBetweenThreadsOfOneProcess_drawsASelfLoopOnce() {
    List<WaitEdge> cycle = List.of(
        new WaitEdge("fused#0", "fused", "fused#1", "fused", BlockReason.DAEMON_THREAD, "both workers are busy"),
        new WaitEdge("fused#1", "fused", "fused#0", "fused", BlockReason.LOCK, "fused#0 holds lock L"));
    StackGraph g = StackGraph.of(Fixtures.deadlock(1).scenario(), cycle);
    List<StackGraph.Edge> red = g.edges().stream().filter(StackGraph.Edge::cycle).toList();
    assertEquals(List.of(new StackGraph.Edge("process:fused", "process:fused", "waits: daemon thread, lock", true)), red);
    String svg = SvgReport.render(withCycle(cycle));
    assertTrue(svg.contains("class=\"edge cycle\""), svg);
  }

  @Test
  void of_unknownOwner_getsItsOwnNode() {
    List<WaitEdge> cycle = List.of(
        new WaitEdge("nfsiod#0", "nfsiod", "pageout", "pageout", BlockReason.FRAME, "free=0"),
        new WaitEdge("pageout", "pageout", "nfsiod#0", "nfsiod", BlockReason.IO_COMPLETION, "write via nfsiod"));
    StackGraph g = StackGraph.of(Fixtures.deadlock(1).scenario(), cycle);
    assertTrue(g.nodes().contains(new StackGraph.Node("owner:nfsiod", "nfsiod", "thread owner", StackGraph.Kind.OTHER)));
    assertEquals(2, g.edges().stream().filter(StackGraph.Edge::cycle).count());
    String dot = DotReport.render(withCycle(cycle));
    assertTrue(dot.contains("\"owner:nfsiod\" -> \"pageout\" [label=\"waits: frame\", color=\"#d62728\""), dot);
  }

  @Test
  void chain_threeEdges_repeatsTheFirstNodeAtTheEnd() {
    List<WaitEdge> cycle = List.of(
        new WaitEdge("A", "a", "B", "b", BlockReason.FRAME, "x"),
        new WaitEdge("B", "b", "C", "c", BlockReason.LOCK, "y"),
        new WaitEdge("C", "c", "A", "a", BlockReason.IO_COMPLETION, "z"));
    assertEquals("Chain exists of: A --> B --> C --> A", ReportText.chain(cycle));
  }

  @Test
  void escape_specialCharacters_areSafeInEveryFormat() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Escape.xml("<a href=\"x\">&'"));
    assertEquals("a \\| b\\\\ c", Escape.markdownCell("a | b\\\nc"));
    assertEquals("\"say \\\"hi\\\"\\nthere\"", Escape.dot("say \"hi\"\nthere"));
    assertEquals("_..", Escape.fileName(".."));
    assertEquals("a_b", Escape.fileName("a/b"));
  }

  @Test
  void fallbackLayout_deadlock_placesEveryNodeWithoutOverlapAndKeepsRedEdges() {
    CheckResult r = Fixtures.deadlock(1);
    StackGraph g = StackGraph.of(r.scenario(), r.cycle());
    StackLayout layout = FallbackStackLayouter.layout(g);
    assertEquals(g.nodes().size(), layout.nodes().size());
    List<StackLayout.PlacedNode> n = layout.nodes();
    for (int i = 0; i < n.size(); i++) {
      for (int k = i + 1; k < n.size(); k++) {
        StackLayout.PlacedNode a = n.get(i);
        StackLayout.PlacedNode b = n.get(k);
        boolean overlap = a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
            && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
        assertTrue(!overlap, a.node().id() + " overlaps " + b.node().id());
      }
    }
    String svg = SvgReport.draw(r, layout);
    assertEquals(2, svg.split("class=\"edge cycle\"", -1).length - 1, svg);
    assertTrue(layout.nodes().stream().allMatch(p -> p.x() + p.width() <= layout.width()));
  }
}
