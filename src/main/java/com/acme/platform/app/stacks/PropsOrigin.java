package com.acme.platform.app.stacks;

import com.acme.platform.app.config.ConfigError;
import com.acme.platform.constructs.core.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the fields of one props object came from in the input files, so that a props problem is reported at the
 * user's file and field ({@code environments/staging.json: network.cidr: ...}) rather than at the props field
 * ({@code PlatformVpcProps.cidrBlock}), which users never wrote.
 *
 * <p>A props field maps to a field path, in the entry's file or in another one (container definitions come from a
 * task definition file). Deeper props fields keep their tail: with {@code containerDefinitions} mapped to
 * {@code task-definitions/api.json} and {@code ""}, {@code containerDefinitions[1].image} becomes {@code [1].image}
 * there. Fields without a mapping are reported at the entry with the props type's own name, so nothing is lost.
 */
public final class PropsOrigin {
  private final String file;
  private final String at;
  private final Map<String, Target> fields = new LinkedHashMap<>();

  private PropsOrigin(String file, String at) {
    this.file = file;
    this.at = at;
  }

  /** Where a props field is reported. */
  private record Target(String file, String path) {}

  /**
   * Starts an origin.
   *
   * @param file the input file of the entry, relative to the repository root
   * @param at the entry's path in the file, for example {@code services[1]}; unmapped problems are reported here
   * @return the origin, without field mappings
   */
  public static PropsOrigin of(String file, String at) {
    return new PropsOrigin(file, at);
  }

  /**
   * Maps a props field to a field path of the entry's file.
   *
   * @param propsField the props field, for example {@code cidrBlock}
   * @param path the user's field path, for example {@code network.cidr}
   * @return this origin
   */
  public PropsOrigin field(String propsField, String path) {
    return field(propsField, file, path);
  }

  /**
   * Maps a props field to a field path of another file.
   *
   * @param propsField the props field, for example {@code containerDefinitions}
   * @param otherFile the file, relative to the repository root
   * @param path the field path there; {@code ""} for the whole file
   * @return this origin
   */
  public PropsOrigin field(String propsField, String otherFile, String path) {
    fields.put(propsField, new Target(otherFile, path));
    return this;
  }

  /**
   * The problem as the user should read it.
   *
   * @param subject the props type (or construct) the problem was found in
   * @param problem the problem
   * @return the problem, tied to a file and field
   */
  ConfigError locate(String subject, Problem problem) {
    String best = null;
    for (String key : fields.keySet()) {
      if (isPrefix(key, problem.field()) && (best == null || key.length() > best.length())) {
        best = key;
      }
    }
    if (best == null) {
      return new ConfigError(file, at, subject + "." + problem);
    }
    Target target = fields.get(best);
    String tail = problem.field().substring(best.length());
    String path = target.path().isEmpty() && tail.startsWith(".") ? tail.substring(1) : target.path() + tail;
    return new ConfigError(target.file(), path, problem.message());
  }

  private static boolean isPrefix(String key, String field) {
    return field.equals(key) || field.startsWith(key + ".") || field.startsWith(key + "[");
  }
}
