package com.acme.platform.bootstrap.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Just enough HTTP/1.1 framing to relay messages without re-encoding them.
 *
 * <p>{@link S3CompatProxy} must forward SigV4-signed requests byte for byte (a changed header or a re-chunked body
 * breaks the signature or the {@code aws-chunked} payload), so it keeps every head and body as the raw bytes that
 * arrived and only parses them to find where a message ends. A client library (the JDK's {@code HttpClient} or
 * {@code HttpServer}) would rewrite {@code Host}, header case and chunking.
 */
final class HttpWire {
  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 200;

  private HttpWire() {}

  /**
   * The start line and headers of one message, plus the exact bytes they arrived as (ending in the blank line).
   *
   * @param startLine the request line or status line
   * @param headers name/value pairs in arrival order, names as sent
   * @param raw the bytes to relay unchanged
   */
  record Head(String startLine, List<String[]> headers, byte[] raw) {
    /** The first value of a header (case-insensitive name), or {@code null}. */
    String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    boolean headerContains(String name, String token) {
      String value = header(name);
      return value != null && value.toLowerCase(Locale.ROOT).contains(token);
    }

    /** The status code of a response head. */
    int status() {
      String[] parts = startLine.split(" ", 3);
      return Integer.parseInt(parts[1]);
    }
  }

  /**
   * Reads one head.
   *
   * @return the head, or {@code null} when the peer closed the connection before sending anything
   */
  static Head readHead(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    String startLine = readLine(in, raw);
    if (startLine == null) {
      return null;
    }
    List<String[]> headers = new ArrayList<>();
    while (true) {
      String line = readLine(in, raw);
      if (line == null) {
        throw new EOFException("connection closed inside the headers after: " + startLine);
      }
      if (line.isEmpty()) {
        return new Head(startLine, headers, raw.toByteArray());
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || headers.size() >= MAX_HEADERS) {
        throw new IOException("malformed header line: " + line);
      }
      headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
    }
  }

  /**
   * Reads a body exactly as framed on the wire: chunked bodies keep their chunk sizes and trailers.
   *
   * @param hasBody false for responses that never carry one (HEAD, 1xx, 204, 304)
   * @param untilClose whether a message without length framing runs to the end of the stream (responses only)
   */
  static byte[] readRawBody(InputStream in, Head head, boolean hasBody, boolean untilClose) throws IOException {
    if (!hasBody) {
      return new byte[0];
    }
    if (head.headerContains("Transfer-Encoding", "chunked")) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine(in, raw);
        if (sizeLine == null) {
          throw new EOFException("connection closed inside a chunked body");
        }
        int size = chunkSize(sizeLine);
        if (size == 0) {
          String trailer;
          do {
            trailer = readLine(in, raw);
          } while (trailer != null && !trailer.isEmpty());
          return raw.toByteArray();
        }
        raw.write(in.readNBytes(size + 2));
      }
    }
    String length = head.header("Content-Length");
    if (length != null) {
      int n = Integer.parseInt(length.trim());
      byte[] body = in.readNBytes(n);
      if (body.length != n) {
        throw new EOFException("body ended after " + body.length + " of " + n + " bytes");
      }
      return body;
    }
    return untilClose ? in.readAllBytes() : new byte[0];
  }

  /**
   * Removes chunk framing ({@code size[;extensions] CRLF data CRLF ... 0 CRLF trailers CRLF}). HTTP's
   * {@code Transfer-Encoding: chunked} and S3's {@code Content-Encoding: aws-chunked} share this layout.
   */
  static byte[] dechunk(byte[] framed) throws IOException {
    InputStream in = new java.io.ByteArrayInputStream(framed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in, new ByteArrayOutputStream());
      if (sizeLine == null) {
        return out.toByteArray();
      }
      int size = chunkSize(sizeLine);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(size));
      in.readNBytes(2);
    }
  }

  private static int chunkSize(String sizeLine) throws IOException {
    String hex = sizeLine.contains(";") ? sizeLine.substring(0, sizeLine.indexOf(';')) : sizeLine;
    try {
      return Integer.parseInt(hex.trim(), 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size line: " + sizeLine, e);
    }
  }

  /** Reads up to CRLF (or LF), copying every byte to {@code raw}; {@code null} at a clean end of stream. */
  private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      raw.write(b);
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE) {
        throw new IOException("line longer than " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
    if (line.size() > 0) {
      throw new EOFException("connection closed mid-line");
    }
    return null;
  }
}
