package com.acme.platform.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One run of {@code ./platform} as a user starts it: a separate process, its exit status and both streams.
 *
 * @param exitCode the exit status
 * @param out standard output
 * @param err standard error
 */
record LauncherRun(int exitCode, String out, String err) {
  /** What must never reach a user: exception names, Java package names, stack frames, Maven's error prefix. */
  static final Pattern JAVA_OR_MAVEN_LEAK = Pattern.compile("Exception|java\\.|\\tat |\\[ERROR\\]|BUILD FAILURE");

  private static final long TIMEOUT_SECONDS = 600;

  /** The repository root: the {@code platform.root} system property Maven sets, else the parent folder. */
  static Path repo() {
    String root = System.getProperty("platform.root");
    return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
  }

  /**
   * Runs {@code launcher} with {@code args} in {@code dir}.
   *
   * @param launcher the script (the repository's {@code platform}, or a copy)
   * @param dir the working directory
   * @param env variables set on top of this process's environment; a {@code null} value removes one
   * @param args the arguments
   * @return what happened
   */
  static LauncherRun of(Path launcher, Path dir, Map<String, String> env, String... args) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("launcher-out", ".txt");
    Path err = Files.createTempFile("launcher-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
      env.forEach((k, v) -> {
        if (v == null) {
          builder.environment().remove(k);
        } else {
          builder.environment().put(k, v);
        }
      });
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("./platform " + String.join(" ", args) + " did not end in " + TIMEOUT_SECONDS + " s");
      }
      return new LauncherRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Runs the repository's {@code ./platform} from the repository root. */
  static LauncherRun platform(Map<String, String> env, String... args) throws IOException, InterruptedException {
    return of(repo().resolve("platform"), repo(), env, args);
  }

  /** Both streams, for assertion messages. */
  String describe() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
