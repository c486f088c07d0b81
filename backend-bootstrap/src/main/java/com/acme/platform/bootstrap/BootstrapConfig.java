package com.acme.platform.bootstrap;

import com.acme.platform.app.config.ConfigException;
import com.acme.platform.app.config.ConfigLoader;
import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.PlatformConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the state buckets to bootstrap in the platform's own environment files, so a bucket is named in one place
 * only: every {@code stateBucket} and {@code registry.stateBucket} of {@code environments/*.json}, with the account
 * and region next to it.
 *
 * <p>The files are read by the platform app's own loader ({@link ConfigLoader}), so the bootstrap accepts exactly
 * what synth accepts and reports a problem in the same words; it refuses to create buckets for a configuration that
 * synth would reject.
 */
public final class BootstrapConfig {
  private BootstrapConfig() {}

  /**
   * Reads the platform's input under {@code platformRoot}.
   *
   * @param platformRoot the folder with {@code environments/} and {@code task-definitions/}
   * @return the buckets, sorted by name
   * @throws IllegalArgumentException with the loader's problems (file, field, value and what is allowed), or naming
   *     the files when two of them give one bucket different accounts or regions
   */
  public static List<BootstrapTarget> load(Path platformRoot) {
    ConfigLoader.Loaded loaded = new ConfigLoader(platformRoot).read();
    if (!loaded.errors().isEmpty()) {
      throw new IllegalArgumentException(new ConfigException(loaded.errors()).getMessage());
    }
    Map<String, BootstrapTarget> byBucket = new TreeMap<>();
    Map<String, String> firstFile = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (EnvironmentConfig env : loaded.config().environments()) {
      String file = PlatformConfig.fileOf(env);
      add(file, "", new BootstrapTarget(env.accountId(), env.region(), env.stateBucket()), byBucket, firstFile,
          problems);
      EnvironmentConfig.RegistryConfig registry = env.registry();
      add(file, "registry.", new BootstrapTarget(registry.accountId(), registry.region(), registry.stateBucket()),
          byBucket, firstFile, problems);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return List.copyOf(byBucket.values());
  }

  private static void add(String file, String prefix, BootstrapTarget target, Map<String, BootstrapTarget> byBucket,
      Map<String, String> firstFile, List<String> problems) {
    String bucket = target.bucketName();
    BootstrapTarget known = byBucket.putIfAbsent(bucket, target);
    firstFile.putIfAbsent(bucket, file);
    if (known != null && !known.equals(target)) {
      problems.add(file + ": " + prefix + "stateBucket: \"" + bucket + "\" is in account " + target.accountId()
          + " / " + target.region() + " here but in account " + known.accountId() + " / " + known.region() + " in "
          + firstFile.get(bucket) + "; a bucket lives in one account and region");
    }
  }
}
