package com.acme.platform.artifactcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The artifacts of a {@code dependency:list} output file, by {@code groupId:artifactId[:classifier]}, with their
 * versions, and the comparison of two such lists.
 */
final class ResolvedVersions {
  private ResolvedVersions() {}

  /**
   * Reads lines such as {@code    com.hashicorp:cdktf:jar:0.19.2:compile -- module cdktf (auto)}.
   *
   * @param file the output of {@code dependency:list -DoutputFile=...}
   * @return artifact key to version
   * @throws IOException when the file cannot be read
   */
  static Map<String, String> read(Path file) throws IOException {
    Map<String, String> versions = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("   ") || line.isBlank()) {
        continue;
      }
      String[] parts = line.strip().split("\\s+")[0].split(":");
      if (parts.length == 5) {         // groupId:artifactId:type:version:scope
        versions.put(parts[0] + ":" + parts[1], parts[3]);
      } else if (parts.length == 6) {  // groupId:artifactId:type:classifier:version:scope
        versions.put(parts[0] + ":" + parts[1] + ":" + parts[3], parts[4]);
      }
    }
    return versions;
  }

  /**
   * What differs between the versions our build tests with and what a consumer resolves, one readable line each.
   *
   * @param ours the reactor's versions
   * @param consumer the consumer's versions
   * @param sameArtifacts whether the consumer must resolve exactly our artifacts (it declares all of them), or may
   *     resolve a subset (it declares some)
   * @return the differences; empty when the consumer gets exactly what we test with
   */
  static List<String> differences(Map<String, String> ours, Map<String, String> consumer, boolean sameArtifacts) {
    List<String> problems = new ArrayList<>();
    Set<String> all = new TreeSet<>(ours.keySet());
    all.addAll(consumer.keySet());
    for (String artifact : all) {
      String expected = ours.get(artifact);
      String actual = consumer.get(artifact);
      if (expected == null) {
        problems.add(artifact + ": the consumer resolves " + actual + ", but our build does not use this artifact");
      } else if (actual == null) {
        if (sameArtifacts) {
          problems.add(artifact + ": our build tests with " + expected + ", the consumer does not get it at all");
        }
      } else if (!expected.equals(actual)) {
        problems.add(artifact + ": our build tests with " + expected + ", the consumer resolves " + actual);
      }
    }
    return problems;
  }
}
