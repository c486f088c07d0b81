package com.acme.platform.app.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/snapshots/}. {@code mvn test -Dsnapshot.update=true} rewrites them;
 * review the diff like code before committing.
 */
public final class Snapshots {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Snapshots() {}

  /**
   * Compares {@code actual} with the golden file {@code name}, or rewrites the file in update mode.
   *
   * @param name the file name under {@code snapshots/}
   * @param actual the synthesized JSON
   * @throws IOException when the file cannot be read or written
   */
  public static void assertMatches(String name, JsonNode actual) throws IOException {
    Path file = Repo.root().resolve("src/test/resources/snapshots").resolve(name);
    if (Boolean.getBoolean("snapshot.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, MAPPER.writeValueAsString(MAPPER.treeToValue(actual, Object.class)) + "\n");
      return;
    }
    if (!Files.exists(file)) {
      fail("no snapshot " + file + "; create it with: mvn -B -ntp test -Dsnapshot.update=true (then review it)");
    }
    JsonNode expected = MAPPER.readTree(file.toFile());
    if (!expected.equals(actual)) {
      assertEquals(MAPPER.writeValueAsString(MAPPER.treeToValue(expected, Object.class)),
          MAPPER.writeValueAsString(MAPPER.treeToValue(actual, Object.class)),
          "synthesized JSON differs from " + file + "; if the change is intended, regenerate with"
              + " mvn -B -ntp test -Dsnapshot.update=true and review the diff");
    }
  }
}
