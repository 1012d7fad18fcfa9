package dev.pagerlab.scenarios;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads from one YAML mapping at a field path; every failure is a {@link ScenarioException}
 * at the field that caused it. A YAML null counts as an absent field.
 */
final class Fields {

  private final YamlDocument document;
  private final String path;
  private final Node.Mapping mapping;

  private Fields(YamlDocument document, String path, Node.Mapping mapping) {
    this.document = document;
    this.path = path;
    this.mapping = mapping;
  }

  /** The mapping at {@code path}, which may hold only the {@code allowed} keys. */
  static Fields of(YamlDocument document, String path, Node node, String what, List<String> allowed)
      throws ScenarioException {
    if (!(node instanceof Node.Mapping mapping)) {
      throw document.error(path, "expected " + what + " (a mapping), got " + node.describe());
    }
    for (String key : mapping.fields().keySet()) {
      if (!allowed.contains(key)) {
        throw document.error(FieldPath.child(path, key),
            "unknown field '" + key + "' in " + what + "; allowed: " + String.join(", ", allowed));
      }
    }
    return new Fields(document, path, mapping);
  }

  /** The keys present, in file order. */
  Set<String> keys() {
    return mapping.fields().keySet();
  }

  /** The path of a key of this mapping. */
  String path(String key) {
    return FieldPath.child(path, key);
  }

  /** The document, for errors about values read here. */
  YamlDocument document() {
    return document;
  }

  /** The value of a key, empty when absent or null. */
  Optional<Node> get(String key) {
    Node node = mapping.fields().get(key);
    boolean absent = node == null || node instanceof Node.Scalar s && s.isNull();
    return absent ? Optional.empty() : Optional.of(node);
  }

  /** The value of a key that must be present. */
  Node required(String key, String expected) throws ScenarioException {
    Optional<Node> node = get(key);
    if (node.isEmpty()) {
      throw document.error(path(key), "required field is missing: expected " + expected);
    }
    return node.get();
  }

  /** A required non-blank string. */
  String string(String key, String expected) throws ScenarioException {
    return Fields.text(document, path(key), required(key, expected), expected);
  }

  /** An optional non-blank string. */
  Optional<String> optionalString(String key, String expected) throws ScenarioException {
    Optional<Node> node = get(key);
    return node.isEmpty() ? Optional.empty() : Optional.of(text(document, path(key), node.get(), expected));
  }

  /** An optional whole number in [min, max], {@code otherwise} when absent. */
  int whole(String key, long min, long max, int otherwise) throws ScenarioException {
    Optional<Node> node = get(key);
    return node.isEmpty() ? otherwise : whole(key, min, max, range(min, max), node.get());
  }

  /** A required whole number in [min, max]. */
  int requiredWhole(String key, long min, long max) throws ScenarioException {
    String range = range(min, max);
    return whole(key, min, max, range, required(key, "a whole number " + range));
  }

  /** A whole number in [min, max] whose range the message states as {@code range}. */
  int whole(String key, long min, long max, String range, Node node) throws ScenarioException {
    return Fields.wholeNumber(document, path(key), node, min, max, range);
  }

  /** An optional boolean, {@code otherwise} when absent. */
  boolean flag(String key, boolean otherwise) throws ScenarioException {
    Optional<Node> node = get(key);
    if (node.isEmpty()) {
      return otherwise;
    }
    if (node.get() instanceof Node.Scalar s
        && (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE)) {
      return s.token() == JsonToken.VALUE_TRUE;
    }
    throw document.error(path(key), "expected true or false, got " + node.get().describe());
  }

  /** A required number from 0 to 1. */
  double fraction(String key) throws ScenarioException {
    Node node = required(key, "a fraction from 0 to 1");
    if (node instanceof Node.Scalar s
        && (s.token() == JsonToken.VALUE_NUMBER_INT || s.token() == JsonToken.VALUE_NUMBER_FLOAT)) {
      double value = s.integer() != null ? s.integer().doubleValue() : parseDouble(s.text());
      if (value >= 0 && value <= 1) {
        return value;
      }
    }
    throw document.error(path(key), "expected a fraction from 0 to 1, got " + node.describe());
  }

  /** An optional list, empty when absent. */
  List<Node> list(String key, String expected) throws ScenarioException {
    Optional<Node> node = get(key);
    if (node.isEmpty()) {
      return List.of();
    }
    if (node.get() instanceof Node.Sequence sequence) {
      return sequence.items();
    }
    throw document.error(path(key), "expected " + expected + " (a list), got " + node.get().describe());
  }

  /** "from MIN to MAX", as range messages say it. */
  static String range(long min, long max) {
    return "from " + min + " to " + max;
  }

  /** A non-blank string scalar (numbers are taken as written). */
  static String text(YamlDocument document, String path, Node node, String expected) throws ScenarioException {
    if (node instanceof Node.Scalar s && isText(s.token()) && !s.text().isBlank()) {
      return s.text();
    }
    throw document.error(path, "expected " + expected + ", got " + node.describe());
  }

  /** A whole number in [min, max]; anything else, however large, is an error rather than a crash. */
  static int wholeNumber(YamlDocument document, String path, Node node, long min, long max, String range)
      throws ScenarioException {
    if (node instanceof Node.Scalar s && s.integer() != null
        && s.integer().compareTo(BigInteger.valueOf(min)) >= 0
        && s.integer().compareTo(BigInteger.valueOf(max)) <= 0) {
      return s.integer().intValueExact();
    }
    throw document.error(path, "expected a whole number " + range + ", got " + node.describe());
  }

  private static double parseDouble(String text) {
    try {
      return Double.parseDouble(text.replace("_", ""));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static boolean isText(JsonToken token) {
    return token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
        || token == JsonToken.VALUE_NUMBER_FLOAT;
  }
}
