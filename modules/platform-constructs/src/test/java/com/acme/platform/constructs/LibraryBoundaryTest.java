package com.acme.platform.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the library importable by other teams: no environment names, no file access, no entry point and no
 * providers or backends created inside constructs (STYLE.md sections 1 and 9). Reads the library's own sources.
 */
class LibraryBoundaryTest {
  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void sources_mentionNoEnvironmentName() throws IOException {
    assertThat(offending(Pattern.compile("(?i)\\b(staging|production|prod)\\b"))).isEmpty();
  }

  @Test
  void sources_readNoFiles() throws IOException {
    assertThat(offending(Pattern.compile("java\\.nio\\.file|java\\.io\\.File|FileReader|FileInputStream")))
        .isEmpty();
  }

  @Test
  void sources_haveNoMainMethod() throws IOException {
    assertThat(offending(Pattern.compile("static\\s+void\\s+main\\s*\\("))).isEmpty();
  }

  @Test
  void constructs_createNoProviderBackendOrOutput() throws IOException {
    List<String> found = offending(Pattern.compile("AwsProvider\\.Builder|new AwsProvider|TerraformOutput"
        + "|LocalBackend"));
    // RemoteState is the one helper that writes a backend, and it is called by apps on their stacks.
    found.removeIf(line -> line.startsWith("com/acme/platform/constructs/state/RemoteState.java"));
    // StackConventions is the one helper that writes the provider; apps call it on their own stacks.
    found.removeIf(line -> line.startsWith("com/acme/platform/constructs/stack/StackConventions.java"));
    assertThat(found).isEmpty();
  }

  @Test
  void sources_scanned_areTheLibrary() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(20);
    }
  }

  private static List<String> offending(Pattern pattern) throws IOException {
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = pattern.matcher(lines.get(i));
          if (m.find()) {
            hits.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    return hits;
  }
}
