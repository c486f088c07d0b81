package com.acme.platform.constructs.monitoring;

/**
 * One subscriber of an alarm topic.
 *
 * <p>See <a href="https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html">Subscribe</a>.
 *
 * @param protocol {@code email}, {@code https}, {@code sqs} or {@code lambda}. Required.
 * @param endpoint the address: an email address, an {@code https://} URL, or a queue or function ARN. Required.
 */
public record AlarmSubscription(String protocol, String endpoint) {}
