package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.ConstructIds;
import com.acme.platform.constructs.core.IamPolicies;
import com.acme.platform.constructs.core.JsonDocs;
import com.acme.platform.constructs.core.Partition;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroup;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupLaunchTemplate;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupTag;
import com.hashicorp.cdktf.providers.aws.ecs_capacity_provider.EcsCapacityProvider;
import com.hashicorp.cdktf.providers.aws.ecs_capacity_provider.EcsCapacityProviderAutoScalingGroupProvider;
import com.hashicorp.cdktf.providers.aws.ecs_capacity_provider.EcsCapacityProviderAutoScalingGroupProviderManagedScaling;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import com.hashicorp.cdktf.providers.aws.ecs_cluster_capacity_providers.EcsClusterCapacityProviders;
import com.hashicorp.cdktf.providers.aws.ecs_cluster_capacity_providers.EcsClusterCapacityProvidersDefaultCapacityProviderStrategy;
import com.hashicorp.cdktf.providers.aws.iam_instance_profile.IamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplate;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateBlockDeviceMappings;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateBlockDeviceMappingsEbs;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateIamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateMetadataOptions;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateMonitoring;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateTagSpecifications;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * An ECS cluster whose capacity is EC2 container instances run by an Auto Scaling group, scaled by an ECS capacity
 * provider with managed scaling.
 *
 * <p>The instances run the ECS-optimized Amazon Linux 2023 AMI, which the launch template names as
 * {@code resolve:ssm:<amiSsmParameter>}: EC2 reads the parameter at each launch, so no data source is read at plan
 * time and new instances pick up new AMIs without a Terraform change. Instances require IMDSv2 with a hop limit of 1, so
 * that containers in bridge network mode cannot reach the metadata service and borrow the instance role (tasks get
 * credentials from their task role; the ECS agent runs on the host network), have an encrypted gp3 root volume and
 * detailed monitoring, live in the VPC's private subnets, and join the cluster through user data that writes
 * {@code ECS_CLUSTER=<clusterName>} to {@code /etc/ecs/ecs.config}. Their security group allows all egress and no
 * ingress; use {@link #allowIngressFrom} to admit a load balancer.
 *
 * <p><b>Drift ignored:</b> the Auto Scaling group ignores changes to {@code desired_capacity}, because the capacity
 * provider's managed scaling owns it; Terraform only sets the minimum and maximum size.
 *
 * <p>Creates {@code aws_ecs_cluster}, {@code aws_iam_role} (instance role) with {@code aws_iam_role_policy_attachment}s
 * for {@code AmazonEC2ContainerServiceforEC2Role}, {@code AmazonSSMManagedInstanceCore} and each extra policy,
 * {@code aws_iam_instance_profile}, {@code aws_security_group} with an {@code aws_vpc_security_group_egress_rule},
 * {@code aws_launch_template}, {@code aws_autoscaling_group}, {@code aws_ecs_capacity_provider} named
 * {@code <clusterName>-ec2} and {@code aws_ecs_cluster_capacity_providers} making it the cluster's default. See
 * <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers.html">Amazon ECS
 * capacity providers for the EC2 launch type</a>.
 */
public final class Ec2Cluster extends Construct {
  private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
  /** IAM role and instance profile {@code name_prefix} values may be at most 38 characters. */
  private static final int IAM_NAME_PREFIX_MAX = 38;
  private static final int NAME_PREFIX_MAX = 100;
  /** The provider accepts launch template name prefixes of 3 to 99 characters. */
  private static final int LAUNCH_TEMPLATE_NAME_PREFIX_MAX = 99;
  /** Seconds the Auto Scaling group waits after launch before it checks an instance's EC2 health. */
  static final int HEALTH_CHECK_GRACE_PERIOD_SECONDS = 300;

  private final Ec2ClusterProps props;
  private final EcsCluster cluster;
  private final IamRole instanceRole;
  private final List<IamRolePolicyAttachment> instancePolicyAttachments = new ArrayList<>();
  private final IamInstanceProfile instanceProfile;
  private final SecurityGroup instanceSecurityGroup;
  private final VpcSecurityGroupEgressRule instanceEgressRule;
  private final LaunchTemplate launchTemplate;
  private final AutoscalingGroup autoScalingGroup;
  private final EcsCapacityProvider capacityProvider;
  private final EcsClusterCapacityProviders clusterCapacityProviders;

  /**
   * Creates the cluster and its EC2 capacity.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the cluster's properties
   */
  public Ec2Cluster(Construct scope, String id, Ec2ClusterProps props) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    String name = props.clusterName();

    this.cluster = EcsCluster.Builder.create(this, "Resource")
        .name(name)
        .setting(List.of(EcsClusterSetting.builder()
            .name("containerInsights")
            .value(props.containerInsights() ? "enabled" : "disabled")
            .build()))
        .build();

    this.instanceRole = IamRole.Builder.create(this, "InstanceRole")
        .namePrefix(namePrefix(name, IAM_NAME_PREFIX_MAX))
        .description("ECS container instances of cluster " + name)
        .assumeRolePolicy(JsonDocs.toJson(IamPolicies.assumeRoleBy("ec2.amazonaws.com")))
        .build();
    attachPolicy("EcsInstancePolicy",
        Partition.managedPolicyArn(props.awsRegion(), Ec2ClusterProps.ECS_INSTANCE_POLICY));
    attachPolicy("SsmInstancePolicy",
        Partition.managedPolicyArn(props.awsRegion(), Ec2ClusterProps.SSM_INSTANCE_POLICY));
    // Ids derive from the ARN, so that removing or reordering one policy never detaches another.
    for (String arn : props.instancePolicyArns()) {
      attachPolicy(Checks.isToken(arn) ? "ExtraInstancePolicy" + props.instancePolicyArns().indexOf(arn)
          : ConstructIds.forValue("ExtraInstancePolicy", arn), arn);
    }
    this.instanceProfile = IamInstanceProfile.Builder.create(this, "InstanceProfile")
        .namePrefix(namePrefix(name, IAM_NAME_PREFIX_MAX))
        .role(instanceRole.getName())
        .build();

    this.instanceSecurityGroup = SecurityGroup.Builder.create(this, "InstanceSecurityGroup")
        .namePrefix(namePrefix(name + "-instances", NAME_PREFIX_MAX))
        .description("ECS container instances of cluster " + name)
        .vpcId(props.vpc().vpcId())
        .tags(Map.of("Name", name + "-instances"))
        .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
        .build();
    this.instanceEgressRule = VpcSecurityGroupEgressRule.Builder.create(this, "InstanceEgressAll")
        .securityGroupId(instanceSecurityGroup.getId())
        .description("All outbound traffic")
        .ipProtocol("-1")
        .cidrIpv4("0.0.0.0/0")
        .build();

    Map<String, String> instanceTags = Map.of("Name", name + "-instance");
    this.launchTemplate = LaunchTemplate.Builder.create(this, "LaunchTemplate")
        .namePrefix(launchTemplateNamePrefix(name))
        .description("ECS container instances of cluster " + name)
        .imageId("resolve:ssm:" + props.amiSsmParameter())
        .instanceType(props.instanceType())
        .iamInstanceProfile(LaunchTemplateIamInstanceProfile.builder().arn(instanceProfile.getArn()).build())
        .vpcSecurityGroupIds(List.of(instanceSecurityGroup.getId()))
        .userData(userData(name))
        .metadataOptions(LaunchTemplateMetadataOptions.builder()
            .httpEndpoint("enabled")
            .httpTokens("required")
            .httpPutResponseHopLimit(1)
            .build())
        .blockDeviceMappings(List.of(LaunchTemplateBlockDeviceMappings.builder()
            .deviceName("/dev/xvda")
            .ebs(LaunchTemplateBlockDeviceMappingsEbs.builder()
                .volumeType("gp3")
                .volumeSize(props.rootVolumeGiB())
                .encrypted("true")
                .deleteOnTermination("true")
                .build())
            .build()))
        .monitoring(LaunchTemplateMonitoring.builder().enabled(true).build())
        .tagSpecifications(List.of(
            LaunchTemplateTagSpecifications.builder().resourceType("instance").tags(instanceTags).build(),
            LaunchTemplateTagSpecifications.builder().resourceType("volume").tags(instanceTags).build()))
        .build();

    this.autoScalingGroup = AutoscalingGroup.Builder.create(this, "AutoScalingGroup")
        .namePrefix(namePrefix(name, NAME_PREFIX_MAX))
        // Instances join the cluster by name: they must not boot before it exists, nor outlive it on destroy.
        .dependsOn(List.of(cluster))
        .vpcZoneIdentifier(props.vpc().privateSubnetIds())
        .minSize(props.minSize())
        .maxSize(props.maxSize())
        .launchTemplate(AutoscalingGroupLaunchTemplate.builder()
            .id(launchTemplate.getId())
            .version(Token.asString(launchTemplate.getLatestVersion()))
            .build())
        .healthCheckType("EC2")
        .healthCheckGracePeriod(HEALTH_CHECK_GRACE_PERIOD_SECONDS)
        .protectFromScaleIn(props.managedTerminationProtection())
        .tag(List.of(AutoscalingGroupTag.builder()
            .key("AmazonECSManaged").value("true").propagateAtLaunch(true).build()))
        .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("desired_capacity")).build())
        .build();

    this.capacityProvider = EcsCapacityProvider.Builder.create(this, "CapacityProvider")
        .name(capacityProviderName(name))
        .autoScalingGroupProvider(EcsCapacityProviderAutoScalingGroupProvider.builder()
            .autoScalingGroupArn(autoScalingGroup.getArn())
            .managedTerminationProtection(props.managedTerminationProtection() ? "ENABLED" : "DISABLED")
            .managedScaling(EcsCapacityProviderAutoScalingGroupProviderManagedScaling.builder()
                .status("ENABLED")
                .targetCapacity(props.targetCapacityPercent())
                .build())
            .build())
        .build();

    this.clusterCapacityProviders = EcsClusterCapacityProviders.Builder.create(this, "CapacityProviders")
        .clusterName(cluster.getName())
        .capacityProviders(List.of(capacityProvider.getName()))
        .defaultCapacityProviderStrategy(List.of(
            EcsClusterCapacityProvidersDefaultCapacityProviderStrategy.builder()
                .capacityProvider(capacityProvider.getName())
                .weight(1)
                .base(0)
                .build()))
        .build();
  }

  private void attachPolicy(String id, String policyArn) {
    instancePolicyAttachments.add(IamRolePolicyAttachment.Builder.create(this, id)
        .role(instanceRole.getName())
        .policyArn(policyArn)
        .build());
  }

  /**
   * Admits TCP traffic from another security group to the container instances, for example a load balancer to the
   * dynamic host ports {@code 32768-65535} of bridge-mode tasks.
   *
   * @param id the construct id of the rule, unique within this cluster (PascalCase, for example {@code FromAlb})
   * @param sourceSecurityGroupId the security group allowed in, for example the load balancer's
   * @param fromPort the first TCP port, 0 to 65535
   * @param toPort the last TCP port, {@code fromPort} to 65535
   * @return the ingress rule created on the instance security group
   * @throws IllegalArgumentException when a value is missing or a port is out of range
   */
  public VpcSecurityGroupIngressRule allowIngressFrom(String id, String sourceSecurityGroupId, int fromPort,
      int toPort) {
    Objects.requireNonNull(id, "id");
    String subject = "allowIngressFrom ";
    Checks checks = Checks.of("Ec2Cluster");
    if (checks.required(subject + "sourceSecurityGroupId", sourceSecurityGroupId)) {
      checks.matches(subject + "sourceSecurityGroupId", sourceSecurityGroupId, SECURITY_GROUP_ID,
          "a security group id such as \"sg-0123456789abcdef0\"");
    }
    checks.between(subject + "fromPort", fromPort, 0, 65_535);
    checks.between(subject + "toPort", toPort, 0, 65_535);
    if (fromPort >= 0 && toPort <= 65_535) {
      checks.check(fromPort <= toPort, subject + "fromPort", "must be <= toPort (" + toPort + "), got " + fromPort);
    }
    checks.throwIfAny();
    return VpcSecurityGroupIngressRule.Builder.create(this, id)
        .securityGroupId(instanceSecurityGroup.getId())
        .description("TCP " + fromPort + "-" + toPort + " from another security group")
        .ipProtocol("tcp")
        .fromPort(fromPort)
        .toPort(toPort)
        .referencedSecurityGroupId(sourceSecurityGroupId)
        .build();
  }

  /**
   * The capacity provider name derived from a cluster name.
   *
   * @param clusterName a valid cluster name
   * @return {@code <clusterName>-ec2}
   */
  public static String capacityProviderName(String clusterName) {
    return clusterName + Ec2ClusterProps.CAPACITY_PROVIDER_SUFFIX;
  }

  /**
   * The instance user data: a shell script that joins the cluster, base64-encoded (as the launch template expects).
   *
   * @param clusterName the cluster name
   * @return the base64 text, the same for the same name
   */
  static String userData(String clusterName) {
    return Base64.getEncoder().encodeToString(userDataScript(clusterName).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The instance user data script before encoding.
   *
   * @param clusterName the cluster name
   * @return the script
   */
  static String userDataScript(String clusterName) {
    return "#!/bin/bash\n"
        + "set -euo pipefail\n"
        + "echo \"ECS_CLUSTER=" + clusterName + "\" >> /etc/ecs/ecs.config\n";
  }

  /** A prefix the provider accepts for launch templates: 3 to 99 characters, even for a one-letter cluster name. */
  static String launchTemplateNamePrefix(String clusterName) {
    String prefix = namePrefix(clusterName, LAUNCH_TEMPLATE_NAME_PREFIX_MAX);
    return prefix.length() >= 3 ? prefix : clusterName + "-lt-";
  }

  private static String namePrefix(String base, int max) {
    String trimmed = base.length() > max - 1 ? base.substring(0, max - 1) : base;
    return trimmed + "-";
  }

  /**
   * What services need to know about this cluster. Its {@code capacityProviderName} is a token that resolves to
   * {@code <clusterName>-ec2} and refers to the cluster's capacity-provider association, so that a service using
   * it is only created once the capacity provider is attached to the cluster.
   *
   * @return the reference
   */
  public ClusterRef ref() {
    return new ClusterRef(getClusterName(), getClusterArn(), getCapacityProviderName(),
        getInstanceSecurityGroupId());
  }

  /**
   * The props this cluster was built from.
   *
   * @return the validated props
   */
  public Ec2ClusterProps getProps() {
    return props;
  }

  /**
   * The underlying ECS cluster, for escape hatches such as {@code addOverride}.
   *
   * @return the {@code aws_ecs_cluster} resource
   */
  public EcsCluster getCluster() {
    return cluster;
  }

  /**
   * The cluster name (a plain string, known at synth).
   *
   * @return the cluster name
   */
  public String getClusterName() {
    return props.clusterName();
  }

  /**
   * The cluster ARN; a token until apply.
   *
   * @return the cluster ARN
   */
  public String getClusterArn() {
    return cluster.getArn();
  }

  /**
   * The capacity provider name {@code <clusterName>-ec2}, as a token on the cluster's capacity-provider association
   * (see {@link #ref()}). {@link #capacityProviderName(String)} gives the plain string.
   *
   * @return the capacity provider name, as a token
   */
  public String getCapacityProviderName() {
    return Token.asString(Fn.one(clusterCapacityProviders.getCapacityProviders()));
  }

  /**
   * The Auto Scaling group that runs the container instances.
   *
   * @return the {@code aws_autoscaling_group} resource
   */
  public AutoscalingGroup getAutoScalingGroup() {
    return autoScalingGroup;
  }

  /**
   * The launch template of the container instances.
   *
   * @return the {@code aws_launch_template} resource
   */
  public LaunchTemplate getLaunchTemplate() {
    return launchTemplate;
  }

  /**
   * The EC2 capacity provider.
   *
   * @return the {@code aws_ecs_capacity_provider} resource
   */
  public EcsCapacityProvider getCapacityProvider() {
    return capacityProvider;
  }

  /**
   * The association of the capacity provider with the cluster, including the default strategy.
   *
   * @return the {@code aws_ecs_cluster_capacity_providers} resource
   */
  public EcsClusterCapacityProviders getClusterCapacityProviders() {
    return clusterCapacityProviders;
  }

  /**
   * The IAM role of the container instances (not the task role).
   *
   * @return the instance role
   */
  public IamRole getInstanceRole() {
    return instanceRole;
  }

  /**
   * The managed-policy attachments of the instance role: ECS, SSM, then each extra policy in order.
   *
   * @return the policy attachments, in that order; an unmodifiable list
   */
  public List<IamRolePolicyAttachment> getInstancePolicyAttachments() {
    return List.copyOf(instancePolicyAttachments);
  }

  /**
   * The instance profile that carries the instance role.
   *
   * @return the {@code aws_iam_instance_profile} resource
   */
  public IamInstanceProfile getInstanceProfile() {
    return instanceProfile;
  }

  /**
   * The security group of the container instances.
   *
   * @return the instances' {@code aws_security_group} resource
   */
  public SecurityGroup getInstanceSecurityGroup() {
    return instanceSecurityGroup;
  }

  /**
   * The container instances' security group id; a token until apply.
   *
   * @return the security group id
   */
  public String getInstanceSecurityGroupId() {
    return instanceSecurityGroup.getId();
  }

  /**
   * The rule that allows all outbound traffic from the container instances.
   *
   * @return the {@code aws_vpc_security_group_egress_rule} resource
   */
  public VpcSecurityGroupEgressRule getInstanceEgressRule() {
    return instanceEgressRule;
  }
}
