package com.acme.platform.constructs.state;

import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Map;
import java.util.Objects;

/**
 * Attaches an S3 backend to a stack: encrypted state, S3-native locking and an optional assumed role.
 *
 * <p>Call it from the application that owns the stack, not from a reusable construct (STYLE.md section 7): the
 * same stack can then be synthesized without a backend in tests. cdktf 0.19's {@code S3Backend} has no
 * {@code use_lockfile} and only the flat {@code role_arn} that Terraform 1.10 and later reject, so both are written
 * as overrides in the form current Terraform expects.
 */
public final class RemoteState {
  private RemoteState() {}

  /**
   * Adds the S3 backend to {@code stack}.
   *
   * @param stack the stack whose state is kept in S3
   * @param props where and how
   * @return the backend, for further overrides
   */
  public static S3Backend attach(TerraformStack stack, RemoteStateProps props) {
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(props, "props");
    S3Backend.Builder builder = S3Backend.Builder.create(stack)
        .bucket(props.bucket())
        .key(props.key())
        .region(props.region())
        .encrypt(props.encrypt());
    if (props.dynamodbTable() != null) {
      builder.dynamodbTable(props.dynamodbTable());
    }
    if (props.kmsKeyId() != null) {
      builder.kmsKeyId(props.kmsKeyId());
    }
    S3Backend backend = builder.build();
    if (props.useLockfile()) {
      stack.addOverride("terraform.backend.s3.use_lockfile", true);
    }
    if (props.roleArn() != null) {
      stack.addOverride("terraform.backend.s3.assume_role", Map.of("role_arn", props.roleArn()));
    }
    return backend;
  }
}
