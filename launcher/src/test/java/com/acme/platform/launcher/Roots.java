package com.acme.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Platform roots (environments/ and task-definitions/) for the launcher to work on, and their output. */
final class Roots {
  private Roots() {}

  /** A copy of the repository's environments/ and task-definitions/ in {@code target}. */
  static Path copyOfReference(Path target) throws IOException {
    for (String dir : new String[] {"environments", "task-definitions"}) {
      Path from = LauncherRun.repo().resolve(dir);
      try (Stream<Path> files = Files.walk(from)) {
        for (Path p : files.toList()) {
          Path to = target.resolve(dir).resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to);
          }
        }
      }
    }
    return target;
  }

  /** Every file under {@code dir} with its bytes, keyed by relative path. */
  static Map<String, byte[]> contents(Path dir) {
    Map<String, byte[]> all = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        all.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }
}
