/**
 * Encryption keys: {@link com.acme.platform.constructs.kms.EnvironmentKey}, the customer managed key of an
 * environment that its log groups and alarm topic use by default.
 *
 * <p>Creates {@code aws_kms_key} (rotation on, its own key policy) and {@code aws_kms_alias}.
 */
package com.acme.platform.constructs.kms;
