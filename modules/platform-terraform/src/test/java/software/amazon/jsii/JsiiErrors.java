package software.amazon.jsii;

/** jsii's own {@link JsiiError}, whose constructors are package-private, for tests of code that meets it. */
public final class JsiiErrors {
  private JsiiErrors() {}

  /**
   * A JsiiError as jsii's runtime throws it.
   *
   * @param message its message
   * @param cause its cause, or {@code null}
   * @return the error
   */
  public static RuntimeException of(String message, Throwable cause) {
    return cause == null ? new JsiiError(message) : new JsiiError(message, cause);
  }
}
