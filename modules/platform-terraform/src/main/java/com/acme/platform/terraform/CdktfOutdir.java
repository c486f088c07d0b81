package com.acme.platform.terraform;

import java.nio.file.Path;

/**
 * Where cdktf writes: the cdktf CLI passes its output folder in {@code CDKTF_OUTDIR}, and cdktf's {@code App}
 * writes there whatever folder the program asked for. Every app of this repository resolves it here.
 */
public final class CdktfOutdir {
  /** The variable the cdktf CLI sets. */
  public static final String ENV = "CDKTF_OUTDIR";

  private CdktfOutdir() {}

  /**
   * The folder cdktf will write to.
   *
   * @param requested the folder the program asks for when the CLI does not run it
   * @return {@code CDKTF_OUTDIR} when set, else {@code requested}
   */
  public static Path of(Path requested) {
    String fromCli = System.getenv(ENV);
    return fromCli != null && !fromCli.isBlank() ? Path.of(fromCli) : requested;
  }
}
