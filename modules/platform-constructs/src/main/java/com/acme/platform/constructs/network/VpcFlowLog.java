package com.acme.platform.constructs.network;

import com.acme.platform.constructs.core.IamPolicies;
import com.acme.platform.constructs.core.JsonDocs;
import com.acme.platform.constructs.core.PolicyStatement;
import com.acme.platform.constructs.kms.EnvironmentKey;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLog;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import java.util.List;
import java.util.Objects;
import software.constructs.Construct;

/**
 * VPC flow logs to CloudWatch Logs (checkov CKV2_AWS_11): a record of the traffic in the VPC's network interfaces,
 * for investigating what talked to what. {@link PlatformVpc} adds one by default; use this construct directly for
 * a VPC you already have.
 *
 * <p>Creates {@code aws_cloudwatch_log_group} {@code /vpc/<name>/flow-logs} with a retention period and, by
 * default, the stack's {@link EnvironmentKey}; an {@code aws_iam_role} that only {@code vpc-flow-logs.amazonaws.com}
 * may assume, with an inline {@code aws_iam_role_policy} that may write to that log group and nothing else; and the
 * {@code aws_flow_log}. See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-cwl.html">Publish
 * flow logs to CloudWatch Logs</a>.
 */
public final class VpcFlowLog extends Construct {
  /** IAM allows at most 38 characters in {@code name_prefix}. */
  private static final int ROLE_NAME_PREFIX_MAX = 38;
  private static final String ROLE_SUFFIX = "-flow-logs-";

  private final VpcFlowLogProps props;
  private final CloudwatchLogGroup logGroup;
  private final IamRole role;
  private final FlowLog flowLog;

  /**
   * Creates the log group, the role and the flow log.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the flow log's properties
   */
  public VpcFlowLog(Construct scope, String id, VpcFlowLogProps props) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    this.logGroup = CloudwatchLogGroup.Builder.create(this, "Logs")
        .name("/vpc/" + props.name() + "/flow-logs")
        .retentionInDays(props.retentionDays())
        .kmsKeyId(EnvironmentKey.arnOrStackDefault(this, props.kmsKeyArn()))
        .build();
    String name = props.name();
    this.role = IamRole.Builder.create(this, "Role")
        .namePrefix(name.substring(0, Math.min(name.length(), ROLE_NAME_PREFIX_MAX - ROLE_SUFFIX.length()))
            .replaceAll("-+$", "") + ROLE_SUFFIX)
        .description("Delivers the flow logs of VPC " + name + " to CloudWatch Logs")
        .assumeRolePolicy(JsonDocs.toJson(IamPolicies.assumeRoleBy("vpc-flow-logs.amazonaws.com")))
        .build();
    // Only this log group and its streams: the group exists, so the role needs no logs:CreateLogGroup, and no "*".
    String groupArn = logGroup.getArn();
    IamRolePolicy.Builder.create(this, "RolePolicy")
        .name("write-flow-logs")
        .role(role.getName())
        .policy(PolicyStatement.document(List.of(PolicyStatement.builder().sid("WriteFlowLogs")
            .actions(List.of("logs:CreateLogStream", "logs:DescribeLogGroups", "logs:DescribeLogStreams",
                "logs:PutLogEvents"))
            .resources(List.of(groupArn, groupArn + ":*"))
            .build())))
        .build();
    this.flowLog = FlowLog.Builder.create(this, "Resource")
        .vpcId(props.vpcId())
        .trafficType(props.trafficType())
        .logDestinationType("cloud-watch-logs")
        .logDestination(groupArn)
        .iamRoleArn(role.getArn())
        .tags(java.util.Map.of("Name", name + "-flow-logs"))
        .build();
  }

  /**
   * The props this flow log was built from.
   *
   * @return the props
   */
  public VpcFlowLogProps getProps() {
    return props;
  }

  /**
   * The underlying flow log, for escape hatches such as {@code addOverride}.
   *
   * @return the {@code aws_flow_log} resource
   */
  public FlowLog getFlowLog() {
    return flowLog;
  }

  /**
   * The log group the flow records go to.
   *
   * @return the {@code aws_cloudwatch_log_group} resource
   */
  public CloudwatchLogGroup getLogGroup() {
    return logGroup;
  }

  /**
   * The role VPC Flow Logs assumes to write the records.
   *
   * @return the {@code aws_iam_role} resource
   */
  public IamRole getRole() {
    return role;
  }
}
