package dev.pagerlab.scenarios;

import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the swap I/O path: a stack whenever there is swap, known layer ids, consecutive
 * entries that agree with {@code below}, a block layer only at the bottom, no layer twice.
 * Runs after every {@code below} is known to name a layer and to be free of cycles.
 */
final class StackValidator {

  private static final String STACK = "swap.stack";

  private final YamlDocument document;
  private final Scenario scenario;
  private final List<String> stack;

  StackValidator(YamlDocument document, Scenario scenario) {
    this.document = document;
    this.scenario = scenario;
    this.stack = scenario.swap().stack();
  }

  /** Throws at the first problem of the swap stack. */
  void check() throws ScenarioException {
    requireStack();
    List<LayerSpec> layers = new ArrayList<>();
    for (int i = 0; i < stack.size(); i++) {
      layers.add(References.layer(document, scenario, FieldPath.item(STACK, i), stack.get(i)));
    }
    for (int i = 0; i + 1 < layers.size(); i++) {
      agree(i, layers.get(i), layers.get(i + 1));
    }
    noRepeats(layers);
  }

  private void requireStack() throws ScenarioException {
    boolean files = !scenario.swap().files().isEmpty();
    if (stack.isEmpty() && (files || scenario.swap().dynamic().isPresent())) {
      throw document.error(STACK, "expected at least one layer id: "
          + (files ? "the swap files" : "the files of the dynamic pager") + " need an I/O path");
    }
  }

  private void agree(int index, LayerSpec upper, LayerSpec lower) throws ScenarioException {
    if (upper.kind() == LayerKind.BLOCK) {
      throw document.error(FieldPath.item(STACK, index), "'" + upper.id()
          + "' is a block layer, always the bottom, but '" + lower.id() + "' follows it in the stack");
    }
    Optional<String> below = upper.below();
    if (below.isPresent() && !below.get().equals(lower.id())) {
      throw document.error(FieldPath.item(STACK, index + 1), "'" + lower.id() + "' follows '" + upper.id()
          + "' in the stack, but " + layerPath(upper) + ".below is '" + below.get()
          + "': consecutive stack entries must agree with below");
    }
  }

  private void noRepeats(List<LayerSpec> layers) throws ScenarioException {
    if (layers.isEmpty()) {
      return;
    }
    List<String> path = new ArrayList<>(stack);
    Optional<String> next = layers.get(layers.size() - 1).below();
    while (next.isPresent() && !path.contains(next.get())) {
      path.add(next.get());
      next = scenario.layer(next.get()).flatMap(LayerSpec::below);
    }
    next.ifPresent(path::add);
    for (int i = 0; i < path.size(); i++) {
      if (path.indexOf(path.get(i)) < i) {
        throw document.error(STACK, "the I/O path visits '" + path.get(i) + "' twice: "
            + String.join(" -> ", path.subList(0, i + 1)));
      }
    }
  }

  private String layerPath(LayerSpec layer) {
    return FieldPath.item("layers", scenario.layers().indexOf(layer));
  }
}
