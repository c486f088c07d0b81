package com.acme.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class GoldenFileTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path tmp;

  @AfterEach
  void compareAgain() {
    System.clearProperty(GoldenFile.UPDATE_PROPERTY);
  }

  @Test
  void assertMatches_sameJsonOtherKeyOrder_passes() throws IOException {
    Path file = tmp.resolve("stack.json");
    Files.writeString(file, "{\n  \"b\" : 1,\n  \"a\" : [ \"x\" ]\n}\n");

    GoldenFile.assertMatches(file, json("{\"a\": [\"x\"], \"b\": 1}"));
  }

  @Test
  void fails_assertMatches_differentJson_carriesBothTextsAndHowToUpdate() throws IOException {
    Path file = tmp.resolve("stack.json");
    Files.writeString(file, "{\"a\": 1}");

    assertThatThrownBy(() -> GoldenFile.assertMatches(file, json("{\"a\": 2}")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("synthesized JSON differs from " + file)
        .hasMessageContaining("-Dsnapshot.update=true")
        .satisfies(e -> {
          AssertionFailedError failure = (AssertionFailedError) e;
          assertThat(failure.getExpected().getStringRepresentation()).isEqualTo("{\n  \"a\" : 1\n}\n");
          assertThat(failure.getActual().getStringRepresentation()).isEqualTo("{\n  \"a\" : 2\n}\n");
        });
  }

  @Test
  void fails_assertMatches_missingFile_saysHowToCreateIt() {
    Path file = tmp.resolve("missing.json");

    assertThatThrownBy(() -> GoldenFile.assertMatches(file, json("{}")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("no golden file " + file + "; create it with -Dsnapshot.update=true");
    assertThat(file).doesNotExist();
  }

  @Test
  void assertMatches_updateSwitch_rewritesFileSortedAndIndented() throws IOException {
    Path file = tmp.resolve("snapshots/stack.json");
    System.setProperty(GoldenFile.UPDATE_PROPERTY, "true");

    GoldenFile.assertMatches(file, json("{\"b\": 2, \"a\": {\"d\": 1, \"c\": 0}}"));

    assertThat(file).hasContent("{\n  \"a\" : {\n    \"c\" : 0,\n    \"d\" : 1\n  },\n  \"b\" : 2\n}\n");
    System.clearProperty(GoldenFile.UPDATE_PROPERTY);
    GoldenFile.assertMatches(file, json("{\"a\": {\"c\": 0, \"d\": 1}, \"b\": 2}"));
  }

  private static JsonNode json(String text) throws IOException {
    return MAPPER.readTree(text);
  }
}
