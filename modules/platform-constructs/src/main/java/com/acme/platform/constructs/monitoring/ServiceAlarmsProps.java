package com.acme.platform.constructs.monitoring;

import com.acme.platform.constructs.alb.PlatformLoadBalancer;
import com.acme.platform.constructs.alb.ServiceRouting;
import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.ecs.Ec2Service;
import java.util.Objects;

/**
 * Properties for {@link ServiceAlarms}. Create them with {@link #builder()}; {@link #toBuilder()} copies. Thresholds
 * have documented defaults and are meant to be overridden per service.
 */
public final class ServiceAlarmsProps {
  private final Ec2Service service;
  private final String clusterName;
  private final String topicArn;
  private final PlatformLoadBalancer loadBalancer;
  private final ServiceRouting routing;
  private final int cpuPercent;
  private final int memoryPercent;
  private final int loadBalancer5xxCount;
  private final int target5xxCount;
  private final int loadBalancer4xxCount;

  private ServiceAlarmsProps(Builder b) {
    this.service = b.service;
    this.clusterName = b.clusterName;
    this.topicArn = b.topicArn;
    this.loadBalancer = b.loadBalancer;
    this.routing = b.routing;
    this.cpuPercent = b.cpuPercent != null ? b.cpuPercent : 90;
    this.memoryPercent = b.memoryPercent != null ? b.memoryPercent : 90;
    this.loadBalancer5xxCount = b.loadBalancer5xxCount != null ? b.loadBalancer5xxCount : 10;
    this.target5xxCount = b.target5xxCount != null ? b.target5xxCount : 10;
    this.loadBalancer4xxCount = b.loadBalancer4xxCount != null ? b.loadBalancer4xxCount : 100;
    Checks checks = Checks.of("ServiceAlarmsProps");
    checks.required("service", service);
    checks.required("clusterName", clusterName);
    checks.required("topicArn", topicArn);
    checks.check((loadBalancer == null) == (routing == null), loadBalancer == null ? "loadBalancer" : "routing",
        "is required when " + (loadBalancer == null ? "routing" : "loadBalancer") + " is set (set both, or"
            + " neither for a service without a load balancer)");
    checks.between("cpuPercent", cpuPercent, 1, 100);
    checks.between("memoryPercent", memoryPercent, 1, 100);
    checks.atLeast("loadBalancer5xxCount", loadBalancer5xxCount, 1);
    checks.atLeast("target5xxCount", target5xxCount, 1);
    checks.atLeast("loadBalancer4xxCount", loadBalancer4xxCount, 1);
    checks.throwIfAny();
  }

  /**
   * The service the alarms watch. Required.
   *
   * @return the service
   */
  public Ec2Service service() {
    return service;
  }

  /**
   * The name of the service's cluster (a CloudWatch dimension). Required.
   *
   * @return the cluster name
   */
  public String clusterName() {
    return clusterName;
  }

  /**
   * The SNS topic notified on alarm and on recovery, for example {@link AlarmTopic#getTopicArn()}. Required.
   *
   * @return the topic ARN
   */
  public String topicArn() {
    return topicArn;
  }

  /**
   * The load balancer in front of the service. Default: none, no load balancer or target group alarms.
   *
   * @return the load balancer, or {@code null}
   */
  public PlatformLoadBalancer loadBalancer() {
    return loadBalancer;
  }

  /**
   * The routing whose target group the service is attached to; set together with {@link #loadBalancer()}.
   * Default: none.
   *
   * @return the routing, or {@code null}
   */
  public ServiceRouting routing() {
    return routing;
  }

  /**
   * Average service CPU utilization, in percent, above which the CPU alarm fires (two 5-minute periods).
   * Default: {@code 90}.
   *
   * @return the percentage
   */
  public int cpuPercent() {
    return cpuPercent;
  }

  /**
   * Average service memory utilization, in percent, above which the memory alarm fires (two 5-minute periods).
   * Default: {@code 90}.
   *
   * @return the percentage
   */
  public int memoryPercent() {
    return memoryPercent;
  }

  /**
   * 5xx responses the load balancer itself returns in 5 minutes above which its alarm fires. Default: {@code 10}.
   *
   * @return the count
   */
  public int loadBalancer5xxCount() {
    return loadBalancer5xxCount;
  }

