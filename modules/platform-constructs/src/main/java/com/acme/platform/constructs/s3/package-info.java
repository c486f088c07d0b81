/**
 * S3 buckets other than the state bucket: {@link com.acme.platform.constructs.s3.AccessLogBucket} for load balancer
 * access logs, and {@link com.acme.platform.constructs.s3.BucketBaseline}, what every bucket of the library has.
 *
 * <p>{@code AccessLogBucket} creates {@code aws_s3_bucket}, {@code aws_s3_bucket_versioning},
 * {@code aws_s3_bucket_server_side_encryption_configuration} (SSE-S3), {@code aws_s3_bucket_public_access_block},
 * {@code aws_s3_bucket_ownership_controls}, {@code aws_s3_bucket_policy} (TLS only, log delivery) and
 * {@code aws_s3_bucket_lifecycle_configuration} (expiry).
 */
package com.acme.platform.constructs.s3;
