/**
 * Alarms and where they go.
 *
 * <p>{@link com.acme.platform.constructs.monitoring.AlarmTopic} creates an {@code aws_sns_topic} encrypted with a
 * KMS key and one {@code aws_sns_topic_subscription} per subscriber.
 * {@link com.acme.platform.constructs.monitoring.ServiceAlarms} creates {@code aws_cloudwatch_metric_alarm}s for a
 * service (CPU and memory high) and, when it is load balanced, for its load balancer (its own 5xx, the targets'
 * 5xx, 4xx) and its target group (unhealthy hosts).
 */
package com.acme.platform.constructs.monitoring;
