package com.acme.platform.bootstrap.testing;

import java.io.IOException;
import java.net.URI;

/**
 * s3proxy with the compatibility layer in front of it, as one thing to start and stop: what tests talk to is always
 * the layer, never s3proxy directly.
 */
public final class LocalS3 implements AutoCloseable {
  private final S3Server server;
  private final S3CompatProxy proxy;
  private final SigV2Client client;

  private LocalS3(S3Server server, S3CompatProxy proxy) {
    this.server = server;
    this.proxy = proxy;
    this.client = new SigV2Client(proxy.endpoint(), S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
  }

  /**
   * Starts both on 127.0.0.1; stops the server again when the layer cannot start.
   *
   * @return the running pair
   * @throws IOException when either cannot start
   */
  public static LocalS3 start() throws IOException {
    S3Server server = S3Server.start();
    try {
      return new LocalS3(server, S3CompatProxy.start(server.endpoint()));
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The endpoint Terraform and tests use. */
  public URI endpoint() {
    return proxy.endpoint();
  }

  /** The compatibility layer, for its log of exchanges. */
  public S3CompatProxy proxy() {
    return proxy;
  }

  /** A signed client for setting up and inspecting buckets. */
  public SigV2Client client() {
    return client;
  }

  @Override
  public void close() {
    proxy.close();
    server.close();
  }
}
