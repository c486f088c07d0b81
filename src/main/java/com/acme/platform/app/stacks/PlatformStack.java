package com.acme.platform.app.stacks;

import com.acme.platform.constructs.core.ProviderConstraints;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    this.provider = AwsProvider.Builder.create(this, "aws")
        .region(region)
        // A plan against the wrong credentials fails before it can change anything.
        .allowedAccountIds(List.of(accountId))
        .defaultTags(List.of(AwsProviderDefaultTags.builder()
            .tags(new TreeMap<>(withManagedBy(tags)))
            .build()))
        .build();
    ProviderConstraints.acceptLaterAws5(this);
  }

  private static Map<String, String> withManagedBy(Map<String, String> tags) {
    Map<String, String> all = new TreeMap<>(tags);
    all.put("managed-by", "cdktf");
    return all;
  }

  /** The stack's AWS provider. */
  public AwsProvider getProvider() {
    return provider;
  }
}
