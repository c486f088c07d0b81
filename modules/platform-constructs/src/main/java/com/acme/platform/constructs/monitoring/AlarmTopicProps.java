package com.acme.platform.constructs.monitoring;

import com.acme.platform.constructs.core.Checks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Properties for {@link AlarmTopic}. Create them with {@link #builder()}; {@link #toBuilder()} copies. */
public final class AlarmTopicProps {
  static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  /** What an endpoint of one protocol looks like, and how a message says so. */
  private record EndpointRule(Pattern pattern, String described) {}

  private static final Map<String, EndpointRule> ENDPOINTS = Map.of(
      "email", new EndpointRule(Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "an email address"),
      "https", new EndpointRule(Pattern.compile("https://.*"), "an https:// URL"),
      "sqs", new EndpointRule(Pattern.compile("arn:aws[a-z-]*:sqs:.+"), "an SQS queue ARN"),
      "lambda", new EndpointRule(Pattern.compile("arn:aws[a-z-]*:lambda:.+"), "a Lambda function ARN"));
  /** The protocols alarms can notify, sorted for messages. */
  static final List<String> PROTOCOLS = ENDPOINTS.keySet().stream().sorted().toList();

  private final String topicName;
  private final List<AlarmSubscription> subscriptions;
  private final String kmsMasterKeyId;

  private AlarmTopicProps(Builder b) {
    this.topicName = b.topicName;
    this.subscriptions = b.subscriptions == null ? List.of() : List.copyOf(b.subscriptions);
    this.kmsMasterKeyId = b.kmsMasterKeyId;
    Checks checks = Checks.of("AlarmTopicProps");
    if (checks.required("topicName", topicName)) {
      checks.matches("topicName", topicName, TOPIC_NAME, "1-256 letters, digits, '-' or '_'");
    }
    checks.check(kmsMasterKeyId == null || !kmsMasterKeyId.isBlank(), "kmsMasterKeyId",
        "must be a KMS key id, ARN or alias, got \"\"");
    for (int i = 0; i < subscriptions.size(); i++) {
      AlarmSubscription s = subscriptions.get(i);
      String at = "subscriptions[" + i + "]";
      if (checks.required(at + ".protocol", s.protocol())) {
        checks.oneOf(at + ".protocol", s.protocol(), PROTOCOLS);
      }
      EndpointRule rule = s.protocol() == null ? null : ENDPOINTS.get(s.protocol());
      // An unknown protocol is reported above; its endpoint has no rule to meet.
      if (checks.required(at + ".endpoint", s.endpoint()) && rule != null) {
        checks.check(rule.pattern().matcher(s.endpoint()).matches(), at + ".endpoint", "must be "
            + rule.described() + " for protocol " + Checks.quote(s.protocol()) + ", got "
            + Checks.quote(s.endpoint()));
      }
    }
    checks.throwIfAny();
  }

  /**
   * The SNS topic name. Required.
   *
   * @return the name
   */
  public String topicName() {
    return topicName;
  }

  /**
   * Who is notified. Default: nobody (subscribe later, outside Terraform).
   *
   * @return the subscriptions
   */
  public List<AlarmSubscription> subscriptions() {
    return subscriptions;
  }

  /**
   * The KMS key that encrypts messages at rest (checkov CKV_AWS_26). It must let CloudWatch alarms use it
   * ({@code kms:GenerateDataKey*}, {@code kms:Decrypt} for {@code cloudwatch.amazonaws.com}), as
   * {@link com.acme.platform.constructs.kms.EnvironmentKey}'s policy does. Default: the stack's
   * {@link com.acme.platform.constructs.kms.EnvironmentKey}; without one, {@code alias/aws/sns}, the AWS managed
   * key, whose policy does not let CloudWatch alarms publish (the topic is encrypted, but alarms cannot notify it).
   *
   * @return the key id, ARN or alias, or {@code null} for the default
   */
  public String kmsMasterKeyId() {
    return kmsMasterKeyId;
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
    return new Builder().topicName(topicName).subscriptions(subscriptions).kmsMasterKeyId(kmsMasterKeyId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlarmTopicProps p && Objects.equals(topicName, p.topicName)
        && subscriptions.equals(p.subscriptions) && Objects.equals(kmsMasterKeyId, p.kmsMasterKeyId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topicName, subscriptions, kmsMasterKeyId);
  }

  @Override
  public String toString() {
    return "AlarmTopicProps[topicName=" + topicName + ", subscriptions=" + subscriptions + ", kmsMasterKeyId="
        + kmsMasterKeyId + "]";
  }

  /** Builder for {@link AlarmTopicProps}. */
  public static final class Builder {
    private String topicName;
    private List<AlarmSubscription> subscriptions;
    private String kmsMasterKeyId;

    private Builder() {}

    /**
     * Sets {@link AlarmTopicProps#topicName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder topicName(String v) { this.topicName = v; return this; }
    /**
     * Sets {@link AlarmTopicProps#subscriptions()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder subscriptions(List<AlarmSubscription> v) { this.subscriptions = v; return this; }
    /**
     * Sets {@link AlarmTopicProps#kmsMasterKeyId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder kmsMasterKeyId(String v) { this.kmsMasterKeyId = v; return this; }

    /**
     * Builds the props, checking every value.
     *
     * @return the props
     * @throws com.acme.platform.constructs.core.InvalidPropsException listing every problem
     */
    public AlarmTopicProps build() {
      return new AlarmTopicProps(this);
    }
  }
}
