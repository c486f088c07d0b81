package com.acme.platform.constructs.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's policy table lists every rule, in order, with the scanner ids and resource types of the code. */
class PolicyReadmeTest {
  private static final Path README = Path.of("../../README.md");

  @Test
  void readmeTable_matchesTheRules() throws IOException {
    String text = Files.readString(README);
    int start = text.indexOf("<!-- policy-rules -->");
    int end = text.indexOf("<!-- /policy-rules -->");
    assertThat(start).as("README.md has the policy table markers").isNotNegative();
    List<String> rows = text.substring(start, end).lines().filter(l -> l.startsWith("| `")).toList();

    List<String> expected = new ArrayList<>();
    for (PolicyRule r : PolicyRules.all()) {
      expected.add("| `" + r.id() + "` | " + code(r.checkovId()) + " | "
          + (r.tfsecId() == null ? "—" : "`" + r.tfsecId() + "` (" + r.trivyId() + ")") + " | " + r.title() + " ("
          + String.join(", ", r.resourceTypes().stream().map(t -> "`" + t + "`").toList()) + ") |");
    }
    List<String> actual = rows.stream().map(l -> l.substring(0, nthBar(l, 5) + 1)).toList();
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  private static String code(String id) {
    return id == null ? "—" : "`" + id + "`";
  }

  /** The index of the n-th {@code |} of a table row (the first is 1). */
  private static int nthBar(String row, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = row.indexOf('|', at + 1);
    }
    return at;
  }
}
