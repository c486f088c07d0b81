package com.acme.platform.constructs.policy;

import java.util.List;
import java.util.Objects;

/**
 * One policy rule: what it checks on which resource types, the scanners' ids for the same check, and how to fix a
 * violation. {@link PolicyRules#all()} lists ours; a team can build its own with {@link #builder()}.
 */
public final class PolicyRule {
  private final String id;
  private final String checkovId;
  private final String tfsecId;
  private final String trivyId;
  private final String title;
  private final String fix;
  private final List<String> resourceTypes;
  private final Check check;

  /** What a rule checks on one resource. */
  @FunctionalInterface
  public interface Check {
    /**
     * Checks one resource of a type the rule covers.
     *
     * @param resource the resource
     * @param stack the whole stack, for rules that look at related resources (a VPC's flow log)
     * @return what is wrong, one entry per problem in the user's terms; empty when the resource passes
     */
    List<String> problems(StackResource resource, StackDocument stack);
  }

  private PolicyRule(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.checkovId = b.checkovId;
    this.tfsecId = b.tfsecId;
    this.trivyId = b.trivyId;
    this.title = Objects.requireNonNull(b.title, "title");
    this.fix = Objects.requireNonNull(b.fix, "fix");
    this.resourceTypes = List.copyOf(Objects.requireNonNull(b.resourceTypes, "resourceTypes"));
    this.check = Objects.requireNonNull(b.check, "check");
    if (resourceTypes.isEmpty()) {
      throw new IllegalArgumentException("PolicyRule " + id + " covers no resource type");
    }
  }

  /**
   * Our id, used in waivers and messages, for example {@code ecs-read-only-root-filesystem}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The checkov check that tests the same thing, for example {@code CKV_AWS_336}.
   *
   * @return the id, or null when checkov has none
   */
  public String checkovId() {
    return checkovId;
  }

  /**
   * The tfsec check that tests the same thing, for example {@code aws-ecs-enable-container-insight}.
   *
   * @return the id, or null when tfsec has none
   */
  public String tfsecId() {
    return tfsecId;
  }

  /**
   * The trivy (Aqua vulnerability database) id of the same check, for example {@code AVD-AWS-0034}.
   *
   * @return the id, or null when trivy has none
   */
  public String trivyId() {
    return trivyId;
  }

  /**
   * What the rule requires, in one sentence.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * How to fix a violation.
   *
   * @return the fix, in the imperative
   */
  public String fix() {
    return fix;
  }

  /**
   * The Terraform resource types the rule checks.
   *
   * @return the types
   */
  public List<String> resourceTypes() {
    return resourceTypes;
  }

  /**
   * Whether the rule checks resources of a type.
   *
   * @param type a Terraform resource type
   * @return true when {@link #resourceTypes()} contains it
   */
  public boolean covers(String type) {
    return resourceTypes.contains(type);
  }

  /**
   * Checks one resource.
   *
   * @param resource a resource of a type the rule covers
   * @param stack the whole stack
   * @return what is wrong; empty when the resource passes
   */
  public List<String> problems(StackResource resource, StackDocument stack) {
    return List.copyOf(check.problems(resource, stack));
  }

  /**
   * Our id with checkov's in parentheses, as messages show it.
   *
   * @return for example {@code lb-access-logs (CKV_AWS_91)}, or only our id when checkov has none
   */
  public String label() {
    return checkovId == null ? id : id + " (" + checkovId + ")";
  }

  @Override
  public String toString() {
    return "PolicyRule[" + label() + "]";
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link PolicyRule}. */
  public static final class Builder {
    private String id;
    private String checkovId;
    private String tfsecId;
    private String trivyId;
    private String title;
    private String fix;
    private List<String> resourceTypes;
    private Check check;

    private Builder() {}

    /**
     * Sets {@link PolicyRule#id()}. Required.
     *
     * @param v the value
     * @return this builder
     */
    public Builder id(String v) { this.id = v; return this; }
    /**
     * Sets {@link PolicyRule#checkovId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder checkovId(String v) { this.checkovId = v; return this; }
    /**
     * Sets {@link PolicyRule#tfsecId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder tfsecId(String v) { this.tfsecId = v; return this; }
    /**
     * Sets {@link PolicyRule#trivyId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder trivyId(String v) { this.trivyId = v; return this; }
    /**
     * Sets {@link PolicyRule#title()}. Required.
     *
     * @param v the value
     * @return this builder
     */
    public Builder title(String v) { this.title = v; return this; }
    /**
     * Sets {@link PolicyRule#fix()}. Required.
     *
     * @param v the value
     * @return this builder
     */
    public Builder fix(String v) { this.fix = v; return this; }
    /**
     * Sets {@link PolicyRule#resourceTypes()}. Required.
     *
     * @param v the types
     * @return this builder
     */
    public Builder resourceTypes(String... v) { this.resourceTypes = List.of(v); return this; }
    /**
     * Sets what the rule checks. Required.
     *
     * @param v the check
     * @return this builder
     */
    public Builder check(Check v) { this.check = v; return this; }

    /**
     * Builds the rule.
     *
     * @return the rule
     */
    public PolicyRule build() {
      return new PolicyRule(this);
    }
  }
}
