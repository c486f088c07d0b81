/**
 * Container image registries.
 *
 * <p>{@link com.acme.platform.constructs.ecr.ServiceRepository} creates:
 * <ul>
 *   <li>{@code aws_ecr_repository} (immutable tags, scan on push, AES256 or KMS encryption)</li>
 *   <li>{@code aws_ecr_lifecycle_policy} (expire untagged images, keep the last N)</li>
 *   <li>{@code aws_ecr_repository_policy} when other accounts may pull</li>
 * </ul>
 */
package com.acme.platform.constructs.ecr;
