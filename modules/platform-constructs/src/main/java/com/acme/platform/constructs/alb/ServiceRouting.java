package com.acme.platform.constructs.alb;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.Problem;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRule;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleAction;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleCondition;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHostHeader;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionPathPattern;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupStickiness;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.constructs.Construct;

/**
 * Routes requests from a load balancer's listener to one service: a target group with a health check and a listener
 * rule that forwards matching requests (by host header and/or path) to it.
 *
 * <p>Creates {@code aws_lb_target_group} (target type {@code instance}, HTTP, for ECS services in bridge network
 * mode) and {@code aws_lb_listener_rule}. The ECS service registers its tasks with the target group.
 *
 * <p>Prefer {@link PlatformLoadBalancer#addServiceRouting(String, ServiceRoutingProps)}: it assigns a priority when
 * none is given and rejects priority and condition clashes between the services of one load balancer. Constructed
 * directly, a routing needs an explicit {@link ServiceRoutingProps#priority()} and nothing checks it against other
 * rules of the listener.
 */
public final class ServiceRouting extends Construct {
  private final ServiceRoutingProps props;
  private final LbTargetGroup targetGroup;
  private final LbListenerRule listenerRule;
  private String targetGroupArnSuffix;

  /**
   * Creates the target group and the listener rule.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the routing's properties; {@link ServiceRoutingProps#priority()} is required here
   * @throws InvalidPropsException when {@code props} has no priority
   */
  public ServiceRouting(Construct scope, String id, ServiceRoutingProps props) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    if (props.priority() == null) {
      throw new InvalidPropsException("ServiceRoutingProps", List.of(new Problem("priority",
          "is required when a ServiceRouting is created directly; set it, or create the routing with"
              + " PlatformLoadBalancer.addServiceRouting, which assigns one")));
    }

    LbTargetGroupStickiness.Builder stickiness = LbTargetGroupStickiness.builder()
        .type("lb_cookie")
        .enabled(props.stickinessSeconds() != null);
    if (props.stickinessSeconds() != null) {
      stickiness.cookieDuration(props.stickinessSeconds());
    }
    // No lifecycle create_before_destroy: the target group has a fixed name, which AWS requires to be unique per
    // account and region, so a replacement could not be created while the old group still exists. A change that
    // replaces the group (port, protocol, VPC, target type) therefore needs a new targetGroupName at the same time.
    this.targetGroup = LbTargetGroup.Builder.create(this, "Resource")
        .name(props.targetGroupName())
        .port(props.port())
        .protocol("HTTP")
        .targetType("instance")
        .vpcId(props.loadBalancer().vpcId())
        .deregistrationDelay(String.valueOf(props.deregistrationDelaySeconds()))
        .healthCheck(LbTargetGroupHealthCheck.builder()
            .enabled(true)
            .path(props.healthCheckPath())
            .protocol("HTTP")
            .port("traffic-port")
            .interval(props.healthCheckIntervalSeconds())
            .timeout(props.healthCheckTimeoutSeconds())
            .healthyThreshold(props.healthyThresholdCount())
            .unhealthyThreshold(props.unhealthyThresholdCount())
            .matcher(props.healthCheckMatcher())
            .build())
        .stickiness(stickiness.build())
        .build();

    List<LbListenerRuleCondition> conditions = new ArrayList<>();
    if (!props.hostHeaders().isEmpty()) {
      conditions.add(LbListenerRuleCondition.builder()
          .hostHeader(LbListenerRuleConditionHostHeader.builder().values(props.hostHeaders()).build())
          .build());
    }
    if (!props.pathPatterns().isEmpty()) {
      conditions.add(LbListenerRuleCondition.builder()
          .pathPattern(LbListenerRuleConditionPathPattern.builder().values(props.pathPatterns()).build())
          .build());
    }
    this.listenerRule = LbListenerRule.Builder.create(this, "ListenerRule")
        .listenerArn(props.loadBalancer().listenerArn())
        .priority(props.priority())
        .action(List.of(LbListenerRuleAction.builder()
            .type("forward")
            .targetGroupArn(targetGroup.getArn())
            .build()))
        .condition(conditions)
        .build();
  }

  /**
   * The props this routing was built from. When the load balancer assigned the priority, it is set here.
   *
   * @return the props
   */
  public ServiceRoutingProps getProps() {
    return props;
  }

  /**
   * The underlying target group, for escape hatches such as {@code addOverride}.
   *
   * @return the target group
   */
  public LbTargetGroup getTargetGroup() {
    return targetGroup;
  }

  /**
   * The target group ARN, which the ECS service's load balancer block needs; a token until apply.
   *
   * @return the target group ARN
   */
  public String getTargetGroupArn() {
    return targetGroup.getArn();
  }

  /**
   * The target group's ARN suffix ({@code targetgroup/<name>/<id>}), the {@code TargetGroup} dimension of its
   * CloudWatch metrics and the second half of a request-count scaling label; a token until apply.
   *
   * @return the ARN suffix
   */
  public String getTargetGroupArnSuffix() {
    // Read on first use (alarms, scaling), then kept: each read is a round trip to jsii.
    if (targetGroupArnSuffix == null) {
      targetGroupArnSuffix = targetGroup.getArnSuffix();
    }
    return targetGroupArnSuffix;
  }

  /**
   * The target group ARN read through the listener rule that forwards to it: the same value as
   * {@link #getTargetGroupArn()}, but an ECS service given this one waits until the rule exists. ECS refuses to
   * create a service on a target group that no load balancer uses yet.
   *
   * @return the target group ARN, as a reference to the listener rule's forward action
   */
  public String getRoutedTargetGroupArn() {
    // The attribute by its Terraform path: the same reference as getAction().get(0).getTargetGroupArn(), in one
    // round trip to jsii instead of five.
    return listenerRule.getStringAttribute("action[0].target_group_arn");
  }

  /**
   * This routing's target group as services attach to it ({@code Ec2Service.attachTo}): its ARN read through the
   * listener rule ({@link #getRoutedTargetGroupArn()}) and its load balancer.
   *
   * @return the reference
   */
  public TargetGroupRef targetGroupRef() {
    return new TargetGroupRef(getRoutedTargetGroupArn(), props.loadBalancer());
  }

  /**
   * The listener rule that forwards matching requests to the target group.
   *
   * @return the listener rule
   */
  public LbListenerRule getListenerRule() {
    return listenerRule;
  }

  /**
   * The listener rule priority in effect: the one given in the props or the one the load balancer assigned.
   *
   * @return the priority, 1-50000
   */
  public int getPriority() {
    return props.priority();
  }
}
