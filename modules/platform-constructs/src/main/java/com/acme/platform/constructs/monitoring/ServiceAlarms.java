package com.acme.platform.constructs.monitoring;

import com.acme.platform.constructs.monitoring.MetricAlarms.Metric;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.constructs.Construct;

/**
 * CloudWatch alarms for one service, notifying an SNS topic on alarm and on recovery: CPU and memory high (two
 * 5-minute periods of the service average), and, when the service is behind a load balancer, the load balancer's own
 * 5xx, the targets' 5xx and the load balancer's 4xx (count per 5 minutes above a threshold) and unhealthy hosts in
 * the service's target group (any, for two minutes). Missing data does not alarm. Thresholds come from
 * {@link ServiceAlarmsProps}, with documented defaults.
 *
 * <p>Alarm names are {@code <serviceName>-<what>}. Several services behind one load balancer each get the load
 * balancer alarms, named after the service, so each team hears of the load balancer it depends on.
 */
public final class ServiceAlarms extends Construct {
  private final List<CloudwatchMetricAlarm> alarms = new ArrayList<>();

  /**
   * Creates the alarms.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the service, topic and thresholds
   */
  public ServiceAlarms(Construct scope, String id, ServiceAlarmsProps props) {
    super(scope, id);
    Objects.requireNonNull(props, "props");
    String name = props.service().getServiceName();
    String topic = props.topicArn();
    Map<String, String> service = Map.of("ClusterName", props.clusterName(), "ServiceName", name);
    alarms.add(MetricAlarms.above(this, "CpuHigh", name + "-cpu-high",
        new Metric("AWS/ECS", "CPUUtilization", service, "Average", 300, 2), props.cpuPercent(), topic,
        "Average CPU of service " + name + " above " + props.cpuPercent() + "% for 10 minutes"));
    alarms.add(MetricAlarms.above(this, "MemoryHigh", name + "-memory-high",
        new Metric("AWS/ECS", "MemoryUtilization", service, "Average", 300, 2), props.memoryPercent(), topic,
        "Average memory of service " + name + " above " + props.memoryPercent() + "% for 10 minutes"));
    if (props.loadBalancer() != null) {
      String lb = props.loadBalancer().getArnSuffix();
      Map<String, String> balancer = Map.of("LoadBalancer", lb);
      alarms.add(MetricAlarms.above(this, "LoadBalancer5xx", name + "-lb-5xx",
          new Metric("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", balancer, "Sum", 300, 1),
          props.loadBalancer5xxCount(), topic, "The load balancer of " + name + " returned more than "
              + props.loadBalancer5xxCount() + " 5xx responses itself in 5 minutes"));
      alarms.add(MetricAlarms.above(this, "Target5xx", name + "-target-5xx",
          new Metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", balancer, "Sum", 300, 1),
          props.target5xxCount(), topic, "Targets behind the load balancer of " + name + " returned more than "
              + props.target5xxCount() + " 5xx responses in 5 minutes"));
      alarms.add(MetricAlarms.above(this, "LoadBalancer4xx", name + "-lb-4xx",
          new Metric("AWS/ApplicationELB", "HTTPCode_ELB_4XX_Count", balancer, "Sum", 300, 1),
          props.loadBalancer4xxCount(), topic, "The load balancer of " + name + " returned more than "
              + props.loadBalancer4xxCount() + " 4xx responses in 5 minutes"));
      alarms.add(MetricAlarms.above(this, "UnhealthyHosts", name + "-unhealthy-hosts",
          new Metric("AWS/ApplicationELB", "UnHealthyHostCount", Map.of("LoadBalancer", lb, "TargetGroup",
              props.routing().getTargetGroupArnSuffix()), "Maximum", 60, 2), 0, topic,
          "Unhealthy targets in the target group of " + name + " for 2 minutes"));
    }
  }

  /**
   * The alarms created, in a fixed order (CPU, memory, then the load balancer ones).
   *
   * @return the alarms
   */
  public List<CloudwatchMetricAlarm> getAlarms() {
    return List.copyOf(alarms);
  }
}
