package com.acme.platform.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.List;

/** The table printed after a synthesis: what was written where, and where its state lives. */
public final class SynthSummary {
  private SynthSummary() {}

  /**
   * One stack.
   *
   * @param stackName the stack name
   * @param resources how many resources it declares
   * @param stateKey its state key in the state bucket
   * @param waived the stack's policy findings that a waiver accepts, one line each with the waiver's place and
   *     reason
   */
  public record Row(String stackName, int resources, String stateKey, List<String> waived) {
    /** Copies the list. */
    public Row {
      waived = List.copyOf(waived);
    }
  }

  /**
   * Formats the table, then the waived policy findings, one line each.
   *
   * @param rows the stacks
   * @param outdir the output folder, as the user should read it
   * @param millis how long the run took
   * @return the table, ending with a newline
   */
  public static String table(List<Row> rows, Path outdir, long millis) {
    int width = Math.max("stack".length(), rows.stream().mapToInt(r -> r.stackName().length()).max().orElse(0));
    String format = "%-" + width + "s  %9s  %s%n";
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, format, "stack", "resources", "state key"));
    int total = 0;
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, format, row.stackName(), row.resources(), row.stateKey()));
      total += row.resources();
    }
    out.append(String.format(Locale.ROOT, "Wrote %d stacks (%d resources) to %s/stacks/<stack>/cdk.tf.json in %.1f s%n",
        rows.size(), total, outdir, millis / 1000.0));
    int waived = rows.stream().mapToInt(r -> r.waived().size()).sum();
    if (waived > 0) {
      out.append(String.format(Locale.ROOT, "Policy: %d waived %s:%n", waived, waived == 1 ? "finding" : "findings"));
      for (Row row : rows) {
        row.waived().forEach(line -> out.append("  ").append(row.stackName()).append(": ").append(line).append('\n'));
      }
    }
    return out.toString();
  }
}
