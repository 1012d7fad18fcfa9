package dev.pagerlab.scenarios;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** A YAML value as read: a mapping, a list or a scalar; positions live in {@link YamlDocument}. */
sealed interface Node {

  /** How an error message shows this value after "got". */
  String describe();

  /** A mapping, keys in file order. */
  record Mapping(Map<String, Node> fields) implements Node {
    public Mapping {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A list. */
  record Sequence(List<Node> items) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar: its token as Jackson resolved it, its text as written, and its value when it is a
   * whole number.
   */
  record Scalar(JsonToken token, String text, BigInteger integer) implements Node {

    /** Whether the scalar is a YAML null ({@code ~}, {@code null}). */
    boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }

    @Override
    public String describe() {
      if (token == JsonToken.VALUE_STRING) {
        return quote(text);
      }
      return isNull() ? "null" : text;
    }

    private static String quote(String text) {
      String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
      return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
  }
}
