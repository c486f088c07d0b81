package com.acme.platform.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds an offline filesystem mirror of the {@code hashicorp/aws} provider, so that {@code terraform init} runs
 * without the internet.
 *
 * <p>A mirror in Terraform's unpacked layout holds
 * {@code <root>/registry.terraform.io/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws_*}: the root is five
 * levels above the binary's folder. {@value #ENV} names the root explicitly; otherwise a few conventional folders are searched
 * (never a {@code .terraform} folder, whose copies belong to one working directory).
 */
public final class ProviderMirror {
  /** Environment variable naming the mirror root. */
  public static final String ENV = "TF_PROVIDER_MIRROR";
  private static final int PARENTS_OF_BINARY = 6;
  private static final String AWS = "registry.terraform.io/hashicorp/aws";

  private ProviderMirror() {}

  /**
   * The mirror root: {@value #ENV} when set, else the first mirror found under the conventional folders.
   *
   * @return the root, or empty when none is found (or {@value #ENV} names a folder without the AWS provider)
   */
  public static Optional<Path> find() {
    String explicit = System.getenv(ENV);
    if (explicit != null && !explicit.isBlank()) {
      Path root = Path.of(explicit);
      return Files.isDirectory(root.resolve(AWS)) ? Optional.of(root) : Optional.empty();
    }
    for (Path root : conventionalRoots()) {
      Optional<Path> found = search(root);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static List<Path> conventionalRoots() {
    String home = System.getProperty("user.home");
    return List.of(Path.of("/opt"), Path.of("/usr/local/share"), Path.of("/usr/share"),
        Path.of(home, ".terraform.d"), Path.of(home, ".local/share/terraform"));
  }

  /** Says where the mirror was looked for and how to provide one, for failure messages. */
  public static String howToConfigure() {
    String explicit = System.getenv(ENV);
    String where = explicit != null && !explicit.isBlank()
        ? ENV + "=" + explicit + " has no " + AWS + "/<version>/<os_arch>/terraform-provider-aws_*"
        : "no terraform-provider-aws_* binary in an unpacked mirror under " + conventionalRoots();
    return "provider mirror (hashicorp/aws 5.x): " + where + "; set " + ENV + " to the mirror root (the folder that"
        + " contains " + AWS + "/), or make one with `terraform providers mirror <root>` on a machine with internet"
        + " access";
  }

  static Optional<Path> search(Path root) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    List<Path> binaries = new ArrayList<>();
    try {
      Files.walkFileTree(root, java.util.Set.of(), 8, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          return name.equals(".terraform") || name.equals("node_modules") ? FileVisitResult.SKIP_SUBTREE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (file.getFileName().toString().startsWith("terraform-provider-aws_")) {
            binaries.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return binaries.stream().sorted().map(ProviderMirror::rootOf).filter(p -> p != null).findFirst();
  }

  private static Path rootOf(Path binary) {
    Path root = binary;
    for (int i = 0; i < PARENTS_OF_BINARY && root != null; i++) {
      root = root.getParent();
    }
    return root != null && root.resolve("registry.terraform.io").toFile().isDirectory() ? root : null;
  }
}
