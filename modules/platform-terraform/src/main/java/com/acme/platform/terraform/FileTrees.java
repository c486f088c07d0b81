package com.acme.platform.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies and deletes folder trees: the synthesizer's staging folder and the check's private copies of stacks. */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Copies a folder tree; symbolic links are copied as links, never followed.
   *
   * @param from the source folder
   * @param to the destination (created, with parents)
   * @throws IOException when a file cannot be copied
   */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  /**
   * Deletes a folder tree. Symbolic links are deleted, not followed, so a link into a shared provider mirror never
   * deletes the mirror.
   *
   * @param dir the folder; nothing happens when it does not exist
   * @throws IOException when a file cannot be deleted
   */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
