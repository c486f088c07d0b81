package com.acme.platform.constructs.policy;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.EditDistance;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Properties for {@link PolicyCheck}. Create them with {@link #builder()}; {@link #toBuilder()} copies. */
public final class PolicyCheckProps {
  /** A Terraform resource address: a resource type, a dot, a resource name. */
  static final Pattern ADDRESS = Pattern.compile("[a-z][a-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_-]*");

  private final List<PolicyRule> rules;
  private final List<Waiver> waivers;

  private PolicyCheckProps(Builder b) {
    this.rules = b.rules == null ? PolicyRules.all() : List.copyOf(b.rules);
    this.waivers = b.waivers == null ? List.of() : List.copyOf(b.waivers);
    Checks checks = Checks.of("PolicyCheckProps");
    Map<String, PolicyRule> byId = new HashMap<>();
    for (PolicyRule rule : rules) {
      checks.check(byId.putIfAbsent(rule.id(), rule) == null, "rules", "has the rule id \"" + rule.id()
          + "\" twice; rule ids must be unique");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < waivers.size(); i++) {
      Waiver w = waivers.get(i);
      String at = "waivers[" + i + "]";
      boolean hasResource = checks.required(at + ".resource", w.resource());
      if (hasResource) {
        checks.matches(at + ".resource", w.resource(), ADDRESS,
            "a Terraform resource address <type>.<name> such as \"aws_lb.LoadBalancerPublic_8B4D150F\"");
      }
      boolean hasRule = checks.required(at + ".rule", w.rule());
      if (hasRule && !byId.containsKey(w.rule())) {
        String closest = closest(w.rule(), byId.keySet());
        checks.check(false, at + ".rule", "is not a policy rule: \"" + w.rule() + "\"; "
            + (closest != null ? "did you mean \"" + closest + "\"?" : "the rules are listed in the README's "
                + "policy table"));
      }
      if (w.reason() == null || w.reason().isBlank()) {
        checks.check(false, at + ".reason", "is required: say why " + (hasResource ? w.resource() : "the resource")
            + " may break " + (hasRule ? w.rule() : "the rule") + " (the reason is listed wherever the waiver is)");
      }
      if (hasResource && hasRule) {
        Integer first = seen.putIfAbsent(w.resource() + "\n" + w.rule(), i);
        checks.check(first == null, at, "waives " + w.resource() + " for " + w.rule() + " again (also waivers["
            + first + "]); keep one waiver");
      }
    }
    checks.throwIfAny();
  }

  /**
   * The rules to check. Default: {@link PolicyRules#all()}.
   *
   * @return the rules
   */
  public List<PolicyRule> rules() {
    return rules;
  }

  /**
   * Accepted violations. Default: none.
   *
   * @return the waivers
   */
  public List<Waiver> waivers() {
    return waivers;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with these props.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder().rules(rules).waivers(waivers);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicyCheckProps p && rules.equals(p.rules) && waivers.equals(p.waivers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rules, waivers);
  }

  @Override
  public String toString() {
    return "PolicyCheckProps[rules=" + rules.size() + ", waivers=" + waivers + "]";
  }

  /** The known id closest to a misspelt one, when it is close enough to be what was meant. */
  private static String closest(String wrong, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String id : new HashSet<>(known)) {
      int d = EditDistance.between(wrong, id);
      if (d < bestDistance || d == bestDistance && best != null && id.compareTo(best) < 0) {
        best = id;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, wrong.length() / 3) ? best : null;
  }

  /** Builder for {@link PolicyCheckProps}. */
  public static final class Builder {
    private List<PolicyRule> rules;
    private List<Waiver> waivers;

    private Builder() {}

    /**
     * Sets {@link PolicyCheckProps#rules()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder rules(List<PolicyRule> v) { this.rules = v; return this; }
    /**
     * Sets {@link PolicyCheckProps#waivers()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder waivers(List<Waiver> v) { this.waivers = v; return this; }

    /**
     * Builds the props, checking every value.
     *
     * @return the props
     * @throws com.acme.platform.constructs.core.InvalidPropsException listing every problem
     */
    public PolicyCheckProps build() {
      return new PolicyCheckProps(this);
    }
  }
}
