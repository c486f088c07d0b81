package com.acme.platform.constructs.monitoring;

import com.acme.platform.constructs.core.ConstructIds;
import com.acme.platform.constructs.kms.EnvironmentKey;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import com.hashicorp.cdktf.providers.aws.sns_topic_subscription.SnsTopicSubscription;
import java.util.Objects;
import software.constructs.Construct;

/**
 * An SNS topic that alarms notify, encrypted at rest, with its subscribers.
 *
 * <p>Creates {@code aws_sns_topic} and one {@code aws_sns_topic_subscription} per subscriber (ids derived from
 * protocol and endpoint, so removing one never replaces another). Email subscriptions stay pending until the
 * recipient confirms. See <a href="https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html">SNS
 * encryption at rest</a>.
 */
public final class AlarmTopic extends Construct {
  /** The AWS managed key for SNS, used when neither props nor the stack name a customer managed key. */
  static final String AWS_MANAGED_KEY = "alias/aws/sns";
  private final SnsTopic topic;
  // Read once: every alarm of the stack notifies it, each read a round trip to jsii.
  private final String topicArn;

  /**
   * Creates the topic and its subscriptions.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the topic's properties
   */
  public AlarmTopic(Construct scope, String id, AlarmTopicProps props) {
    super(scope, id);
    Objects.requireNonNull(props, "props");
    this.topic = SnsTopic.Builder.create(this, "Resource")
        .name(props.topicName())
        .kmsMasterKeyId(kmsKey(this, props.kmsMasterKeyId()))
        .build();
    this.topicArn = topic.getArn();
    for (AlarmSubscription s : props.subscriptions()) {
      SnsTopicSubscription.Builder.create(this, ConstructIds.forValue("Subscription", s.protocol() + " "
              + s.endpoint()))
          .topicArn(topicArn)
          .protocol(s.protocol())
          .endpoint(s.endpoint())
          .build();
    }
  }

  /** The explicit key, else the stack's environment key, else the AWS managed key (see the props' Javadoc). */
  private static String kmsKey(Construct scope, String explicit) {
    String key = EnvironmentKey.arnOrStackDefault(scope, explicit);
    return key != null ? key : AWS_MANAGED_KEY;
  }

  /**
   * The topic ARN, which alarms notify; a token until apply.
   *
   * @return the ARN
   */
  public String getTopicArn() {
    return topicArn;
  }

  /**
   * The underlying topic, for escape hatches.
   *
   * @return the {@code aws_sns_topic}
   */
  public SnsTopic getTopic() {
    return topic;
  }
}
