package com.acme.platform.terraform;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Ends a command-line program with the status its body returns, whatever happens.
 *
 * <p>jsii keeps a Node.js child process and its threads alive; a body that throws past {@code main} would leave the
 * JVM waiting for them instead of exiting. Errors users can cause are reported by the bodies themselves; anything
 * reaching this point is a bug, printed in full so that it can be reported, except Node.js stopping under jsii: one
 * line and {@link #TOOL_FAILED}, like any other tool the platform needs.
 */
public final class Exits {
  /** The status for an unexpected internal error (EX_SOFTWARE in sysexits.h). */
  public static final int INTERNAL_ERROR = 70;
  /**
   * The status for a tool the platform runs that is missing or stops (README, "Exit statuses"), here and in the
   * commands' own checks (such as {@code Check}'s missing terraform).
   */
  public static final int TOOL_FAILED = 3;

  /** What jsii's Java runtime says when its Node.js process did not start or died (jsii-runtime 1.x). */
  private static final String JSII_ERROR = "software.amazon.jsii.JsiiError";
  private static final List<String> NODE_STOPPED = List.of("Client not created", "Child process exited unexpectedly",
      "Unable to read reply from jsii-runtime", "Unable to send request to jsii-runtime");

  private Exits() {}

  /**
   * Runs {@code body} and exits the JVM with its status; when it throws, with {@link #TOOL_FAILED} for Node.js
   * stopping under jsii, else {@link #INTERNAL_ERROR}.
   *
   * @param body the program
   */
  public static void exitWith(Callable<Integer> body) {
    int status;
    try {
      status = body.call();
    } catch (Exception | Error e) {
      Optional<String> toolFailure = toolFailure(e);
      if (toolFailure.isPresent()) {
        System.err.println(toolFailure.get());
        status = TOOL_FAILED;
      } else {
        System.err.println("internal error (this is a bug; please report it with the trace below):");
        e.printStackTrace();
        status = INTERNAL_ERROR;
      }
    }
    System.exit(status);
  }

  /**
   * The one line for a failure of the environment rather than of our code: Node.js, which jsii runs the constructs
   * in, stopped or never started (a NODE_OPTIONS it refuses, a broken install, a process killed for memory). Such a
   * failure is not a bug of ours, and its stack trace would only hide the line that matters: Node.js's own message,
   * which jsii has already copied to stderr. Recognized by jsii's exception type and messages, by name, so that this
   * module needs no jsii dependency.
   *
   * @param e what a program body threw
   * @return the message to print, or empty when {@code e} is something else
   */
  static Optional<String> toolFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t.getClass().getName().equals(JSII_ERROR) && NODE_STOPPED.stream().anyMatch(message::startsWith)
          && !isReplyParseError(t)) {
        return Optional.of("platform: Node.js, which runs the constructs, stopped (jsii: "
            + message.lines().findFirst().orElse("").strip() + "); its own message, if it gave one, is above. Check"
            + " NODE_OPTIONS and the Node.js installation (README.md, Prerequisites)");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether jsii could read a reply but not parse it: then Node.js is alive and wrote something that is not the
   * protocol (a bug of ours or of the runtime), which must keep its stack trace.
   */
  private static boolean isReplyParseError(Throwable jsiiError) {
    for (Throwable t = jsiiError.getCause(); t != null; t = t.getCause()) {
      if (t.getClass().getName().startsWith("com.fasterxml.jackson.")) {
        return true;
      }
    }
    return false;
  }
}
