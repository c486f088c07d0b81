package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.ConstructIds;
import com.acme.platform.constructs.core.IamPolicies;
import com.acme.platform.constructs.core.JsonDocs;
import com.acme.platform.constructs.core.Partition;
import com.acme.platform.constructs.core.PolicyStatement;
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
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
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
import java.util.regex.Matcher;
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
 * {@code <clusterName>-ec2} and {@code aws_ecs_cluster_capacity_providers} making it the cluster's default; per
 * {@link #addPersistentVolume}, an {@code aws_ebs_volume}, with the instance role's inline {@code aws_iam_role_policy}
 * that may attach exactly the cluster's persistent volumes. See
 * <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers.html">Amazon ECS
 * capacity providers for the EC2 launch type</a>.
 */
public final class Ec2Cluster extends Construct {
  private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
  /** A token as cdktf writes it into a Java string. */
  private static final Pattern TOKEN = Pattern.compile("\\$\\{TfToken\\[[^\\]]+\\]\\}");
  /** IAM role and instance profile {@code name_prefix} values may be at most 38 characters. */
  private static final int IAM_NAME_PREFIX_MAX = 38;
  private static final int NAME_PREFIX_MAX = 100;
  /** The provider accepts launch template name prefixes of 3 to 99 characters. */
  private static final int LAUNCH_TEMPLATE_NAME_PREFIX_MAX = 99;
  /** Seconds the Auto Scaling group waits after launch before it checks an instance's EC2 health. */
  static final int HEALTH_CHECK_GRACE_PERIOD_SECONDS = 300;
  private static final int SECONDS_PER_DAY = 86_400;
  /** Persistent volumes per cluster: each needs a device name of its own ({@code /dev/xvdf} onwards). */
  static final int MAX_PERSISTENT_VOLUMES = 10;

  private final Ec2ClusterProps props;
  private final EcsCluster cluster;
  private final IamRole instanceRole;
  private final List<IamRolePolicyAttachment> instancePolicyAttachments = new ArrayList<>();
  private final IamInstanceProfile instanceProfile;
  private final SecurityGroup instanceSecurityGroup;
  // Attribute tokens read once: services, ingress rules and volumes need them again, each read a round trip to jsii.
  private final String instanceSecurityGroupId;
  private final String instanceRoleName;
  private final String clusterArn;
  private final String capacityProviderName;
  private final VpcSecurityGroupEgressRule instanceEgressRule;
  private final LaunchTemplate launchTemplate;
  private final AutoscalingGroup autoScalingGroup;
  private final EcsCapacityProvider capacityProvider;
  private final EcsClusterCapacityProviders clusterCapacityProviders;
  private final List<PersistentVolume> persistentVolumes = new ArrayList<>();
  private IamRolePolicy volumePolicy;

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
    this.instanceRoleName = instanceRole.getName();
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
        .role(instanceRoleName)
        .build();

    this.instanceSecurityGroup = SecurityGroup.Builder.create(this, "InstanceSecurityGroup")
        .namePrefix(namePrefix(name + "-instances", NAME_PREFIX_MAX))
        .description("ECS container instances of cluster " + name)
        .vpcId(props.vpc().vpcId())
        .tags(Map.of("Name", name + "-instances"))
        .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
        .build();
    this.instanceSecurityGroupId = instanceSecurityGroup.getId();
    // Open egress (checkov CKV_AWS_382 would restrict it): bridge-mode containers share this group, and what they
    // must reach (AWS APIs through the NAT gateway, databases, partners) is the application's business.
    this.instanceEgressRule = VpcSecurityGroupEgressRule.Builder.create(this, "InstanceEgressAll")
        .securityGroupId(instanceSecurityGroupId)
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
        .vpcSecurityGroupIds(List.of(instanceSecurityGroupId))
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

    String providerRef = capacityProvider.getName();
    this.clusterCapacityProviders = EcsClusterCapacityProviders.Builder.create(this, "CapacityProviders")
        .clusterName(cluster.getName())
        .capacityProviders(List.of(providerRef))
        .defaultCapacityProviderStrategy(List.of(
            EcsClusterCapacityProvidersDefaultCapacityProviderStrategy.builder()
                .capacityProvider(providerRef)
                .weight(1)
                .base(0)
                .build()))
        .build();
    // Every service's ref() needs these; reading them once saves four jsii round trips per service.
    this.clusterArn = cluster.getArn();
    this.capacityProviderName = Token.asString(Fn.one(clusterCapacityProviders.getCapacityProviders()));
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
        .role(instanceRoleName)
        .policyArn(policyArn)
        .build());
  }

  /**
   * Adds a persistent EBS volume that the cluster's instances attach at boot, for a service that must keep its data
   * across task and instance replacement; mount it with {@link Ec2Service#mountPersistentVolume}.
   *
   * <p>The cluster changes with its first volume: its Auto Scaling group launches instances in the volume's subnet
   * only (an EBS volume attaches only in its own availability zone), the user data of its instances attaches,
   * formats when blank and mounts the volume, and the instance role may attach exactly the cluster's volumes
   * ({@code ec2:AttachVolume} on them and on the region's instances). Keep a stateful service in a cluster of its
   * own, usually of one instance: the whole cluster runs in one zone, and only one instance can hold the volume.
   * The instance that holds it advertises {@code platform.volume.<volumeName>=attached}; an instance that boots
   * while the volume is still attached elsewhere retries for five minutes (the instance it replaces may still be
   * shutting down), then joins the cluster without it. The instances need the AWS CLI (installed from the
   * distribution's repository when the AMI lacks it) and a route to the EC2 API.
   *
   * @param id the construct id of the volume, unique within this cluster (PascalCase, for example {@code Data})
   * @param volumeProps the volume
   * @return the volume
   * @throws com.acme.platform.constructs.core.InvalidPropsException when the name is taken, the zone differs from
   *     the cluster's other volumes, or the cluster has {@value #MAX_PERSISTENT_VOLUMES} volumes already
   */
  public PersistentVolume addPersistentVolume(String id, PersistentVolumeProps volumeProps) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(volumeProps, "volumeProps");
    // The path is a round trip to jsii: asked for only when a check fails.
    Checks checks = Checks.of(() -> "Ec2Cluster '" + getNode().getPath() + "'");
    String field = "addPersistentVolume";
    checks.check(persistentVolumes.size() < MAX_PERSISTENT_VOLUMES, field, "can add at most "
        + MAX_PERSISTENT_VOLUMES + " persistent volumes to one cluster, got one more");
    for (PersistentVolume other : persistentVolumes) {
      checks.check(!other.getProps().volumeName().equals(volumeProps.volumeName()), field + ".volumeName",
          "must be unique within the cluster, got " + Checks.quote(volumeProps.volumeName()) + " twice");
    }
    if (!persistentVolumes.isEmpty()) {
      String zone = persistentVolumes.get(0).getProps().availabilityZone();
      checks.check(zone.equals(volumeProps.availabilityZone()), field + ".availabilityZone", "must be "
          + Checks.quote(zone) + " like the cluster's other persistent volumes (its instances run in that one zone,"
          + " where they can attach each volume), got " + Checks.quote(volumeProps.availabilityZone()));
    }
    checks.throwIfAny();
    PersistentVolume volume = new PersistentVolume(this, id, volumeProps, props.clusterName(), !props.teardown());
    persistentVolumes.add(volume);
    if (persistentVolumes.size() == 1) {
      autoScalingGroup.setVpcZoneIdentifier(List.of(volumeProps.subnetId()));
    }
    List<VolumeAttachment> attachments = new ArrayList<>();
    for (int i = 0; i < persistentVolumes.size(); i++) {
      PersistentVolume v = persistentVolumes.get(i);
      attachments.add(new VolumeAttachment(v.getVolumeId(), "/dev/xvd" + (char) ('f' + i), v.getHostPath(),
          v.ref().attributeName()));
    }
    launchTemplate.setUserData(userData(props.clusterName(), props.usesSpot(), props.awsRegion(), attachments));
    List<String> resources = new ArrayList<>(persistentVolumes.stream().map(PersistentVolume::getVolumeArn)
        .toList());
    // Instance ids are known only at launch; the volume ARNs are what limits the grant.
    resources.add("arn:" + Partition.ofRegion(props.awsRegion()) + ":ec2:" + props.awsRegion() + ":*:instance/*");
    String policy = PolicyStatement.document(List.of(PolicyStatement.builder().sid("AttachPersistentVolumes")
        .actions(List.of("ec2:AttachVolume")).resources(resources).build()));
    if (volumePolicy == null) {
      volumePolicy = IamRolePolicy.Builder.create(this, "InstanceVolumePolicy")
          .name("attach-persistent-volumes")
          .role(instanceRoleName)
          .policy(policy)
          .build();
    } else {
      volumePolicy.setPolicy(policy);
    }
    return volume;
  }

  /**
   * One persistent volume as the user data attaches it.
   *
   * @param volumeId the EBS volume id (a token until apply)
   * @param device the device name to attach it as
   * @param hostPath where to mount it
   * @param attribute the instance attribute to advertise once it is mounted
   */
  record VolumeAttachment(String volumeId, String device, String hostPath, String attribute) {}

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
        .securityGroupId(instanceSecurityGroupId)
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
    return userData(clusterName, spot, "", List.of());
  }

  /**
   * The instance user data with persistent volumes. A script that names volume ids (tokens until apply) is encoded
   * by Terraform's {@code base64encode}; one without is encoded here, so that clusters without volumes keep the
   * user data they had.
   */
  static String userData(String clusterName, boolean spot, String region, List<VolumeAttachment> volumes) {
    String script = userDataScript(clusterName, spot, region, volumes);
    if (!Checks.isToken(script)) {
      return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
    }
    // Terraform joins the text (as raw strings, because it has quotes) with the tokens' values.
    List<String> parts = new ArrayList<>();
    Matcher token = TOKEN.matcher(script);
    int at = 0;
    while (token.find()) {
      if (token.start() > at) {
        parts.add(Fn.rawString(script.substring(at, token.start())));
      }
      parts.add(token.group());
      at = token.end();
    }
    if (at < script.length()) {
      parts.add(Fn.rawString(script.substring(at)));
    }
    return Fn.base64encode(Fn.join("", parts));
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
    return userDataScript(clusterName, spot, "", List.of());
  }

  /**
   * The script with persistent volumes: each is attached (retrying while it is still attached to an instance that
   * is going away), given an XFS file system only when it has none, mounted, and announced to the ECS agent as an
   * instance attribute. The agent reads {@code /etc/ecs/ecs.config} when it starts, after the user data.
   */
  static String userDataScript(String clusterName, boolean spot, String region, List<VolumeAttachment> volumes) {
    StringBuilder script = new StringBuilder("#!/bin/bash\n"
        + "set -euo pipefail\n"
        + "echo \"ECS_CLUSTER=" + clusterName + "\" >> /etc/ecs/ecs.config\n"
        + (spot ? "echo \"ECS_ENABLE_SPOT_INSTANCE_DRAINING=true\" >> /etc/ecs/ecs.config\n" : ""));
    if (volumes.isEmpty()) {
      return script.toString();
    }
    script.append(ATTACH_FUNCTION.replace("@REGION@", region));
    for (VolumeAttachment v : volumes) {
      script.append("attach_volume ").append(v.volumeId()).append(' ').append(v.device()).append(' ')
          .append(v.hostPath()).append(" '\"").append(v.attribute()).append("\":\"")
          .append(PersistentVolume.ATTACHED).append("\"'\n");
    }
    script.append("if [ -n \"$ATTRIBUTES\" ]; then\n"
        + "  echo \"ECS_INSTANCE_ATTRIBUTES={$(echo \"$ATTRIBUTES\" | cut -c2-)}\" >> /etc/ecs/ecs.config\n"
        + "fi\n");
    return script.toString();
  }

  /**
   * Defines {@code attach_volume <volume id> <device> <mount point> '"<attribute>":"attached"'}. No backslashes:
   * cdktf's raw strings, which carry the script into Terraform when it names a volume id, do not escape them.
   */
  private static final String ATTACH_FUNCTION = """
      # Persistent volumes: attach, make a file system only when blank, mount, advertise to ECS.
      command -v aws >/dev/null || dnf install -y awscli-2
      IMDS=http://169.254.169.254/latest
      IMDS_TOKEN=$(curl -sf -X PUT "$IMDS/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
      INSTANCE_ID=$(curl -sf -H "X-aws-ec2-metadata-token: $IMDS_TOKEN" "$IMDS/meta-data/instance-id")
      ATTRIBUTES=""
      attach_volume() {
        local volume=$1 device=$2 mount_point=$3 attribute=$4 disk="" try candidate
        for try in $(seq 1 30); do
          if aws ec2 attach-volume --region @REGION@ --volume-id "$volume" --instance-id "$INSTANCE_ID" --device "$device" >/dev/null; then
            break
          fi
          if [ "$try" -eq 30 ]; then
            echo "volume $volume is attached elsewhere; this instance runs without it"
            return 0
          fi
          sleep 10
        done
        for try in $(seq 1 60); do
          for candidate in "/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_$(echo "$volume" | tr -d -)" "$device"; do
            if [ -b "$candidate" ]; then
              disk=$(readlink -f "$candidate")
              break 2
            fi
          done
          sleep 5
        done
        if [ -z "$disk" ]; then
          echo "volume $volume did not appear as a device; this instance runs without it"
          return 0
        fi
        blkid "$disk" >/dev/null || mkfs -t xfs "$disk"
        mkdir -p "$mount_point"
        mount "$disk" "$mount_point"
        ATTRIBUTES="$ATTRIBUTES,$attribute"
      }
      """;

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
    return clusterArn;
  }

  /**
   * The capacity provider name {@code <clusterName>-ec2}, as a token on the cluster's capacity-provider association
   * (see {@link #ref()}). {@link #capacityProviderName(String)} gives the plain string.
   *
   * @return the capacity provider name, as a token
   */
  public String getCapacityProviderName() {
    return capacityProviderName;
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
   * The persistent volumes added so far, in order.
   *
   * @return the volumes; an unmodifiable list
   */
  public List<PersistentVolume> getPersistentVolumes() {
    return List.copyOf(persistentVolumes);
  }

  /**
   * The instance role's inline policy that attaches the persistent volumes, or {@code null} before the first
   * {@link #addPersistentVolume}.
   *
   * @return the {@code aws_iam_role_policy} resource, or {@code null}
   */
  public IamRolePolicy getVolumePolicy() {
    return volumePolicy;
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
    return instanceSecurityGroupId;
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
