package com.acme.platform.constructs.ecs;

/**
 * A container that must reach a condition before this one starts.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html">
 * ContainerDependency</a>.
 *
 * @param containerName another container of the same task. Required.
 * @param condition {@code START}, {@code COMPLETE}, {@code SUCCESS} or {@code HEALTHY}. Required.
 */
public record ContainerDependency(String containerName, String condition) {}
