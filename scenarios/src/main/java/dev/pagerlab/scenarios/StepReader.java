package dev.pagerlab.scenarios;

import dev.pagerlab.vmcore.spec.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads step lists: each step a mapping with exactly one key. Checks what one step can check
 * alone; {@link ScenarioValidator} checks touches against pages declared elsewhere.
 */
final class StepReader {

  private static final List<String> KEYS =
      List.of("alloc", "touch", "touchPageable", "touchRegion", "lock", "unlock");
  private static final List<String> TOUCH_REGION_KEYS = List.of("region", "pages");

  /** Who runs the steps: a process (workload, onRequest) or a kext (onIo, with its pageable pages). */
  record Owner(String description, boolean kext, int pageable) {

    /** A process's workload or onRequest. */
    static Owner process(String name) {
      return new Owner("process '" + name + "'", false, 0);
    }

    /** A kext's onIo, which may touch its {@code pageable} pages. */
    static Owner kext(String name, int pageable) {
      return new Owner("kext '" + name + "'", true, pageable);
    }
  }

  private final YamlDocument document;
  private final Owner owner;

  private StepReader(YamlDocument document, Owner owner) {
    this.document = document;
    this.owner = owner;
  }

  /** The steps of the list at {@code path}. */
  static List<Step> read(YamlDocument document, String path, List<Node> items, Owner owner)
      throws ScenarioException {
    StepReader reader = new StepReader(document, owner);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      steps.add(reader.step(FieldPath.item(path, i), items.get(i)));
    }
    return steps;
  }

  private Step step(String path, Node node) throws ScenarioException {
    if (!(node instanceof Node.Mapping mapping)) {
      throw document.error(path, "expected a step, a mapping with one key among " + String.join(", ", KEYS)
          + " (like {alloc: 1}), got " + node.describe());
    }
    for (String key : mapping.fields().keySet()) {
      if (!KEYS.contains(key)) {
        throw document.error(FieldPath.child(path, key),
            "unknown step '" + key + "'; allowed: " + String.join(", ", KEYS));
      }
    }
    if (mapping.fields().size() != 1) {
      throw document.error(path, "a step has exactly one key among " + String.join(", ", KEYS) + ", got "
          + (mapping.fields().isEmpty() ? "none" : String.join(", ", mapping.fields().keySet())));
    }
    Map.Entry<String, Node> only = mapping.fields().entrySet().iterator().next();
    return step(FieldPath.child(path, only.getKey()), only.getKey(), only.getValue());
  }

  private Step step(String path, String key, Node value) throws ScenarioException {
    switch (key) {
      case "alloc":
        return new Step.Alloc(pages(path, value));
      case "touch":
        return touch(path, value);
      case "touchPageable":
        return touchPageable(path, value);
      case "touchRegion":
        return touchRegion(path, value);
      case "lock":
        return new Step.Lock(Fields.text(document, path, value, "a lock name"));
      default:
        return new Step.Unlock(Fields.text(document, path, value, "a lock name"));
    }
  }

  private Step touch(String path, Node value) throws ScenarioException {
    if (owner.kext()) {
      throw document.error(path, "touch is for a process's own pages; in the onIo of " + owner.description()
          + " use touchPageable (its pageable pages) or touchRegion");
    }
    return new Step.Touch(pages(path, value));
  }

  private Step touchPageable(String path, Node value) throws ScenarioException {
    if (!owner.kext()) {
      throw document.error(path, "touchPageable is only allowed in a kext's onIo (kernel.extensions[].onIo), not in the steps of "
          + owner.description());
    }
    if (owner.pageable() == 0) {
      throw document.error(path, owner.description() + " has no pageable pages to touch (pageable: 0)");
    }
    String range = Fields.range(1, owner.pageable()) + " (the pageable pages of " + owner.description() + ")";
    return new Step.TouchPageable(Fields.wholeNumber(document, path, value, 1, owner.pageable(), range));
  }

  private Step touchRegion(String path, Node value) throws ScenarioException {
    Fields fields = Fields.of(document, path, value, "a touchRegion step", TOUCH_REGION_KEYS);
    String region = fields.string("region", "a region name");
    return new Step.TouchRegion(region, fields.requiredWhole("pages", 1, Limits.COUNT_MAX));
  }

  private int pages(String path, Node value) throws ScenarioException {
    return Fields.wholeNumber(document, path, value, 1, Limits.COUNT_MAX, Fields.range(1, Limits.COUNT_MAX));
  }
}
