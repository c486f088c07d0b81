package com.acme.platform.constructs.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.constructs.IValidation;

/**
 * Checks a stack's synthesized Terraform JSON against policy rules, with waivers.
 *
 * <pre>{@code
 * // At synth: the stack fails validation with one line per violation.
 * PolicyCheck.addTo(stack, PolicyCheckProps.builder()
 *     .waivers(List.of(new Waiver("aws_lb.Public_1A2B3C4D", "lb-access-logs", "sandbox, no logs bucket")))
 *     .build());
 * // Or on demand, for a report:
 * PolicyReport report = PolicyCheck.evaluate(stack, PolicyCheckProps.builder().build());
 * }</pre>
 */
public final class PolicyCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PolicyCheck() {}

  /**
   * Checks one stack's Terraform JSON.
   *
   * @param stackName the stack's name, the first part of every message
   * @param terraformJson the stack's whole Terraform JSON document (as in {@code cdk.tf.json})
   * @param props the rules and waivers
   * @return the findings, the waived findings and the waivers that waive nothing
   */
  public static PolicyReport evaluate(String stackName, JsonNode terraformJson, PolicyCheckProps props) {
    Objects.requireNonNull(props, "props");
    StackDocument stack = StackDocument.of(stackName, terraformJson);
    Map<String, Integer> waiverIndex = new HashMap<>();
    for (int i = 0; i < props.waivers().size(); i++) {
      Waiver w = props.waivers().get(i);
      waiverIndex.put(key(w.resource(), w.rule()), i);
    }
    List<PolicyFinding> findings = new ArrayList<>();
    List<WaivedFinding> waived = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    for (StackResource resource : stack.resources()) {
      for (PolicyRule rule : props.rules()) {
        if (!rule.covers(resource.type())) {
          continue;
        }
        List<String> problems = rule.problems(resource, stack);
        if (problems.isEmpty()) {
          continue;
        }
        PolicyFinding finding = new PolicyFinding(stackName, resource.address(), rule, String.join("; ", problems));
        Integer index = waiverIndex.get(key(resource.address(), rule.id()));
        if (index == null) {
          findings.add(finding);
        } else {
          used.add(index);
          waived.add(new WaivedFinding(finding, props.waivers().get(index), index));
        }
      }
    }
    List<WaiverProblem> stale = new ArrayList<>();
    for (int i = 0; i < props.waivers().size(); i++) {
      if (!used.contains(i)) {
        stale.add(staleWaiver(stack, props, i));
      }
    }
    return new PolicyReport(stackName, findings, waived, stale);
  }

  /**
   * Checks one stack's Terraform JSON, given as text.
   *
   * @param stackName the stack's name
   * @param terraformJson the JSON text of {@code cdk.tf.json}
   * @param props the rules and waivers
   * @return the report
   * @throws IllegalArgumentException when the text is not JSON
   */
  public static PolicyReport evaluate(String stackName, String terraformJson, PolicyCheckProps props) {
    try {
      return evaluate(stackName, MAPPER.readTree(terraformJson), props);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the Terraform JSON of stack " + stackName + " is not JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * Checks a stack as it would synthesize now ({@code stack.toTerraform()}), named by its construct id.
   *
   * @param stack the stack, complete
   * @param props the rules and waivers
   * @return the report
   */
  public static PolicyReport evaluate(TerraformStack stack, PolicyCheckProps props) {
    return evaluate(stack.getNode().getId(), terraformJson(stack), props);
  }

  /**
   * Makes the stack run the check when it is synthesized: a construct validation, which {@code app.synth()} runs,
   * and so does platform-testing's {@code SynthesizedStack.of}. Every finding and every waiver that waives nothing
   * fails the synthesis with its line.
   *
   * @param stack the stack
   * @param props the rules and waivers
   */
  public static void addTo(TerraformStack stack, PolicyCheckProps props) {
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(props, "props");
    stack.getNode().addValidation(new StackValidation(stack, props));
  }

  /** The stack's Terraform JSON as cdktf would write it (tokens resolved to Terraform expressions). */
  static JsonNode terraformJson(TerraformStack stack) {
    return MAPPER.valueToTree(stack.toTerraform());
  }

  private static WaiverProblem staleWaiver(StackDocument stack, PolicyCheckProps props, int i) {
    Waiver w = props.waivers().get(i);
    Optional<StackResource> resource = stack.find(w.resource());
    if (resource.isEmpty()) {
      return new WaiverProblem(stack.stackName(), w, i, "resource", "no resource " + w.resource() + " in stack "
          + stack.stackName() + "; remove the waiver or correct the address");
    }
    PolicyRule rule = props.rules().stream().filter(r -> r.id().equals(w.rule())).findFirst().orElseThrow();
    if (!rule.covers(resource.get().type())) {
      return new WaiverProblem(stack.stackName(), w, i, "rule", "rule " + rule.id() + " does not check "
          + resource.get().type() + " resources (it checks " + String.join(", ", rule.resourceTypes())
          + "); remove the waiver");
    }
    return new WaiverProblem(stack.stackName(), w, i, "rule", w.resource() + " passes rule " + rule.id()
        + ", so the waiver waives nothing; remove it");
  }

  private static String key(String address, String rule) {
    return address + "\n" + rule;
  }

  /** The construct validation {@link #addTo} registers. */
  private static final class StackValidation implements IValidation {
    private final TerraformStack stack;
    private final PolicyCheckProps props;

    StackValidation(TerraformStack stack, PolicyCheckProps props) {
      this.stack = stack;
      this.props = props;
    }

    @Override
    public List<String> validate() {
      return evaluate(stack, props).errors();
    }
  }
}
