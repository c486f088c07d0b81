package com.acme.platform.constructs.stack;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.state.RemoteStateProps;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Properties for {@link StackConventions#apply}. Create them with {@link #builder()}.
 */
public final class StackConventionsProps {
  private final String awsRegion;
  private final String accountId;
  private final Map<String, String> defaultTags;
  private final RemoteStateProps remoteState;

  private StackConventionsProps(Builder b) {
    this.awsRegion = b.awsRegion;
    this.accountId = b.accountId;
    this.defaultTags = b.defaultTags == null ? Map.of() : Map.copyOf(b.defaultTags);
    this.remoteState = b.remoteState;
    Checks checks = Checks.of("StackConventionsProps");
    if (checks.required("awsRegion", awsRegion)) {
      checks.matches("awsRegion", awsRegion, AwsPatterns.REGION, "an AWS region such as eu-west-1");
    }
    if (checks.required("accountId", accountId)) {
      checks.matches("accountId", accountId, AwsPatterns.ACCOUNT_ID, "12 digits");
    }
    defaultTags.forEach((k, v) -> checks.check(k != null && !k.isBlank() && k.length() <= 128, "defaultTags",
        "keys must be 1-128 characters, got " + Checks.quote(k)));
    checks.check(!defaultTags.containsKey("managed-by"), "defaultTags",
        "must not set \"managed-by\": the conventions set it to \"cdktf\"");
    checks.throwIfAny();
  }

  /**
   * The stack's region, for example {@code eu-west-1}. Required.
   *
   * @return the region
   */
  public String awsRegion() {
    return awsRegion;
  }

  /**
   * The only account the stack may be applied to (12 digits). Required.
   *
   * @return the account id
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Tags the provider adds to every resource that supports tags; {@code managed-by = cdktf} is always added.
   * Default: none besides {@code managed-by}.
   *
   * @return the tags
   */
  public Map<String, String> defaultTags() {
    return defaultTags;
  }

  /**
   * Where the stack keeps its state. Default: no backend is written (Terraform's local state), for stacks that
   * are only synthesized in tests; real stacks set one.
   *
   * @return the backend, or {@code null}
   */
  public RemoteStateProps remoteState() {
    return remoteState;
  }

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with these props, for a modified copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder().awsRegion(awsRegion).accountId(accountId).defaultTags(defaultTags).remoteState(remoteState);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StackConventionsProps p && awsRegion.equals(p.awsRegion) && accountId.equals(p.accountId)
        && defaultTags.equals(p.defaultTags) && Objects.equals(remoteState, p.remoteState);
  }

  @Override
  public int hashCode() {
    return Objects.hash(awsRegion, accountId, defaultTags, remoteState);
  }

  @Override
  public String toString() {
    return "StackConventionsProps[awsRegion=" + awsRegion + ", accountId=" + accountId + ", defaultTags="
        + new TreeMap<>(defaultTags) + ", remoteState=" + remoteState + "]";
  }

  /** Builder for {@link StackConventionsProps}. */
  public static final class Builder {
    private String awsRegion;
    private String accountId;
    private Map<String, String> defaultTags;
    private RemoteStateProps remoteState;

    private Builder() {}

    /**
     * Sets {@link StackConventionsProps#awsRegion()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder awsRegion(String v) { this.awsRegion = v; return this; }
    /**
     * Sets {@link StackConventionsProps#accountId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder accountId(String v) { this.accountId = v; return this; }
    /**
     * Sets {@link StackConventionsProps#defaultTags()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder defaultTags(Map<String, String> v) { this.defaultTags = v; return this; }
    /**
     * Sets {@link StackConventionsProps#remoteState()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder remoteState(RemoteStateProps v) { this.remoteState = v; return this; }

    /**
     * Builds the props, checking every value.
     *
     * @return the props
     * @throws com.acme.platform.constructs.core.InvalidPropsException listing every problem
     */
    public StackConventionsProps build() {
      return new StackConventionsProps(this);
    }
  }
}
