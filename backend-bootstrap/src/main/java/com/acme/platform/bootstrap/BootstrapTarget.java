package com.acme.platform.bootstrap;

/**
 * One state bucket to create: the bucket every stack of an account and region keeps its state in.
 *
 * @param accountId the account that owns the bucket
 * @param region the bucket's region
 * @param bucketName the bucket name
 */
public record BootstrapTarget(String accountId, String region, String bucketName) {
  /** The bootstrap stack's name (and {@code cdktf.out/stacks/} folder). */
  public String stackName() {
    return "bootstrap-" + bucketName;
  }

  /** The local state file, relative to the bootstrap folder, used until the state is migrated. */
  public String localStateFile() {
    return "terraform." + stackName() + ".tfstate";
  }
}
