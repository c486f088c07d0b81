/**
 * Terraform state: the S3 backend every stack uses ({@link com.acme.platform.constructs.state.RemoteState}) and the
 * documented key layout ({@link com.acme.platform.constructs.state.StateKeyLayout}).
 *
 * <p>{@code RemoteState} creates no resources; it writes the stack's {@code terraform.backend.s3} block.
 */
package com.acme.platform.constructs.state;
