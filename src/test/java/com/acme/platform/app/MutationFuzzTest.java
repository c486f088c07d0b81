package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.GoodOutput;
import com.acme.platform.app.testing.JsonPaths;
import com.acme.platform.app.testing.Repo;
import com.acme.platform.app.testing.SynthRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of the real input files (a deleted key or list entry, a value swapped for one of another kind, a
 * truncated file) never crash the synthesis, never print Java names, and never leave partial output: every run
 * either succeeds with complete output or fails cleanly with the previous {@code cdktf.out} untouched.
 *
 * <p>The mutations are drawn from a seeded random generator: {@code -Dfuzz.seed=<n>} replays a run, and
 * {@code -Dfuzz.iterations=<n>} changes how many (default {@value #DEFAULT_ITERATIONS}). Each failure message
 * starts with the seed, the iteration and the mutation; {@code -Dfuzz.print=true} prints every mutation and what
 * the run reported, to review the messages.
 */
class MutationFuzzTest {
  static final long DEFAULT_SEED = 20_240_611L;
  static final int DEFAULT_ITERATIONS = 150;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Replacement values of every JSON kind, including the edge cases of each. */
  private static final List<JsonNode> VALUES = List.of(NODES.textNode("TWO"), NODES.textNode(""),
      NODES.textNode("10.0.0.0/8"), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(42),
      NODES.numberNode(99_999_999_999L), NODES.numberNode(1.5), NODES.booleanNode(true), NODES.objectNode(),
      NODES.arrayNode(), NODES.nullNode());

  @TempDir
  Path tmp;

  @Test
  void randomMutations_neverCrashNorLeavePartialOutput() throws IOException {
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    int iterations = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
    Random random = new Random(seed);
    Path repo = Repo.copyInputs(tmp.resolve("repo"));
    Map<String, String> originals = inputs(repo);
    List<String> files = new ArrayList<>(originals.keySet());
    Map<String, String> good = GoodOutput.contents();
    int succeeded = 0;
    for (int i = 0; i < iterations; i++) {
      originals.forEach((file, text) -> write(repo.resolve(file), text));
      GoodOutput.copyInto(repo);
      String file = files.get(random.nextInt(files.size()));
      String mutation = mutate(repo.resolve(file), originals.get(file), random);
      String context = "seed " + seed + ", iteration " + i + ": " + file + ": " + mutation
          + " (replay with -Dfuzz.seed=" + seed + ")";
      SynthRun run;
      try {
        run = SynthRun.of(repo);
      } catch (RuntimeException | Error e) {
        throw new AssertionError(context + ": the run crashed", e);
      }
      if (Boolean.getBoolean("fuzz.print")) {
        System.out.println(context + "\n" + run.err());
      }
      if (run.exitCode() == 0) {
        succeeded++;
        assertCompleteOutput(repo, run, good, context);
      } else {
        run.assertCleanFailure(repo, good, context);
      }
    }
    System.out.printf("fuzz: seed %d, %d mutations: %d stayed valid, %d rejected cleanly%n", seed, iterations,
        succeeded, iterations - succeeded);
    // A generator whose every mutation is rejected (or accepted) would test only half of the promise.
    assertThat(succeeded).as("mutations that stayed valid, of " + iterations).isBetween(1, iterations - 1);
  }

  /** A mutation that keeps the input valid must give the same stacks as the good run, each one whole. */
  private static void assertCompleteOutput(Path repo, SynthRun run, Map<String, String> good, String context)
      throws IOException {
    assertThat(run.err()).as(context).isEmpty();
    assertThat(run.out()).as(context).contains("Wrote 3 stacks");
    Map<String, String> written = Repo.contents(repo.resolve("cdktf.out"));
    assertThat(written.keySet()).as(context + ": output files").isEqualTo(good.keySet());
    for (Map.Entry<String, String> entry : written.entrySet()) {
      if (entry.getKey().endsWith(".json")) {
        assertThat(MAPPER.readTree(entry.getValue())).as(context + ": " + entry.getKey()).isNotNull();
      }
    }
    assertThat(SynthRun.leftovers(repo)).as(context).isEmpty();
  }

  /** Applies one random mutation to a file and says what it did. */
  private static String mutate(Path file, String original, Random random) throws IOException {
    int kind = random.nextInt(10);
    if (kind < 2) {
      int cut = random.nextInt(original.length());
      write(file, original.substring(0, cut));
      return "truncated to " + cut + " of " + original.length() + " characters";
    }
    JsonNode root = MAPPER.readTree(original);
    List<String> paths = JsonPaths.all(root);
    String path = paths.get(random.nextInt(paths.size()));
    String what;
    if (kind < 5) {
      JsonPaths.remove(root, path);
      what = "deleted " + path;
    } else {
      JsonNode current = JsonPaths.get(root, path);
      JsonNode replacement;
      do {
        replacement = VALUES.get(random.nextInt(VALUES.size()));
      } while (replacement.getNodeType() == current.getNodeType() && replacement.equals(current));
      JsonPaths.set(root, path, replacement.deepCopy());
      what = "set " + path + " to " + replacement;
    }
    write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    return what;
  }

  private static Map<String, String> inputs(Path repo) throws IOException {
    Map<String, String> texts = new TreeMap<>();
    for (String dir : List.of("environments", "task-definitions")) {
      try (Stream<Path> files = Files.list(repo.resolve(dir))) {
        for (Path f : files.sorted().toList()) {
          texts.put(dir + "/" + f.getFileName(), Files.readString(f));
        }
      }
    }
    return texts;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
