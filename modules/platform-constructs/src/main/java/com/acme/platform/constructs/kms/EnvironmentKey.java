package com.acme.platform.constructs.kms;

import com.acme.platform.constructs.core.JsonDocs;
import com.acme.platform.constructs.core.Partition;
import com.acme.platform.constructs.core.StackLookup;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.constructs.Construct;

/**
 * The customer managed KMS key of an environment: it encrypts the environment's CloudWatch log groups and its alarm
 * topic, so that one key policy says who may read them, CloudTrail records every use, and revoking the key revokes
 * them all.
 *
 * <p>Constructs of the same stack use it by default once it exists ({@link #find(Construct)}):
 * {@link com.acme.platform.constructs.ecs.Ec2Service}'s log group, the flow log group of
 * {@link com.acme.platform.constructs.network.PlatformVpc} and
 * {@link com.acme.platform.constructs.monitoring.AlarmTopic}. Create it before them.
 *
 * <p>The key rotates its key material every year (checkov CKV_AWS_7) and has a key policy of its own (checkov
 * CKV2_AWS_64) with three statements:
 * <ul>
 *   <li>{@code AccountAdministers}: the account may administer and use the key through IAM policies. This is
 *       AWS's default key policy statement; without it no IAM principal could manage the key, and a key nobody can
 *       manage needs AWS Support to recover. Its {@code "Resource": "*"} means this key: a key policy can name
 *       nothing else.</li>
 *   <li>{@code CloudWatchLogsUse}: CloudWatch Logs of the region may encrypt and decrypt with it, only for log
 *       groups of this account and region (condition on the {@code kms:EncryptionContext:aws:logs:arn}
 *       context).</li>
 *   <li>{@code CloudWatchAlarmsPublish}: CloudWatch alarms may publish to topics encrypted with it
 *       ({@code kms:GenerateDataKey*} and {@code kms:Decrypt} only). The AWS managed key {@code alias/aws/sns}
 *       does not allow that, and its policy cannot be changed, so alarms cannot notify a topic encrypted with
 *       it.</li>
 * </ul>
 *
 * <p>Creates {@code aws_kms_key} and {@code aws_kms_alias} {@code alias/<aliasName>}. See
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html">Encrypt log data in
 * CloudWatch Logs using AWS KMS</a>.
 */
public final class EnvironmentKey extends Construct {
  private final EnvironmentKeyProps props;
  private final KmsKey key;
  private final KmsAlias alias;
  // Read once: every log group, flow log and topic of the stack asks for it, each read a round trip to jsii.
  private final String arn;

  /**
   * Creates the key and its alias.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the key's properties
   */
  public EnvironmentKey(Construct scope, String id, EnvironmentKeyProps props) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    this.key = KmsKey.Builder.create(this, "Resource")
        .description("Encrypts the log groups and alarm topic of " + props.aliasName())
        .enableKeyRotation(true)
        .deletionWindowInDays(props.deletionWindowDays())
        .policy(JsonDocs.toJson(keyPolicy(props)))
        .build();
    this.alias = KmsAlias.Builder.create(this, "Alias")
        .name("alias/" + props.aliasName())
        .targetKeyId(key.getKeyId())
        .build();
    this.arn = key.getArn();
    StackLookup.register(this);
  }

  /**
   * The key policy document.
   *
   * @param props the key's props
   * @return the document, for {@link JsonDocs#toJson(Object)}
   */
  static Map<String, Object> keyPolicy(EnvironmentKeyProps props) {
    String region = props.awsRegion();
    String partition = Partition.ofRegion(region);
    Map<String, Object> administer = statement("AccountAdministers",
        Map.of("AWS", Partition.accountRootArn(region, props.accountId())), "kms:*");
    Map<String, Object> logs = statement("CloudWatchLogsUse",
        Map.of("Service", "logs." + region + "." + Partition.dnsSuffix(region)),
        List.of("kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"));
    logs.put("Condition", Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
        "arn:" + partition + ":logs:" + region + ":" + props.accountId() + ":log-group:*")));
    Map<String, Object> alarms = statement("CloudWatchAlarmsPublish",
        Map.of("Service", "cloudwatch.amazonaws.com"), List.of("kms:Decrypt", "kms:GenerateDataKey*"));
    return Map.of("Version", "2012-10-17", "Statement", List.of(administer, logs, alarms));
  }

  private static Map<String, Object> statement(String sid, Map<String, String> principal, Object actions) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.put("Principal", principal);
    statement.put("Action", actions);
    statement.put("Resource", "*");
    return statement;
  }

  /**
   * The environment key of the stack that {@code scope} belongs to.
   *
   * @param scope any construct of the stack
   * @return the key, or {@code null} when the stack has none (yet)
   * @throws IllegalStateException when the stack has more than one
   */
  public static EnvironmentKey find(Construct scope) {
    return StackLookup.find(scope, EnvironmentKey.class);
  }

  /**
   * The ARN of {@code explicitArn}, else of the stack's environment key, else {@code null}: the rule every construct
   * that encrypts with the environment key follows.
   *
   * @param scope any construct of the stack
   * @param explicitArn a key ARN from props, or {@code null}
   * @return the key ARN to use, or {@code null} for none
   */
  public static String arnOrStackDefault(Construct scope, String explicitArn) {
    if (explicitArn != null) {
      return explicitArn;
    }
    EnvironmentKey key = find(scope);
    return key == null ? null : key.getKeyArn();
  }

  /**
   * The props this key was built from.
   *
   * @return the props
   */
  public EnvironmentKeyProps getProps() {
    return props;
  }

  /**
   * The underlying key, for escape hatches such as {@code addOverride}.
   *
   * @return the {@code aws_kms_key} resource
   */
  public KmsKey getKey() {
    return key;
  }

  /**
   * The key ARN; a token until apply.
   *
   * @return the key ARN
   */
  public String getKeyArn() {
    return arn;
  }

  /**
   * The alias of the key.
   *
   * @return the {@code aws_kms_alias} resource
   */
  public KmsAlias getAlias() {
    return alias;
  }
}
