package com.acme.platform.constructs.core;

import com.hashicorp.cdktf.TerraformStack;

/**
 * The AWS provider versions stacks built from this library accept.
 *
 * <p>cdktf 0.19 writes {@code required_providers.aws.version} as exactly the version the bindings were generated
 * from (5.23.1), which keeps users from provider fixes and from offline mirrors that carry a later 5.x. The
 * constructs use nothing removed before 6.0, so later 5.x versions are accepted (DESIGN.md section 3).
 *
 * <p>The floor is {@value #AWS_PROVIDER_FLOOR}, not the bindings' 5.23.1: {@code Ec2Cluster} sets the capacity
 * provider's {@code managed_draining} through an override, an argument the provider knows from 5.34.0 on. An older
 * provider would reject the stack at {@code terraform validate} with "An argument named managed_draining is not
 * expected here"; the floor makes {@code terraform init} say which version is needed instead.
 */
public final class ProviderConstraints {
  /** The first {@code hashicorp/aws} version with ECS managed instance draining ({@code managed_draining}). */
  public static final String AWS_PROVIDER_FLOOR = "5.34.0";
  /** The accepted {@code hashicorp/aws} versions. */
  public static final String AWS_PROVIDER_VERSION = ">= " + AWS_PROVIDER_FLOOR + ", < 6.0.0";

  private ProviderConstraints() {}

  /**
   * Replaces the exact AWS provider pin of {@code stack} with {@link #AWS_PROVIDER_VERSION}.
   *
   * @param stack a stack that has an AWS provider
   */
  public static void acceptLaterAws5(TerraformStack stack) {
    stack.addOverride("terraform.required_providers.aws.version", AWS_PROVIDER_VERSION);
  }
}
