package com.acme.platform.app.testing;

import com.acme.platform.testing.GoldenFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The app's golden files under {@code src/test/resources/snapshots/}, through platform-testing's {@link GoldenFile}:
 * {@code mvn test -Dsnapshot.update=true} rewrites them; review the diff like code before committing.
 */
public final class Snapshots {
  private Snapshots() {}

  /**
   * Compares {@code actual} with the golden file {@code name}, or rewrites the file in update mode.
   *
   * @param name the file name under {@code snapshots/}
   * @param actual the synthesized JSON
   * @throws IOException when the file cannot be read or written
   */
  public static void assertMatches(String name, JsonNode actual) throws IOException {
    GoldenFile.assertMatches(Repo.root().resolve("src/test/resources/snapshots").resolve(name), actual);
  }
}