  /**
   * 5xx responses of the targets in 5 minutes above which their alarm fires. Default: {@code 10}.
   *
   * @return the count
   */
  public int target5xxCount() {
    return target5xxCount;
  }

  /**
   * 4xx responses of the load balancer in 5 minutes above which its alarm fires. Default: {@code 100}.
   *
   * @return the count
   */
  public int loadBalancer4xxCount() {
    return loadBalancer4xxCount;
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
    return new Builder().service(service).clusterName(clusterName).topicArn(topicArn).loadBalancer(loadBalancer)
        .routing(routing).cpuPercent(cpuPercent).memoryPercent(memoryPercent)
        .loadBalancer5xxCount(loadBalancer5xxCount).target5xxCount(target5xxCount)
        .loadBalancer4xxCount(loadBalancer4xxCount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceAlarmsProps p && service == p.service && Objects.equals(clusterName, p.clusterName)
        && Objects.equals(topicArn, p.topicArn) && loadBalancer == p.loadBalancer && routing == p.routing
        && cpuPercent == p.cpuPercent && memoryPercent == p.memoryPercent
        && loadBalancer5xxCount == p.loadBalancer5xxCount && target5xxCount == p.target5xxCount
        && loadBalancer4xxCount == p.loadBalancer4xxCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(clusterName, topicArn, cpuPercent, memoryPercent, loadBalancer5xxCount, target5xxCount,
        loadBalancer4xxCount);
  }

  @Override
  public String toString() {
    return "ServiceAlarmsProps[service=" + (service == null ? null : service.getServiceName()) + ", clusterName="
        + clusterName + ", cpuPercent=" + cpuPercent + ", memoryPercent=" + memoryPercent
        + ", loadBalancer5xxCount=" + loadBalancer5xxCount + ", target5xxCount=" + target5xxCount
        + ", loadBalancer4xxCount=" + loadBalancer4xxCount + "]";
  }

  /** Builder for {@link ServiceAlarmsProps}. */
  public static final class Builder {
    private Ec2Service service;
    private String clusterName;
    private String topicArn;
    private PlatformLoadBalancer loadBalancer;
    private ServiceRouting routing;
    private Integer cpuPercent;
    private Integer memoryPercent;
    private Integer loadBalancer5xxCount;
    private Integer target5xxCount;
    private Integer loadBalancer4xxCount;

    private Builder() {}

    /**
     * Sets {@link ServiceAlarmsProps#service()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder service(Ec2Service v) { this.service = v; return this; }
    /**
     * Sets {@link ServiceAlarmsProps#clusterName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder clusterName(String v) { this.clusterName = v; return this; }
    /**
     * Sets {@link ServiceAlarmsProps#topicArn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder topicArn(String v) { this.topicArn = v; return this; }
    /**
     * Sets {@link ServiceAlarmsProps#loadBalancer()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder loadBalancer(PlatformLoadBalancer v) { this.loadBalancer = v; return this; }
    /**
     * Sets {@link ServiceAlarmsProps#routing()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder routing(ServiceRouting v) { this.routing = v; return this; }
    /**
     * Sets {@link ServiceAlarmsProps#cpuPercent()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder cpuPercent(Integer v) { this.cpuPercent = v; return this; }
    /**
     * Sets {@link ServiceAlarmsProps#memoryPercent()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder memoryPercent(Integer v) { this.memoryPercent = v; return this; }
    /**
     * Sets {@link ServiceAlarmsProps#loadBalancer5xxCount()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder loadBalancer5xxCount(Integer v) { this.loadBalancer5xxCount = v; return this; }
    /**
     * Sets {@link ServiceAlarmsProps#target5xxCount()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder target5xxCount(Integer v) { this.target5xxCount = v; return this; }
    /**
     * Sets {@link ServiceAlarmsProps#loadBalancer4xxCount()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder loadBalancer4xxCount(Integer v) { this.loadBalancer4xxCount = v; return this; }

    /**
     * Builds the props, checking every value.
     *
     * @return the props
     * @throws com.acme.platform.constructs.core.InvalidPropsException listing every problem
     */
    public ServiceAlarmsProps build() {
      return new ServiceAlarmsProps(this);
    }
  }
}
