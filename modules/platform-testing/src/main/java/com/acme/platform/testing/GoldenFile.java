package com.acme.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files: synthesized JSON compared with a file under version control, key order and indentation aside.
 *
 * <p>Run the tests with {@code -Dsnapshot.update=true} ({@value #UPDATE_PROPERTY}) to write the files instead of
 * comparing, then review the diff like code before committing it. A missing file fails the test (it is never
 * created silently), so a golden file cannot go missing unnoticed.
 */
public final class GoldenFile {
  /** The system property that switches from comparing to rewriting; Maven passes {@code -D} values on to tests. */
  public static final String UPDATE_PROPERTY = "snapshot.update";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private GoldenFile() {}

  /**
   * Compares {@code actual} with {@code file}, or rewrites the file when {@value #UPDATE_PROPERTY} is
   * {@code true}.
   *
   * @param file the golden file, for example {@code src/test/resources/snapshots/orders.json}
   * @param actual the synthesized JSON, for example {@link SynthesizedStack#json()}
   * @throws AssertionFailedError when the file is missing or differs; the error carries both texts, so IDEs show
   *     a diff
   * @throws IOException when the file cannot be read or written
   */
  public static void assertMatches(Path file, JsonNode actual) throws IOException {
    String actualText = render(actual);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, actualText);
      return;
    }
    if (!Files.exists(file)) {
      throw new AssertionFailedError("no golden file " + file + "; create it with -D" + UPDATE_PROPERTY
          + "=true (for example mvn -B -ntp test -D" + UPDATE_PROPERTY + "=true), then review it");
    }
    JsonNode expected = MAPPER.readTree(file.toFile());
    if (!expected.equals(actual)) {
      throw new AssertionFailedError("synthesized JSON differs from " + file + "; if the change is intended,"
          + " regenerate with -D" + UPDATE_PROPERTY + "=true and review the diff", render(expected), actualText);
    }
  }

  private static String render(JsonNode json) throws IOException {
    return MAPPER.writeValueAsString(MAPPER.treeToValue(json, Object.class)) + "\n";
  }
}
