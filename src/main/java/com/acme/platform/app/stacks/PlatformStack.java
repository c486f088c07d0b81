package com.acme.platform.app.stacks;

import com.acme.platform.constructs.stack.StackConventions;
import com.acme.platform.constructs.stack.StackConventionsProps;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import java.util.Map;
import software.constructs.Construct;

/**
 * A stack of this platform: one AWS provider pinned to the stack's account and region, with default tags, and a
 * {@code required_providers} range that admits every later 5.x provider.
 */
public abstract class PlatformStack extends TerraformStack {
  private final AwsProvider provider;

  /**
   * Creates the stack and its provider.
   *
   * @param scope the app
   * @param stackName the stack name
   * @param region the AWS region
   * @param accountId the only account this stack may be applied to
   * @param tags tags on every resource
   */
  protected PlatformStack(Construct scope, String stackName, String region, String accountId,
      Map<String, String> tags) {
    super(scope, stackName);
    // The library's conventions (provider, version range, default tags); the backend is attached by PlatformApp.
    this.provider = StackConventions.apply(this, StackConventionsProps.builder()
        .awsRegion(region)
        .accountId(accountId)
        .defaultTags(tags)
        .build());
  }

  /** The stack's AWS provider. */
  public AwsProvider getProvider() {
    return provider;
  }
}
