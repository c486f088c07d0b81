package com.acme.platform.app.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One hand-edited JSON file, read into a tree that remembers where each value starts, so that every later problem
 * can name its line and column.
 *
 * <p>Jackson's own duplicate detection stops at the first duplicate; here every duplicate key is reported and
 * reading goes on without that key: which of the values was meant is unknown, so later checks must not guess (see
 * {@link #duplicates()}). Malformed JSON stops reading: the rest of the file cannot be trusted.
 *
 * @param root the document's top-level value
 * @param locations where each value starts, by field path ({@code ""} for the root, {@code services[1].name})
 * @param duplicates the field paths of keys that appear more than once in their object (reported already, and
 *     left out of {@link #root()})
 */
record JsonDocument(JsonNode root, Map<String, JsonLocation> locations, Set<String> duplicates) {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /**
   * Reads a document.
   *
   * @param file the file, relative to the repository root, for messages
   * @param text the file's text
   * @param errors where problems are added
   * @return the document, or {@code null} when the text is not well-formed JSON
   */
  static JsonDocument parse(String file, String text, List<ConfigError> errors) {
    // Editors on some systems save a byte order mark; it is not part of the JSON.
    String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Map<String, JsonLocation> locations = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() == null) {
        errors.add(new ConfigError(file, "", "is empty"));
        return null;
      }
      Reader reader = new Reader(file, parser, locations, errors, new ArrayDeque<>(), new HashSet<>());
      JsonNode root;
      try {
        root = reader.value("");
      } catch (JsonProcessingException e) {
        errors.add(new ConfigError(file, "", "malformed JSON" + StrictJson.at(e.getLocation()) + ": "
            + reader.explain(e)));
        return null;
      }
      try {
        if (parser.nextToken() != null) {
          errors.add(new ConfigError(file, "", "has text after the end of the JSON value"
              + StrictJson.at(parser.currentTokenLocation()) + "; a file holds exactly one JSON value"));
          return null;
        }
      } catch (JsonProcessingException e) {
        errors.add(new ConfigError(file, "", "has text after the end of the JSON value" + StrictJson.at(e
            .getLocation()) + "; a file holds exactly one JSON value"));
        return null;
      }
      return new JsonDocument(root, Map.copyOf(locations), Set.copyOf(reader.duplicates()));
    } catch (JsonProcessingException e) {
      errors.add(new ConfigError(file, "", "malformed JSON" + StrictJson.at(e.getLocation()) + ": "
          + StrictJson.readable(e.getOriginalMessage())));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JSON from a string", e);
    }
  }

  /**
   * Where a value starts, for messages.
   *
   * @param path the value's field path
   * @return {@code " (line L, column C)"}, or an empty string when unknown
   */
  String at(String path) {
    return StrictJson.at(locations.get(path));
  }

  /** A recursive reader that builds the tree and records locations and duplicate keys on the way. */
  private record Reader(String file, JsonParser parser, Map<String, JsonLocation> locations,
      List<ConfigError> errors, Deque<Open> open, Set<String> duplicates) {
    /** Jackson says only "Unexpected end-of-input"; the reader knows which object or list is still open. */
    String explain(JsonProcessingException e) {
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (!original.startsWith("Unexpected end-of-input")) {
        return StrictJson.readable(original);
      }
      if (original.contains("string value")) {
        return "the file ends inside a string";
      }
      if (open.isEmpty()) {
        return "the file ends before the JSON value is complete";
      }
      Open innermost = open.peek();
      JsonLocation start = innermost.location();
      return "the file ends before the " + innermost.kind() + " opened at line " + start.getLineNr() + ", column "
          + start.getColumnNr() + " (" + (innermost.path().isEmpty() ? "the top level" : innermost.path())
          + ") is closed";
    }

    JsonNode value(String path) throws IOException {
      locations.put(path, parser.currentTokenLocation());
      JsonToken token = parser.currentToken();
      if (token == null) {
        // Jackson reports an unclosed object or array itself; this only guards the switch.
        throw new JsonParseException(parser, "unexpected end of the file");
      }
      switch (token) {
        case START_OBJECT:
          return object(path);
        case START_ARRAY:
          return array(path);
        case VALUE_STRING:
          return NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT:
          return NODES.numberNode(parser.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT:
          return NODES.numberNode(parser.getDecimalValue());
        case VALUE_TRUE:
          return NODES.booleanNode(true);
        case VALUE_FALSE:
          return NODES.booleanNode(false);
        default:
          return NODES.nullNode();
      }
    }

    private ObjectNode object(String path) throws IOException {
      open.push(new Open("object", path, parser.currentTokenLocation()));
      ObjectNode node = NODES.objectNode();
      Set<String> twice = new HashSet<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonLocation keyAt = parser.currentTokenLocation();
        String child = path.isEmpty() ? name : path + "." + name;
        if (node.has(name) && twice.add(name)) {
          errors.add(new ConfigError(file, path, "duplicate key '" + name + "'" + StrictJson.at(keyAt)
              + "; each key may appear once in an object"));
          duplicates.add(child);
        }
        parser.nextToken();
        node.set(name, value(child));
      }
      twice.forEach(node::remove);
      open.pop();
      return node;
    }

    private ArrayNode array(String path) throws IOException {
      open.push(new Open("list", path, parser.currentTokenLocation()));
      ArrayNode node = NODES.arrayNode();
      for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        node.add(value(path + "[" + i + "]"));
      }
      open.pop();
      return node;
    }
  }

  /** An object or list whose end has not been read yet. */
  private record Open(String kind, String path, JsonLocation location) {}
}
