package dev.pagerlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagerlab.checker.CheckResult;
import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.checker.Explored;
import dev.pagerlab.checker.Mitigation;
import dev.pagerlab.checker.MitigationSet;
import dev.pagerlab.checker.StaticChain;
import dev.pagerlab.checker.WaitEdge;
import dev.pagerlab.checker.WitnessStep;
import dev.pagerlab.vmcore.spec.Expect;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code NAME.json}: the contract fields (SCENARIOS.md section 4) and the rest of the
 * result, in a fixed field order, so two runs differ only in {@code explored.millis}. Pure.
 */
final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonReport() {}

  /** The JSON text of one result, ending in a newline. */
  static String render(CheckResult r) {
    try {
      return WRITER.writeValueAsString(tree(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result as a JSON tree, contract fields first. */
  static ObjectNode tree(CheckResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", r.scenario().name());
    o.put("verdict", r.verdict());
    o.set("classes", words(r.classes()));
    o.set("witness", witness(r.witness().steps()));
    o.set("cycle", cycle(r.cycle()));
    o.set("explored", explored(r.explored()));
    o.put("expect", r.expect().map(Expect::word).orElse(null));
    o.put("meetsExpect", r.meetsExpect());
    o.set("expectClasses", strings(r.scenario().expectClasses()));
    o.put("classesComplete", r.classesComplete());
    o.set("witnessClasses", words(r.witness().classes()));
    o.put("cycleClosedAt", r.witness().cycleClosedAt());
    ArrayNode schedule = o.putArray("schedule");
    r.witness().schedule().forEach(schedule::add);
    o.set("threads", strings(r.witness().threads()));
    o.set("finalState", strings(r.witness().finalState()));
    o.set("staticChains", chains(r.staticChains()));
    o.set("mitigations", mitigations(r.mitigations()));
    o.set("events", strings(r.events()));
    o.put("seed", r.seed());
    o.put("os", r.scenario().os().word());
    o.put("source", r.scenario().source());
    o.put("description", r.scenario().description());
    return o;
  }

  private static ArrayNode words(List<DeadlockClass> classes) {
    ArrayNode a = MAPPER.createArrayNode();
    classes.forEach(c -> a.add(c.word()));
    return a;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = MAPPER.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  private static ArrayNode witness(List<WitnessStep> steps) {
    ArrayNode a = MAPPER.createArrayNode();
    for (WitnessStep s : steps) {
      ObjectNode o = a.addObject();
      o.put("index", s.index());
      o.put("thread", s.thread());
      o.put("text", s.text());
      o.set("changes", strings(s.changes()));
    }
    return a;
  }

  private static ArrayNode cycle(List<WaitEdge> edges) {
    ArrayNode a = MAPPER.createArrayNode();
    for (WaitEdge e : edges) {
      ObjectNode o = a.addObject();
      o.put("from", e.from());
      o.put("to", e.to());
      o.put("reason", e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      o.put("because", e.because());
      o.put("fromOwner", e.fromOwner());
      o.put("toOwner", e.toOwner());
      o.put("text", e.sentence());
    }
    return a;
  }

  private static ObjectNode explored(Explored x) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("states", x.states());
    o.put("transitions", x.transitions());
    o.put("depth", x.depth());
    o.put("bound", x.bound());
    o.put("millis", x.millis());
    o.set("reductions", strings(x.reductions()));
    return o;
  }

  private static ArrayNode chains(List<StaticChain> chains) {
    ArrayNode a = MAPPER.createArrayNode();
    for (StaticChain c : chains) {
      ObjectNode o = a.addObject();
      o.set("nodes", strings(c.nodes()));
      o.set("classes", words(c.classes()));
      o.put("reachable", c.reachable());
      o.put("text", c.text());
    }
    return a;
  }

  private static ArrayNode mitigations(List<MitigationSet> sets) {
    ArrayNode a = MAPPER.createArrayNode();
    for (MitigationSet set : sets) {
      ObjectNode o = a.addObject();
      ArrayNode changes = o.putArray("mitigations");
      for (Mitigation m : set.mitigations()) {
        changes.addObject().put("kind", m.kind()).put("target", m.target()).put("text", m.text());
      }
      o.put("verdict", set.verdict());
      o.put("states", set.states());
    }
    return a;
  }
}
