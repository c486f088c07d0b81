package com.acme.platform.constructs.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.network.VpcRef;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Persistent volumes: {@link Ec2Cluster#addPersistentVolume} and {@link Ec2Service#mountPersistentVolume}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersistentVolumeTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final VpcRef VPC = new VpcRef("vpc-0123456789abcdef0", "10.0.0.0/16",
      List.of("subnet-0aaa0000000000001", "subnet-0aaa0000000000002"),
      List.of("subnet-0bbb0000000000001", "subnet-0bbb0000000000002"));
  private static final String KMS = "arn:aws:kms:eu-west-1:111111111111:key/0a1b2c3d-0000-1111-2222-333344445555";
  private static final ContainerDefinition DB = ContainerDefinition.builder().name("db").image("postgres:16")
      .memoryReservationMiB(512).portMapping(PortMapping.dynamic(5432)).build();

  private Synth defaults;
  private Synth allOptions;

  private static PersistentVolumeProps.Builder data() {
    return PersistentVolumeProps.builder().volumeName("data").availabilityZone("eu-west-1a")
        .subnetId("subnet-0bbb0000000000001");
  }

  private static Ec2ServiceProps.Builder db(ClusterRef cluster) {
    return Ec2ServiceProps.builder().serviceName("db").cluster(cluster).awsRegion("eu-west-1")
        .containers(List.of(DB));
  }

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack -> {
      Ec2Cluster cluster = new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.of("data", "eu-west-1", VPC));
      PersistentVolume volume = cluster.addPersistentVolume("Data", data().build());
      new Ec2Service(stack, "Db", db(cluster.ref()).build())
          .mountPersistentVolume(volume.ref(), "db", "/var/lib/postgresql/data");
    });
    allOptions = Synth.stack(stack -> {
      Ec2Cluster cluster = new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.builder().clusterName("data")
          .awsRegion("eu-west-1").vpc(VPC).teardown(true).build());
      PersistentVolume data = cluster.addPersistentVolume("Data", data().sizeGiB(100).kmsKeyArn(KMS)
          .finalSnapshot(false).build());
      PersistentVolume wal = cluster.addPersistentVolume("Wal", data().volumeName("wal").build());
      Ec2Service service = new Ec2Service(stack, "Db", db(cluster.ref()).deploymentMinimumHealthyPercent(50)
          .deploymentMaximumPercent(200).build());
      service.mountPersistentVolume(data.ref(), "db", "/var/lib/postgresql/data");
      service.mountPersistentVolume(wal.ref(), "db", "/var/lib/postgresql/wal");
    });
  }

  @Test
  void props_defaults_twentyGibSnapshotOnDeleteManagedKey() {
    PersistentVolumeProps props = data().build();
    assertThat(props.sizeGiB()).isEqualTo(20);
    assertThat(props.finalSnapshot()).isTrue();
    assertThat(props.kmsKeyArn()).isNull();
    assertThat(props.toBuilder().build()).isEqualTo(props);
  }

  @Test
  void volume_defaults_encryptedGp3InItsZoneProtectedFromDestroy() {
    defaults.assertHasResourceWithProperties("aws_ebs_volume", Map.of("availability_zone", "eu-west-1a",
        "type", "gp3", "size", 20, "encrypted", true, "final_snapshot", true, "tags", Map.of("Name", "data-data"),
        "lifecycle", Map.of("prevent_destroy", true)));
    assertThat(defaults.only("aws_ebs_volume").has("kms_key_id")).isFalse();
  }

  @Test
  void volume_allOptions_sizeKeyNoSnapshotAndTeardownLiftsProtection() {
    allOptions.assertHasResourceWithProperties("aws_ebs_volume", Map.of("size", 100, "kms_key_id", KMS,
        "final_snapshot", false, "tags", Map.of("Name", "data-data"), "lifecycle", Map.of("prevent_destroy", false)));
    assertThat(allOptions.count("aws_ebs_volume")).isEqualTo(2);
  }

  @Test
  void cluster_withVolume_instancesOnlyInTheVolumesSubnet() {
    assertThat(defaults.only("aws_autoscaling_group").get("vpc_zone_identifier").toString())
        .isEqualTo("[\"subnet-0bbb0000000000001\"]");
  }

  @Test
  void cluster_withVolume_userDataAttachesMountsAndAdvertises() {
    String userData = defaults.only("aws_launch_template").get("user_data").asText();
    // The volume id is known at apply only, so Terraform encodes the script.
    assertThat(userData).startsWith("${base64encode(join(\"\", [\"#!/bin/bash").contains("ECS_CLUSTER=data")
        .contains("attach_volume \", aws_ebs_volume.Cluster_Data_")
        .contains(".id, \" /dev/xvdf /mnt/persistent/data '\\\"platform.volume.data\\\":\\\"attached\\\"'")
        .contains("--region eu-west-1").contains("ECS_INSTANCE_ATTRIBUTES=");
  }

  @Test
  void cluster_twoVolumes_eachItsDeviceAndBothInThePolicy() throws IOException {
    String userData = allOptions.only("aws_launch_template").get("user_data").asText();
    assertThat(userData).contains(" /dev/xvdf /mnt/persistent/data '\\\"platform.volume.data")
        .contains(" /dev/xvdg /mnt/persistent/wal '\\\"platform.volume.wal");
    JsonNode policy = MAPPER.readTree(allOptions.only("aws_iam_role_policy").get("policy").asText());
    JsonNode statement = policy.at("/Statement/0");
    assertThat(statement.get("Action").toString()).isEqualTo("\"ec2:AttachVolume\"");
    assertThat(statement.get("Resource").toString()).contains("${aws_ebs_volume.Cluster_Data_")
        .contains("${aws_ebs_volume.Cluster_Wal_").contains("\"arn:aws:ec2:eu-west-1:*:instance/*\"");
    assertThat(statement.get("Resource").size()).isEqualTo(3);
  }

  @Test
  void cluster_instanceRole_mayAttachExactlyItsVolume() throws IOException {
    JsonNode policy = defaults.only("aws_iam_role_policy");
    assertThat(policy.get("name").asText()).isEqualTo("attach-persistent-volumes");
    assertThat(policy.get("role").asText()).startsWith("${aws_iam_role.Cluster_InstanceRole_");
    JsonNode statement = MAPPER.readTree(policy.get("policy").asText()).at("/Statement/0");
    assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
    assertThat(statement.get("Resource").size()).isEqualTo(2);
  }

  @Test
  void userDataScript_isValidBash(@TempDir Path tmp) throws Exception {
    String script = Ec2Cluster.userDataScript("data", true, "eu-west-1", List.of(
        new Ec2Cluster.VolumeAttachment("vol-0123456789abcdef0", "/dev/xvdf", "/mnt/persistent/data",
            "platform.volume.data")));
    // Terraform reads these as template sequences, and cdktf's raw strings do not escape backslashes.
    assertThat(script).doesNotContain("${").doesNotContain("%{").doesNotContain("\\");
    Path file = tmp.resolve("user-data.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    assertThat(script).contains("ECS_ENABLE_SPOT_INSTANCE_DRAINING=true")
        .contains("attach_volume vol-0123456789abcdef0 /dev/xvdf /mnt/persistent/data"
            + " '\"platform.volume.data\":\"attached\"'\n");
  }

  @Test
  void cluster_withoutVolumes_userDataUnchanged() {
    assertThat(Ec2Cluster.userData("data", false, "eu-west-1", List.of()))
        .isEqualTo(Ec2Cluster.userData("data", false));
  }

  @Test
  void service_mount_hostVolumeMountPointPlacementAndOneTaskAtATime() throws IOException {
    JsonNode task = defaults.only("aws_ecs_task_definition");
    assertThat(task.get("volume").toString())
        .isEqualTo("[{\"host_path\":\"/mnt/persistent/data\",\"name\":\"data\"}]");
    JsonNode container = MAPPER.readTree(task.get("container_definitions").asText()).get(0);
    assertThat(container.get("mountPoints").toString())
        .isEqualTo("[{\"containerPath\":\"/var/lib/postgresql/data\",\"sourceVolume\":\"data\"}]");
    JsonNode service = defaults.only("aws_ecs_service");
    assertThat(service.get("placement_constraints").toString()).isEqualTo(
        "[{\"expression\":\"attribute:platform.volume.data == attached\",\"type\":\"memberOf\"}]");
    assertThat(service.get("deployment_minimum_healthy_percent").asInt()).isZero();
    assertThat(service.get("deployment_maximum_percent").asInt()).isEqualTo(100);
  }

  @Test
  void service_twoMounts_overrideDeploymentPercentsAndConstrainOnBoth() throws IOException {
    JsonNode service = allOptions.only("aws_ecs_service");
    assertThat(service.get("placement_constraints").size()).isEqualTo(2);
    assertThat(service.get("deployment_minimum_healthy_percent").asInt()).isZero();
    assertThat(service.get("deployment_maximum_percent").asInt()).isEqualTo(100);
    JsonNode task = allOptions.only("aws_ecs_task_definition");
    assertThat(task.get("volume").size()).isEqualTo(2);
    JsonNode mounts = MAPPER.readTree(task.get("container_definitions").asText()).get(0).get("mountPoints");
    assertThat(mounts.size()).isEqualTo(2);
  }

  @Test
  void service_scratchAndPersistentVolumes_taskKeepsBoth() throws IOException {
    Synth synth = Synth.stack(stack -> {
      Ec2Cluster cluster = new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.of("data", "eu-west-1", VPC));
      PersistentVolume volume = cluster.addPersistentVolume("Data", data().build());
      ContainerDefinition withTmp = DB.toBuilder().mountPoints(List.of(new MountPoint("tmp", "/tmp", null))).build();
      new Ec2Service(stack, "Db", db(cluster.ref()).containers(List.of(withTmp)).scratchVolumes(List.of("tmp")).build())
          .mountPersistentVolume(volume.ref(), "db", "/var/lib/postgresql/data");
    });
    JsonNode task = synth.only("aws_ecs_task_definition");
    assertThat(task.get("volume").toString()).isEqualTo("[{\"docker_volume_configuration\":{\"driver\":\"local\","
        + "\"scope\":\"task\"},\"name\":\"tmp\"},{\"host_path\":\"/mnt/persistent/data\",\"name\":\"data\"}]");
    JsonNode mounts = MAPPER.readTree(task.get("container_definitions").asText()).get(0).get("mountPoints");
    // The container mounts both; before, mounting the persistent volume dropped "tmp" from the task's volumes.
    assertThat(mounts.findValuesAsText("sourceVolume")).containsExactly("tmp", "data");
  }

  @Test
  void fails_persistentVolumeNamedLikeAScratchVolume() {
    assertThatThrownBy(() -> Synth.stack(stack -> {
      Ec2Cluster cluster = new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.of("data", "eu-west-1", VPC));
      PersistentVolume volume = cluster.addPersistentVolume("Data", data().build());
      new Ec2Service(stack, "Db", db(cluster.ref()).scratchVolumes(List.of("data")).build())
          .mountPersistentVolume(volume.ref(), "db", "/data");
    })).isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2Service 'test/Db'.mountPersistentVolume.volume is named \"data\" like one of scratchVolumes"
            + " [data]; a task's volumes need distinct names");
  }

  @Test
  void fails_propsEveryProblemAtOnce() {
    assertThatThrownBy(() -> PersistentVolumeProps.builder().volumeName("Data_1").availabilityZone("eu-west-1")
        .subnetId("sn-1").sizeGiB(0).kmsKeyArn("alias/db").build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PersistentVolumeProps.volumeName must be 1-63 lowercase letters, digits and single '-', starting"
            + " and ending with a letter or digit, got \"Data_1\"\n"
            + "PersistentVolumeProps.availabilityZone must be an availability zone such as \"eu-west-1a\", got"
            + " \"eu-west-1\"\n"
            + "PersistentVolumeProps.subnetId must be a subnet id such as \"subnet-0123456789abcdef0\", got \"sn-1\"\n"
            + "PersistentVolumeProps.sizeGiB must be between 1 and 16384, got 0\n"
            + "PersistentVolumeProps.kmsKeyArn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>);"
            + " an alias ARN does not work here, got \"alias/db\"");
    assertThatThrownBy(() -> PersistentVolumeProps.builder().build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PersistentVolumeProps.volumeName is required\nPersistentVolumeProps.availabilityZone is"
            + " required\nPersistentVolumeProps.subnetId is required");
  }

  @Test
  void fails_clusterVolumeNameTwiceAndAnotherZone() {
    assertThatThrownBy(() -> Synth.stack(stack -> {
      Ec2Cluster cluster = new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.of("data", "eu-west-1", VPC));
      cluster.addPersistentVolume("Data", data().build());
      cluster.addPersistentVolume("Other", data().availabilityZone("eu-west-1b")
          .subnetId("subnet-0bbb0000000000002").build());
    })).isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2Cluster 'test/Cluster'.addPersistentVolume.volumeName must be unique within the cluster, got"
            + " \"data\" twice\n"
            + "Ec2Cluster 'test/Cluster'.addPersistentVolume.availabilityZone must be \"eu-west-1a\" like the"
            + " cluster's other persistent volumes (its instances run in that one zone, where they can attach each"
            + " volume), got \"eu-west-1b\"");
  }

  @Test
  void fails_serviceThatCannotKeepTheVolume() {
    assertThatThrownBy(() -> mount(db -> db.maxCapacity(3), "web", "data"))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2Service 'test/Db'.maxCapacity must be at most 1 for a service with a persistent volume (the"
            + " volume attaches to one instance, and two tasks must never write it at once), got 3\n"
            + "Ec2Service 'test/Db'.mountPersistentVolume.containerName must be a container of this service, got"
            + " \"web\" (found [db])\n"
            + "Ec2Service 'test/Db'.mountPersistentVolume.containerPath must be an absolute path in the container"
            + " such as \"/var/lib/data\", got \"data\"");
    assertThatThrownBy(() -> mount(db -> db.desiredCount(2), "db", "/data"))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2Service 'test/Db'.desiredCount must be at most 1 for a service with a persistent volume"
            + " (the volume attaches to one instance, and two tasks must never write it at once), got 2");
  }

  @Test
  void fails_volumeOfAnotherClusterOrMountedTwice() {
    assertThatThrownBy(() -> Synth.stack(stack -> {
      Ec2Cluster cluster = new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.of("data", "eu-west-1", VPC));
      PersistentVolume volume = cluster.addPersistentVolume("Data", data().build());
      ClusterRef other = new ClusterRef("apps", "arn:aws:ecs:eu-west-1:111111111111:cluster/apps", "apps-ec2",
          "sg-0123456789abcdef0");
      new Ec2Service(stack, "Db", db(other).build()).mountPersistentVolume(volume.ref(), "db", "/data");
    })).isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2Service 'test/Db'.mountPersistentVolume.volume must be a volume of the service's cluster"
            + " \"apps\", got \"data\" of cluster \"data\"");
    assertThatThrownBy(() -> Synth.stack(stack -> {
      Ec2Cluster cluster = new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.of("data", "eu-west-1", VPC));
      PersistentVolume volume = cluster.addPersistentVolume("Data", data().build());
      Ec2Service service = new Ec2Service(stack, "Db", db(cluster.ref()).build());
      service.mountPersistentVolume(volume.ref(), "db", "/data");
      service.mountPersistentVolume(volume.ref(), "db", "/other");
    })).isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2Service 'test/Db'.mountPersistentVolume.volume mounts \"data\" already; mount each volume"
            + " once");
  }

  private static void mount(Consumer<Ec2ServiceProps.Builder> change, String container, String path) {
    Synth.stack(stack -> {
      Ec2Cluster cluster = new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.of("data", "eu-west-1", VPC));
      PersistentVolume volume = cluster.addPersistentVolume("Data", data().build());
      Ec2ServiceProps.Builder props = db(cluster.ref());
      change.accept(props);
      new Ec2Service(stack, "Db", props.build()).mountPersistentVolume(volume.ref(), container, path);
    });
  }
}
