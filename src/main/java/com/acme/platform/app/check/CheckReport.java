package com.acme.platform.app.check;

import com.acme.platform.terraform.StackResult;
import java.util.Locale;
import java.util.List;
import java.util.Objects;

/** The check's printed report: a table with one row per stack, then Terraform's own lines for what failed. */
public final class CheckReport {
  private static final String[] HEADER = {"stack", "to add", "init", "validate", "plan", "network", "seconds"};

  private CheckReport() {}

  /**
   * The table and the one-line verdict, for standard output.
   *
   * @param results one per stack
   * @param parallelism how many stacks ran at once
   * @param seconds how long the whole check took
   * @return the text, ending with a newline
   */
  public static String table(List<StackResult> results, int parallelism, double seconds) {
    int width = Math.max(HEADER[0].length(), results.stream().mapToInt(r -> r.stack().length()).max().orElse(0));
    String format = "%-" + width + "s  %6s  %-6s  %-8s  %-6s  %7s  %7s%n";
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, format, (Object[]) HEADER));
    for (StackResult r : results) {
      out.append(String.format(Locale.ROOT, format, r.stack(), Objects.toString(r.resourcesToAdd(), "-"), r.init().label(),
          r.validate().label(), r.plan().label(), r.networkAttempts().size(), String.format(Locale.ROOT, "%.1f", r.seconds())));
    }
    List<String> failed = results.stream().filter(r -> !r.passed()).map(StackResult::stack).toList();
    if (failed.isEmpty()) {
      int toAdd = results.stream().mapToInt(StackResult::resourcesToAdd).sum();
      out.append(String.format(Locale.ROOT, "All %d stacks plan offline: %d resources to add, no network request, %d at a time,"
          + " %.1f s.%n", results.size(), toAdd, parallelism, seconds));
    } else {
      out.append(String.format(Locale.ROOT, "%d of %d stacks failed the offline check: %s (Terraform's messages follow).%n",
          failed.size(), results.size(), String.join(", ", failed)));
    }
    for (StackResult r : results) {
      if (!r.warnings().isEmpty()) {
        out.append(r.stack()).append(" warnings from ").append(String.join("\n", r.warnings())).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * What went wrong, per failed stack, for standard error: Terraform's own lines for the failed step, and every
   * network request terraform tried to send.
   *
   * @param results one per stack
   * @return the text, empty when every stack passed
   */
  public static String problems(List<StackResult> results) {
    StringBuilder err = new StringBuilder();
    for (StackResult r : results) {
      if (!r.failure().isEmpty()) {
        err.append(r.stack()).append(": ").append(String.join("\n", r.failure())).append('\n');
      }
      if (!r.networkAttempts().isEmpty()) {
        err.append(r.stack()).append(": terraform tried to reach the network ").append(r.networkAttempts().size())
            .append(r.networkAttempts().size() == 1 ? " time" : " times")
            .append(" (the check gives it none, so the plan cannot depend on AWS; look for a data source or a"
                + " provider setting that needs a real account):\n");
        r.networkAttempts().forEach(a -> err.append("  ").append(a).append('\n'));
      }
    }
    return err.toString();
  }
}
