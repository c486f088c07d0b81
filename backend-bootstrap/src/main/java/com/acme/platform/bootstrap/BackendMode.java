package com.acme.platform.bootstrap;

/** Where the bootstrap stack keeps its own state. */
public enum BackendMode {
  /** A local file in {@code backend-bootstrap/}: the bucket does not exist yet. */
  LOCAL,
  /** The bucket the stack created, at {@code shared/bootstrap/terraform.tfstate}. */
  S3
}
