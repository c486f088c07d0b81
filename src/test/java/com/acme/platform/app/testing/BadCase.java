package com.acme.platform.app.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One bad input of {@code src/test/resources/bad/<name>/case.json}: edits of the real input files and the problem
 * lines the run must print. The format is described in {@code src/test/resources/bad/README.md}.
 *
 * @param name the case's folder name
 * @param about what is wrong, in a sentence
 * @param edits the edits, applied in order
 * @param expect one fragment per problem line the run must print
 */
public record BadCase(String name, String about, List<JsonNode> edits, List<String> expect) {
  /** Where the cases live. */
  public static final Path FOLDER = Repo.root().resolve("src/test/resources/bad");
  private static final Set<String> KEYS = Set.of("about", "edits", "expect");
  private static final Set<String> EDIT_KINDS = Set.of("set", "remove", "replace", "cutAfter", "write", "delete");
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();
  private static final ObjectMapper PRETTY = new ObjectMapper();

  /** Every case, sorted by name. */
  public static List<BadCase> all() {
    try (Stream<Path> dirs = Files.list(FOLDER)) {
      List<BadCase> cases = new ArrayList<>();
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        cases.add(read(dir));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one case.
   *
   * @param name the case's folder name
   * @return the case
   */
  public static BadCase named(String name) {
    return read(FOLDER.resolve(name));
  }

  private static BadCase read(Path dir) {
    String name = dir.getFileName().toString();
    try {
      JsonNode root = MAPPER.readTree(dir.resolve("case.json").toFile());
      root.fieldNames().forEachRemaining(k -> require(KEYS.contains(k), name, "unknown key " + k));
      require(root.path("about").isTextual(), name, "\"about\" must be a sentence");
      require(root.path("edits").isArray() && !root.path("edits").isEmpty(), name, "\"edits\" must be a list");
      require(root.path("expect").isArray() && !root.path("expect").isEmpty(), name, "\"expect\" must be a list");
      List<JsonNode> edits = new ArrayList<>();
      root.get("edits").forEach(edits::add);
      List<String> expect = new ArrayList<>();
      root.get("expect").forEach(e -> expect.add(e.textValue()));
      return new BadCase(name, root.get("about").textValue(), edits, expect);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve("case.json"), e);
    }
  }

  /**
   * Applies the edits to a repository copy.
   *
   * @param repo the copy's root
   */
  public void applyTo(Path repo) {
    for (JsonNode edit : edits) {
      Path file = repo.resolve(edit.path("file").asText());
      List<String> kinds = EDIT_KINDS.stream().filter(edit::has).toList();
      require(edit.path("file").isTextual() && kinds.size() == 1, name, "each edit has a file and one of "
          + EDIT_KINDS + ": " + edit);
      try {
        switch (kinds.get(0)) {
          case "set" -> {
            JsonNode doc = PRETTY.readTree(file.toFile());
            JsonPaths.set(doc, edit.get("set").asText(), edit.get("to"));
            write(file, PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
          }
          case "remove" -> {
            JsonNode doc = PRETTY.readTree(file.toFile());
            JsonPaths.remove(doc, edit.get("remove").asText());
            write(file, PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
          }
          case "replace" -> {
            String text = Files.readString(file);
            String from = edit.get("replace").asText();
            require(text.indexOf(from) >= 0 && text.indexOf(from) == text.lastIndexOf(from), name,
                "\"replace\" text must occur exactly once in " + file.getFileName() + ": " + from);
            write(file, text.replace(from, edit.path("with").asText()));
          }
          case "cutAfter" -> {
            String text = Files.readString(file);
            String marker = edit.get("cutAfter").asText();
            require(text.contains(marker), name, "\"cutAfter\" text not found: " + marker);
            write(file, text.substring(0, text.indexOf(marker) + marker.length()));
          }
          case "write" -> write(file, edit.get("write").asText());
          default -> Files.delete(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(name + ": cannot apply " + edit, e);
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void require(boolean ok, String name, String message) {
    if (!ok) {
      throw new IllegalArgumentException("bad/" + name + "/case.json: " + message);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
