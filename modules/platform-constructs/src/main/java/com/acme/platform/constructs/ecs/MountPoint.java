package com.acme.platform.constructs.ecs;

/**
 * A task volume mounted into a container.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html">MountPoint</a>.
 *
 * @param sourceVolume the name of a volume of the task definition. Required.
 * @param containerPath where it is mounted in the container. Required.
 * @param readOnly whether the container may only read it. Default: not written (ECS mounts read-write).
 */
public record MountPoint(String sourceVolume, String containerPath, Boolean readOnly) {}
