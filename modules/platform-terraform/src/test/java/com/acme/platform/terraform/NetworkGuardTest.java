package com.acme.platform.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetworkGuardTest {
  @Test
  void attempts_connectRequest_recordedWithoutProtocolAndClosed() throws IOException {
    try (NetworkGuard guard = NetworkGuard.start()) {
      URI proxy = URI.create(guard.proxyUrl());
      try (Socket client = new Socket(proxy.getHost(), proxy.getPort())) {
        OutputStream out = client.getOutputStream();
        out.write("CONNECT sts.eu-west-1.amazonaws.com:443 HTTP/1.1\r\nHost: x\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(client.getInputStream().read()).as("the guard answers nothing and closes").isEqualTo(-1);
      }
      guard.close();
      assertThat(guard.attempts()).containsExactly("CONNECT sts.eu-west-1.amazonaws.com:443");
    }
  }

  @Test
  void attempts_noConnection_empty() throws IOException {
    try (NetworkGuard guard = NetworkGuard.start()) {
      assertThat(guard.proxyUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(guard.attempts()).isEmpty();
    }
  }
}
