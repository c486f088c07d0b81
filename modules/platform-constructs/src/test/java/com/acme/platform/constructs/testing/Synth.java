package com.acme.platform.constructs.testing;

import com.acme.platform.testing.SynthesizedStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The construct tests' shorthand for {@link SynthesizedStack} (platform-testing, which alone calls
 * {@code com.hashicorp.cdktf.Testing}, STYLE.md section 0): a stack with an AWS provider in eu-west-1, synthesized
 * with construct validations.
 */
public final class Synth {
  private final SynthesizedStack synthesized;

  private Synth(SynthesizedStack synthesized) {
    this.synthesized = synthesized;
  }

  /**
   * Synthesizes a stack built by {@code body} and runs construct validations.
   *
   * @param body adds constructs to the stack
   * @return the synthesized stack
   */
  public static Synth stack(Consumer<TerraformStack> body) {
    TerraformStack stack = new TerraformStack(SynthesizedStack.app(), "test");
    // Constructs never create providers (STYLE.md section 9); the stack that hosts them does.
    AwsProvider.Builder.create(stack, "aws").region("eu-west-1").build();
    body.accept(stack);
    return new Synth(SynthesizedStack.of(stack));
  }

  /**
   * Synthesizes a complete stack (one that brings its own provider), for examples.
   *
   * @param build creates the stack in the given test app
   * @return the synthesized stack
   */
  public static Synth app(Function<App, TerraformStack> build) {
    return new Synth(SynthesizedStack.of(build.apply(SynthesizedStack.app())));
  }

  /** The whole synthesized document. */
  public JsonNode json() {
    return synthesized.json();
  }

  /**
   * All resources of one Terraform type.
   *
   * @param type a Terraform resource type such as {@code aws_ecr_repository}
   * @return the resources' bodies; empty when there are none
   */
  public List<JsonNode> resources(String type) {
    return synthesized.resources(type);
  }

  /**
   * The only resource of a type; fails when there is not exactly one.
   *
   * @param type a Terraform resource type
   * @return its body
   */
  public JsonNode only(String type) {
    return synthesized.only(type);
  }

  /**
   * Asserts that some resource of {@code type} contains all of {@code expected}; the failure shows, per resource of
   * the type, which property differed.
   *
   * @param type a Terraform resource type
   * @param expected Terraform snake_case keys and their values
   */
  public void assertHasResourceWithProperties(String type, Map<String, ?> expected) {
    synthesized.assertHasResourceWithProperties(type, expected);
  }

  /**
   * Counts the resources of one type.
   *
   * @param type a Terraform resource type
   * @return how many the stack has
   */
  public int count(String type) {
    return synthesized.count(type);
  }

  /** The whole document, indented, for failure messages. */
  public String pretty() {
    return synthesized.pretty();
  }

  /**
   * Whether {@code actual} contains {@code expected}: objects by key (recursively), everything else by equality.
   *
   * @param actual the synthesized value
   * @param expected the wanted value
   * @return true when every expected key is present with a matching value
   */
  public static boolean contains(JsonNode actual, JsonNode expected) {
    return SynthesizedStack.contains(actual, expected);
  }
}
