package com.acme.platform.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a JSON document against the shape of a configuration record before it is bound: every unknown key, every
 * value of the wrong kind (a string where a number belongs, a number too large, {@code null} inside a list) is one
 * problem, all of them in one pass, each with its line and column.
 *
 * <p>Jackson's binding stops at the first such problem. Here each wrong value is removed from the tree instead (an
 * entry of a list of objects becomes an empty object), so that the rest of the file can still be bound and checked;
 * {@link #removed()} tells later checks which fields to leave alone, so one mistake gives one message.
 *
 * <p>The shape is read from the record components: {@code String}, {@code Integer}, {@code Boolean}, lists, maps of
 * strings and nested records. {@code null} for a record component means "not set", as if the key were absent.
 */
final class JsonShape {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int QUOTE_LIMIT = 60;

  private final String file;
  private final JsonDocument document;
  private final List<ConfigError> errors;
  private final Set<String> removed = new LinkedHashSet<>();

  private JsonShape(String file, JsonDocument document, List<ConfigError> errors) {
    this.file = file;
    this.document = document;
    this.errors = errors;
  }

  /**
   * Checks and repairs a document whose top level must be a {@code type} record.
   *
   * @param file the file, relative to the repository root
   * @param document the document (its tree is changed in place)
   * @param type the record type of the top level
   * @param errors where problems are added
   * @return the checker, whose {@link #removed()} lists what was taken out; {@link #usable()} says whether the
   *     top level can be bound at all
   */
  static JsonShape check(String file, JsonDocument document, Class<? extends Record> type, List<ConfigError> errors) {
    JsonShape shape = new JsonShape(file, document, errors);
    shape.removed.addAll(document.duplicates());
    if (!document.root().isObject()) {
      shape.wrong("", "an object with the fields " + fieldNames(type), document.root());
    } else {
      shape.record((ObjectNode) document.root(), type, "");
    }
    return shape;
  }

  /** Whether the top level is an object, so that the (repaired) document can be bound. */
  boolean usable() {
    return document.root().isObject();
  }

  /**
   * The field paths whose values were wrong and were removed (or emptied, for entries of a list of objects), and
   * those of duplicate keys.
   */
  Set<String> removed() {
    return Set.copyOf(removed);
  }

  private void record(ObjectNode node, Class<?> type, String path) {
    Map<String, RecordComponent> components = new TreeMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      components.put(c.getName(), c);
    }
    for (String name : listOf(node.fieldNames())) {
      String at = path.isEmpty() ? name : path + "." + name;
      RecordComponent component = components.get(name);
      JsonNode value = node.get(name);
      if (component == null) {
        errors.add(new ConfigError(file, at, "unknown field '" + name + "'" + document.at(at) + "; allowed fields: "
            + components.keySet() + Suggestion.closest(name, components.keySet()).map(s -> "; did you mean '" + s
                + "'?").orElse("")));
        removed.add(at);
        node.remove(name);
      } else if (value.isNull()) {
        node.remove(name);
      } else if (!value(value, component.getGenericType(), at)) {
        removed.add(at);
        node.remove(name);
      }
    }
  }

  /** Checks one present, non-null value; returns false when it is wrong and must be removed by the caller. */
  private boolean value(JsonNode node, Type type, String path) {
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return node.isTextual() || wrong(path, "a string", node);
    }
    if (raw == Boolean.class) {
      return node.isBoolean() || wrong(path, "true or false", node);
    }
    if (raw == Integer.class) {
      if (node.isIntegralNumber() && !node.canConvertToInt()) {
        errors.add(new ConfigError(file, path, "must be a whole number from " + Integer.MIN_VALUE + " to "
            + Integer.MAX_VALUE + ", got " + got(node) + document.at(path)));
        return false;
      }
      return node.isIntegralNumber() || wrong(path, "a whole number", node);
    }
    if (List.class.isAssignableFrom(raw)) {
      return node.isArray() ? list((ArrayNode) node, argument(type, 0), path) : wrong(path, "a list", node);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return node.isObject() ? stringMap((ObjectNode) node, path) : wrong(path, "an object of string values", node);
    }
    if (raw.isRecord()) {
      if (!node.isObject()) {
        return wrong(path, "an object with the fields " + fieldNames(raw), node);
      }
      record((ObjectNode) node, raw, path);
      return true;
    }
    throw new IllegalStateException("no JSON shape for " + type + " at " + path);
  }

  private boolean list(ArrayNode node, Type elementType, String path) {
    Class<?> element = raw(elementType);
    boolean ok = true;
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode item = node.get(i);
      if (element.isRecord()) {
        if (item.isObject()) {
          record((ObjectNode) item, element, at);
        } else {
          // An empty object keeps the indexes of the following entries, so their messages stay right.
          wrong(at, "an object with the fields " + fieldNames(element), item);
          removed.add(at);
          node.set(i, NODES.objectNode());
        }
      } else {
        boolean good = item.isNull() ? wrong(at, describeExpected(element), item) : value(item, elementType, at);
        ok &= good;
      }
    }
    return ok;
  }

  private boolean stringMap(ObjectNode node, String path) {
    boolean ok = true;
    for (String name : listOf(node.fieldNames())) {
      JsonNode value = node.get(name);
      ok &= value.isTextual() || wrong(path + "." + name, "a string", value);
    }
    return ok;
  }

  /** Records a value of the wrong kind; always returns false. */
  private boolean wrong(String path, String expected, JsonNode node) {
    errors.add(new ConfigError(file, path, "expected " + expected + ", got " + got(node) + document.at(path)));
    removed.add(path);
    return false;
  }

  private static String describeExpected(Class<?> element) {
    if (element == String.class) {
      return "a string";
    }
    return element == Integer.class ? "a whole number" : "true or false";
  }

  /**
   * The value received, as the user wrote it: strings quoted (and shortened), numbers and literals as they are,
   * objects and lists by kind.
   *
   * @param node a value
   * @return its description
   */
  static String got(JsonNode node) {
    if (node.isTextual()) {
      String text = node.textValue();
      return "\"" + (text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text) + "\"";
    }
    if (node.isObject()) {
      return node.isEmpty() ? "an empty object" : "an object";
    }
    if (node.isArray()) {
      return node.isEmpty() ? "an empty list" : "a list";
    }
    String text = node.asText();
    return text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text;
  }

  private static List<String> fieldNames(Class<?> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
        .sorted(Comparator.naturalOrder()).toList();
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return (Class<?>) ((ParameterizedType) type).getRawType();
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }

  private static <T> List<T> listOf(Iterator<T> iterator) {
    List<T> all = new ArrayList<>();
    iterator.forEachRemaining(all::add);
    return all;
  }
}
