package com.acme.platform.constructs.alb;

import com.acme.platform.constructs.core.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Properties for {@link PlatformLoadBalancer#addAliasRecords}: Route 53 alias records that point host names at the
 * load balancer. Create them with {@link #builder()}; {@link #toBuilder()} gives a modified copy.
 */
public final class AliasRecordsProps {
  /** Route 53 hosted zone ids: {@code Z} followed by upper-case letters and digits. */
  static final Pattern HOSTED_ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");
  /** A fully qualified host name without a trailing dot, labels of letters, digits and '-'. */
  static final Pattern HOST_NAME = Pattern.compile(
      "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  private final String hostedZoneId;
  private final List<String> recordNames;
  private final boolean evaluateTargetHealth;

  private AliasRecordsProps(Builder b) {
    this.hostedZoneId = b.hostedZoneId;
    this.recordNames = b.recordNames == null ? List.of()
        : b.recordNames.stream().map(n -> n == null ? null : n.toLowerCase(Locale.ROOT)).toList();
    this.evaluateTargetHealth = b.evaluateTargetHealth == null || b.evaluateTargetHealth;
    Checks checks = Checks.of("AliasRecordsProps");
    if (checks.required("hostedZoneId", hostedZoneId)) {
      checks.matches("hostedZoneId", hostedZoneId, HOSTED_ZONE_ID,
          "a Route 53 hosted zone id such as \"Z0123456789ABCDEFGHIJ\"");
    }
    checks.check(!recordNames.isEmpty(), "recordNames", "is required: at least one host name");
    for (int i = 0; i < recordNames.size(); i++) {
      String field = "recordNames[" + i + "]";
      if (checks.required(field, recordNames.get(i))) {
        checks.matches(field, recordNames.get(i), HOST_NAME, "a fully qualified host name such as"
            + " \"www.example.com\" (no trailing dot, no wildcard)");
        checks.check(recordNames.indexOf(recordNames.get(i)) == i, field, "must not repeat a name, got "
            + Checks.quote(recordNames.get(i)));
      }
    }
    checks.throwIfAny();
  }

  /**
   * The Route 53 hosted zone the records are created in. Required.
   *
   * @return the hosted zone id
   */
  public String hostedZoneId() {
    return hostedZoneId;
  }

  /**
   * The host names to point at the load balancer, one alias {@code A} record each; every one must be a host header
   * that a routing of the load balancer routes. Required, at least one. Stored in lower case.
   *
   * @return the record names
   */
  public List<String> recordNames() {
    return recordNames;
  }

  /**
   * Whether Route 53 checks the load balancer's health before answering. Default: {@code true}.
   *
   * @return the flag
   */
  public boolean evaluateTargetHealth() {
    return evaluateTargetHealth;
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
    return new Builder().hostedZoneId(hostedZoneId).recordNames(recordNames)
        .evaluateTargetHealth(evaluateTargetHealth);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AliasRecordsProps p && Objects.equals(hostedZoneId, p.hostedZoneId)
        && recordNames.equals(p.recordNames) && evaluateTargetHealth == p.evaluateTargetHealth;
  }

  @Override
  public int hashCode() {
    return Objects.hash(hostedZoneId, recordNames, evaluateTargetHealth);
  }

  @Override
  public String toString() {
    return "AliasRecordsProps[hostedZoneId=" + hostedZoneId + ", recordNames=" + recordNames
        + ", evaluateTargetHealth=" + evaluateTargetHealth + "]";
  }

  /** Builder for {@link AliasRecordsProps}. */
  public static final class Builder {
    private String hostedZoneId;
    private List<String> recordNames;
    private Boolean evaluateTargetHealth;

    private Builder() {}

    /**
     * Sets {@link AliasRecordsProps#hostedZoneId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder hostedZoneId(String v) { this.hostedZoneId = v; return this; }
    /**
     * Sets {@link AliasRecordsProps#recordNames()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder recordNames(List<String> v) { this.recordNames = v; return this; }
    /**
     * Sets {@link AliasRecordsProps#evaluateTargetHealth()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder evaluateTargetHealth(Boolean v) { this.evaluateTargetHealth = v; return this; }

    /**
     * Builds the props, checking every value.
     *
     * @return the props
     * @throws com.acme.platform.constructs.core.InvalidPropsException listing every problem
     */
    public AliasRecordsProps build() {
      return new AliasRecordsProps(this);
    }
  }
}
