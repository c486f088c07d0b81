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
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupInstanceRefresh;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupInstanceRefreshPreferences;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupLaunchTemplate;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupMixedInstancesPolicy;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupMixedInstancesPolicyInstancesDistribution;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupMixedInstancesPolicyLaunchTemplate;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupMixedInstancesPolicyLaunchTemplateLaunchTemplateSpecification;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupMixedInstancesPolicyLaunchTemplateOverride;
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
 * <p><b>Running it over months:</b> a change of the launch template or of the instance mix starts a rolling
 * instance refresh, instances are replaced after {@link Ec2ClusterProps#maxInstanceLifetimeDays()} (booting the
 * newest AMI), and ECS managed instance draining moves tasks off an instance before it terminates. A mix of
 * instance types ({@link Ec2ClusterProps#instanceTypes()}) may run partly on Spot, with Spot interruption draining
 * in the ECS agent. {@link Ec2ClusterProps#teardown()} prepares the cluster for {@code terraform destroy}.
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
  private static final int SECONDS_PER_DAY = 86_400;

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
    // Teardown overrides the protections: with them, destroying the group waits for protected instances forever.
    boolean protect = props.managedTerminationProtection() && !props.teardown();
    boolean mixed = !props.instanceTypes().isEmpty();

    // checkov CKV_AWS_65: Container Insights on unless the props turn it off.
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
    // AWS managed policies, the documented minimum for ECS container instances and Session Manager. Both grant
    // some actions on "*" because those actions have no resource-level permissions (ecr:GetAuthorizationToken,
    // ecs:DiscoverPollEndpoint, ssmmessages:*) or act on a cluster the agent learns only at boot; the policy check
    // treats these two attachments as a documented exception (README "Secure defaults").
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
    // Open egress (checkov CKV_AWS_382 would restrict it): bridge-mode containers share this group, and what they
    // must reach (AWS APIs through the NAT gateway, databases, partners) is the application's business.
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
        // A mix names its types in the group's overrides, which replace the template's type anyway.
        .instanceType(mixed ? null : props.instanceType())
        .iamInstanceProfile(LaunchTemplateIamInstanceProfile.builder().arn(instanceProfile.getArn()).build())
        .vpcSecurityGroupIds(List.of(instanceSecurityGroup.getId()))
        .userData(userData(name, props.usesSpot()))
        // checkov CKV_AWS_79 (IMDSv2 only) and CKV_AWS_341 (hop limit 1): the metadata service answers the host,
        // not bridge-mode containers one hop further; tasks get credentials from their task role instead.
        .metadataOptions(LaunchTemplateMetadataOptions.builder()
            .httpEndpoint("enabled")
            .httpTokens("required")
            .httpPutResponseHopLimit(1)
            .build())
        // Encrypted root volume (what checkov CKV_AWS_8 asks of instances); no network interface block, so no
        // public IP: instances live in the private subnets.
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

    AutoscalingGroup.Builder group = AutoscalingGroup.Builder.create(this, "AutoScalingGroup")
        .namePrefix(namePrefix(name, NAME_PREFIX_MAX))
        // Instances join the cluster by name: they must not boot before it exists, nor outlive it on destroy.
        .dependsOn(List.of(cluster))
        .vpcZoneIdentifier(props.vpc().privateSubnetIds())
        .minSize(props.minSize())
        .maxSize(props.maxSize())
        .healthCheckType("EC2")
        .healthCheckGracePeriod(HEALTH_CHECK_GRACE_PERIOD_SECONDS)
        .maxInstanceLifetime(props.maxInstanceLifetimeDays() * SECONDS_PER_DAY)
        .protectFromScaleIn(protect)
        .tag(List.of(AutoscalingGroupTag.builder()
            .key("AmazonECSManaged").value("true").propagateAtLaunch(true).build()))
        .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("desired_capacity")).build());
    // The group uses the template's latest version, so every template change is a change of the group that
    // Terraform answers with an instance refresh.
    String version = Token.asString(launchTemplate.getLatestVersion());
    if (mixed) {
      group.mixedInstancesPolicy(mixedInstancesPolicy(version));
      // Capacity Rebalancing replaces a Spot instance at elevated risk of interruption before the notice comes.
      group.capacityRebalance(props.usesSpot());
    } else {
      group.launchTemplate(AutoscalingGroupLaunchTemplate.builder().id(launchTemplate.getId()).version(version)
          .build());
    }
    if (props.instanceRefresh()) {
      group.instanceRefresh(instanceRefresh());
    }
    if (props.teardown()) {
      // Instances launched while protection was on keep their own scale-in protection flag; force_delete
      // terminates them with the group instead of waiting for a scale-in that never comes.
      group.forceDelete(true);
    }
    this.autoScalingGroup = group.build();

    this.capacityProvider = EcsCapacityProvider.Builder.create(this, "CapacityProvider")
        .name(capacityProviderName(name))
        .autoScalingGroupProvider(EcsCapacityProviderAutoScalingGroupProvider.builder()
            .autoScalingGroupArn(autoScalingGroup.getArn())
            .managedTerminationProtection(enabled(protect))
            .managedScaling(EcsCapacityProviderAutoScalingGroupProviderManagedScaling.builder()
                .status("ENABLED")
                .targetCapacity(props.targetCapacityPercent())
                .build())
            .build())
        .build();
    // managed_draining is newer than the bindings (provider 5.34.0; ProviderConstraints sets that floor).
    capacityProvider.addOverride("auto_scaling_group_provider.managed_draining", enabled(props.managedDraining()));

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

  private static String enabled(boolean on) {
    return on ? "ENABLED" : "DISABLED";
  }

  /** Every type of the mix from the one launch template; on-demand base and share, Spot for the rest. */
  private AutoscalingGroupMixedInstancesPolicy mixedInstancesPolicy(String version) {
    return AutoscalingGroupMixedInstancesPolicy.builder()
        .launchTemplate(AutoscalingGroupMixedInstancesPolicyLaunchTemplate.builder()
            .launchTemplateSpecification(
                AutoscalingGroupMixedInstancesPolicyLaunchTemplateLaunchTemplateSpecification.builder()
                    .launchTemplateId(launchTemplate.getId())
                    .version(version)
                    .build())
            .override(props.instanceTypes().stream()
                .map(type -> AutoscalingGroupMixedInstancesPolicyLaunchTemplateOverride.builder()
                    .instanceType(type).build())
                .toList())
            .build())
        .instancesDistribution(AutoscalingGroupMixedInstancesPolicyInstancesDistribution.builder()
            .onDemandBaseCapacity(props.onDemandBaseCapacity())
            .onDemandPercentageAboveBaseCapacity(props.onDemandPercentageAboveBase())
            .spotAllocationStrategy(Ec2ClusterProps.SPOT_ALLOCATION_STRATEGY)
            .build())
        .build();
  }

  /**
   * A rolling refresh that also replaces instances protected from scale-in: ECS protects every instance that runs
   * tasks, and the default ("Wait") would wait an hour for protection to lift and then fail. Managed draining moves
   * the tasks first.
   */
  private AutoscalingGroupInstanceRefresh instanceRefresh() {
    AutoscalingGroupInstanceRefreshPreferences.Builder preferences =
        AutoscalingGroupInstanceRefreshPreferences.builder()
            .minHealthyPercentage(props.instanceRefreshMinHealthyPercent())
            .skipMatching(props.instanceRefreshSkipMatching())
            .scaleInProtectedInstances("Refresh");
    if (!props.instanceRefreshCheckpointPercentages().isEmpty()) {
      preferences.checkpointPercentages(List.copyOf(props.instanceRefreshCheckpointPercentages()))
          .checkpointDelay(String.valueOf(props.instanceRefreshCheckpointDelaySeconds()));
    }
    return AutoscalingGroupInstanceRefresh.builder().strategy("Rolling").preferences(preferences.build()).build();
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
   * @param spot whether instances may run on Spot
   * @return the base64 text, the same for the same arguments
   */
  static String userData(String clusterName, boolean spot) {
    return Base64.getEncoder().encodeToString(userDataScript(clusterName, spot).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The instance user data script before encoding. On Spot, the ECS agent also watches for the two-minute
   * interruption notice and sets the instance to DRAINING, so services start replacement tasks elsewhere. The
   * agent's stop timeout ({@code ECS_CONTAINER_STOP_TIMEOUT}) keeps its 30-second default: it fits in the notice,
   * and containers that need longer set {@code stopTimeout} in their task definition.
   *
   * @param clusterName the cluster name
   * @param spot whether instances may run on Spot
   * @return the script
   */
  static String userDataScript(String clusterName, boolean spot) {
    return "#!/bin/bash\n"
        + "set -euo pipefail\n"
        + "echo \"ECS_CLUSTER=" + clusterName + "\" >> /etc/ecs/ecs.config\n"
        + (spot ? "echo \"ECS_ENABLE_SPOT_INSTANCE_DRAINING=true\" >> /etc/ecs/ecs.config\n" : "");
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
