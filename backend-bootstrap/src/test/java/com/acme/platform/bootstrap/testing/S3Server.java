package com.acme.platform.bootstrap.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API (s3proxy with its in-memory {@code transient} store) on 127.0.0.1, for tests that run Terraform's S3
 * backend and AWS provider without AWS.
 *
 * <p>s3proxy's jar-with-dependencies carries its own Jetty, Jackson and logging, so it runs in a child JVM rather
 * than on the test classpath. The Maven build passes the jar's path as the system property {@value #JAR_PROPERTY}
 * (see {@code backend-bootstrap/pom.xml}); an IDE run finds it on {@code java.class.path} instead.
 * A JVM shutdown hook stops the child even when a test dies without closing this.
 *
 * <p>s3proxy lacks several bucket settings the provider reads: put an {@link S3CompatProxy} in front of it.
 */
public final class S3Server implements AutoCloseable {
  /** Access key that s3proxy accepts (SigV2 or SigV4). */
  public static final String ACCESS_KEY = "test-access-key";
  /** Secret key matching {@link #ACCESS_KEY}. */
  public static final String SECRET_KEY = "test-secret-key";
  /** The region s3proxy reports and signatures must use. */
  public static final String REGION = "us-east-1";
  /** System property holding the path of s3proxy's jar-with-dependencies. */
  public static final String JAR_PROPERTY = "s3proxy.jar";

  private static final long START_TIMEOUT_MILLIS = 60_000;
  private static final int START_ATTEMPTS = 3;

  private final Process process;
  private final int port;
  private final Path workDir;
  private final Path log;
  private final Thread shutdownHook;

  private S3Server(Process process, int port, Path workDir, Path log) {
    this.process = process;
    this.port = port;
    this.workDir = workDir;
    this.log = log;
    this.shutdownHook = new Thread(this::stopProcess, "s3server-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts s3proxy on 127.0.0.1 and a free port, and waits until it answers HTTP.
   *
   * @return the running server; close it to stop the process
   * @throws IOException when the jar cannot be found or s3proxy does not come up (the message carries its log)
   */
  public static S3Server start() throws IOException {
    Path jar = locateJar();
    Path workDir = Files.createTempDirectory("s3server-");
    IOException last = null;
    // A free port found here may be taken before s3proxy binds it; then s3proxy exits and we try another.
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = freePort();
      Path log = workDir.resolve("s3proxy-" + attempt + ".log");
      Process process = launch(jar, workDir, port, log);
      try {
        awaitReady(process, port, log);
        return new S3Server(process, port, workDir, log);
      } catch (IOException e) {
        process.destroyForcibly();
        waitQuietly(process);
        last = e;
      }
    }
    throw last;
  }

  /** {@code http://127.0.0.1:<port>}: s3proxy itself. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The port s3proxy listens on. */
  public int port() {
    return port;
  }

  /** Whether the s3proxy process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** What s3proxy has printed so far, for failure messages. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** Stops s3proxy (its data is gone with it) and deletes its properties and log files. */
  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException ignored) {
      // the JVM is already shutting down and runs the hook itself
    }
    try (var files = Files.list(workDir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(workDir);
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }

  private void stopProcess() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Process launch(Path jar, Path workDir, int port, Path log) throws IOException {
    Path properties = workDir.resolve("s3proxy-" + port + ".properties");
    // transient: in-memory, supports versioning and encryption settings (the filesystem store rejects both).
    // No s3proxy.virtual-host: path-style addressing only, which is what Terraform is configured to use.
    Files.writeString(properties, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=transient",
        "jclouds.identity=unused",
        "jclouds.credential=unused",
        "jclouds.region=" + REGION,
        ""), StandardCharsets.UTF_8);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A small, quickly started JVM: the machine has 2 cores shared with Terraform and the provider.
    List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", jar.toString(), "org.gaul.s3proxy.Main", "--properties", properties.toString());
    // Output goes to a file, not a pipe, so a chatty s3proxy can never block on a full pipe.
    return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
  }

  private static void awaitReady(Process process, int port, Path log) throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("s3proxy exited with " + process.exitValue() + " on port " + port + ":\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      if (answersHttp(port)) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for s3proxy", e);
      }
    }
    throw new IOException("s3proxy did not answer on 127.0.0.1:" + port + " within " + START_TIMEOUT_MILLIS
        + " ms:\n" + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Whether something on the port answers with an HTTP status line (s3proxy says 403 to an anonymous GET). */
  private static boolean answersHttp(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      s.setSoTimeout(2_000);
      OutputStream out = s.getOutputStream();
      out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] start = in.readNBytes(5);
      return new String(start, StandardCharsets.US_ASCII).equals("HTTP/");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }

  static Path locateJar() throws IOException {
    String explicit = System.getProperty(JAR_PROPERTY);
    if (explicit != null && !explicit.isBlank() && !explicit.startsWith("${")) {
      Path jar = Path.of(explicit);
      if (Files.isRegularFile(jar)) {
        return jar;
      }
      throw new IOException(JAR_PROPERTY + " names " + jar + ", which is not a file");
    }
    for (String key : List.of("java.class.path", "surefire.test.class.path")) {
      String classpath = System.getProperty(key, "");
      for (String entry : classpath.split(File.pathSeparator)) {
        String name = Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName().toString();
        if (name.startsWith("s3proxy-") && name.endsWith("-jar-with-dependencies.jar")) {
          return Path.of(entry);
        }
      }
    }
    throw new IOException("s3proxy's jar-with-dependencies was not found: run through Maven (which sets -D"
        + JAR_PROPERTY + " from the org.gaul:s3proxy test dependency), or set -D" + JAR_PROPERTY + "=<path>");
  }

  private static void waitQuietly(Process process) {
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
