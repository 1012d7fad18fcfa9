package dev.pagerlab.scenarios;

import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one layer of the I/O stack, with the fields its kind allows; references are checked later. */
final class LayerReader {

  private static final List<String> COMMON = List.of("id", "kind", "faults");
  private static final List<String> ALL = List.of("id", "kind", "faults", "daemon", "helper", "kext", "below",
      "allocPerWrite", "allocPerRequest", "memalloc", "timeout");
  private static final Map<LayerKind, List<String>> EXTRA = new EnumMap<>(Map.of(
      LayerKind.BLOCK, List.of(),
      LayerKind.FILESYSTEM, List.of("allocPerWrite", "below"),
      LayerKind.FUSE, List.of("daemon", "kext", "below", "timeout"),
      LayerKind.DISKIMAGE, List.of("helper", "kext", "below", "timeout"),
      LayerKind.NETWORK, List.of("daemon", "allocPerRequest", "memalloc", "below", "timeout")));

  private LayerReader() {}

  /** The layer at {@code path}. */
  static LayerSpec read(YamlDocument document, String path, Node node) throws ScenarioException {
    Fields fields = Fields.of(document, path, node, "a layer", ALL);
    String id = fields.string("id", "a layer id");
    LayerKind kind = kind(fields);
    checkFieldsOf(fields, kind);
    return new LayerSpec(id, kind, server(fields, kind),
        fields.optionalString("kext", "a kext name from kernel.extensions"),
        fields.optionalString("below", "a layer id"),
        fields.whole("allocPerWrite", 0, Limits.COUNT_MAX, 0),
        fields.whole("allocPerRequest", 0, Limits.COUNT_MAX, 0),
        fields.flag("memalloc", false),
        eio(fields),
        fields.flag("timeout", false));
  }

  /** Every kind's word, for messages. */
  static String kindWords() {
    List<String> words = new ArrayList<>();
    for (LayerKind kind : LayerKind.values()) {
      words.add(kind.word());
    }
    return String.join(", ", words);
  }

  private static LayerKind kind(Fields fields) throws ScenarioException {
    String expected = "a layer kind (" + kindWords() + ")";
    Node node = fields.required("kind", expected);
    String word = Fields.text(fields.document(), fields.path("kind"), node, expected);
    Optional<LayerKind> kind = LayerKind.ofWord(word);
    if (kind.isEmpty()) {
      throw fields.document().error(fields.path("kind"), "expected " + expected + ", got " + node.describe());
    }
    return kind.get();
  }

  private static void checkFieldsOf(Fields fields, LayerKind kind) throws ScenarioException {
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll(EXTRA.get(kind));
    String allowedText = "; allowed on a " + kind.word() + " layer: " + String.join(", ", allowed);
    for (String key : fields.keys()) {
      if (allowed.contains(key)) {
        continue;
      }
      String path = fields.path(key);
      if (key.equals("below") && kind == LayerKind.BLOCK) {
        throw fields.document().error(path, "a block layer is always the bottom: 'below' is not allowed" + allowedText);
      }
      if (key.equals("timeout")) {
        throw fields.document().error(path, "'timeout' is only for fuse, diskimage and network layers" + allowedText);
      }
      throw fields.document().error(path, "'" + key + "' is not a field of a " + kind.word() + " layer" + allowedText);
    }
  }

  private static Optional<String> server(Fields fields, LayerKind kind) throws ScenarioException {
    switch (kind) {
      case FUSE:
        return Optional.of(fields.string("daemon", "the process serving the fuse layer"));
      case DISKIMAGE:
        return Optional.of(fields.string("helper", "the process serving the disk image"));
      case NETWORK:
        return fields.optionalString("daemon", "the process serving the network layer");
      default:
        return Optional.empty();
    }
  }

  private static boolean eio(Fields fields) throws ScenarioException {
    List<Node> faults = fields.list("faults", "a list of fault words (eio)");
    for (int i = 0; i < faults.size(); i++) {
      String path = FieldPath.item(fields.path("faults"), i);
      String word = Fields.text(fields.document(), path, faults.get(i), "a fault word (eio)");
      if (!word.equals("eio")) {
        throw fields.document().error(path, "expected a fault word (eio), got " + faults.get(i).describe());
      }
    }
    return !faults.isEmpty();
  }
}
