/**
 * Terraform state: the S3 backend every stack uses ({@link com.acme.platform.constructs.state.RemoteState}) and the
 * documented key layout ({@link com.acme.platform.constructs.state.StateKeyLayout}).
 *
 * <p>{@code RemoteState} creates no resources; it writes the stack's {@code terraform.backend.s3} block.
 *
 * <p>{@link com.acme.platform.constructs.state.StateBucket} (for the bootstrap stack) creates:
 * <ul>
 *   <li>{@code aws_s3_bucket} with {@code prevent_destroy}</li>
 *   <li>{@code aws_s3_bucket_versioning}, {@code aws_s3_bucket_server_side_encryption_configuration} (AES256 or
 *       KMS)</li>
 *   <li>{@code aws_s3_bucket_public_access_block} (all four on), {@code aws_s3_bucket_ownership_controls}
 *       (BucketOwnerEnforced), {@code aws_s3_bucket_policy} (TLS only)</li>
 *   <li>{@code aws_s3_bucket_lifecycle_configuration} (noncurrent-version expiry, abort incomplete uploads)</li>
 *   <li>optionally {@code aws_dynamodb_table} for {@code LockID} locking</li>
 * </ul>
 */
package com.acme.platform.constructs.state;
