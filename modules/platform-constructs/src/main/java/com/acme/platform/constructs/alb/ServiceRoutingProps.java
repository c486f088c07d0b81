package com.acme.platform.constructs.alb;

import com.acme.platform.constructs.core.Checks;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Properties for {@link ServiceRouting}.
 *
 * <p>Create with {@link #builder()}; derive a modified copy with {@link #toBuilder()}. Instances are immutable
 * values: two props with equal values are equal.
 */
public final class ServiceRoutingProps {

  /** The most condition values (host headers plus path patterns) one listener rule may have. */
  public static final int MAX_CONDITION_VALUES = 5;

  static final Pattern MATCHER = Pattern.compile("\\d{3}(?:-\\d{3})?(?:,\\d{3}(?:-\\d{3})?)*");

  private final String targetGroupName;
  private final LoadBalancerRef loadBalancer;
  private final Integer port;
  private final Integer priority;
  private final List<String> hostHeaders;
  private final List<String> pathPatterns;
  private final String healthCheckPath;
  private final Integer healthCheckIntervalSeconds;
  private final Integer healthCheckTimeoutSeconds;
  private final Integer healthyThresholdCount;
  private final Integer unhealthyThresholdCount;
  private final String healthCheckMatcher;
  private final Integer deregistrationDelaySeconds;
  private final Integer stickinessSeconds;

  /**
   * Applies defaults and checks every value, reporting all problems at once (see {@link Builder#build()}).
   * The builder is read into locals named like the properties so that the defaults and checks read as rules
   * about the properties; the fields are assigned only once every check has passed.
   */
  private ServiceRoutingProps(Builder builder) {
    String targetGroupName = builder.targetGroupName;
    LoadBalancerRef loadBalancer = builder.loadBalancer;
    Integer port = builder.port;
    Integer priority = builder.priority;
    List<String> hostHeaders = builder.hostHeaders;
    List<String> pathPatterns = builder.pathPatterns;
    String healthCheckPath = builder.healthCheckPath;
    Integer healthCheckIntervalSeconds = builder.healthCheckIntervalSeconds;
    Integer healthCheckTimeoutSeconds = builder.healthCheckTimeoutSeconds;
    Integer healthyThresholdCount = builder.healthyThresholdCount;
    Integer unhealthyThresholdCount = builder.unhealthyThresholdCount;
    String healthCheckMatcher = builder.healthCheckMatcher;
    Integer deregistrationDelaySeconds = builder.deregistrationDelaySeconds;
    Integer stickinessSeconds = builder.stickinessSeconds;
    Checks checks = Checks.of("ServiceRoutingProps");
    hostHeaders = hostHeaders != null
        ? PlatformLoadBalancerProps.copyWithoutNulls(hostHeaders, "hostHeaders", checks) : List.of();
    pathPatterns = pathPatterns != null
        ? PlatformLoadBalancerProps.copyWithoutNulls(pathPatterns, "pathPatterns", checks) : List.of();
    healthCheckPath = healthCheckPath != null ? healthCheckPath : "/";
    healthCheckIntervalSeconds = healthCheckIntervalSeconds != null ? healthCheckIntervalSeconds : 30;
    healthCheckTimeoutSeconds = healthCheckTimeoutSeconds != null ? healthCheckTimeoutSeconds : 5;
    healthyThresholdCount = healthyThresholdCount != null ? healthyThresholdCount : 3;
    unhealthyThresholdCount = unhealthyThresholdCount != null ? unhealthyThresholdCount : 3;
    healthCheckMatcher = healthCheckMatcher != null ? healthCheckMatcher : "200-399";
    deregistrationDelaySeconds = deregistrationDelaySeconds != null ? deregistrationDelaySeconds : 30;

    if (checks.required("targetGroupName", targetGroupName)) {
      PlatformLoadBalancerProps.checkElbName(checks, "targetGroupName", targetGroupName);
    }
    checks.required("loadBalancer", loadBalancer);
    if (checks.required("port", port)) {
      checks.between("port", port, 1, 65_535);
    }
    checks.between("priority", priority, 1, 50_000);
    checks.check(!hostHeaders.isEmpty() || !pathPatterns.isEmpty(), "hostHeaders",
        "or pathPatterns must have at least one entry, got none");
    int values = hostHeaders.size() + pathPatterns.size();
    checks.check(values <= MAX_CONDITION_VALUES, "hostHeaders",
        "and pathPatterns must have at most " + MAX_CONDITION_VALUES + " entries combined, got " + values);
    for (int i = 0; i < pathPatterns.size(); i++) {
      String path = pathPatterns.get(i);
      checks.check(Checks.isToken(path) || path.startsWith("/"), "pathPatterns[" + i + "]",
          "must start with '/', got " + Checks.quote(path));
    }
    checks.check(Checks.isToken(healthCheckPath) || healthCheckPath.startsWith("/"), "healthCheckPath",
        "must start with '/', got " + Checks.quote(healthCheckPath));
    checks.between("healthCheckIntervalSeconds", healthCheckIntervalSeconds, 5, 300);
    checks.between("healthCheckTimeoutSeconds", healthCheckTimeoutSeconds, 2, 120);
    checks.check(healthCheckTimeoutSeconds < healthCheckIntervalSeconds, "healthCheckTimeoutSeconds",
        "must be less than healthCheckIntervalSeconds (" + healthCheckIntervalSeconds + "), got "
            + healthCheckTimeoutSeconds);
    checks.between("healthyThresholdCount", healthyThresholdCount, 2, 10);
    checks.between("unhealthyThresholdCount", unhealthyThresholdCount, 2, 10);
    checks.matches("healthCheckMatcher", healthCheckMatcher, MATCHER,
        "HTTP codes such as 200, 200,302 or 200-399");
    if (MATCHER.matcher(healthCheckMatcher).matches()) {
      // Application load balancers accept success codes from 200 to 499 only.
      boolean inRange = java.util.Arrays.stream(healthCheckMatcher.split("[,-]")).mapToInt(Integer::parseInt)
          .allMatch(code -> code >= 200 && code <= 499);
      checks.check(inRange, "healthCheckMatcher", "must use codes from 200 to 499 (application load balancers"
          + " accept no others), got " + Checks.quote(healthCheckMatcher));
    }
    checks.between("deregistrationDelaySeconds", deregistrationDelaySeconds, 0, 3600);
    checks.between("stickinessSeconds", stickinessSeconds, 1, 604_800);
    checks.throwIfAny();
    this.targetGroupName = targetGroupName;
    this.loadBalancer = loadBalancer;
    this.port = port;
    this.priority = priority;
    this.hostHeaders = hostHeaders;
    this.pathPatterns = pathPatterns;
    this.healthCheckPath = healthCheckPath;
    this.healthCheckIntervalSeconds = healthCheckIntervalSeconds;
    this.healthCheckTimeoutSeconds = healthCheckTimeoutSeconds;
    this.healthyThresholdCount = healthyThresholdCount;
    this.unhealthyThresholdCount = unhealthyThresholdCount;
    this.healthCheckMatcher = healthCheckMatcher;
    this.deregistrationDelaySeconds = deregistrationDelaySeconds;
    this.stickinessSeconds = stickinessSeconds;
  }

  /**
   * {@return the target group name, for example {@code orders-api}} Required. 1-32 characters: letters, digits and
   * hyphens, not beginning or ending with a hyphen. Unique per account and region. See
   * <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html">CreateTargetGroup</a>.
   */
  public String targetGroupName() {
    return targetGroupName;
  }

  /**
   * {@return the load balancer to route from: its {@link LoadBalancerRef#listenerArn()} carries the rule and its
   * {@link LoadBalancerRef#vpcId()} holds the target group} Required. Use {@link PlatformLoadBalancer#ref()} for a
   * load balancer of this library.
   */
  public LoadBalancerRef loadBalancer() {
    return loadBalancer;
  }

  /**
   * {@return the container port, 1-65535} Required. Targets are of type {@code instance} because services run in
   * bridge network mode with dynamic host ports: ECS registers each task with its own host port, so this is only the
   * target group's default port.
   */
  public Integer port() {
    return port;
  }

  /**
   * {@return the listener rule priority, 1-50000; lower values are evaluated first} Required when the
   * {@link ServiceRouting} is constructed directly. Default (only through
   * {@link PlatformLoadBalancer#addServiceRouting(String, ServiceRoutingProps)}): the lowest multiple of 10 not yet
   * used on that load balancer. See
   * <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html">Listener
   * rules</a>.
   */
  public Integer priority() {
    return priority;
  }

  /**
   * {@return host names the rule matches, for example {@code orders.example.com} (wildcards {@code *} and {@code ?}
   * allowed)} Default: the rule does not look at the host header.
   */
  public List<String> hostHeaders() {
    return hostHeaders;
  }

  /**
   * {@return URL paths the rule matches, each starting with {@code /}, for example {@code /orders/*}} Default: the
   * rule does not look at the path. At least one host header or path pattern is required, and at most 5 values
   * combined (an ALB limit on condition values per rule).
   */
  public List<String> pathPatterns() {
    return pathPatterns;
  }

  /**
   * {@return the path the load balancer requests to check a target; starts with {@code /}} Default: {@code /}.
   */
  public String healthCheckPath() {
    return healthCheckPath;
  }

  /**
   * {@return seconds between health checks of one target, 5-300} Default: {@code 30}.
   */
  public Integer healthCheckIntervalSeconds() {
    return healthCheckIntervalSeconds;
  }

  /**
   * {@return seconds without a response after which a check fails, 2-120, less than the interval} Default: {@code 5}.
   */
  public Integer healthCheckTimeoutSeconds() {
    return healthCheckTimeoutSeconds;
  }

  /**
   * {@return consecutive successful checks before an unhealthy target is healthy again, 2-10} Default: {@code 3}.
   */
  public Integer healthyThresholdCount() {
    return healthyThresholdCount;
  }

  /**
   * {@return consecutive failed checks before a target is unhealthy, 2-10} Default: {@code 3}.
   */
  public Integer unhealthyThresholdCount() {
    return unhealthyThresholdCount;
  }

  /**
   * {@return HTTP codes that count as healthy: a code, a list or a range such as {@code 200,302} or {@code 200-299}}
   * Default: {@code 200-399}.
   */
  public String healthCheckMatcher() {
    return healthCheckMatcher;
  }

  /**
   * {@return seconds the load balancer lets in-flight requests finish before a deregistering target is removed,
   * 0-3600} Default: {@code 30}.
   */
  public Integer deregistrationDelaySeconds() {
    return deregistrationDelaySeconds;
  }

  /**
   * {@return lifetime of the load balancer's stickiness cookie ({@code lb_cookie}), 1-604800 (7 days)} Default:
   * stickiness off, every request is balanced on its own.
   */
  public Integer stickinessSeconds() {
    return stickinessSeconds;
  }

  /** A copy with the given listener rule priority; used when a load balancer assigns one. */
  ServiceRoutingProps withPriority(int newPriority) {
    return toBuilder().priority(newPriority).build();
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
   * A builder holding this object's values, defaults included, for a modified copy; this object is unchanged.
   *
   * @return a new builder; {@code toBuilder().build()} equals this object
   */
  public Builder toBuilder() {
    return builder()
        .targetGroupName(targetGroupName)
        .loadBalancer(loadBalancer)
        .port(port)
        .priority(priority)
        .hostHeaders(hostHeaders)
        .pathPatterns(pathPatterns)
        .healthCheckPath(healthCheckPath)
        .healthCheckIntervalSeconds(healthCheckIntervalSeconds)
        .healthCheckTimeoutSeconds(healthCheckTimeoutSeconds)
        .healthyThresholdCount(healthyThresholdCount)
        .unhealthyThresholdCount(unhealthyThresholdCount)
        .healthCheckMatcher(healthCheckMatcher)
        .deregistrationDelaySeconds(deregistrationDelaySeconds)
        .stickinessSeconds(stickinessSeconds);
  }

  /**
   * Value equality over every property, as a record has.
   *
   * @param o the object to compare with
   * @return whether {@code o} is a {@code ServiceRoutingProps} with equal values
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof ServiceRoutingProps other
        && Objects.equals(targetGroupName, other.targetGroupName)
        && Objects.equals(loadBalancer, other.loadBalancer)
        && Objects.equals(port, other.port)
        && Objects.equals(priority, other.priority)
        && Objects.equals(hostHeaders, other.hostHeaders)
        && Objects.equals(pathPatterns, other.pathPatterns)
        && Objects.equals(healthCheckPath, other.healthCheckPath)
        && Objects.equals(healthCheckIntervalSeconds, other.healthCheckIntervalSeconds)
        && Objects.equals(healthCheckTimeoutSeconds, other.healthCheckTimeoutSeconds)
        && Objects.equals(healthyThresholdCount, other.healthyThresholdCount)
        && Objects.equals(unhealthyThresholdCount, other.unhealthyThresholdCount)
        && Objects.equals(healthCheckMatcher, other.healthCheckMatcher)
        && Objects.equals(deregistrationDelaySeconds, other.deregistrationDelaySeconds)
        && Objects.equals(stickinessSeconds, other.stickinessSeconds);
  }

  /**
   * A hash code over every property, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(targetGroupName, loadBalancer, port, priority, hostHeaders, pathPatterns, healthCheckPath,
        healthCheckIntervalSeconds, healthCheckTimeoutSeconds, healthyThresholdCount, unhealthyThresholdCount,
        healthCheckMatcher, deregistrationDelaySeconds, stickinessSeconds);
  }

  /**
   * Every property, in the form a record prints.
   *
   * @return for example {@code ServiceRoutingProps[targetGroupName=..., ...]}
   */
  @Override
  public String toString() {
    return "ServiceRoutingProps[targetGroupName=" + targetGroupName + ", loadBalancer=" + loadBalancer
        + ", port=" + port + ", priority=" + priority + ", hostHeaders=" + hostHeaders
        + ", pathPatterns=" + pathPatterns + ", healthCheckPath=" + healthCheckPath
        + ", healthCheckIntervalSeconds=" + healthCheckIntervalSeconds
        + ", healthCheckTimeoutSeconds=" + healthCheckTimeoutSeconds
        + ", healthyThresholdCount=" + healthyThresholdCount
        + ", unhealthyThresholdCount=" + unhealthyThresholdCount + ", healthCheckMatcher=" + healthCheckMatcher
        + ", deregistrationDelaySeconds=" + deregistrationDelaySeconds + ", stickinessSeconds=" + stickinessSeconds
        + "]";
  }

  /** Builder for {@link ServiceRoutingProps}. */
  public static final class Builder {
    private String targetGroupName;
    private LoadBalancerRef loadBalancer;
    private Integer port;
    private Integer priority;
    private List<String> hostHeaders;
    private List<String> pathPatterns;
    private String healthCheckPath;
    private Integer healthCheckIntervalSeconds;
    private Integer healthCheckTimeoutSeconds;
    private Integer healthyThresholdCount;
    private Integer unhealthyThresholdCount;
    private String healthCheckMatcher;
    private Integer deregistrationDelaySeconds;
    private Integer stickinessSeconds;

    private Builder() {}

    /**
     * Sets {@link ServiceRoutingProps#targetGroupName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder targetGroupName(String v) { this.targetGroupName = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#loadBalancer()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder loadBalancer(LoadBalancerRef v) { this.loadBalancer = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#port()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder port(Integer v) { this.port = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#priority()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder priority(Integer v) { this.priority = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#hostHeaders()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder hostHeaders(List<String> v) { this.hostHeaders = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#pathPatterns()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder pathPatterns(List<String> v) { this.pathPatterns = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#healthCheckPath()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder healthCheckPath(String v) { this.healthCheckPath = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#healthCheckIntervalSeconds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder healthCheckIntervalSeconds(Integer v) { this.healthCheckIntervalSeconds = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#healthCheckTimeoutSeconds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder healthCheckTimeoutSeconds(Integer v) { this.healthCheckTimeoutSeconds = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#healthyThresholdCount()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder healthyThresholdCount(Integer v) { this.healthyThresholdCount = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#unhealthyThresholdCount()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder unhealthyThresholdCount(Integer v) { this.unhealthyThresholdCount = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#healthCheckMatcher()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder healthCheckMatcher(String v) { this.healthCheckMatcher = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#deregistrationDelaySeconds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder deregistrationDelaySeconds(Integer v) { this.deregistrationDelaySeconds = v; return this; }
    /**
     * Sets {@link ServiceRoutingProps#stickinessSeconds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder stickinessSeconds(Integer v) { this.stickinessSeconds = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
     *     it lists every problem, not only the first
     */
    public ServiceRoutingProps build() {
      return new ServiceRoutingProps(this);
    }
  }
}
