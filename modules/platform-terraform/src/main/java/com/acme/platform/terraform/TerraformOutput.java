package com.acme.platform.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Picks Terraform's own diagnostics (its {@code Error:} and {@code Warning:} blocks) out of a command's output. */
public final class TerraformOutput {
  private static final Pattern DIAGNOSTIC = Pattern.compile("^(Error|Warning): .*");
  private static final Pattern WARNING = Pattern.compile("^Warning: .*");
  private static final int TAIL_LINES = 30;

  private TerraformOutput() {}

  /**
   * The lines from the first {@code Error:} or {@code Warning:} to the end, without trailing blank lines: what
   * Terraform printed about the failure, without the plan that may come before it. When Terraform printed no
   * diagnostic (a crash, a timeout), the last lines of the output instead.
   *
   * @param output the command's output, {@code -no-color}
   * @return the lines to show the user
   */
  public static List<String> diagnostics(String output) {
    List<String> lines = output.lines().toList();
    int first = 0;
    while (first < lines.size() && !DIAGNOSTIC.matcher(lines.get(first)).matches()) {
      first++;
    }
    if (first == lines.size()) {
      first = Math.max(0, lines.size() - TAIL_LINES);
    }
    return trimTrailingBlanks(lines.subList(first, lines.size()));
  }

  /**
   * The {@code Warning:} blocks of a successful command: each from its {@code Warning:} line to the next diagnostic
   * or to what Terraform prints after its diagnostics ({@code Success!} of validate, {@code Saved the plan} of plan).
   *
   * @param output the command's output, {@code -no-color}
   * @return the warning lines; empty when there are none
   */
  public static List<String> warnings(String output) {
    List<String> result = new ArrayList<>();
    boolean inWarning = false;
    for (String line : output.lines().toList()) {
      if (WARNING.matcher(line).matches()) {
        inWarning = true;
      } else if (line.startsWith("Success!") || line.startsWith("Saved the plan") || line.startsWith("─")
          || DIAGNOSTIC.matcher(line).matches()) {
        inWarning = false;
      }
      if (inWarning) {
        result.add(line);
      }
    }
    return trimTrailingBlanks(result);
  }

  private static List<String> trimTrailingBlanks(List<String> lines) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return List.copyOf(lines.subList(0, end));
  }
}
