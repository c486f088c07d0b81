package com.acme.platform.constructs.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.Problem;
import com.acme.platform.constructs.network.VpcRef;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ec2ClusterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final VpcRef VPC = new VpcRef("vpc-0123456789abcdef0", "10.0.0.0/16",
      List.of("subnet-0aaa0000000000001", "subnet-0aaa0000000000002"),
      List.of("subnet-0bbb0000000000001", "subnet-0bbb0000000000002"));
  private static final String EXTRA_POLICY = "arn:aws:iam::111111111111:policy/read-config";

  private Synth defaults;
  private Synth allOptions;
  private Synth spotTeardown;
  private Ec2Cluster defaultsCluster;

  /** Required values for a cluster named "platform"; tests add what they vary. */
  private static Ec2ClusterProps.Builder platform() {
    return Ec2ClusterProps.builder().clusterName("platform").awsRegion("eu-west-1").vpc(VPC);
  }

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack -> {
      defaultsCluster = new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.of("platform", "eu-west-1", VPC));
      // Tests may create outputs; constructs never do. This one shows what the ref's token resolves to.
      TerraformOutput.Builder.create(stack, "CapacityProviderName")
          .value(defaultsCluster.ref().capacityProviderName()).build();
    });
    allOptions = Synth.stack(stack -> {
      Ec2Cluster cluster = new Ec2Cluster(stack, "Cluster", allOptionsProps());
      cluster.allowIngressFrom("FromAlb", "sg-0fedcba9876543210", 32768, 65535);
    });
    spotTeardown = Synth.stack(stack -> new Ec2Cluster(stack, "Cluster", spotTeardownProps()));
  }

  /** Every setting of the mix, the refresh and teardown away from its default. */
  private static Ec2ClusterProps spotTeardownProps() {
    return platform()
        .maxSize(6)
        .instanceTypes(List.of("m6i.large", "m5.large", "m6a.large"))
        .onDemandBaseCapacity(1)
        .onDemandPercentageAboveBase(25)
        .maxInstanceLifetimeDays(7)
        .instanceRefreshMinHealthyPercent(50)
        .instanceRefreshSkipMatching(false)
        .instanceRefreshCheckpointPercentages(List.of(20, 100))
        .instanceRefreshCheckpointDelaySeconds(600)
        .teardown(true)
        .build();
  }

  private static Ec2ClusterProps allOptionsProps() {
    return Ec2ClusterProps.builder()
        .clusterName("Orders_Cluster-2")
        .awsRegion("eu-west-1")
        .vpc(VPC)
        .instanceType("c6g.2xlarge")
        .minSize(0)
        .maxSize(10)
        .rootVolumeGiB(100)
        .amiSsmParameter("/acme/ami/ecs")
        .containerInsights(false)
        .targetCapacityPercent(80)
        .managedTerminationProtection(false)
        .instancePolicyArns(List.of(EXTRA_POLICY))
        .maxInstanceLifetimeDays(0)
        .instanceRefresh(false)
        .managedDraining(false)
        .build();
  }

  private static String script(Synth synth) {
    return new String(Base64.getDecoder().decode(synth.only("aws_launch_template").get("user_data").asText()),
        StandardCharsets.UTF_8);
  }

  // ---- defaults ----

  @Test
  void cluster_defaults_containerInsightsEnabled() {
    defaults.assertHasResourceWithProperties("aws_ecs_cluster", Map.of(
        "name", "platform",
        "setting", List.of(Map.of("name", "containerInsights", "value", "enabled"))));
  }

  @Test
  void instanceRole_defaults_ec2TrustAndTwoManagedPolicies() throws Exception {
    JsonNode role = defaults.only("aws_iam_role");
    assertThat(role.get("name_prefix").asText()).isEqualTo("platform-");
    JsonNode trust = MAPPER.readTree(role.get("assume_role_policy").asText());
    assertThat(trust.toString()).isEqualTo("{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}],\"Version\":\"2012-10-17\"}");
    assertThat(defaults.resources("aws_iam_role_policy_attachment"))
        .extracting(a -> a.get("policy_arn").asText())
        .containsExactlyInAnyOrder(
            "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
    assertThat(defaults.only("aws_iam_instance_profile").get("role").asText()).startsWith("${aws_iam_role.");
  }

  @Test
  void securityGroup_defaults_inVpcEgressOnlyThroughSeparateRule() {
    JsonNode sg = defaults.only("aws_security_group");
    assertThat(sg.get("vpc_id").asText()).isEqualTo("vpc-0123456789abcdef0");
    assertThat(sg.has("ingress")).isFalse();
    assertThat(sg.has("egress")).isFalse();
    assertThat(sg.at("/tags/Name").asText()).isEqualTo("platform-instances");
    defaults.assertHasResourceWithProperties("aws_vpc_security_group_egress_rule", Map.of(
        "ip_protocol", "-1", "cidr_ipv4", "0.0.0.0/0"));
    assertThat(defaults.count("aws_vpc_security_group_ingress_rule")).isZero();
  }

  @Test
  void launchTemplate_defaults_ssmAmiImdsv2EncryptedRoot() {
    defaults.assertHasResourceWithProperties("aws_launch_template", Map.of(
        "image_id", "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
        "instance_type", "t3.medium",
        "metadata_options", Map.of("http_tokens", "required", "http_endpoint", "enabled",
            "http_put_response_hop_limit", 1),
        "block_device_mappings", List.of(Map.of("device_name", "/dev/xvda", "ebs", Map.of(
            "volume_type", "gp3", "volume_size", 30, "encrypted", "true", "delete_on_termination", "true"))),
        "monitoring", Map.of("enabled", true)));
    JsonNode lt = defaults.only("aws_launch_template");
    assertThat(lt.at("/iam_instance_profile/arn").asText()).startsWith("${aws_iam_instance_profile.");
    assertThat(lt.get("vpc_security_group_ids").get(0).asText()).startsWith("${aws_security_group.");
    assertThat(lt.get("tag_specifications").toString())
        .contains("\"resource_type\":\"instance\"").contains("\"Name\":\"platform-instance\"");
  }

  @Test
  void launchTemplate_defaults_userDataJoinsCluster() {
    String userData = defaults.only("aws_launch_template").get("user_data").asText();
    String script = new String(Base64.getDecoder().decode(userData), StandardCharsets.UTF_8);

    assertThat(script).startsWith("#!/bin/bash\n").contains("ECS_CLUSTER=platform\" >> /etc/ecs/ecs.config");
    assertThat(Ec2Cluster.userData("platform", false)).isEqualTo(userData);
  }

  @Test
  void autoScalingGroup_defaults_privateSubnetsProtectedDesiredIgnored() {
    defaults.assertHasResourceWithProperties("aws_autoscaling_group", Map.of(
        "vpc_zone_identifier", List.of("subnet-0bbb0000000000001", "subnet-0bbb0000000000002"),
        "min_size", 1,
        "max_size", 2,
        "protect_from_scale_in", true,
        "health_check_type", "EC2",
        "health_check_grace_period", 300,
        "tag", List.of(Map.of("key", "AmazonECSManaged", "value", "true", "propagate_at_launch", true)),
        "lifecycle", Map.of("ignore_changes", List.of("desired_capacity"))));
    JsonNode asg = defaults.only("aws_autoscaling_group");
    assertThat(asg.at("/launch_template/id").asText()).startsWith("${aws_launch_template.");
    assertThat(asg.at("/launch_template/version").asText()).endsWith(".latest_version}");
    assertThat(asg.has("desired_capacity")).isFalse();
  }

  @Test
  void capacityProvider_defaults_managedScalingAndTerminationProtection() {
    defaults.assertHasResourceWithProperties("aws_ecs_capacity_provider", Map.of(
        "name", "platform-ec2",
        "auto_scaling_group_provider", Map.of(
            "managed_termination_protection", "ENABLED",
            "managed_scaling", Map.of("status", "ENABLED", "target_capacity", 100))));
    assertThat(defaults.only("aws_ecs_capacity_provider").at("/auto_scaling_group_provider/auto_scaling_group_arn")
        .asText()).startsWith("${aws_autoscaling_group.").endsWith(".arn}");
  }

  @Test
  void clusterCapacityProviders_defaults_defaultStrategyWeight1Base0() {
    JsonNode ccp = defaults.only("aws_ecs_cluster_capacity_providers");
    assertThat(ccp.get("cluster_name").asText()).startsWith("${aws_ecs_cluster.");
    assertThat(ccp.get("capacity_providers")).hasSize(1);
    assertThat(ccp.get("capacity_providers").get(0).asText()).startsWith("${aws_ecs_capacity_provider.");
    JsonNode strategy = ccp.get("default_capacity_provider_strategy");
    assertThat(strategy).hasSize(1);
    assertThat(strategy.get(0).get("weight").asInt()).isEqualTo(1);
    assertThat(strategy.get(0).get("base").asInt()).isZero();
  }

  @Test
  void ref_defaults_capacityProviderTokenOnAssociation() {
    ClusterRef ref = defaultsCluster.ref();

    assertThat(ref.clusterName()).isEqualTo("platform");
    assertThat(Checks.isToken(ref.clusterArn())).isTrue();
    assertThat(Checks.isToken(ref.instanceSecurityGroupId())).isTrue();
    assertThat(Ec2Cluster.capacityProviderName("platform")).isEqualTo("platform-ec2");
    assertThat(defaults.json().at("/output/CapacityProviderName/value").asText())
        .startsWith("${one(tolist(aws_ecs_cluster_capacity_providers.")
        .endsWith(".capacity_providers))}");
    assertThat(defaultsCluster.getCluster()).isNotNull();
    assertThat(defaultsCluster.getAutoScalingGroup()).isNotNull();
    assertThat(defaultsCluster.getLaunchTemplate()).isNotNull();
    assertThat(defaultsCluster.getCapacityProvider()).isNotNull();
    assertThat(defaultsCluster.getInstanceRole()).isNotNull();
    assertThat(defaultsCluster.getInstanceSecurityGroup()).isNotNull();
  }

  @Test
  void props_defaults_documentedValues() {
    Ec2ClusterProps props = Ec2ClusterProps.of("platform", "eu-west-1", VPC);

    assertThat(props.instanceType()).isEqualTo("t3.medium");
    assertThat(props.minSize()).isEqualTo(1);
    assertThat(props.maxSize()).isEqualTo(2);
    assertThat(props.rootVolumeGiB()).isEqualTo(30);
    assertThat(props.amiSsmParameter())
        .isEqualTo("/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id");
    assertThat(props.containerInsights()).isTrue();
    assertThat(props.targetCapacityPercent()).isEqualTo(100);
    assertThat(props.managedTerminationProtection()).isTrue();
    assertThat(props.instancePolicyArns()).isEmpty();
    assertThat(props.instanceTypes()).isEmpty();
    assertThat(props.onDemandBaseCapacity()).isZero();
    assertThat(props.onDemandPercentageAboveBase()).isEqualTo(100);
    assertThat(props.usesSpot()).isFalse();
    assertThat(props.maxInstanceLifetimeDays()).isEqualTo(14);
    assertThat(props.instanceRefresh()).isTrue();
    assertThat(props.instanceRefreshMinHealthyPercent()).isEqualTo(90);
    assertThat(props.instanceRefreshSkipMatching()).isTrue();
    assertThat(props.instanceRefreshCheckpointPercentages()).isEmpty();
    assertThat(props.instanceRefreshCheckpointDelaySeconds()).isEqualTo(3600);
    assertThat(props.managedDraining()).isTrue();
    assertThat(props.teardown()).isFalse();
  }

  @Test
  void autoScalingGroup_defaults_rollingRefreshOfProtectedInstancesAndTwoWeekLifetime() {
    defaults.assertHasResourceWithProperties("aws_autoscaling_group", Map.of(
        "max_instance_lifetime", 14 * 86_400,
        "instance_refresh", Map.of("strategy", "Rolling", "preferences", Map.of(
            "min_healthy_percentage", 90, "skip_matching", true, "scale_in_protected_instances", "Refresh"))));
    JsonNode asg = defaults.only("aws_autoscaling_group");
    assertThat(asg.at("/instance_refresh/preferences").has("checkpoint_percentages")).isFalse();
    assertThat(asg.has("mixed_instances_policy")).isFalse();
    assertThat(asg.has("capacity_rebalance")).isFalse();
    assertThat(asg.has("force_delete")).isFalse();
  }

  @Test
  void capacityProvider_defaults_managedDrainingEnabledThroughOverride() {
    defaults.assertHasResourceWithProperties("aws_ecs_capacity_provider", Map.of(
        "auto_scaling_group_provider", Map.of("managed_draining", "ENABLED")));
  }

  @Test
  void launchTemplate_defaults_noSpotDraining() {
    assertThat(script(defaults)).doesNotContain("SPOT");
  }

  @Test
  void props_gravitonInstanceType_arm64AmiByDefault() {
    for (String type : List.of("c6g.2xlarge", "t4g.medium", "m7gd.large", "c7gn.xlarge", "a1.large")) {
      assertThat(platform().instanceType(type).build()
          .amiSsmParameter()).as(type)
          .isEqualTo("/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id");
    }
    for (String type : List.of("g4dn.xlarge", "m7i-flex.large", "t3a.xlarge", "p4d.24xlarge")) {
      assertThat(platform().instanceType(type).build()
          .amiSsmParameter()).as(type)
          .isEqualTo("/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id");
    }
  }

  // ---- all options ----

  @Test
  void cluster_allOptions_containerInsightsDisabled() {
    allOptions.assertHasResourceWithProperties("aws_ecs_cluster", Map.of(
        "name", "Orders_Cluster-2",
        "setting", List.of(Map.of("name", "containerInsights", "value", "disabled"))));
  }

  @Test
  void launchTemplate_allOptions_customAmiTypeAndVolume() {
    allOptions.assertHasResourceWithProperties("aws_launch_template", Map.of(
        "image_id", "resolve:ssm:/acme/ami/ecs",
        "instance_type", "c6g.2xlarge",
        "block_device_mappings", List.of(Map.of("ebs", Map.of("volume_size", 100, "encrypted", "true")))));
    String script = new String(Base64.getDecoder().decode(
        allOptions.only("aws_launch_template").get("user_data").asText()), StandardCharsets.UTF_8);
    assertThat(script).contains("ECS_CLUSTER=Orders_Cluster-2\"");
  }

  @Test
  void autoScaling_allOptions_sizesAndNoScaleInProtection() {
    allOptions.assertHasResourceWithProperties("aws_autoscaling_group", Map.of(
        "min_size", 0, "max_size", 10, "protect_from_scale_in", false));
    allOptions.assertHasResourceWithProperties("aws_ecs_capacity_provider", Map.of(
        "name", "Orders_Cluster-2-ec2",
        "auto_scaling_group_provider", Map.of(
            "managed_termination_protection", "DISABLED",
            "managed_scaling", Map.of("status", "ENABLED", "target_capacity", 80))));
  }

  @Test
  void autoScalingGroup_allOptions_noRefreshNoLifetimeNoDraining() {
    JsonNode asg = allOptions.only("aws_autoscaling_group");
    assertThat(asg.has("instance_refresh")).isFalse();
    assertThat(asg.get("max_instance_lifetime").asInt()).isZero();
    allOptions.assertHasResourceWithProperties("aws_ecs_capacity_provider", Map.of(
        "auto_scaling_group_provider", Map.of("managed_draining", "DISABLED")));
  }

  // ---- mix, Spot, refresh settings and teardown ----

  @Test
  void autoScalingGroup_mix_mixedInstancesPolicyFromTheOneTemplate() {
    JsonNode asg = spotTeardown.only("aws_autoscaling_group");
    assertThat(asg.has("launch_template")).isFalse();
    JsonNode policy = asg.get("mixed_instances_policy");
    assertThat(policy.at("/launch_template/launch_template_specification/launch_template_id").asText())
        .startsWith("${aws_launch_template.").endsWith(".id}");
    assertThat(policy.at("/launch_template/launch_template_specification/version").asText())
        .endsWith(".latest_version}");
    assertThat(StreamSupport.stream(policy.at("/launch_template/override").spliterator(), false)
        .map(o -> o.get("instance_type").asText())).containsExactly("m6i.large", "m5.large", "m6a.large");
    spotTeardown.assertHasResourceWithProperties("aws_autoscaling_group", Map.of(
        "capacity_rebalance", true,
        "mixed_instances_policy", Map.of("instances_distribution", Map.of(
            "on_demand_base_capacity", 1,
            "on_demand_percentage_above_base_capacity", 25,
            "spot_allocation_strategy", "price-capacity-optimized"))));
    assertThat(spotTeardown.only("aws_launch_template").has("instance_type")).isFalse();
  }

  @Test
  void launchTemplate_spot_agentDrainsOnInterruption() {
    assertThat(script(spotTeardown)).endsWith("ECS_CLUSTER=platform\" >> /etc/ecs/ecs.config\n"
        + "echo \"ECS_ENABLE_SPOT_INSTANCE_DRAINING=true\" >> /etc/ecs/ecs.config\n");
  }

  @Test
  void props_mixAllOnDemand_noSpot() {
    Ec2ClusterProps props = platform().instanceTypes(List.of("c6g.large", "m6g.large")).build();
    assertThat(props.usesSpot()).isFalse();
    assertThat(props.instanceType()).isEqualTo("c6g.large");
    assertThat(props.amiSsmParameter()).isEqualTo(Ec2ClusterProps.DEFAULT_ARM64_AMI_SSM_PARAMETER);
    Synth synth = Synth.stack(stack -> new Ec2Cluster(stack, "Cluster", props));
    assertThat(script(synth)).doesNotContain("SPOT");
    synth.assertHasResourceWithProperties("aws_autoscaling_group", Map.of("capacity_rebalance", false));
  }

  @Test
  void autoScalingGroup_refreshSettings_checkpointsAndLifetime() {
    spotTeardown.assertHasResourceWithProperties("aws_autoscaling_group", Map.of(
        "max_instance_lifetime", 7 * 86_400,
        "instance_refresh", Map.of("strategy", "Rolling", "preferences", Map.of(
            "min_healthy_percentage", 50, "skip_matching", false, "scale_in_protected_instances", "Refresh",
            "checkpoint_percentages", List.of(20, 100), "checkpoint_delay", "600"))));
  }

  @Test
  void teardown_protectionsOffAndForceDelete() {
    spotTeardown.assertHasResourceWithProperties("aws_autoscaling_group", Map.of(
        "protect_from_scale_in", false, "force_delete", true));
    spotTeardown.assertHasResourceWithProperties("aws_ecs_capacity_provider", Map.of(
        "auto_scaling_group_provider", Map.of("managed_termination_protection", "DISABLED",
            "managed_draining", "ENABLED")));
  }

  @Test
  void fails_instanceTypeTogetherWithMix() {
    assertThatThrownBy(() -> platform().instanceType("m5.large").instanceTypes(List.of("m6i.large")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ec2ClusterProps.instanceType must not be set together with instanceTypes (the mix names every"
            + " type the group may launch; list \"m5.large\" in instanceTypes instead)");
  }

  @Test
  void fails_mixSettingsWithoutMix() {
    assertThatThrownBy(() -> platform().onDemandBaseCapacity(1).onDemandPercentageAboveBase(50).build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Problem::toString)
            .containsExactly(
                "onDemandBaseCapacity applies only with instanceTypes; set that too or remove"
                    + " onDemandBaseCapacity, got 1",
                "onDemandPercentageAboveBase applies only with instanceTypes; set that too or remove"
                    + " onDemandPercentageAboveBase, got 50"));
  }

  @Test
  void fails_badMix() {
    assertThatThrownBy(() -> platform()
        .instanceTypes(Arrays.asList("m5.large", "m5.huge", "m5.large", null, "m6g.large")).build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Problem::toString)
            .containsExactly(
                "instanceTypes[1] must be an EC2 instance type such as \"m5.large\", \"t3a.xlarge\" or"
                    + " \"c6g.2xlarge\", got \"m5.huge\"",
                "instanceTypes[2] must not repeat an instance type of the mix, got \"m5.large\"",
                "instanceTypes[3] is required",
                "instanceTypes[4] must have the architecture of instanceTypes[0] (x86_64) because every instance"
                    + " boots the same AMI, got \"m6g.large\" (arm64)"));
    List<String> tooMany = java.util.stream.IntStream.rangeClosed(1, 41).mapToObj(i -> "m5." + i + "xlarge")
        .toList();
    assertThatThrownBy(() -> platform().instanceTypes(tooMany).build())
        .hasMessage("Ec2ClusterProps.instanceTypes must list at most 40 instance types (EC2 Auto Scaling's limit),"
            + " got 41");
  }

  @Test
  void fails_onDemandOutOfRange() {
    assertThatThrownBy(() -> platform().maxSize(4).instanceTypes(List.of("m5.large"))
        .onDemandBaseCapacity(5).onDemandPercentageAboveBase(101).build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Problem::toString)
            .containsExactly(
                "onDemandBaseCapacity must be <= maxSize (4): the group never runs more instances than that, got 5",
                "onDemandPercentageAboveBase must be between 0 and 100, got 101"));
    assertThatThrownBy(() -> platform().instanceTypes(List.of("m5.large"))
        .onDemandBaseCapacity(-1).onDemandPercentageAboveBase(-1).build())
        .hasMessage("Ec2ClusterProps.onDemandBaseCapacity must be between 0 and 1000, got -1\n"
            + "Ec2ClusterProps.onDemandPercentageAboveBase must be between 0 and 100, got -1");
  }

  @Test
  void fails_refreshSettingsWithRefreshOff() {
    assertThatThrownBy(() -> platform().instanceRefresh(false).instanceRefreshMinHealthyPercent(50)
        .instanceRefreshSkipMatching(false).instanceRefreshCheckpointPercentages(List.of(50)).build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Problem::toString)
            .containsExactly(
                "instanceRefreshMinHealthyPercent applies only with instanceRefresh (true by default); set that"
                    + " too or remove instanceRefreshMinHealthyPercent, got 50",
                "instanceRefreshSkipMatching applies only with instanceRefresh (true by default); set that too or"
                    + " remove instanceRefreshSkipMatching, got false",
                "instanceRefreshCheckpointPercentages applies only with instanceRefresh (true by default); set"
                    + " that too or remove instanceRefreshCheckpointPercentages, got [50]"));
  }

  @Test
  void fails_badRefreshValues() {
    assertThatThrownBy(() -> platform().instanceRefreshMinHealthyPercent(101)
        .instanceRefreshCheckpointPercentages(Arrays.asList(50, 0, 40, null, 101))
        .instanceRefreshCheckpointDelaySeconds(172_801).build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Problem::toString)
            .containsExactly(
                "instanceRefreshMinHealthyPercent must be between 0 and 100, got 101",
                "instanceRefreshCheckpointPercentages[1] must be between 1 and 100, got 0",
                "instanceRefreshCheckpointPercentages[2] must be larger than the checkpoint before it (50), got 40",
                "instanceRefreshCheckpointPercentages[3] is required",
                "instanceRefreshCheckpointPercentages[4] must be between 1 and 100, got 101",
                "instanceRefreshCheckpointDelaySeconds must be between 0 and 172800, got 172801"));
    assertThatThrownBy(() -> platform().instanceRefreshCheckpointDelaySeconds(60).build())
        .hasMessage("Ec2ClusterProps.instanceRefreshCheckpointDelaySeconds applies only with"
            + " instanceRefreshCheckpointPercentages; set that too or remove instanceRefreshCheckpointDelaySeconds,"
            + " got 60");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 366})
  void fails_maxInstanceLifetimeOutOfRange(int days) {
    assertThatThrownBy(() -> platform().maxInstanceLifetimeDays(days).build())
        .hasMessage("Ec2ClusterProps.maxInstanceLifetimeDays must be 0 (no limit) or between 1 and 365, got " + days);
  }

  @Test
  void toBuilder_spotTeardown_buildsEqualPropsAndDropsDependentSettings() {
    Ec2ClusterProps props = spotTeardownProps();
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
    assertThat(props.toString()).contains("instanceTypes=[m6i.large, m5.large, m6a.large]", "teardown=true");
    // A copy that drops the mix must drop its Spot settings too: they would be silently ignored otherwise.
    assertThatThrownBy(() -> props.toBuilder().instanceTypes(null).build())
        .hasMessageStartingWith("Ec2ClusterProps.onDemandBaseCapacity applies only with instanceTypes");
    Ec2ClusterProps single = props.toBuilder().instanceTypes(null).onDemandBaseCapacity(null)
        .onDemandPercentageAboveBase(null).build();
    assertThat(single.instanceType()).isEqualTo("t3.medium");
  }

  @Test
  void toBuilder_defaults_dependentDefaultsNotCopied() {
    // Defaults of settings that need another one stay unset in the builder, so the copy may turn that one off.
    Ec2ClusterProps copy = Ec2ClusterProps.of("platform", "eu-west-1", VPC).toBuilder().instanceRefresh(false)
        .instanceTypes(List.of("m5.large")).build();
    assertThat(copy.instanceRefresh()).isFalse();
    assertThat(copy.instanceType()).isEqualTo("m5.large");
  }

  @Test
  void instanceRole_allOptions_extraPolicyAttached() {
    assertThat(allOptions.resources("aws_iam_role_policy_attachment"))
        .extracting(a -> a.get("policy_arn").asText())
        .containsExactlyInAnyOrder(
            "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            EXTRA_POLICY);
  }

  @Test
  void allowIngressFrom_albSecurityGroup_tcpDynamicPortRange() {
    JsonNode rule = allOptions.only("aws_vpc_security_group_ingress_rule");
    assertThat(rule.get("ip_protocol").asText()).isEqualTo("tcp");
    assertThat(rule.get("from_port").asInt()).isEqualTo(32768);
    assertThat(rule.get("to_port").asInt()).isEqualTo(65535);
    assertThat(rule.get("referenced_security_group_id").asText()).isEqualTo("sg-0fedcba9876543210");
    assertThat(rule.get("security_group_id").asText()).startsWith("${aws_security_group.");
  }

  // ---- validation ----

  @Test
  void fails_missingRequired() {
    assertThatThrownBy(() -> Ec2ClusterProps.builder().build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2ClusterProps.clusterName is required\nEc2ClusterProps.awsRegion is required\n"
            + "Ec2ClusterProps.vpc is required");
  }

  @Test
  void fails_badClusterName() {
    assertThatThrownBy(() -> Ec2ClusterProps.of("my cluster", "eu-west-1", VPC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ec2ClusterProps.clusterName must be letters, digits, '-' and '_', got \"my cluster\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecs-platform", "AWS_main", "Fargate1"})
  void fails_clusterNameWithReservedPrefix(String name) {
    assertThatThrownBy(() -> Ec2ClusterProps.of(name, "eu-west-1", VPC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ec2ClusterProps.clusterName must not start with \"aws\", \"ecs\" or \"fargate\" because the"
            + " capacity provider is named \"<clusterName>-ec2\" and ECS reserves those prefixes, got \"" + name
            + "\"");
  }

  @Test
  void fails_clusterNameWithSecurityGroupPrefix() {
    assertThatThrownBy(() -> Ec2ClusterProps.of("sg-apps", "eu-west-1", VPC))
        .hasMessage("Ec2ClusterProps.clusterName must not start with \"sg-\" because the instances' security group"
            + " name starts with the cluster name and EC2 reserves that prefix, got \"sg-apps\"");
  }

  @Test
  void instancePolicies_idsFromArn_removingOneKeepsTheOther() {
    String first = "arn:aws:iam::111111111111:policy/a.b";
    String second = "arn:aws:iam::111111111111:policy/a-b";
    Synth both = Synth.stack(stack -> new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.builder().clusterName("apps")
        .awsRegion("eu-west-1").vpc(VPC).instancePolicyArns(List.of(first, second)).build()));
    Synth onlySecond = Synth.stack(stack -> new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.builder()
        .clusterName("apps").awsRegion("eu-west-1").vpc(VPC).instancePolicyArns(List.of(second)).build()));

    String secondId = attachmentPath(both, second);
    assertThat(attachmentPath(onlySecond, second)).isEqualTo(secondId);
    assertThat(attachmentPath(both, first)).isNotEqualTo(secondId);
  }

  @Test
  void autoScalingGroup_dependsOnCluster() {
    assertThat(defaults.only("aws_autoscaling_group").get("depends_on").toString())
        .contains("aws_ecs_cluster.");
  }

  @Test
  void launchTemplateNamePrefix_oneLetterCluster_padded() {
    assertThat(Ec2Cluster.launchTemplateNamePrefix("a")).isEqualTo("a-lt-");
    assertThat(Ec2Cluster.launchTemplateNamePrefix("c".repeat(120))).hasSize(99).endsWith("-");
  }

  /** The logical id Terraform knows the attachment of {@code arn} by (it derives from the construct id). */
  private static String attachmentPath(Synth synth, String arn) {
    java.util.Iterator<Map.Entry<String, JsonNode>> byName = synth.json().path("resource")
        .path("aws_iam_role_policy_attachment").fields();
    while (byName.hasNext()) {
      Map.Entry<String, JsonNode> entry = byName.next();
      if (entry.getValue().get("policy_arn").asText().equals(arn)) {
        return entry.getKey();
      }
    }
    throw new AssertionError("no attachment of " + arn + " in\n" + synth.pretty());
  }

  @Test
  void fails_clusterNameTooLongForCapacityProvider() {
    assertThatThrownBy(() -> Ec2ClusterProps.of("c".repeat(252), "eu-west-1", VPC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ec2ClusterProps.clusterName must be at most 251 characters so that the capacity provider name"
            + " \"<clusterName>-ec2\" fits in 255, got 252");
  }

  @Test
  void fails_noPrivateSubnets() {
    VpcRef noPrivate = new VpcRef("vpc-1", "10.0.0.0/16", List.of("subnet-1"), List.of());
    assertThatThrownBy(() -> Ec2ClusterProps.of("platform", "eu-west-1", noPrivate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ec2ClusterProps.vpc.privateSubnetIds must have at least 1 entries, got 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"m5large", "M5.large", "m5.huge", "t3.", ".large", "m5.large "})
  void fails_badInstanceType(String type) {
    assertThatThrownBy(() -> platform().instanceType(type).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ec2ClusterProps.instanceType must be an EC2 instance type such as \"m5.large\", \"t3a.xlarge\""
            + " or \"c6g.2xlarge\", got \"" + type + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"m5.large", "t3a.xlarge", "c6g.2xlarge", "m7i-flex.large", "c5.metal", "u-6tb1.metal",
      "t3.nano", "r6id.32xlarge", "mac2-m2.metal", "c6i.metal-24xl"})
  void instanceType_realTypes_accepted(String type) {
    assertThat(platform().instanceType(type).build().instanceType())
        .isEqualTo(type);
  }

  @Test
  void fails_minGreaterThanMax() {
    assertThatThrownBy(() -> platform().minSize(3).maxSize(2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ec2ClusterProps.minSize must be <= maxSize (2), got 3");
  }

  @Test
  void fails_sizesOutOfRange() {
    assertThatThrownBy(() -> platform().minSize(-1).maxSize(0).build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Problem::toString)
            .containsExactly("minSize must be between 0 and 1000, got -1", "maxSize must be between 1 and 1000, got 0"));
    assertThatThrownBy(() -> platform().maxSize(1001).build())
        .hasMessage("Ec2ClusterProps.maxSize must be between 1 and 1000, got 1001");
  }

  @Test
  void fails_everyOtherProblemReportedTogether() {
    assertThatThrownBy(() -> platform()
        .rootVolumeGiB(20).amiSsmParameter("aws/service/ecs").targetCapacityPercent(0)
        .instancePolicyArns(Arrays.asList("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "ReadOnly", null))
        .build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Problem::toString)
            .containsExactly(
                "rootVolumeGiB must be between 30 and 16384, got 20",
                "amiSsmParameter must be an SSM parameter name starting with '/' (letters, digits, '_', '.', '-',"
                    + " '/'), got \"aws/service/ecs\"",
                "targetCapacityPercent must be between 1 and 100, got 0",
                "instancePolicyArns[0] must not repeat a policy that is already attached, got"
                    + " \"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore\"",
                "instancePolicyArns[1] must be a managed policy ARN"
                    + " (arn:<partition>:iam::<account or aws>:policy/<name>), got \"ReadOnly\"",
                "instancePolicyArns[2] is required"));
    assertThatThrownBy(() -> platform().targetCapacityPercent(101)
        .rootVolumeGiB(16385).build())
        .hasMessage("Ec2ClusterProps.rootVolumeGiB must be between 30 and 16384, got 16385\n"
            + "Ec2ClusterProps.targetCapacityPercent must be between 1 and 100, got 101");
  }

  @Test
  void fails_allowIngressFrom_portOutOfRange() {
    assertThatThrownBy(() -> defaultsCluster.allowIngressFrom("Bad", "sg-0fedcba9876543210", -1, 70000))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2Cluster.allowIngressFrom fromPort must be between 0 and 65535, got -1\n"
            + "Ec2Cluster.allowIngressFrom toPort must be between 0 and 65535, got 70000");
  }

  @Test
  void fails_allowIngressFrom_fromAfterTo() {
    assertThatThrownBy(() -> defaultsCluster.allowIngressFrom("Bad", "sg-0fedcba9876543210", 8080, 80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ec2Cluster.allowIngressFrom fromPort must be <= toPort (80), got 8080");
  }

  @Test
  void fails_allowIngressFrom_badSourceGroup() {
    assertThatThrownBy(() -> defaultsCluster.allowIngressFrom("Bad", "alb-sg", 80, 80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ec2Cluster.allowIngressFrom sourceSecurityGroupId must be a security group id such as"
            + " \"sg-0123456789abcdef0\", got \"alb-sg\"");
    assertThatThrownBy(() -> defaultsCluster.allowIngressFrom("Bad", null, 80, 80))
        .hasMessage("Ec2Cluster.allowIngressFrom sourceSecurityGroupId is required");
  }

  // ---- toBuilder ----

  @Test
  void toBuilder_unchanged_buildsEqualProps() {
    Ec2ClusterProps props = allOptionsProps();
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
    Ec2ClusterProps defaults = Ec2ClusterProps.of("platform", "eu-west-1", VPC);
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
  }

  @Test
  void toBuilder_modified_leavesOriginalUnchanged() {
    Ec2ClusterProps props = Ec2ClusterProps.of("platform", "eu-west-1", VPC);
    Ec2ClusterProps copy = props.toBuilder().maxSize(6).build();
    assertThat(copy.maxSize()).isEqualTo(6);
    assertThat(props.maxSize()).isEqualTo(2);
    assertThat(copy).isNotEqualTo(props);
  }

  @Test
  void toBuilder_defaultAmiAndNewInstanceType_amiFollowsArchitecture() {
    Ec2ClusterProps arm = Ec2ClusterProps.of("platform", "eu-west-1", VPC).toBuilder().instanceType("t4g.medium").build();
    assertThat(arm.amiSsmParameter()).isEqualTo(Ec2ClusterProps.DEFAULT_ARM64_AMI_SSM_PARAMETER);
  }

  @Test
  void toBuilder_explicitAmiAndNewInstanceType_amiKept() {
    Ec2ClusterProps copy = allOptionsProps().toBuilder().instanceType("m5.large").build();
    assertThat(copy.amiSsmParameter()).isEqualTo("/acme/ami/ecs");
  }
}
