package com.acme.platform.constructs.monitoring;

import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/** The one way this package writes a CloudWatch alarm: above a threshold, notify the topic on alarm and on OK. */
final class MetricAlarms {
  private MetricAlarms() {}

  /** A metric, its dimensions and how it is aggregated. */
  record Metric(String namespace, String name, Map<String, String> dimensions, String statistic, int periodSeconds,
      int evaluationPeriods) {}

  static CloudwatchMetricAlarm above(Construct scope, String id, String alarmName, Metric metric, Number threshold,
      String topicArn, String description) {
    return CloudwatchMetricAlarm.Builder.create(scope, id)
        .alarmName(alarmName)
        .alarmDescription(description)
        .namespace(metric.namespace())
        .metricName(metric.name())
        .dimensions(metric.dimensions())
        .statistic(metric.statistic())
        .period(metric.periodSeconds())
        .evaluationPeriods(metric.evaluationPeriods())
        .comparisonOperator("GreaterThanThreshold")
        .threshold(threshold)
        // No data is not an incident: a quiet load balancer reports no 5xx counts at all.
        .treatMissingData("notBreaching")
        .alarmActions(List.of(topicArn))
        .okActions(List.of(topicArn))
        .build();
  }
}
