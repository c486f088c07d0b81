package com.acme.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md section 0: only this module calls {@code com.hashicorp.cdktf.Testing}, so that a move to cdktf's
 * community continuation changes package names in one place.
 */
class OnlyCallerOfTestingTest {
  private static final Pattern CALL = Pattern.compile("import\\s+com\\.hashicorp\\.cdktf\\.Testing\\s*;"
      + "|\\bTesting\\.(app|synth|fullSynth|synthScope|to[A-Z]\\w*)\\(");
  private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", "cdktf.out", ".terraform");

  @Test
  void javaSources_outsidePlatformTesting_neverCallCdktfTesting() throws IOException {
    Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
    Path ours = root.resolve("modules/platform-testing");
    assertThat(root.resolve("modules/platform-testing")).as("run from modules/platform-testing").isDirectory();

    List<Path> offending;
    try (Stream<Path> files = Files.walk(root)) {
      offending = files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(ours))
          .filter(f -> Stream.of(root.relativize(f).toString().split("/")).noneMatch(SKIPPED::contains))
          .filter(OnlyCallerOfTestingTest::callsTesting)
          .map(root::relativize).toList();
    }

    assertThat(offending).as("use com.acme.platform.testing (SynthesizedStack, GoldenFile, OfflineTerraform)")
        .isEmpty();
  }

  private static boolean callsTesting(Path file) {
    try {
      return CALL.matcher(Files.readString(file)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
