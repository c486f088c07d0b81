package com.acme.platform.constructs.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The only place construct tests touch {@code com.hashicorp.cdktf.Testing} (STYLE.md section 0).
 *
 * <p>Builds a stack in a stubbed test app, synthesizes it and gives the JSON to assertions that print the whole
 * document when they fail.
 */
public final class Synth {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonNode json;

  private Synth(JsonNode json) {
    this.json = json;
  }

  /**
   * Synthesizes a stack built by {@code body} and runs construct validations.
   *
   * @param body adds constructs to the stack
   * @return the synthesized stack
   */
  public static Synth stack(Consumer<TerraformStack> body) {
    App app = Testing.app();
    TerraformStack stack = new TerraformStack(app, "test");
    // Constructs never create providers (STYLE.md section 9); the stack that hosts them does.
    AwsProvider.Builder.create(stack, "aws").region("eu-west-1").build();
    body.accept(stack);
    try {
      return new Synth(MAPPER.readTree(Testing.synth(stack, true)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Synthesizes a complete stack (one that brings its own provider), for examples.
   *
   * @param build creates the stack in the given test app
   * @return the synthesized stack
   */
  public static Synth app(java.util.function.Function<App, TerraformStack> build) {
    TerraformStack stack = build.apply(Testing.app());
    try {
      return new Synth(MAPPER.readTree(Testing.synth(stack, true)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole synthesized document. */
  public JsonNode json() {
    return json;
  }

  /**
   * All resources of one Terraform type, by their logical name.
   *
   * @param type a Terraform resource type such as {@code aws_ecr_repository}
   * @return the resources' bodies; empty when there are none
   */
  public List<JsonNode> resources(String type) {
    List<JsonNode> found = new ArrayList<>();
    JsonNode byName = json.path("resource").path(type);
    byName.elements().forEachRemaining(found::add);
    return found;
  }

  /**
   * The only resource of a type; fails when there is not exactly one.
   *
   * @param type a Terraform resource type
   * @return its body
   */
  public JsonNode only(String type) {
    List<JsonNode> found = resources(type);
    if (found.size() != 1) {
      fail("expected exactly one " + type + ", found " + found.size() + " in\n" + pretty());
    }
    return found.get(0);
  }

  /**
   * Asserts that some resource of {@code type} contains all of {@code expected} (values compared as JSON; nested
   * objects match when they contain the expected keys).
   *
   * @param type a Terraform resource type
   * @param expected Terraform snake_case keys and their values
   */
  public void assertHasResourceWithProperties(String type, Map<String, ?> expected) {
    JsonNode wanted = MAPPER.valueToTree(expected);
    for (JsonNode resource : resources(type)) {
      if (contains(resource, wanted)) {
        return;
      }
    }
    fail("no " + type + " contains " + wanted + " in\n" + pretty());
  }

  /**
   * Counts the resources of one type.
   *
   * @param type a Terraform resource type
   * @return how many the stack has
   */
  public int count(String type) {
    return resources(type).size();
  }

  /** The whole document, indented, for failure messages. */
  public String pretty() {
    return json.toPrettyString();
  }

  /**
   * Whether {@code actual} contains {@code expected}: objects by key (recursively), everything else by equality.
   *
   * @param actual the synthesized value
   * @param expected the wanted value
   * @return true when every expected key is present with a matching value
   */
  public static boolean contains(JsonNode actual, JsonNode expected) {
    if (expected instanceof ObjectNode) {
      if (!actual.isObject()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!actual.has(field.getKey()) || !contains(actual.get(field.getKey()), field.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        if (!contains(actual.get(i), expected.get(i))) {
          return false;
        }
      }
      return true;
    }
    return actual.equals(expected) || (expected.isNumber() && actual.isNumber()
        && expected.decimalValue().compareTo(actual.decimalValue()) == 0);
  }
}
