package com.acme.platform.bootstrap.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP front for s3proxy that fills in the bucket settings s3proxy lacks, so that Terraform's AWS provider and
 * its S3 backend can run unchanged against 127.0.0.1.
 *
 * <p>Every request is relayed to s3proxy byte for byte (request line, headers including {@code Host} and
 * {@code Authorization}, chunked or {@code aws-chunked} bodies), because s3proxy verifies the SigV4 signature, and
 * the answer comes back unchanged. The exceptions are these bucket sub-resources, which s3proxy 4.1.0 answers with
 * {@code 501 NotImplemented} (or, for {@code ?policy}, with {@code NoSuchPolicy} where S3 says
 * {@code NoSuchBucketPolicy}). The proxy keeps them per bucket in memory and answers as S3 does:
 * <ul>
 *   <li>{@code ?policy}: GetBucketPolicy, PutBucketPolicy (204), DeleteBucketPolicy (204)</li>
 *   <li>{@code ?publicAccessBlock}: Get/Put/DeletePublicAccessBlock</li>
 *   <li>{@code ?ownershipControls}: Get/Put/DeleteBucketOwnershipControls</li>
 *   <li>{@code ?lifecycle}: Get/Put/DeleteBucketLifecycle(Configuration), including the
 *       {@code x-amz-transition-default-minimum-object-size} header, which the provider's create waiter compares
 *       (without it the waiter times out after 3 minutes)</li>
 *   <li>{@code ?tagging} on a bucket: Get/Put/DeleteBucketTagging (the provider reads bucket tags on every refresh)</li>
 * </ul>
 * Everything else goes to s3proxy. Against provider 5.100.0 and Terraform 1.11 that is: CreateBucket, HeadBucket,
 * Get/PutBucketVersioning, Get/PutBucketEncryption, GetBucketAcl, ListObjectsV2, Head/Get/Put/DeleteObject and
 * the conditional PutObject ({@code If-None-Match: *}) behind {@code use_lockfile}, which s3proxy answers with
 * {@code 412 PreconditionFailed} while the lock file exists. s3proxy answers {@code 501 NotImplemented} to
 * {@code ?cors}, {@code ?website}, {@code ?accelerate}, {@code ?requestPayment}, {@code ?logging},
 * {@code ?replication} and {@code ?object-lock}, which the provider's bucket read tolerates, so they pass through.
 * {@link #exchanges()} lists what went where, for assertions and for finding the next missing call.
 *
 * <p>Test-only shortcuts: the intercepted calls are not authenticated (s3proxy verifies all others); only
 * path-style addressing is understood; a bucket "exists" for the intercepted calls once a bucket-level request for
 * it succeeded through this proxy, and its settings are dropped when DeleteBucket succeeds.
 */
public final class S3CompatProxy implements AutoCloseable {
  /** The lifecycle header the provider's waiter compares between PutBucketLifecycleConfiguration and Get. */
  static final String TRANSITION_MINIMUM_SIZE = "x-amz-transition-default-minimum-object-size";

  private static final int IDLE_TIMEOUT_MILLIS = 300_000;
  private static final int UPSTREAM_TIMEOUT_MILLIS = 120_000;

  private final URI upstream;
  private final ServerSocket server;
  private final ExecutorService workers;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final Set<String> buckets = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<SubResource, Stored>> settings = new ConcurrentHashMap<>();
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean closed;

  /**
   * One request the proxy handled, for assertions and diagnostics.
   *
   * @param method the HTTP method
   * @param target the request target (path and raw query)
   * @param status the status returned to the client
   * @param intercepted whether the proxy answered itself instead of s3proxy
   */
  public record Exchange(String method, String target, int status, boolean intercepted) {
    @Override
    public String toString() {
      return method + " " + target + " -> " + status + (intercepted ? " (proxy)" : "");
    }
  }

  private S3CompatProxy(URI upstream, ServerSocket server) {
    this.upstream = upstream;
    this.server = server;
    AtomicInteger count = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "s3-compat-proxy-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts the proxy on 127.0.0.1 and a free port.
   *
   * @param upstream s3proxy's endpoint, for example {@link S3Server#endpoint()}
   * @return the running proxy; close it to stop
   * @throws IOException when no port can be bound
   */
  public static S3CompatProxy start(URI upstream) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    S3CompatProxy proxy = new S3CompatProxy(upstream, socket);
    proxy.workers.execute(proxy::acceptLoop);
    return proxy;
  }

  /** The port the proxy listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port>}: the S3 endpoint to give Terraform. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** The requests handled so far, oldest first. */
  public List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : connections) {
      closeQuietly(s);
    }
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        connections.add(client);
        workers.execute(() -> serve(client));
      } catch (IOException e) {
        if (!closed) {
          System.err.println("S3CompatProxy: accept failed: " + e);
        }
      }
    }
  }

  /** Serves one keep-alive client connection, request after request. */
  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(IDLE_TIMEOUT_MILLIS);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = new BufferedOutputStream(client.getOutputStream());
      boolean open = true;
      while (open && !closed) {
        HttpWire.Head request = HttpWire.readHead(in);
        if (request == null) {
          break;
        }
        if (request.headerContains("Expect", "100-continue")) {
          out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
        byte[] body = HttpWire.readRawBody(in, request, true, false);
        open = handle(request, body, out) && !request.headerContains("Connection", "close");
        out.flush();
      }
    } catch (SocketException e) {
      // the client or close() hung up
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        System.err.println("S3CompatProxy: connection failed: " + e);
      }
    } finally {
      connections.remove(client);
    }
  }

  /** Answers one request; returns whether the client connection may carry another. */
  private boolean handle(HttpWire.Head request, byte[] rawBody, OutputStream out) throws IOException {
    String[] line = request.startLine().split(" ");
    String method = line[0];
    String target = line.length > 1 ? line[1] : "/";
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? "" : target.substring(q + 1);
    String bucket = bucketOf(path);
    SubResource sub = bucket == null ? null : SubResource.of(query);
    if (sub != null) {
      int status = intercept(method, bucket, sub, request, rawBody, out);
      exchanges.add(new Exchange(method, target, status, true));
      return true;
    }
    return forward(method, target, bucket, query, request, rawBody, out);
  }

  // Authentication is deliberately not checked here (test-only): s3proxy verifies every request it receives.
  private int intercept(String method, String bucket, SubResource sub, HttpWire.Head request, byte[] rawBody,
      OutputStream out) throws IOException {
    if (!buckets.contains(bucket)) {
      return error(out, 404, "NoSuchBucket", "The specified bucket does not exist", bucket);
    }
    Map<SubResource, Stored> stored = settings.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>());
    switch (method) {
      case "GET": {
        Stored s = stored.get(sub);
        if (s == null) {
          return error(out, 404, sub.missingCode, sub.missingMessage, bucket);
        }
        return respond(out, 200, s.headers, sub.contentType, s.body);
      }
      case "PUT": {
        Map<String, String> headers = new LinkedHashMap<>();
        String minimumSize = request.header(TRANSITION_MINIMUM_SIZE);
        if (sub == SubResource.LIFECYCLE && minimumSize != null) {
          headers.put(TRANSITION_MINIMUM_SIZE, minimumSize);
        }
        stored.put(sub, new Stored(decodeBody(request, rawBody), headers));
        return respond(out, sub.putStatus, headers, null, new byte[0]);
      }
      case "DELETE":
        stored.remove(sub);
        return respond(out, 204, Map.of(), null, new byte[0]);
      default:
        return error(out, 405, "MethodNotAllowed", "The specified method is not allowed against this resource",
            bucket);
    }
  }

  private boolean forward(String method, String target, String bucket, String query, HttpWire.Head request,
      byte[] rawBody, OutputStream out) throws IOException {
    try (Socket up = new Socket()) {
      up.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()), 5_000);
      up.setSoTimeout(UPSTREAM_TIMEOUT_MILLIS);
      OutputStream upOut = new BufferedOutputStream(up.getOutputStream());
      upOut.write(request.raw());
      upOut.write(rawBody);
      upOut.flush();
      InputStream upIn = new BufferedInputStream(up.getInputStream());
      HttpWire.Head response = HttpWire.readHead(upIn);
      while (response != null && response.status() < 200) {
        response = HttpWire.readHead(upIn); // 100 Continue: the client already got ours
      }
      if (response == null) {
        throw new IOException("s3proxy closed the connection without answering " + method + " " + target);
      }
      int status = response.status();
      boolean hasBody = !method.equals("HEAD") && status != 204 && status != 304;
      boolean framed = response.header("Content-Length") != null
          || response.headerContains("Transfer-Encoding", "chunked");
      byte[] body = HttpWire.readRawBody(upIn, response, hasBody, true);
      out.write(response.raw());
      out.write(body);
      exchanges.add(new Exchange(method, target, status, false));
      trackBucket(method, bucket, query, status);
      return framed || !hasBody;
    }
  }

  private void trackBucket(String method, String bucket, String query, int status) {
    if (bucket == null) {
      return;
    }
    if (method.equals("DELETE") && query.isEmpty() && status == 204) {
      buckets.remove(bucket);
      settings.remove(bucket);
    } else if (status >= 200 && status < 300 && !method.equals("DELETE")) {
      buckets.add(bucket);
    }
  }

  private static byte[] decodeBody(HttpWire.Head request, byte[] rawBody) throws IOException {
    byte[] body = request.headerContains("Transfer-Encoding", "chunked") ? HttpWire.dechunk(rawBody) : rawBody;
    return request.headerContains("Content-Encoding", "aws-chunked") ? HttpWire.dechunk(body) : body;
  }

  /** The bucket of a path-style bucket-level path ({@code /bucket} or {@code /bucket/}), else {@code null}. */
  private static String bucketOf(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() || p.contains("/") ? null : p;
  }

  private static int error(OutputStream out, int status, String code, String message, String bucket)
      throws IOException {
    String requestId = requestId();
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
        + "</Message><BucketName>" + bucket + "</BucketName><RequestId>" + requestId + "</RequestId><HostId>"
        + requestId + "</HostId></Error>";
    return respond(out, status, Map.of(), "application/xml", xml.getBytes(StandardCharsets.UTF_8), requestId);
  }

  private static int respond(OutputStream out, int status, Map<String, String> headers, String contentType,
      byte[] body) throws IOException {
    return respond(out, status, headers, contentType, body, requestId());
  }

  private static int respond(OutputStream out, int status, Map<String, String> headers, String contentType,
      byte[] body, String requestId) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
        .append("\r\nDate: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
        .append("\r\nx-amz-request-id: ").append(requestId)
        .append("\r\nx-amz-id-2: ").append(requestId)
        .append("\r\nServer: S3CompatProxy");
    headers.forEach((k, v) -> head.append("\r\n").append(k).append(": ").append(v));
    if (contentType != null) {
      head.append("\r\nContent-Type: ").append(contentType);
    }
    if (status != 204) {
      head.append("\r\nContent-Length: ").append(body.length);
    }
    head.append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (status != 204) {
      out.write(body);
    }
    return status;
  }

  private static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 204: return "No Content";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      default: return "Status";
    }
  }

  private static String requestId() {
    return String.format(Locale.ROOT, "%016X", ThreadLocalRandom.current().nextLong());
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  /** A stored setting: the document as PUT, and response headers to repeat on GET. */
  private record Stored(byte[] body, Map<String, String> headers) {}

  /** The bucket sub-resources answered here, with S3's "not configured" error and PUT status for each. */
  private enum SubResource {
    POLICY("policy", "NoSuchBucketPolicy", "The bucket policy does not exist", 204, "application/json"),
    PUBLIC_ACCESS_BLOCK("publicAccessBlock", "NoSuchPublicAccessBlockConfiguration",
        "The public access block configuration was not found", 200, "application/xml"),
    OWNERSHIP_CONTROLS("ownershipControls", "OwnershipControlsNotFoundError",
        "The bucket ownership controls were not found", 200, "application/xml"),
    LIFECYCLE("lifecycle", "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist", 200,
        "application/xml"),
    TAGGING("tagging", "NoSuchTagSet", "The TagSet does not exist", 204, "application/xml");

    final String queryName;
    final String missingCode;
    final String missingMessage;
    final int putStatus;
    final String contentType;

    SubResource(String queryName, String missingCode, String missingMessage, int putStatus, String contentType) {
      this.queryName = queryName;
      this.missingCode = missingCode;
      this.missingMessage = missingMessage;
      this.putStatus = putStatus;
      this.contentType = contentType;
    }

    /** The sub-resource named in a raw query string ({@code policy}, {@code policy=}, {@code x-id=..&policy}). */
    static SubResource of(String rawQuery) {
      if (rawQuery.isEmpty()) {
        return null;
      }
      for (String param : rawQuery.split("&")) {
        String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
        for (SubResource s : values()) {
          if (s.queryName.equals(name)) {
            return s;
          }
        }
      }
      return null;
    }
  }
}
