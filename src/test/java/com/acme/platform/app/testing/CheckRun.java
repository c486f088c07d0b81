package com.acme.platform.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * One run of the check with its exit status and printed text, and the table row of a stack.
 *
 * @param exitCode the exit status
 * @param out what went to standard output (the synth and check tables)
 * @param err what went to standard error (Terraform's messages for failures)
 */
public record CheckRun(int exitCode, String out, String err) {
  /**
   * Runs the check with captured streams.
   *
   * @param check the call: receives the two streams, returns the exit status
   * @return the run
   */
  public static CheckRun capture(BiFunction<PrintStream, PrintStream, Integer> check) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = check.apply(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CheckRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The columns of a stack's row in the check table: stack, to add, init, validate, plan, network, seconds.
   *
   * @param stack the stack name
   * @return the seven columns
   */
  public Row row(String stack) {
    var m = Pattern.compile("(?m)^(" + Pattern.quote(stack) + ")\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)"
        + "\\s+(\\d+\\.\\d)$").matcher(out);
    assertThat(m.find()).as("check table row of %s in:%n%s%nstderr:%n%s", stack, out, err).isTrue();
    return new Row(m.group(2), m.group(3), m.group(4), m.group(5), Integer.parseInt(m.group(6)),
        Double.parseDouble(m.group(7)));
  }

  /**
   * One row of the check table.
   *
   * @param toAdd resources to add, or {@code -}
   * @param init init result
   * @param validate validate result
   * @param plan plan result
   * @param network network requests attempted
   * @param seconds how long the stack took
   */
  public record Row(String toAdd, String init, String validate, String plan, int network, double seconds) {
    /** The three step results, for one assertion. */
    public List<String> steps() {
      return List.of(init, validate, plan);
    }
  }
}
