package com.acme.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.opentest4j.AssertionFailedError;

/**
 * A stack synthesized to Terraform JSON, with assertions on its resources.
 *
 * <p>Build the stack in {@link #app()} (a test app whose output is deterministic: cdktf's version is stubbed and
 * metadata stripped), then call {@link #of(TerraformStack)}:
 *
 * <pre>{@code
 * TerraformStack stack = new MyStack(SynthesizedStack.app(), "orders");
 * SynthesizedStack synth = SynthesizedStack.of(stack);
 * synth.assertHasResourceWithProperties("aws_ecs_service", Map.of("desired_count", 2));
 * }</pre>
 *
 * <p>Property keys are Terraform's snake_case names, as in the synthesized JSON.
 */
public final class SynthesizedStack {
  /** Sorts the keys of expected maps, so that failure messages list properties in a stable order. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final int MAX_VALUE_CHARS = 200;

  private final JsonNode json;

  private SynthesizedStack(JsonNode json) {
    this.json = json;
  }

  /**
   * A new test app for one test's stacks: cdktf's version is stubbed, so synthesized output does not change when
   * only the tool changes.
   *
   * @return the app
   */
  public static App app() {
    return Testing.app();
  }

  /**
   * Synthesizes a stack and runs the validations its constructs registered ({@code node.addValidation}); a failed
   * validation throws.
   *
   * @param stack a stack built in {@link #app()}
   * @return the synthesized stack
   */
  public static SynthesizedStack of(TerraformStack stack) {
    Objects.requireNonNull(stack, "stack");
    return parse(Testing.synth(stack, true));
  }

  /**
   * Wraps JSON synthesized elsewhere (a {@code cdk.tf.json}), for the same assertions.
   *
   * @param terraformJson the Terraform JSON document
   * @return the synthesized stack
   */
  public static SynthesizedStack parse(String terraformJson) {
    try {
      return new SynthesizedStack(MAPPER.readTree(terraformJson));
    } catch (IOException e) {
      throw new UncheckedIOException("synthesized output is not JSON", e);
    }
  }

  /**
   * The whole synthesized document.
   *
   * @return the document; do not modify it
   */
  public JsonNode json() {
    return json;
  }

  /**
   * All resources of one Terraform type, in the document's order.
   *
   * @param type a Terraform resource type such as {@code aws_ecr_repository}
   * @return the resources' bodies; empty when there are none
   */
  public List<JsonNode> resources(String type) {
    return List.copyOf(resourcesByName(type).values());
  }

  /**
   * All resources of one Terraform type by their logical name.
   *
   * @param type a Terraform resource type such as {@code aws_ecr_repository}
   * @return name to body, in the document's order; empty when there are none
   */
  public Map<String, JsonNode> resourcesByName(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    json.path("resource").path(type).fields().forEachRemaining(e -> found.put(e.getKey(), e.getValue()));
    return found;
  }

  /**
   * Counts the resources of one type.
   *
   * @param type a Terraform resource type
   * @return how many the stack has
   */
  public int count(String type) {
    return resourcesByName(type).size();
  }

  /**
   * The only resource of a type.
   *
   * @param type a Terraform resource type
   * @return its body
   * @throws AssertionFailedError when the stack has none or several, listing the resource types it has
   */
  public JsonNode only(String type) {
    List<JsonNode> found = resources(type);
    if (found.size() != 1) {
      throw new AssertionFailedError("expected exactly one " + type + ", found " + found.size() + "; "
          + (found.isEmpty() ? typesSummary() : "their names: " + resourcesByName(type).keySet()));
    }
    return found.get(0);
  }

  /**
   * Asserts that some resource of {@code type} has all of {@code expected}. Values compare as JSON: objects match
   * when they contain the expected keys (recursively), lists element by element, numbers by value.
   *
   * <p>When none matches, the message lists every resource of the type with the properties that differed, for
   * example {@code desired_count: expected 2, found 1}, or the resource types the stack has when it has none of
   * this type.
   *
   * @param type a Terraform resource type
   * @param expected Terraform snake_case keys and their values
   * @throws AssertionFailedError when no resource of the type has them
   */
  public void assertHasResourceWithProperties(String type, Map<String, ?> expected) {
    JsonNode wanted = MAPPER.valueToTree(expected);
    Map<String, JsonNode> candidates = resourcesByName(type);
    StringBuilder report = new StringBuilder();
    for (Map.Entry<String, JsonNode> candidate : candidates.entrySet()) {
      List<String> differences = differences(candidate.getValue(), wanted);
      if (differences.isEmpty()) {
        return;
      }
      report.append("\n  ").append(type).append('.').append(candidate.getKey()).append(':');
      differences.forEach(d -> report.append("\n    ").append(d));
    }
    String heading = "no " + type + " has " + shorten(wanted) + "; ";
    throw new AssertionFailedError(candidates.isEmpty() ? heading + typesSummary()
        : heading + "the " + candidates.size() + " " + type + " in the stack differ:" + report);
  }

  /**
   * The whole document, indented, for failure messages.
   *
   * @return the indented JSON
   */
  public String pretty() {
    return json.toPrettyString();
  }

  /**
   * Whether {@code actual} has everything {@code expected} has, compared as {@link
   * #assertHasResourceWithProperties} does.
   *
   * @param actual the synthesized value
   * @param expected the wanted value
   * @return true when every expected key is present with a matching value
   */
  public static boolean contains(JsonNode actual, JsonNode expected) {
    return differences(actual, expected).isEmpty();
  }

  /**
   * What keeps {@code actual} from containing {@code expected}, one line per property path.
   *
   * @param actual the synthesized value
   * @param expected the wanted value
   * @return lines such as {@code health_check.path: expected "/health", found "/"}; empty when it contains it
   */
  public static List<String> differences(JsonNode actual, JsonNode expected) {
    List<String> out = new ArrayList<>();
    collect("", actual, expected, out);
    return out;
  }

  private static void collect(String path, JsonNode actual, JsonNode expected, List<String> out) {
    String at = path.isEmpty() ? "(value)" : path;
    if (expected.isObject()) {
      if (!actual.isObject()) {
        out.add(at + ": expected an object " + shorten(expected) + ", found " + shorten(actual));
        return;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (!actual.has(field.getKey())) {
          out.add(child + ": expected " + shorten(field.getValue()) + ", missing");
        } else {
          collect(child, actual.get(field.getKey()), field.getValue(), out);
        }
      }
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        collect(path + "[" + i + "]", actual.get(i), expected.get(i), out);
      }
    } else if (!actual.equals(expected) && !(expected.isNumber() && actual.isNumber()
        && expected.decimalValue().compareTo(actual.decimalValue()) == 0)) {
      out.add(at + ": expected " + shorten(expected) + ", found " + shorten(actual));
    }
  }

  private String typesSummary() {
    Map<String, Integer> types = new TreeMap<>();
    json.path("resource").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().size()));
    return types.isEmpty() ? "the stack has no resources" : "the stack has no resource of that type; it has " + types;
  }

  private static String shorten(JsonNode value) {
    String text = value.toString();
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
  }
}
