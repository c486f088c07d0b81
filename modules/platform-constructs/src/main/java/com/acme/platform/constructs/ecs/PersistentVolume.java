package com.acme.platform.constructs.ecs;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.ebs_volume.EbsVolume;
import java.util.Map;
import java.util.Objects;
import software.constructs.Construct;

/**
 * A persistent EBS volume of an {@link Ec2Cluster}, for a service whose data must outlive its tasks and instances
 * (a database). Created by {@link Ec2Cluster#addPersistentVolume}; mounted by
 * {@link Ec2Service#mountPersistentVolume}.
 *
 * <p>The volume is encrypted gp3 in one availability zone, protected by {@code lifecycle.prevent_destroy} (lifted
 * by the cluster's {@code teardown}) and snapshotted when it is deleted. The cluster's instances, which then run in
 * the volume's zone only, try to attach it at boot through their instance role; the one that gets it makes a file
 * system on it if it is blank, mounts it at {@code /mnt/persistent/<volumeName>} and registers with ECS carrying
 * the instance attribute {@code platform.volume.<volumeName>=attached}, which the mounting service's placement
 * constraint requires. When that instance goes (refresh, lifetime, scale-in), the volume detaches with it and the
 * next instance that boots attaches it.
 *
 * <p>Creates {@code aws_ebs_volume}. See
 * <a href="https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes.html">Amazon EBS volumes</a>.
 */
public final class PersistentVolume extends Construct {
  /** The folder under which instances mount persistent volumes. */
  static final String HOST_PATH_ROOT = "/mnt/persistent/";
  /** The prefix of the instance attribute that says which volume an instance holds. */
  static final String ATTRIBUTE_PREFIX = "platform.volume.";
  /** The value of that attribute. */
  static final String ATTACHED = "attached";

  private final PersistentVolumeProps props;
  private final String clusterName;
  private final EbsVolume volume;

  PersistentVolume(Construct scope, String id, PersistentVolumeProps props, String clusterName, boolean protect) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    this.clusterName = clusterName;
    EbsVolume.Builder volume = EbsVolume.Builder.create(this, "Resource")
        .availabilityZone(props.availabilityZone())
        .type("gp3")
        .size(props.sizeGiB())
        .encrypted(true)
        .finalSnapshot(props.finalSnapshot())
        .tags(Map.of("Name", clusterName + "-" + props.volumeName()))
        // The data is the point of the volume: deleting it takes a deliberate change (the cluster's teardown).
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(protect).build());
    if (props.kmsKeyArn() != null) {
      volume.kmsKeyId(props.kmsKeyArn());
    }
    this.volume = volume.build();
  }

  /**
   * What a service needs to mount this volume.
   *
   * @return the reference
   */
  public PersistentVolumeRef ref() {
    return new PersistentVolumeRef(props.volumeName(), clusterName);
  }

  /**
   * The props this volume was built from.
   *
   * @return the validated props
   */
  public PersistentVolumeProps getProps() {
    return props;
  }

  /**
   * The underlying EBS volume, for escape hatches such as {@code addOverride}.
   *
   * @return the {@code aws_ebs_volume} resource
   */
  public EbsVolume getVolume() {
    return volume;
  }

  /**
   * The volume id; a token until apply.
   *
   * @return the volume id
   */
  public String getVolumeId() {
    return volume.getId();
  }

  /**
   * The volume ARN; a token until apply.
   *
   * @return the volume ARN
   */
  public String getVolumeArn() {
    return volume.getArn();
  }

  /**
   * Where the instance that holds the volume mounts it, {@code /mnt/persistent/<volumeName>}.
   *
   * @return the host path
   */
  public String getHostPath() {
    return ref().hostPath();
  }
}
