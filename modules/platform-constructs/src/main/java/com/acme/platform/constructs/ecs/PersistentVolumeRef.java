package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.Checks;

/**
 * What a service needs to know to mount a persistent volume of its cluster. {@link PersistentVolume#ref()} returns
 * one.
 *
 * @param volumeName the volume's name in its cluster ({@link PersistentVolumeProps#volumeName()})
 * @param clusterName the name of the cluster whose instances attach the volume
 */
public record PersistentVolumeRef(String volumeName, String clusterName) {
  /**
   * Checks that both values are present, naming the missing ones.
   *
   * @param volumeName see {@link PersistentVolumeRef#volumeName()}
   * @param clusterName see {@link PersistentVolumeRef#clusterName()}
   * @throws com.acme.platform.constructs.core.InvalidPropsException if a value is missing; it lists every
   *     missing value, not only the first
   */
  public PersistentVolumeRef {
    Checks checks = Checks.of("PersistentVolumeRef");
    checks.required("volumeName", volumeName);
    checks.required("clusterName", clusterName);
    checks.throwIfAny();
  }

  /**
   * Where the instance that holds the volume mounts it: {@code /mnt/persistent/<volumeName>}, the task volume's
   * host path.
   *
   * @return the host path
   */
  public String hostPath() {
    return PersistentVolume.HOST_PATH_ROOT + volumeName;
  }

  /**
   * The custom instance attribute the instance that holds the volume advertises:
   * {@code platform.volume.<volumeName>}, with the value {@value PersistentVolume#ATTACHED}.
   *
   * @return the attribute name
   */
  public String attributeName() {
    return PersistentVolume.ATTRIBUTE_PREFIX + volumeName;
  }

  /**
   * The placement constraint expression that admits only the instance that holds the volume.
   *
   * @return {@code attribute:platform.volume.<volumeName> == attached}
   */
  public String placementExpression() {
    return "attribute:" + attributeName() + " == " + PersistentVolume.ATTACHED;
  }
}
