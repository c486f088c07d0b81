package com.acme.platform.constructs.core;

import com.hashicorp.cdktf.TerraformStack;

/**
 * The AWS provider versions stacks built from this library accept.
 *
 * <p>cdktf 0.19 writes {@code required_providers.aws.version} as exactly the version the bindings were generated
 * from (5.23.1), which keeps users from provider fixes and from offline mirrors that carry a later 5.x. The
 * constructs use nothing removed before 6.0, so any 5.x from 5.23.1 on is accepted (DESIGN.md section 3).
 */
public final class ProviderConstraints {
  /** The accepted {@code hashicorp/aws} versions. */
  public static final String AWS_PROVIDER_VERSION = ">= 5.23.1, < 6.0.0";

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
