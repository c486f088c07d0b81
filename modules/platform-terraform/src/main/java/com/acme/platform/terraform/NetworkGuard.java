package com.acme.platform.terraform;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in HTTP(S) proxy on the loopback interface that answers nothing: it records the first request line of every
 * connection (for example {@code CONNECT sts.eu-west-1.amazonaws.com:443}) and closes it.
 *
 * <p>Terraform and its providers send every HTTP(S) request through {@code HTTPS_PROXY}/{@code HTTP_PROXY}, so a
 * terraform run pointed at this guard cannot reach AWS, fails fast instead of waiting on a network that is not
 * there, and leaves a count that proves how many calls it attempted.
 */
public final class NetworkGuard implements AutoCloseable {
  private static final int MAX_REQUEST_LINE = 512;
  private static final int READ_TIMEOUT_MILLIS = 2_000;

  private final ServerSocket server;
  private final Thread acceptor;
  private final List<String> attempts = new ArrayList<>();

  private NetworkGuard(ServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::acceptAll, "network-guard-" + server.getLocalPort());
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /**
   * Opens the guard on a free loopback port.
   *
   * @return the running guard
   * @throws IOException when no port can be opened
   */
  public static NetworkGuard start() throws IOException {
    return new NetworkGuard(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
  }

  /** The proxy URL to give terraform, for example {@code http://127.0.0.1:40123}. */
  public String proxyUrl() {
    return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /** The request lines received so far, oldest first; empty when nothing tried to reach the network. */
  public List<String> attempts() {
    synchronized (attempts) {
      return List.copyOf(attempts);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    try {
      acceptor.join(READ_TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try (Socket connection = server.accept()) {
        connection.setSoTimeout(READ_TIMEOUT_MILLIS);
        String line = firstLine(connection.getInputStream());
        record(line.isEmpty() ? "(connection without a request)" : line);
      } catch (SocketException e) {
        if (server.isClosed()) {
          return;
        }
        record("(connection that could not be read: " + e.getMessage() + ")");
      } catch (IOException e) {
        record("(connection that could not be read: " + e.getMessage() + ")");
      }
    }
  }

  private void record(String attempt) {
    synchronized (attempts) {
      attempts.add(attempt);
    }
  }

  /** The request line without its protocol version, for example {@code CONNECT sts.eu-west-1.amazonaws.com:443}. */
  private static String firstLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while (line.length() < MAX_REQUEST_LINE && (b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString().replaceFirst(" HTTP/\\d(\\.\\d)?$", "");
  }
}
