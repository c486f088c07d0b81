package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 asks that every waiver of the example platforms is listed in the README with its reason: the README's
 * table between {@code <!-- example-waivers -->} markers must hold exactly the waivers written in
 * {@code examples/<name>/environments/*.json}, row for row.
 */
class ExampleWaiversReadmeTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void readmeTable_listsExactlyTheExamplesWaivers_withTheirReasons() throws IOException {
    Path root = Repo.root();
    List<String> written = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root.resolve("examples"), 3)) {
      files = s.filter(p -> p.getParent().getFileName().toString().equals("environments"))
          .filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode policy = MAPPER.readTree(file.toFile()).path("policy");
      for (String list : List.of("waivers", "registryWaivers")) {
        for (JsonNode w : policy.path(list)) {
          written.add("| `" + root.relativize(file) + "` | `" + w.path("resource").asText() + "` | `"
              + w.path("rule").asText() + "` | " + w.path("reason").asText() + " |");
        }
      }
    }
    String readme = Files.readString(root.resolve("README.md"));
    String table = readme.substring(readme.indexOf("<!-- example-waivers -->"),
        readme.indexOf("<!-- /example-waivers -->"));
    List<String> listed = table.lines().filter(l -> l.startsWith("| `examples/")).toList();

    assertThat(written).as("waivers in examples/*/environments").isNotEmpty();
    assertThat(listed).as("README rows between <!-- example-waivers --> markers").containsExactlyElementsOf(written);
  }
}
