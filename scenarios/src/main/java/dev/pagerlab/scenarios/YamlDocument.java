package dev.pagerlab.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML file read into a {@link Node} tree, with the position of every field path, so that
 * any later check can raise an error at the right line and column.
 */
final class YamlDocument {

  private static final int MAX_DEPTH = 32;
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .build();

  private final String fileName;
  private final Map<String, JsonLocation> positions = new HashMap<>();
  private Node.Mapping root;

  private YamlDocument(String fileName) {
    this.fileName = fileName;
  }

  /** Reads one YAML document whose top level is a mapping; any syntax problem is an error. */
  static YamlDocument parse(String yaml, String fileName) throws ScenarioException {
    YamlDocument document = new YamlDocument(fileName);
    try (JsonParser parser = FACTORY.createParser(yaml)) {
      document.readRoot(parser);
    } catch (JsonProcessingException e) {
      throw document.syntaxError(e);
    } catch (IOException e) {
      throw new ScenarioException(fileName, 0, 0, "", "cannot read: " + e.getMessage(), e);
    }
    return document;
  }

  /** The file name errors carry. */
  String fileName() {
    return fileName;
  }

  /** The top-level mapping. */
  Node.Mapping root() {
    return root;
  }

  /** An error at a field path, positioned at that field or, if it is absent, at its nearest parent. */
  ScenarioException error(String path, String reason) {
    JsonLocation at = locate(path);
    return new ScenarioException(fileName, at.getLineNr(), at.getColumnNr(), path, reason);
  }

  private JsonLocation locate(String path) {
    String probe = path;
    while (!positions.containsKey(probe) && !probe.isEmpty()) {
      probe = FieldPath.parent(probe);
    }
    return positions.getOrDefault(probe, new JsonLocation(null, -1, 1, 1));
  }

  private void readRoot(JsonParser parser) throws IOException, ScenarioException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw error("", "the file is empty: expected a scenario mapping with name, description and memory");
    }
    positions.put("", parser.currentTokenLocation());
    Node top = read(parser, "", 0);
    if (!(top instanceof Node.Mapping mapping)) {
      throw error("", "expected a mapping of scenario fields (name, description, memory, ...), got "
          + top.describe());
    }
    if (parser.nextToken() != null) {
      positions.put("", parser.currentTokenLocation());
      throw error("", "a file holds one scenario, but a second YAML document starts here");
    }
    root = mapping;
  }

  private Node read(JsonParser parser, String path, int depth) throws IOException, ScenarioException {
    if (depth > MAX_DEPTH) {
      throw error(path, "nested deeper than " + MAX_DEPTH + " levels");
    }
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw error(path, "YAML aliases (*" + parser.getText() + ") are not supported: write the value out");
    }
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return readMapping(parser, path, depth);
    }
    if (token == JsonToken.START_ARRAY) {
      return readSequence(parser, path, depth);
    }
    boolean whole = token == JsonToken.VALUE_NUMBER_INT;
    return new Node.Scalar(token, parser.getText(), whole ? parser.getBigIntegerValue() : null);
  }

  private Node readMapping(JsonParser parser, String path, int depth) throws IOException, ScenarioException {
    Map<String, Node> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String child = FieldPath.child(path, key);
      positions.put(child, parser.currentTokenLocation());
      parser.nextToken();
      fields.put(key, read(parser, child, depth + 1));
    }
    return new Node.Mapping(fields);
  }

  private Node readSequence(JsonParser parser, String path, int depth) throws IOException, ScenarioException {
    List<Node> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String child = FieldPath.item(path, items.size());
      positions.put(child, parser.currentTokenLocation());
      items.add(read(parser, child, depth + 1));
    }
    return new Node.Sequence(items);
  }

  private ScenarioException syntaxError(JsonProcessingException e) {
    JsonParser parser = e.getProcessor() instanceof JsonParser p ? p : null;
    String field = parser == null ? "" : FieldPath.of(parser.getParsingContext());
    String original = e.getOriginalMessage();
    JsonLocation at = e.getLocation();
    String reason;
    if (original.startsWith("Duplicate field") && parser != null) {
      JsonLocation first = positions.get(field);
      at = parser.currentTokenLocation();
      reason = "duplicate key '" + parser.getParsingContext().getCurrentName() + "'"
          + (first == null ? "" : " (first at line " + first.getLineNr() + ", column " + first.getColumnNr() + ")");
    } else if (e instanceof MarkedYAMLException marked) {
      field = "";
      at = problemAt(marked, at);
      reason = "YAML syntax error: " + oneLine(marked.getContext()) + oneLine(marked.getProblem());
    } else {
      reason = "YAML syntax error: " + oneLine(original);
    }
    int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
    int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
    return new ScenarioException(fileName, line, column, field, reason.strip(), e);
  }

  private static JsonLocation problemAt(MarkedYAMLException marked, JsonLocation otherwise) {
    Mark mark = marked.getProblemMark();
    return mark == null ? otherwise : new JsonLocation(null, -1, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip() + " ";
  }
}
