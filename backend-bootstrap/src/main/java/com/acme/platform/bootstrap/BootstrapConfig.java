package com.acme.platform.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the state buckets to bootstrap in the platform's own environment files, so a bucket is named in one place
 * only: every {@code stateBucket} and {@code registry.stateBucket} of {@code environments/*.json}, with the account
 * and region next to it.
 *
 * <p>Only these fields are read; the platform app validates the rest of each file.
 */
public final class BootstrapConfig {
  // Duplicate keys are errors here as in the platform app: a bucket must never be read from the "other" copy.
  private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private BootstrapConfig() {}

  /**
   * Reads every environment file under {@code environmentsDir}.
   *
   * @param environmentsDir the {@code environments/} folder
   * @return the buckets, sorted by name
   * @throws IllegalArgumentException naming the file and field when a value is missing or when two files give one
   *     bucket different accounts or regions
   */
  public static List<BootstrapTarget> load(Path environmentsDir) {
    Map<String, BootstrapTarget> byBucket = new TreeMap<>();
    Map<String, String> firstFile = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Path file : files(environmentsDir)) {
      String name = "environments/" + file.getFileName();
      JsonNode env;
      try {
        env = MAPPER.readTree(file.toFile());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        problems.add(name + ": cannot be read as JSON (" + e.getOriginalMessage().lines().findFirst().orElse("")
            + "); the platform synth reports the exact problem");
        continue;
      } catch (IOException e) {
        problems.add(name + ": cannot be read: " + e.getMessage());
        continue;
      }
      add(name, "", env, byBucket, firstFile, problems);
      if (env.has("registry")) {
        add(name, "registry.", env.get("registry"), byBucket, firstFile, problems);
      }
    }
    if (byBucket.isEmpty() && problems.isEmpty()) {
      problems.add(environmentsDir + ": no environment files with a stateBucket");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return List.copyOf(byBucket.values());
  }

  private static void add(String file, String prefix, JsonNode node, Map<String, BootstrapTarget> byBucket,
      Map<String, String> firstFile, List<String> problems) {
    String bucket = text(node, "stateBucket");
    String account = text(node, "accountId");
    String region = text(node, "region");
    for (String[] field : new String[][] {{"stateBucket", bucket}, {"accountId", account}, {"region", region}}) {
      if (field[1] == null) {
        problems.add(file + ": " + prefix + field[0] + " is required");
      }
    }
    if (bucket == null || account == null || region == null) {
      return;
    }
    BootstrapTarget target = new BootstrapTarget(account, region, bucket);
    BootstrapTarget known = byBucket.putIfAbsent(bucket, target);
    firstFile.putIfAbsent(bucket, file);
    if (known != null && !known.equals(target)) {
      problems.add(file + ": " + prefix + "stateBucket \"" + bucket + "\" is in account " + account + " / " + region
          + " here but in account " + known.accountId() + " / " + known.region() + " in " + firstFile.get(bucket)
          + "; a bucket lives in one account and region");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": cannot list environment files: " + e.getMessage(), e);
    }
  }
}
