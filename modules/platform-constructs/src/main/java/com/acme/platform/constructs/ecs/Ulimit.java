package com.acme.platform.constructs.ecs;

/**
 * A resource limit of a container, such as open files.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Ulimit.html">Ulimit</a>.
 *
 * @param name the limit, for example {@code nofile}. Required.
 * @param softLimit the soft limit. Required.
 * @param hardLimit the hard limit, at least the soft limit. Required.
 */
public record Ulimit(String name, int softLimit, int hardLimit) {}
