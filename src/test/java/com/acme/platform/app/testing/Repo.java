package com.acme.platform.app.testing;

import com.acme.platform.terraform.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The repository under test and helpers for copies of it. */
public final class Repo {
  private Repo() {}

  /** The repository root: the {@code platform.root} system property Maven sets, else the parent of {@code src}. */
  public static Path root() {
    String root = System.getProperty("platform.root");
    Path path = root != null ? Path.of(root) : Path.of("..");
    return path.toAbsolutePath().normalize();
  }

  /**
   * Copies {@code environments/} and {@code task-definitions/} of the repository into {@code target}.
   *
   * @param target an empty folder
   * @return {@code target}
   */
  public static Path copyInputs(Path target) {
    return copyInputs(root(), target);
  }

  /**
   * Copies {@code environments/} and {@code task-definitions/} of another root (an example platform) into
   * {@code target}.
   *
   * @param from a folder that holds both
   * @param target an empty folder
   * @return {@code target}
   */
  public static Path copyInputs(Path from, Path target) {
    copyTree(from.resolve("environments"), target.resolve("environments"));
    copyTree(from.resolve("task-definitions"), target.resolve("task-definitions"));
    return target;
  }

  /**
   * Copies a folder tree.
   *
   * @param from the source
   * @param to the destination (created)
   */
  public static void copyTree(Path from, Path to) {
    try {
      FileTrees.copyTree(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every file under {@code dir} with its bytes, keyed by relative path, for byte-for-byte comparisons.
   *
   * @param dir a folder
   * @return relative path to content
   */
  public static Map<String, String> contents(Path dir) {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
        all.put(dir.relativize(p).toString(), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }
}
