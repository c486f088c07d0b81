package com.acme.platform.constructs.stack;

import com.acme.platform.constructs.core.ProviderConstraints;
import com.acme.platform.constructs.state.RemoteState;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one call that gives a stack this library's conventions, so that the minimal stack a team copies is correct
 * by default:
 * <ul>
 *   <li>an AWS provider (construct id {@code aws}) for the stack's region, pinned to its account
 *       ({@code allowed_account_ids}: credentials for another account fail before anything changes), with default
 *       tags on every resource, {@code managed-by = cdktf} among them;</li>
 *   <li>{@code required_providers.aws.version} as the range {@link ProviderConstraints#AWS_PROVIDER_VERSION}
 *       instead of cdktf's exact pin;</li>
 *   <li>when {@code remoteState} is given, the S3 backend with encryption and S3-native locking, at the documented
 *       key layout ({@link com.acme.platform.constructs.state.StateKeyLayout}).</li>
 * </ul>
 * It is for the application that owns the stack (in its stack's constructor or its {@code main}); reusable
 * constructs never create providers or backends.
 */
public final class StackConventions {
  /** The construct id of the provider this call creates. */
  public static final String PROVIDER_ID = "aws";

  private StackConventions() {}

  /**
   * Applies the conventions to {@code stack}.
   *
   * @param stack a stack without an AWS provider yet
   * @param props the region, account, tags and optional backend
   * @return the AWS provider created
   */
  public static AwsProvider apply(TerraformStack stack, StackConventionsProps props) {
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(props, "props");
    TreeMap<String, String> tags = new TreeMap<>(props.defaultTags());
    tags.put("managed-by", "cdktf");
    AwsProvider provider = AwsProvider.Builder.create(stack, PROVIDER_ID)
        .region(props.awsRegion())
        .allowedAccountIds(List.of(props.accountId()))
        .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(tags).build()))
        .build();
    ProviderConstraints.acceptLaterAws5(stack);
    if (props.remoteState() != null) {
      RemoteState.attach(stack, props.remoteState());
    }
    return provider;
  }
}
