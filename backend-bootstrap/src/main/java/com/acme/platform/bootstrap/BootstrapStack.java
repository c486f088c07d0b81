package com.acme.platform.bootstrap;

import com.acme.platform.constructs.policy.PolicyCheck;
import com.acme.platform.constructs.policy.PolicyCheckProps;
import com.acme.platform.constructs.stack.StackConventions;
import com.acme.platform.constructs.stack.StackConventionsProps;
import com.acme.platform.constructs.state.RemoteStateProps;
import com.acme.platform.constructs.state.StateBucket;
import com.acme.platform.constructs.state.StateBucketProps;
import com.acme.platform.constructs.state.StateKeyLayout;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Map;
import software.constructs.Construct;

/**
 * The stack that creates one state bucket. Until migration it keeps its state in a local file next to the bootstrap
 * app (three folders up from {@code cdktf.out/stacks/<stack>}); afterwards in the bucket itself.
 */
public final class BootstrapStack extends TerraformStack {
  /** The stack segment of the bootstrap's own state key. */
  public static final String STATE_KEY_STACK = "bootstrap";

  private final StateBucket bucket;

  /**
   * Builds the stack.
   *
   * @param scope the app
   * @param target the bucket to create
   * @param mode where this stack's own state lives
   * @param preventDestroy whether the bucket keeps {@code prevent_destroy} (false only to destroy it on purpose)
   */
  public BootstrapStack(Construct scope, BootstrapTarget target, BackendMode mode, boolean preventDestroy) {
    super(scope, target.stackName());
    // The same conventions as every platform stack (provider pinned to the account, version range, tags); the
    // backend is S3 only after migration, until then a local file.
    StackConventionsProps.Builder conventions = StackConventionsProps.builder()
        .awsRegion(target.region())
        .accountId(target.accountId())
        .defaultTags(Map.of("purpose", "terraform-state"));
    if (mode == BackendMode.S3) {
      conventions.remoteState(RemoteStateProps.builder()
          .bucket(target.bucketName())
          .region(target.region())
          .key(stateKey())
          .build());
    }
    StackConventions.apply(this, conventions.build());
    this.bucket = new StateBucket(this, "State", StateBucketProps.builder()
        .bucketName(target.bucketName()).preventDestroy(preventDestroy).build());
    if (mode == BackendMode.LOCAL) {
      LocalBackend.Builder.create(this).path("../../../" + target.localStateFile()).build();
    }
    // The same security policy as every platform stack, as a construct validation: app.synth() fails before it
    // writes a bucket that breaks a rule. No waivers: the state bucket passes every rule.
    PolicyCheck.addTo(this, PolicyCheckProps.builder().build());
  }

  /** Where the bootstrap stack's own state lives in the bucket after migration. */
  public static String stateKey() {
    return StateKeyLayout.sharedKey(STATE_KEY_STACK);
  }

  /** The state bucket. */
  public StateBucket getBucket() {
    return bucket;
  }
}
