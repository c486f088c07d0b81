package com.acme.platform.app.stacks;

import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.constructs.state.RemoteStateProps;
import com.acme.platform.constructs.state.StateBucketProps;
import com.acme.platform.constructs.state.StateKeyLayout;

/**
 * Where each stack keeps its Terraform state: the S3 backend props of the registry stack and of every environment
 * stack, and where their values came from.
 */
public final class StateBackends {
  /** The stack segment of every environment stack's state key. */
  public static final String ENVIRONMENT_STACK = "platform";

  private StateBackends() {}

  /**
   * The backend of an environment's stack: its {@code stateBucket}, at {@code <environment>/platform/...}.
   *
   * @param env the environment
   * @return the props
   */
  public static RemoteStateProps environment(EnvironmentConfig env) {
    return RemoteStateProps.builder().bucket(env.stateBucket()).region(env.region())
        .key(StateKeyLayout.key(env.name(), ENVIRONMENT_STACK)).build();
  }

  /**
   * The backend of the shared registry stack: the registry's {@code stateBucket}, at {@code shared/registry/...}.
   *
   * @param registry the registry
   * @return the props
   */
  public static RemoteStateProps registry(EnvironmentConfig.RegistryConfig registry) {
    return RemoteStateProps.builder().bucket(registry.stateBucket()).region(registry.region())
        .key(StateKeyLayout.sharedKey(RegistryStack.NAME)).build();
  }

  /**
   * The backend of one repository's registry stack in the per-service layout: the registry's {@code stateBucket},
   * at {@code ecs/ecr-repositories/<service>/...}.
   *
   * @param registry the registry
   * @param service the service whose repository the stack holds
   * @return the props
   */
  public static RemoteStateProps repository(EnvironmentConfig.RegistryConfig registry, String service) {
    return RemoteStateProps.builder().bucket(registry.stateBucket()).region(registry.region())
        .key(StateKeyLayout.repositoryKey(service)).build();
  }

  /** Where the values of an environment's backend came from. */
  public static PropsOrigin environmentOrigin(EnvironmentConfig env) {
    return PropsOrigin.of(PlatformConfig.fileOf(env), "").field("bucket", "stateBucket").field("region", "region")
        .field("key", "name");
  }

  /** Where the values of the registry's backend came from, in one environment's file. */
  public static PropsOrigin registryOrigin(EnvironmentConfig env) {
    return PropsOrigin.of(PlatformConfig.fileOf(env), "registry").field("bucket", "registry.stateBucket")
        .field("region", "registry.region");
  }

  /**
   * The state bucket is created by backend-bootstrap with {@link StateBucketProps}, whose name rules are the full S3
   * rules (the backend props only check the characters): checking the name against them here tells the user before
   * bootstrap does.
   *
   * @param bucket the bucket name
   * @return the props of the bucket
   */
  public static StateBucketProps bucket(String bucket) {
    return StateBucketProps.of(bucket);
  }
}
