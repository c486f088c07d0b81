package com.acme.platform.bootstrap.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the offline filesystem mirror of the {@code hashicorp/aws} provider, so {@code terraform init} never needs
 * the internet (only package registries are reachable from these machines, and the Terraform registry is not one).
 *
 * <p>A mirror in Terraform's unpacked layout holds
 * {@code <root>/registry.terraform.io/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws_*}, so the root is
 * five levels above the binary's folder. {@value #ENV} names the root; otherwise a few conventional folders are searched,
 * skipping {@code .terraform} folders (their copies belong to one working directory and are not a mirror).
 */
public final class ProviderMirror {
  /** Environment variable naming the mirror root. */
  public static final String ENV = "TF_PROVIDER_MIRROR";

  private ProviderMirror() {}

  /**
   * The mirror root.
   *
   * @throws IllegalStateException when no mirror is found, saying how to provide one
   */
  public static Path root() {
    String explicit = System.getenv(ENV);
    if (explicit != null && !explicit.isBlank()) {
      Path root = Path.of(explicit);
      if (!Files.isDirectory(root.resolve("registry.terraform.io"))) {
        throw new IllegalStateException(ENV + "=" + explicit + " has no registry.terraform.io/ folder; it must name"
            + " the mirror root that contains registry.terraform.io/hashicorp/aws/<version>/<os_arch>/");
      }
      return root;
    }
    Path home = Path.of(System.getProperty("user.home"));
    List<Path> searched = List.of(Path.of("/opt"), Path.of("/usr/local/share"), Path.of("/usr/share"),
        home.resolve(".terraform.d"));
    for (Path folder : searched) {
      for (Path binary : awsProviderBinaries(folder)) {
        Path root = binary.getParent();
        for (int i = 0; i < 5 && root != null; i++) {
          root = root.getParent();
        }
        if (root != null && Files.isDirectory(root.resolve("registry.terraform.io"))) {
          return root;
        }
      }
    }
    throw new IllegalStateException("no offline mirror of the hashicorp/aws provider found (searched " + searched
        + " for terraform-provider-aws_*): set " + ENV + " to the mirror root, the folder that contains"
        + " registry.terraform.io/hashicorp/aws/<version>/<os_arch>/");
  }

  private static List<Path> awsProviderBinaries(Path folder) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return found;
    }
    try {
      Files.walkFileTree(folder, Set.of(), 8, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          Path name = dir.getFileName();
          return name != null && (name.toString().equals(".terraform") || name.toString().equals("node_modules"))
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (file.getFileName().toString().startsWith("terraform-provider-aws_")) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return found;
    }
    found.sort(null);
    return found;
  }
}
