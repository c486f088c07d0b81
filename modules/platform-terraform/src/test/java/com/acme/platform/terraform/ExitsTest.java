package com.acme.platform.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.jsii.JsiiErrors;

/** Which failures end a program with one line and status 3 instead of an internal error's stack trace. */
class ExitsTest {
  private static final String ADVICE = "; its own message, if it gave one, is above. Check NODE_OPTIONS and the"
      + " Node.js installation (README.md, Prerequisites)";

  /** The messages of jsii-runtime 1.x when its Node.js process did not start or went away. */
  @ParameterizedTest
  @ValueSource(strings = {"Client not created", "Child process exited unexpectedly!",
      "Unable to read reply from jsii-runtime: java.io.IOException: Stream closed",
      "Unable to send request to jsii-runtime: java.io.IOException: Broken pipe"})
  void nodeStopped_oneLine(String message) {
    assertThat(Exits.toolFailure(JsiiErrors.of(message, null)))
        .contains("platform: Node.js, which runs the constructs, stopped (jsii: " + message + ")" + ADVICE);
  }

  @Test
  void nodeStopped_foundDeeperInTheCauses_andOnlyItsFirstLineShown() {
    RuntimeException wrapped = new IllegalStateException("building stack staging",
        JsiiErrors.of("Child process exited unexpectedly!\n  at line two", null));

    assertThat(Exits.toolFailure(wrapped))
        .contains("platform: Node.js, which runs the constructs, stopped (jsii: Child process exited unexpectedly!)"
            + ADVICE);
  }

  @Test
  void aReplyThatIsNotJson_staysAnInternalError() {
    // Node.js is alive and wrote something that is not the protocol: a bug, which keeps its stack trace.
    IOException parse = new JsonParseException(null, "Unrecognized token 'hello'");
    assertThat(Exits.toolFailure(JsiiErrors.of("Unable to read reply from jsii-runtime: " + parse, parse))).isEmpty();
  }

  @Test
  void otherFailures_withTheSameWords_stayInternalErrors() {
    assertThat(Exits.toolFailure(new IllegalStateException("Client not created"))).isEmpty();
    assertThat(Exits.toolFailure(new UncheckedIOException(new IOException("Broken pipe")))).isEmpty();
    assertThat(Exits.toolFailure(JsiiErrors.of("Unknown JSII type: @cdktf/provider-aws.Nope", null))).isEmpty();
  }
}
