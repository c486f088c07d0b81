package com.acme.platform.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field paths in the form the platform's messages use ({@code services[1].routing.containerPort}), applied to JSON
 * trees: for test inputs that change one value of a real file.
 */
public final class JsonPaths {
  private static final Pattern STEP = Pattern.compile("\\.?([^.\\[\\]]+)|\\[(\\d+)\\]");

  private JsonPaths() {}

  /** One step of a path: an object key or a list index. */
  private record Step(String key, int index) {
    boolean isIndex() {
      return key == null;
    }
  }

  private static List<Step> steps(String path) {
    List<Step> steps = new ArrayList<>();
    Matcher m = STEP.matcher(path);
    int end = 0;
    while (m.find() && m.start() == end) {
      steps.add(m.group(1) != null ? new Step(m.group(1), -1) : new Step(null, Integer.parseInt(m.group(2))));
      end = m.end();
    }
    if (end != path.length() || steps.isEmpty()) {
      throw new IllegalArgumentException("not a field path: " + path);
    }
    return steps;
  }

  /**
   * Sets the value at {@code path}, adding the key when the object has none; {@code list[n]} with n equal to the
   * list's size appends.
   *
   * @param root the document
   * @param path where
   * @param value the new value
   */
  public static void set(JsonNode root, String path, JsonNode value) {
    List<Step> steps = steps(path);
    JsonNode parent = walk(root, steps.subList(0, steps.size() - 1), path);
    Step last = steps.get(steps.size() - 1);
    if (last.isIndex()) {
      ArrayNode list = (ArrayNode) parent;
      if (last.index() == list.size()) {
        list.add(value);
      } else {
        require(last.index() < list.size(), path);
        list.set(last.index(), value);
      }
    } else {
      ((ObjectNode) parent).set(last.key(), value);
    }
  }

  /**
   * Removes the key or list entry at {@code path}; it must exist.
   *
   * @param root the document
   * @param path where
   */
  public static void remove(JsonNode root, String path) {
    List<Step> steps = steps(path);
    JsonNode parent = walk(root, steps.subList(0, steps.size() - 1), path);
    Step last = steps.get(steps.size() - 1);
    if (last.isIndex()) {
      require(last.index() < parent.size(), path);
      ((ArrayNode) parent).remove(last.index());
    } else {
      require(parent.has(last.key()), path);
      ((ObjectNode) parent).remove(last.key());
    }
  }

  private static JsonNode walk(JsonNode root, List<Step> steps, String path) {
    JsonNode node = root;
    for (Step step : steps) {
      node = step.isIndex() ? node.get(step.index()) : node.get(step.key());
      require(node != null, path);
    }
    return node;
  }

  private static void require(boolean ok, String path) {
    if (!ok) {
      throw new IllegalArgumentException("no value at " + path);
    }
  }

  /**
   * Every path in a tree, parents before children, in document order.
   *
   * @param root the document
   * @return the paths; the root itself is not included
   */
  public static List<String> all(JsonNode root) {
    List<String> paths = new ArrayList<>();
    collect(root, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String path, List<String> paths) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> {
        String child = path.isEmpty() ? name : path + "." + name;
        paths.add(child);
        collect(node.get(name), child, paths);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String child = path + "[" + i + "]";
        paths.add(child);
        collect(node.get(i), child, paths);
      }
    }
  }

  /**
   * The value at a path.
   *
   * @param root the document
   * @param path where
   * @return the value
   */
  public static JsonNode get(JsonNode root, String path) {
    return walk(root, steps(path), path);
  }
}
