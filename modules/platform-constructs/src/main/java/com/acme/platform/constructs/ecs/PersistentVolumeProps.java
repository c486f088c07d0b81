package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Properties for {@link Ec2Cluster#addPersistentVolume}: an EBS volume that keeps a service's data across task and
 * instance replacement. Create them with {@link #builder()}; {@link #toBuilder()} gives a modified copy.
 */
public final class PersistentVolumeProps {
  /** Volume names: they become a task volume name, an instance attribute name and a folder name. */
  static final Pattern VOLUME_NAME = Pattern.compile("(?=.{1,63}$)[a-z0-9]+(-[a-z0-9]+)*");
  /** The sizes gp3 volumes accept, in GiB. */
  static final int MAX_SIZE_GIB = 16_384;
  /** The size when none is given, in GiB. */
  static final int DEFAULT_SIZE_GIB = 20;
  static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");

  private final String volumeName;
  private final String availabilityZone;
  private final String subnetId;
  private final int sizeGiB;
  private final String kmsKeyArn;
  private final boolean finalSnapshot;

  private PersistentVolumeProps(Builder b) {
    this.volumeName = b.volumeName;
    this.availabilityZone = b.availabilityZone;
    this.subnetId = b.subnetId;
    this.sizeGiB = b.sizeGiB != null ? b.sizeGiB : DEFAULT_SIZE_GIB;
    this.kmsKeyArn = b.kmsKeyArn;
    this.finalSnapshot = b.finalSnapshot == null || b.finalSnapshot;
    Checks checks = Checks.of("PersistentVolumeProps");
    if (checks.required("volumeName", volumeName)) {
      checks.matches("volumeName", volumeName, VOLUME_NAME,
          "1-63 lowercase letters, digits and single '-', starting and ending with a letter or digit");
    }
    if (checks.required("availabilityZone", availabilityZone)) {
      checks.matches("availabilityZone", availabilityZone, AwsPatterns.AVAILABILITY_ZONE,
          "an availability zone such as \"eu-west-1a\"");
    }
    if (checks.required("subnetId", subnetId)) {
      checks.matches("subnetId", subnetId, SUBNET_ID, "a subnet id such as \"subnet-0123456789abcdef0\"");
    }
    checks.between("sizeGiB", sizeGiB, 1, MAX_SIZE_GIB);
    checks.kmsKeyArn("kmsKeyArn", kmsKeyArn);
    checks.throwIfAny();
  }

  /**
   * The volume's name within its cluster: the task volume name services mount, the folder
   * {@code /mnt/persistent/<volumeName>} on the instance, the instance attribute
   * {@code platform.volume.<volumeName>} that places tasks, and the EBS volume's {@code Name} tag. Required. 1-63
   * lowercase letters, digits and single {@code -}.
   *
   * @return the name
   */
  public String volumeName() {
    return volumeName;
  }

  /**
   * The availability zone of the volume, for example {@code eu-west-1a}. An EBS volume attaches only to instances in
   * its own zone, so the cluster's instances then run in this zone only. Required; every persistent volume of one
   * cluster names the same zone.
   *
   * @return the zone
   */
  public String availabilityZone() {
    return availabilityZone;
  }

  /**
   * The cluster's subnet in {@link #availabilityZone()} (for example the VPC's private subnet there, a token until
   * apply): the cluster's Auto Scaling group launches its instances in this subnet only, so that every instance
   * can attach the volume. Required.
   *
   * @return the subnet id
   */
  public String subnetId() {
    return subnetId;
  }

  /**
   * The volume's size in GiB, 1 to 16384 (gp3). Default: {@code 20}. Growing it later is an in-place change (grow
   * the file system on the instance afterwards); shrinking it replaces the volume and loses its data.
   *
   * @return the size
   */
  public int sizeGiB() {
    return sizeGiB;
  }

  /**
   * The KMS key that encrypts the volume: a key ARN, not an alias ARN (EBS reports the key's own ARN back, so with
   * an alias every plan would replace the volume and lose its data). Default: not set, EBS encrypts with the AWS
   * managed key {@code aws/ebs}; the volume is always encrypted.
   *
   * @return the key ARN, or {@code null}
   */
  public String kmsKeyArn() {
    return kmsKeyArn;
  }

  /**
   * Whether EBS takes a snapshot of the volume when Terraform deletes it (the data outlives the volume). Default:
   * {@code true}.
   *
   * @return the flag
   */
  public boolean finalSnapshot() {
    return finalSnapshot;
  }

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with these props, for a modified copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder().volumeName(volumeName).availabilityZone(availabilityZone).subnetId(subnetId)
        .sizeGiB(sizeGiB).kmsKeyArn(kmsKeyArn).finalSnapshot(finalSnapshot);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersistentVolumeProps p && toString().equals(p.toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }

  @Override
  public String toString() {
    return "PersistentVolumeProps[volumeName=" + volumeName + ", availabilityZone=" + availabilityZone
        + ", subnetId=" + subnetId + ", sizeGiB=" + sizeGiB + ", kmsKeyArn=" + kmsKeyArn + ", finalSnapshot="
        + finalSnapshot + "]";
  }

  /** Builder for {@link PersistentVolumeProps}. */
  public static final class Builder {
    private String volumeName;
    private String availabilityZone;
    private String subnetId;
    private Integer sizeGiB;
    private String kmsKeyArn;
    private Boolean finalSnapshot;

    private Builder() {}

    /**
     * Sets {@link PersistentVolumeProps#volumeName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder volumeName(String v) { this.volumeName = v; return this; }
    /**
     * Sets {@link PersistentVolumeProps#availabilityZone()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder availabilityZone(String v) { this.availabilityZone = v; return this; }
    /**
     * Sets {@link PersistentVolumeProps#subnetId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder subnetId(String v) { this.subnetId = v; return this; }
    /**
     * Sets {@link PersistentVolumeProps#sizeGiB()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder sizeGiB(Integer v) { this.sizeGiB = v; return this; }
    /**
     * Sets {@link PersistentVolumeProps#kmsKeyArn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder kmsKeyArn(String v) { this.kmsKeyArn = v; return this; }
    /**
     * Sets {@link PersistentVolumeProps#finalSnapshot()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder finalSnapshot(Boolean v) { this.finalSnapshot = v; return this; }

    /**
     * Builds the props, checking every value.
     *
     * @return the props
     * @throws com.acme.platform.constructs.core.InvalidPropsException listing every problem
     */
    public PersistentVolumeProps build() {
      return new PersistentVolumeProps(this);
    }
  }
}
