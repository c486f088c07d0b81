/**
 * Stack-level conventions: what every stack built from this library should have, applied by one call from the
 * application that owns the stack ({@link com.acme.platform.constructs.stack.StackConventions#apply}).
 *
 * <p>Creates (on the stack, never inside a reusable construct) {@code provider.aws} with the region, the allowed
 * account and default tags, the {@code required_providers} version range, and optionally the S3 backend.
 */
package com.acme.platform.constructs.stack;
