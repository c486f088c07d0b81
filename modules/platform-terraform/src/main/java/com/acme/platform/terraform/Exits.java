package com.acme.platform.terraform;

import java.util.concurrent.Callable;

/**
 * Ends a command-line program with the status its body returns, whatever happens.
 *
 * <p>jsii keeps a Node.js child process and its threads alive; a body that throws past {@code main} would leave the
 * JVM waiting for them instead of exiting. Errors users can cause are reported by the bodies themselves; anything
 * reaching this point is a bug, printed in full so that it can be reported.
 */
public final class Exits {
  /** The status for an unexpected internal error (EX_SOFTWARE in sysexits.h). */
  public static final int INTERNAL_ERROR = 70;

  private Exits() {}

  /**
   * Runs {@code body} and exits the JVM with its status, or {@link #INTERNAL_ERROR} when it throws.
   *
   * @param body the program
   */
  public static void exitWith(Callable<Integer> body) {
    int status;
    try {
      status = body.call();
    } catch (Exception | Error e) {
      System.err.println("internal error (this is a bug; please report it with the trace below):");
      e.printStackTrace();
      status = INTERNAL_ERROR;
    }
    System.exit(status);
  }
}
